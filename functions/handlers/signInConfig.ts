import type { HttpResponseInit } from "@azure/functions";
import type { SignInConfig } from "../../shared/api/signInConfig";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";

/**
 * GET signin-config — public, since the pane asks before anyone has signed in. It tells only what the add-in's app
 * registration already publishes to every browser that signs in (client id, tenant, scope), nothing about roles.
 */
export async function signInConfigHandler({ services }: RouteContext): Promise<HttpResponseInit> {
  const entra = services.settings.entra;
  const answer: SignInConfig = {
    entra:
      entra?.addinClientId && entra.apiScope
        ? { clientId: entra.addinClientId, authority: `https://login.microsoftonline.com/${entra.tenantId}`, scopes: [entra.apiScope] }
        : null,
  };
  return json(200, answer);
}
