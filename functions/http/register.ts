import type { HttpFunctionOptions } from "@azure/functions";
import type { Services } from "../services/services";
import { toAzureHandler } from "./handle";
import type { RouteDefinition } from "./route";

/** The part of the `app` object registration needs, so a test can record what would be registered. */
export interface HttpRegistrar {
  http(name: string, options: HttpFunctionOptions): void;
}

/** Anonymous at the Functions level: keys are checked by the app itself, the same way on Azure and locally. */
export function registerRoutes(app: HttpRegistrar, routes: readonly RouteDefinition[], services: () => Promise<Services>): void {
  for (const route of routes) {
    app.http(route.name, { methods: route.methods, route: route.route, authLevel: "anonymous", handler: toAzureHandler(route, services) });
  }
}
