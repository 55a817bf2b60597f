import { createNestablePublicClientApplication, PublicClientApplication, stubbedPublicClientApplication, type IPublicClientApplication } from "@azure/msal-browser";
import type { EntraSignInConfig } from "../../shared/api/signInConfig";
import type { NestedAuthClient } from "./entraSignIn";
import { NESTED_AUTH_GLOBAL, type NestedAuthFactory } from "./nestedAuthGlobal";

/*
 * The sign-in script, built apart from the pane (signin.js) because MSAL outweighs the rest of the pane's code: only
 * a province that configured Microsoft 365 sign-in makes officers download it, and only when they choose it.
 */

async function createClient(config: EntraSignInConfig): Promise<NestedAuthClient | undefined> {
  let nested = false;
  const client: IPublicClientApplication = await createNestablePublicClientApplication(
    {
      auth: { clientId: config.clientId, authority: config.authority },
      // Tokens live for this session of the pane only; nothing of the sign-in is written to lasting storage.
      cache: { cacheLocation: "sessionStorage" },
    },
    undefined,
    // MSAL calls this factory only when Office's NAA bridge answered.
    (configuration, controller) => {
      nested = true;
      return new PublicClientApplication(configuration, controller);
    },
    // Otherwise MSAL would build a plain browser client that opens web pop-ups from inside Excel, which is not what the
    // officer chose: it gets MSAL's inert client instead, and the pane says to use a key. signin.js leaves MSAL's
    // browser controller out altogether (addin/build/signInBundle.mjs).
    () => ({ ...stubbedPublicClientApplication, initialize: async () => undefined }),
  );
  return nested ? client : undefined;
}

const factory: NestedAuthFactory = { createClient };
(window as unknown as Record<string, unknown>)[NESTED_AUTH_GLOBAL] = factory;
