import { describe, expect, it } from "vitest";
import {
  ENTRA_MESSAGES,
  EntraSignInError,
  signInWithEntra,
  type NestedAuthClient,
  type NestedAuthHost,
  type SignedInAccount,
  type TokenResult,
} from "../../../addin/connection/entraSignIn";
import type { EntraSignInConfig } from "../../../shared/api/signInConfig";

/**
 * The pane's Microsoft 365 sign-in with MSAL's client replaced at the adapter's boundary: the MSAL object is passed in,
 * so each of Office's answers (token, "interaction required", cancelled window, consent missing) can be given.
 * Real nested app authentication needs Office's bridge and runs only inside Excel.
 */

const config: EntraSignInConfig = {
  clientId: "6f1c0b6e-3c39-4d8f-9d0e-2d3c1d4b5a69",
  authority: "https://login.microsoftonline.com/0b8a5e8e-6d6e-4f3c-8a3f-7e2a1c9d4b10",
  scopes: ["api://kpi-api/access_as_user"],
};
const binh: SignedInAccount = { homeAccountId: "oid.tid", username: "binh@phutho.gov.vn", name: "Trần Thị Bình" };

/** An MSAL error as MSAL builds it: a name and an errorCode, Entra's AADSTS text in errorMessage. */
function msalError(name: string, errorCode: string, errorMessage = ""): Error {
  return Object.assign(new Error(`${errorCode}: ${errorMessage}`), { name, errorCode, errorMessage });
}

type Answer = TokenResult | Error;

class ScriptedMsal implements NestedAuthClient {
  active: SignedInAccount | null = null;
  silentCalls: Array<{ scopes: string[]; account?: SignedInAccount }> = [];
  popupCalls = 0;

  constructor(
    private readonly silentAnswers: Answer[],
    private readonly popupAnswers: Answer[] = [],
  ) {}

  getActiveAccount() {
    return this.active;
  }
  setActiveAccount(account: SignedInAccount | null) {
    this.active = account;
  }
  async acquireTokenSilent(request: { scopes: string[]; account?: SignedInAccount }) {
    this.silentCalls.push(request);
    return answer(this.silentAnswers.shift());
  }
  async acquireTokenPopup() {
    this.popupCalls += 1;
    return answer(this.popupAnswers.shift());
  }
}

async function answer(next: Answer | undefined): Promise<TokenResult> {
  await Promise.resolve();
  if (!next) throw new Error("no scripted answer left");
  if (next instanceof Error) throw next;
  return next;
}

function hostWith(client: NestedAuthClient | undefined | Error, supports = true): NestedAuthHost & { created: number } {
  const host = {
    created: 0,
    supportsNestedAuth: () => supports,
    createClient: async () => {
      host.created += 1;
      if (client instanceof Error) throw client;
      return client;
    },
  };
  return host;
}

async function failureOf(promise: Promise<unknown>): Promise<EntraSignInError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EntraSignInError);
  return error as EntraSignInError;
}

const interactionRequired = () => msalError("InteractionRequiredAuthError", "interaction_required");

describe("Microsoft 365 sign-in through Office", () => {
  it("takes Office's token silently when it has one, and keeps handing out fresh tokens for the API scope", async () => {
    const msal = new ScriptedMsal([
      { accessToken: "token-1", account: binh },
      { accessToken: "token-2", account: binh },
    ]);
    const session = await signInWithEntra(config, hostWith(msal), { interactive: true });
    expect(session.account).toEqual(binh);
    expect(msal.active).toEqual(binh);
    expect(await session.accessToken()).toBe("token-2");
    expect(msal.silentCalls).toEqual([{ scopes: config.scopes }, { scopes: config.scopes, account: binh }]);
    expect(msal.popupCalls).toBe(0);
  });

  it("opens Office's sign-in window when the silent attempt says interaction is required", async () => {
    const msal = new ScriptedMsal([interactionRequired()], [{ accessToken: "token-popup", account: binh }]);
    const session = await signInWithEntra(config, hostWith(msal), { interactive: true });
    expect(msal.popupCalls).toBe(1);
    expect(session.account.username).toBe("binh@phutho.gov.vn");
  });

  it("reopening the pane never opens a window by itself: it asks the officer to sign in again", async () => {
    const msal = new ScriptedMsal([interactionRequired()]);
    const error = await failureOf(signInWithEntra(config, hostWith(msal), { interactive: false }));
    expect(error.code).toBe("sign_in_again");
    expect(error.message).toBe('Cần đăng nhập lại bằng tài khoản Microsoft 365: bấm "Đăng nhập bằng tài khoản Microsoft 365".');
    expect(msal.popupCalls).toBe(0);
  });

  it("asks MSAL once for a burst of requests", async () => {
    const msal = new ScriptedMsal([{ accessToken: "first", account: binh }, { accessToken: "shared", account: binh }]);
    const session = await signInWithEntra(config, hostWith(msal), { interactive: true });
    expect(await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()])).toEqual(["shared", "shared", "shared"]);
    expect(msal.silentCalls).toHaveLength(2);
  });
});

describe("falling back to keys when Office cannot sign in", () => {
  it("says to use a key when Office does not declare nested app authentication, without loading MSAL", async () => {
    const host = hostWith(new ScriptedMsal([]), false);
    const error = await failureOf(signInWithEntra(config, host, { interactive: true }));
    expect(error.code).toBe("unsupported");
    expect(error.message).toContain('Hãy chọn "Dùng khóa truy cập" và dán khóa được cấp.');
    expect(host.created).toBe(0);
  });

  it("says the same when Office's NAA bridge does not answer (MSAL would otherwise open web pop-ups)", async () => {
    const error = await failureOf(signInWithEntra(config, hostWith(undefined), { interactive: true }));
    expect(error.code).toBe("unsupported");
  });

  it("tells the officer the sign-in part could not be loaded", async () => {
    const error = await failureOf(signInWithEntra(config, hostWith(new Error("signin.js could not be loaded")), { interactive: true }));
    expect(error).toMatchObject({ code: "not_loaded", message: ENTRA_MESSAGES.not_loaded });
  });
});

describe("MSAL's errors in Vietnamese", () => {
  const afterPopup = async (popupError: Error) => {
    const msal = new ScriptedMsal([interactionRequired()], [popupError]);
    return failureOf(signInWithEntra(config, hostWith(msal), { interactive: true }));
  };

  it.each([
    ["the window closed before signing in", msalError("BrowserAuthError", "user_cancelled"), "cancelled"],
    ["Office's bridge reporting the cancel", msalError("ClientAuthError", "user_canceled"), "cancelled"],
    ["the window blocked", msalError("BrowserAuthError", "popup_window_error"), "popup_blocked"],
    ["another sign-in window open", msalError("BrowserAuthError", "interaction_in_progress"), "in_progress"],
    ["no network", msalError("ClientAuthError", "no_network_connectivity"), "offline"],
    ["the bridge disabled by the host", msalError("ClientAuthError", "nested_app_auth_bridge_disabled"), "unsupported"],
    ["admin consent missing", msalError("InteractionRequiredAuthError", "invalid_grant", "AADSTS65001: The user or administrator has not consented"), "consent"],
    ["the user not assigned to the app", msalError("ServerError", "invalid_request", "AADSTS50105: Your administrator has configured the application"), "not_assigned"],
  ] as const)("%s", async (_case, error, code) => {
    const failure = await afterPopup(error);
    expect(failure.code).toBe(code);
    expect(failure.message).toBe(ENTRA_MESSAGES[code]);
  });

  it("names an unknown error's code so the officer can report it", async () => {
    const failure = await afterPopup(msalError("ServerError", "temporarily_unavailable"));
    expect(failure.code).toBe("failed");
    expect(failure.message).toBe(
      "Đăng nhập Microsoft 365 không thành công (mã temporarily_unavailable). Hãy thử lại; nếu vẫn lỗi, dùng khóa truy cập và báo bộ phận quản trị mã lỗi này.",
    );
  });

  it("does not open a window for an error that is not about interaction", async () => {
    const msal = new ScriptedMsal([msalError("ClientAuthError", "no_network_connectivity")]);
    const failure = await failureOf(signInWithEntra(config, hostWith(msal), { interactive: true }));
    expect(failure.code).toBe("offline");
    expect(msal.popupCalls).toBe(0);
  });
});
