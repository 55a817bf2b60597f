import { KpiApiError } from "../../shared/api/client";
import type { Me } from "../../shared/api/contract";
import type { EntraSignInConfig } from "../../shared/api/signInConfig";
import { EntraSignInError, notMappedFailure, signInWithEntra, type NestedAuthHost } from "./entraSignIn";
import { paneClient, type PaneConnection } from "./paneConnection";
import { fetchSignInConfig } from "./signInConfigClient";

/**
 * Microsoft 365 sign-in up to "connected as …": Office's token, then the server's answer about who that is. The
 * server refusing a token Office just issued means the province's role map has no rule for the account, which is
 * said in those words instead of the key-store's "key wrong or revoked".
 */
export async function connectWithMicrosoft365(
  serverUrl: string,
  config: EntraSignInConfig,
  host: NestedAuthHost,
  options: { interactive: boolean },
): Promise<{ connection: PaneConnection; me: Me }> {
  const session = await signInWithEntra(config, host, options);
  const connection: PaneConnection = { method: "microsoft365", serverUrl, accessToken: session.accessToken };
  try {
    return { connection, me: await paneClient(connection).me() };
  } catch (error) {
    if (error instanceof KpiApiError && error.code === "unauthorized" && error.status === 401) throw notMappedFailure(session.account.username);
    throw error;
  }
}

/**
 * Reopening the pane of an officer who signed in with Microsoft 365 last time: the server is asked again (the
 * province may have turned it off), and Office only silently — a window the officer did not ask for never opens.
 */
export async function reconnectWithMicrosoft365(serverUrl: string, host: NestedAuthHost): Promise<{ connection: PaneConnection; me: Me }> {
  const config = await fetchSignInConfig(serverUrl);
  if (!config?.entra) {
    throw new EntraSignInError(
      "unsupported",
      "Máy chủ KPI hiện không cho đăng nhập bằng tài khoản Microsoft 365 (hoặc chưa trả lời). Kiểm tra địa chỉ máy chủ, hoặc dùng khóa truy cập.",
    );
  }
  return connectWithMicrosoft365(serverUrl, config.entra, host, { interactive: false });
}
