import type { PaneConnection } from "./paneConnection";

/**
 * The connection the pane has open, for the custom functions: both run from one script in Office's shared runtime,
 * so this module's state is theirs too. A Microsoft 365 sign-in lives only here (its tokens are never stored by us);
 * a key connection is also in localStorage, where the functions find it before the pane has opened.
 */
let active: PaneConnection | undefined;

export function setActiveConnection(connection: PaneConnection | undefined): void {
  active = connection;
}

export function activeConnection(): PaneConnection | undefined {
  return active;
}
