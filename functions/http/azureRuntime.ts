import azureFunctions from "@azure/functions";

/**
 * @azure/functions is a CommonJS package whose named exports Node's ESM loader cannot see; its classes are taken from
 * the default export here, once, for the Azure entry point and the local host.
 */
export const { app, HttpRequest, HttpResponse, InvocationContext } = azureFunctions;
