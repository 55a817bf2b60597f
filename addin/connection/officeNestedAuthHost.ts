import type { NestedAuthHost } from "./entraSignIn";
import { NESTED_AUTH_GLOBAL, type NestedAuthFactory } from "./nestedAuthGlobal";

/** NAA as Office declares it: requirement set NestedAppAuth 1.1 (Microsoft 365 Excel on Windows, Mac and the web). */
export function officeSupportsNestedAuth(): boolean {
  try {
    return typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("NestedAppAuth", "1.1"));
  } catch {
    return false;
  }
}

let loading: Promise<NestedAuthFactory> | undefined;

/** The sign-in script (addin/build/build.mjs puts it beside the pane's page), added once on first use; a failed load may be tried again. */
export function loadSignInScript(src = "signin/signin.js"): Promise<NestedAuthFactory> {
  loading ??= new Promise<NestedAuthFactory>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.addEventListener("load", () => {
      const factory = (window as unknown as Record<string, unknown>)[NESTED_AUTH_GLOBAL] as NestedAuthFactory | undefined;
      if (factory && typeof factory.createClient === "function") resolve(factory);
      else reject(new Error(`${src} did not register ${NESTED_AUTH_GLOBAL}`));
    });
    script.addEventListener("error", () => reject(new Error(`${src} could not be loaded`)));
    document.head.appendChild(script);
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export const officeNestedAuthHost: NestedAuthHost = {
  supportsNestedAuth: officeSupportsNestedAuth,
  createClient: async (config) => (await loadSignInScript()).createClient(config),
};
