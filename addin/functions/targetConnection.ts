import type { Connection } from "../connection/connectionSettings";
import { withAccessToken, type PaneConnection } from "../connection/paneConnection";
import { httpTargetTransport, type TargetTransport } from "./targetBatcher";

/** The pane's open connection first (a Microsoft 365 sign-in exists nowhere else), else the key the pane saved. */
export function targetConnectionOf(active: PaneConnection | undefined, saved: Connection | undefined): PaneConnection | undefined {
  return active ?? (saved ? { method: "key", ...saved } : undefined);
}

/** Same connection, same answers: a new sign-in, server or key starts a fresh cache of targets. */
export function sameTargetConnection(a: PaneConnection, b: PaneConnection): boolean {
  if (a.method === "key" && b.method === "key") return a.serverUrl === b.serverUrl && a.key === b.key;
  return a === b;
}

/** How KPI.TARGET reaches the server: with the key, or with a fresh Microsoft 365 token on every request. */
export function targetTransportFor(connection: PaneConnection, fetchImpl?: typeof fetch): TargetTransport {
  if (connection.method === "key") return httpTargetTransport(connection.serverUrl, connection.key, fetchImpl);
  // The client's fixed key is replaced by the token of the moment on every request (see paneClient).
  return httpTargetTransport(connection.serverUrl, "microsoft365", withAccessToken(connection.accessToken, fetchImpl));
}
