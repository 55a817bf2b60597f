import type { EntraSignInConfig } from "../../shared/api/signInConfig";
import type { NestedAuthClient } from "./entraSignIn";

/**
 * How the sign-in script (signin.js, MSAL inside) hands its factory to the pane script: a classic script cannot
 * export, so it sets one property on window, and the pane reads it after the script's load event.
 */
export const NESTED_AUTH_GLOBAL = "kpiNestedAuth";

export interface NestedAuthFactory {
  /** MSAL's nestable client, or undefined when Office's NAA bridge is not there. */
  createClient(config: EntraSignInConfig): Promise<NestedAuthClient | undefined>;
}
