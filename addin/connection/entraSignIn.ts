import type { EntraSignInConfig } from "../../shared/api/signInConfig";

/**
 * Microsoft 365 sign-in through Office (nested app authentication): Office signs the officer in with the account
 * already open in Excel and hands the pane an access token for the KPI API. MSAL itself lives in a separate script
 * (signin/signin.js) loaded only when a province configured it; this file knows MSAL only by the few methods it calls, so
 * the main pane bundle never carries it. Tokens stay in MSAL's own cache (session storage), never in ours.
 */

/** The account fields read from MSAL's AccountInfo. */
export interface SignedInAccount {
  homeAccountId: string;
  username: string;
  name?: string;
}

export interface TokenResult {
  accessToken: string;
  account: SignedInAccount | null;
}

/** The part of MSAL's IPublicClientApplication the pane uses. */
export interface NestedAuthClient {
  getActiveAccount(): SignedInAccount | null;
  setActiveAccount(account: SignedInAccount | null): void;
  acquireTokenSilent(request: { scopes: string[]; account?: SignedInAccount }): Promise<TokenResult>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<TokenResult>;
}

/** Where the pane runs: Office's answer about NAA, and MSAL's client once signin.js is loaded. */
export interface NestedAuthHost {
  /** Office declares the NestedAppAuth requirement set: it can broker tokens for add-ins. */
  supportsNestedAuth(): boolean;
  /** MSAL's nestable client, or undefined when Office's NAA bridge did not answer (then MSAL would open web pop-ups). */
  createClient(config: EntraSignInConfig): Promise<NestedAuthClient | undefined>;
}

export type EntraFailure = "unsupported" | "not_loaded" | "sign_in_again" | "cancelled" | "popup_blocked" | "in_progress" | "offline" | "consent" | "not_assigned" | "not_mapped" | "failed";

export const ENTRA_MESSAGES: Record<Exclude<EntraFailure, "failed" | "not_mapped">, string> = {
  unsupported:
    "Excel trên máy này chưa hỗ trợ đăng nhập bằng tài khoản Microsoft 365 cho add-in (cần Microsoft 365 bản mới; Office mua theo giấy phép số lượng lớn như Office 2019/2021/2024 không có). Hãy chọn \"Dùng khóa truy cập\" và dán khóa được cấp.",
  not_loaded: "Không tải được phần đăng nhập Microsoft 365 của add-in. Kiểm tra kết nối mạng rồi thử lại, hoặc dùng khóa truy cập.",
  sign_in_again: "Cần đăng nhập lại bằng tài khoản Microsoft 365: bấm \"Đăng nhập bằng tài khoản Microsoft 365\".",
  cancelled: "Cửa sổ đăng nhập Microsoft 365 đã đóng trước khi đăng nhập xong. Bấm lại để đăng nhập, hoặc dùng khóa truy cập.",
  popup_blocked: "Không mở được cửa sổ đăng nhập Microsoft 365 (có thể bị chặn cửa sổ bật lên). Cho phép cửa sổ bật lên rồi thử lại, hoặc dùng khóa truy cập.",
  in_progress: "Một cửa sổ đăng nhập Microsoft 365 khác đang mở. Hoàn tất hoặc đóng cửa sổ đó rồi thử lại.",
  offline: "Không kết nối được dịch vụ đăng nhập của Microsoft (mất mạng?). Thử lại khi có kết nối, hoặc dùng khóa truy cập.",
  consent:
    "Quản trị Microsoft 365 của tỉnh chưa cấp quyền cho add-in KPI truy cập máy chủ KPI (admin consent). Liên hệ bộ phận quản trị, trong lúc chờ hãy dùng khóa truy cập.",
  not_assigned:
    "Tài khoản Microsoft 365 này chưa được gán vào ứng dụng KPI của tỉnh. Liên hệ bộ phận quản trị để được gán vai trò, trong lúc chờ hãy dùng khóa truy cập.",
};

export class EntraSignInError extends Error {
  constructor(
    readonly code: EntraFailure,
    message: string,
  ) {
    super(message);
    this.name = "EntraSignInError";
  }
}

export interface EntraSession {
  /** Who Office signed in: named to the officer when the server gives that account no role. */
  account: SignedInAccount;
  /** A current access token for the API scope: from MSAL's cache, renewed by Office when near expiry. */
  accessToken(): Promise<string>;
}

/**
 * Signs in through Office. `interactive: false` (reopening the pane) only takes what Office grants silently; `true`
 * (the officer pressed the button) lets Office show its sign-in or consent window when it must.
 */
export async function signInWithEntra(config: EntraSignInConfig, host: NestedAuthHost, options: { interactive: boolean }): Promise<EntraSession> {
  if (!host.supportsNestedAuth()) throw failure("unsupported");
  let client: NestedAuthClient | undefined;
  try {
    client = await host.createClient(config);
  } catch {
    throw failure("not_loaded");
  }
  if (!client) throw failure("unsupported");
  const tokens = new TokenSource(client, config.scopes);
  const first = await tokens.acquire(options.interactive);
  if (!first.account) throw failure("failed", "no_account");
  return { account: first.account, accessToken: async () => (await tokens.acquire(true)).accessToken };
}

/** One request for a token at a time: a burst of API calls asks MSAL once, and never opens two sign-in windows. */
class TokenSource {
  private pending: Promise<TokenResult> | undefined;

  constructor(
    private readonly client: NestedAuthClient,
    private readonly scopes: string[],
  ) {}

  acquire(interactive: boolean): Promise<TokenResult> {
    this.pending ??= this.fetch(interactive).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetch(interactive: boolean): Promise<TokenResult> {
    const account = this.client.getActiveAccount() ?? undefined;
    let result: TokenResult;
    try {
      result = await this.client.acquireTokenSilent({ scopes: this.scopes, ...(account ? { account } : {}) });
    } catch (error) {
      if (!needsInteraction(error)) throw entraFailureOf(error);
      if (!interactive) throw failure("sign_in_again");
      try {
        result = await this.client.acquireTokenPopup({ scopes: this.scopes });
      } catch (popupError) {
        throw entraFailureOf(popupError);
      }
    }
    if (result.account) this.client.setActiveAccount(result.account);
    return result;
  }
}

/** MSAL's error shape, read without importing MSAL: `errorCode`, `subError`, `errorMessage` (with AADSTS codes). */
interface MsalErrorFields {
  name?: unknown;
  errorCode?: unknown;
  subError?: unknown;
  errorMessage?: unknown;
  message?: unknown;
}

const INTERACTION_CODES = new Set([
  "interaction_required",
  "consent_required",
  "login_required",
  "no_tokens_found",
  "refresh_token_expired",
  "bad_token",
  "no_account_error",
  "no_account_found",
  "native_account_unavailable",
]);

export function needsInteraction(error: unknown): boolean {
  const fields = fieldsOf(error);
  return fields.name === "InteractionRequiredAuthError" || INTERACTION_CODES.has(fields.code);
}

type MsalFailure = Exclude<EntraFailure, "not_mapped">;

const FAILURE_BY_CODE: Record<string, MsalFailure> = {
  user_cancelled: "cancelled",
  user_canceled: "cancelled",
  popup_window_error: "popup_blocked",
  empty_window_error: "popup_blocked",
  block_nested_popups: "popup_blocked",
  interaction_in_progress: "in_progress",
  no_network_connectivity: "offline",
  network_error: "offline",
  post_request_failed: "offline",
  get_request_failed: "offline",
  timed_out: "offline",
  nested_app_auth_bridge_disabled: "unsupported",
  consent_required: "consent",
};

/** Entra's own codes in the error text: consent not granted, user not assigned to the app. */
const FAILURE_BY_AADSTS: Record<string, MsalFailure> = {
  AADSTS65001: "consent",
  AADSTS90094: "consent",
  AADSTS50105: "not_assigned",
};

/** An MSAL (or Office bridge) error as the officer should read it, in Vietnamese, with what to do next. */
export function entraFailureOf(error: unknown): EntraSignInError {
  if (error instanceof EntraSignInError) return error;
  const fields = fieldsOf(error);
  const aadsts = /AADSTS\d+/.exec(fields.text)?.[0];
  const kind = (aadsts ? FAILURE_BY_AADSTS[aadsts] : undefined) ?? FAILURE_BY_CODE[fields.code] ?? "failed";
  return failure(kind, aadsts ?? (fields.code || undefined));
}

/** Office signed the officer in, but the KPI server gives that account no role. */
export function notMappedFailure(username: string): EntraSignInError {
  return new EntraSignInError(
    "not_mapped",
    `Máy chủ KPI chưa nhận tài khoản Microsoft 365 ${username}: tài khoản chưa có vai trò trong bảng ánh xạ vai trò của tỉnh. Liên hệ bộ phận quản trị; trong lúc chờ hãy dùng khóa truy cập.`,
  );
}

function failure(kind: MsalFailure, detail?: string): EntraSignInError {
  if (kind !== "failed") return new EntraSignInError(kind, ENTRA_MESSAGES[kind]);
  const code = detail ? ` (mã ${detail})` : "";
  return new EntraSignInError("failed", `Đăng nhập Microsoft 365 không thành công${code}. Hãy thử lại; nếu vẫn lỗi, dùng khóa truy cập và báo bộ phận quản trị mã lỗi này.`);
}

function fieldsOf(error: unknown): { name: string; code: string; text: string } {
  const fields: MsalErrorFields = typeof error === "object" && error !== null ? (error as MsalErrorFields) : {};
  const text = [fields.errorMessage, fields.message, fields.subError].filter((part) => typeof part === "string").join(" ");
  return { name: typeof fields.name === "string" ? fields.name : "", code: typeof fields.errorCode === "string" ? fields.errorCode : "", text };
}
