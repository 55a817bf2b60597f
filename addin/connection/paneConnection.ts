import { KpiClient } from "../api/kpiClient";
import { KpiApiError } from "../../shared/api/client";

/**
 * How the pane is connected: a pasted key, or Microsoft 365 sign-in whose token provider gives a fresh access token
 * for every request. The rest of the pane only asks for a client.
 */
export type PaneConnection =
  | { method: "key"; serverUrl: string; key: string }
  | { method: "microsoft365"; serverUrl: string; accessToken: () => Promise<string> };

export function paneClient(connection: PaneConnection): KpiClient {
  if (connection.method === "key") return new KpiClient(connection);
  // The shared client sends a fixed key; here every request carries the token of the moment instead.
  return new KpiClient({ serverUrl: connection.serverUrl, key: "microsoft365" }, { fetch: withAccessToken(connection.accessToken) });
}

/**
 * fetch with the current access token as the bearer. Failing to get one is "not signed in" (not "offline"), with no
 * HTTP status: the request never left.
 */
export function withAccessToken(accessToken: () => Promise<string>, base: typeof fetch = globalThis.fetch.bind(globalThis)): typeof fetch {
  return async (input, init = {}) => {
    let token: string;
    try {
      token = await accessToken();
    } catch (error) {
      throw new KpiApiError("unauthorized", error instanceof Error && error.message ? error.message : "Cần đăng nhập lại bằng tài khoản Microsoft 365.");
    }
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token}`);
    return base(input, { ...init, headers });
  };
}
