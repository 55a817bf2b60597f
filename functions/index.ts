import { app } from "./http/azureRuntime";
import { registerRoutes } from "./http/register";
import { ROUTES } from "./http/routes";
import { createServices, lazyServices } from "./services/services";
import { settingsFromEnvironment } from "./services/settings";
import { installVietnameseZodMessages } from "../shared/model/zodMessages";

installVietnameseZodMessages();

/**
 * The Azure Functions entry point (package.json "main", built to dist/functions/index.js): the route table
 * registered with the v4 programming model. Storage is reached on the first request, not at load, so a cold start
 * with storage briefly unavailable answers 503 instead of failing to load.
 */
app.setup({ enableHttpStream: false });
registerRoutes(app, ROUTES, lazyServices(() => createServices(settingsFromEnvironment())));
