import * as z from "zod";
import { forgetConnection, loadConnection, saveConnection, type Connection } from "./connectionSettings";

/**
 * Which way this user signed in last time, remembered in the add-in's browser storage so the pane reconnects by
 * itself. For Microsoft 365 only the server address is kept: the token stays in MSAL's session cache, and Office
 * signs the officer in again silently. Choosing one way forgets the other, so a key given up is not kept around.
 */
export type RememberedSignIn = { method: "key"; connection: Connection } | { method: "microsoft365"; serverUrl: string };

const MICROSOFT_365_KEY = "kpi.microsoft365";
const microsoft365Schema = z.object({ serverUrl: z.url() });

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function loadRememberedSignIn(storage: Store | undefined = globalThis.localStorage): RememberedSignIn | undefined {
  const connection = loadConnection(storage);
  if (connection) return { method: "key", connection };
  try {
    const raw = storage?.getItem(MICROSOFT_365_KEY);
    const parsed = raw ? microsoft365Schema.safeParse(JSON.parse(raw)) : undefined;
    return parsed?.success ? { method: "microsoft365", serverUrl: parsed.data.serverUrl } : undefined;
  } catch {
    return undefined;
  }
}

export function rememberKey(connection: Connection, storage: Store = globalThis.localStorage): void {
  saveConnection(connection, storage);
  storage.removeItem(MICROSOFT_365_KEY);
}

export function rememberMicrosoft365(serverUrl: string, storage: Store = globalThis.localStorage): void {
  storage.setItem(MICROSOFT_365_KEY, JSON.stringify(microsoft365Schema.parse({ serverUrl })));
  forgetConnection(storage);
}
