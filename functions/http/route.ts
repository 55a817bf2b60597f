import type { HttpMethod, HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import type { Principal, Role } from "../auth/principal";
import type { Services } from "../services/services";

export interface RouteContext {
  request: HttpRequest;
  invocation: InvocationContext;
  services: Services;
  /** Absent only on public routes. */
  principal: Principal;
}

/**
 * One entry of the route table: what Azure registers with app.http and what the local host serves. `roles` is the
 * first gate (who may call at all); handlers check the second (own province, own agency) once they know the target.
 */
export interface RouteDefinition {
  name: string;
  methods: HttpMethod[];
  /** An Azure Functions route template under the "api" prefix: "decisions/{decisionId}". */
  route: string;
  roles: readonly Role[] | "public";
  handler: (context: RouteContext) => Promise<HttpResponseInit>;
}

export const ALL_ROLES: readonly Role[] = ["province", "agency", "viewer"];
