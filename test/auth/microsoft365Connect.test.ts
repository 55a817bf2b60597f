import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NestedAuthClient, NestedAuthHost, SignedInAccount, TokenResult } from "../../addin/connection/entraSignIn";
import { EntraSignInError } from "../../addin/connection/entraSignIn";
import { connectWithMicrosoft365 } from "../../addin/connection/microsoft365Connect";
import { paneClient } from "../../addin/connection/paneConnection";
import { signInConfigSchema } from "../../shared/api/signInConfig";
import { fetchSignInConfig } from "../../addin/connection/signInConfigClient";
import { TargetBatcher } from "../../addin/functions/targetBatcher";
import { sameTargetConnection, targetConnectionOf, targetTransportFor } from "../../addin/functions/targetConnection";
import { startStack, type TestStack } from "../support/stack";
import { microsoft365Settings, startLocalTenant, type LocalTenant } from "./localEntra";

/**
 * The pane's Microsoft 365 path against the real host: the configuration read over HTTP, the token Office would hand
 * over (signed by a tenant served on 127.0.0.1; Office's bridge is replaced at the MSAL-client boundary) sent as the
 * bearer of every request, and the server's answer about who that is.
 */

let tenant: LocalTenant;
let stack: TestStack;
const addinClientId = randomUUID();

beforeAll(async () => {
  tenant = await startLocalTenant();
  stack = await startStack({
    settings: {
      entra: microsoft365Settings(tenant, addinClientId),
    },
  });
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await tenant?.close();
});

/** Office's side: every token request answers with a fresh token for this account's claims. */
function officeSigningIn(claims: Record<string, unknown>, account: SignedInAccount): NestedAuthHost & { issued: number } {
  const issue = async (): Promise<TokenResult> => {
    host.issued += 1;
    return { accessToken: tenant.token({ claims }), account };
  };
  const client: NestedAuthClient = {
    getActiveAccount: () => null,
    setActiveAccount: () => undefined,
    acquireTokenSilent: issue,
    acquireTokenPopup: issue,
  };
  const host = { issued: 0, supportsNestedAuth: () => true, createClient: async () => client };
  return host;
}

const serverUrl = () => stack.host.url;

describe("connecting the pane with Microsoft 365", () => {
  it("reads the sign-in configuration the server offers, without a key", async () => {
    const config = await fetchSignInConfig(serverUrl());
    expect(signInConfigSchema.parse(config).entra).toMatchObject({ clientId: addinClientId, scopes: [`api://${tenant.clientId}/access_as_user`] });
  });

  it("connects as the role the province mapped, with a token asked for each request", async () => {
    const config = (await fetchSignInConfig(serverUrl()))!.entra!;
    const host = officeSigningIn({ roles: ["KPI.Province"], name: "Trần Thị Bình" }, { homeAccountId: "a", username: "binh@phutho.gov.vn" });
    const { connection, me } = await connectWithMicrosoft365(serverUrl(), config, host, { interactive: true });
    expect(me).toMatchObject({ role: "province", province: "phu-tho", label: "Trần Thị Bình" });
    const decisions = await paneClient(connection).decisions();
    expect(decisions.length).toBeGreaterThan(0);
    // Sign-in, "who am I" and the list of decisions: each request carried a token of its own moment.
    expect(host.issued).toBe(3);
  });

  it("says the account has no role on this server, instead of calling it a wrong key", async () => {
    const config = (await fetchSignInConfig(serverUrl()))!.entra!;
    const host = officeSigningIn({ roles: ["Other.Role"] }, { homeAccountId: "b", username: "cuong@phutho.gov.vn" });
    const error = await connectWithMicrosoft365(serverUrl(), config, host, { interactive: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EntraSignInError);
    expect(error).toMatchObject({
      code: "not_mapped",
      message:
        "Máy chủ KPI chưa nhận tài khoản Microsoft 365 cuong@phutho.gov.vn: tài khoản chưa có vai trò trong bảng ánh xạ vai trò của tỉnh. Liên hệ bộ phận quản trị; trong lúc chờ hãy dùng khóa truy cập.",
    });
  });

  it("lets KPI.TARGET cells ask with the pane's Microsoft 365 sign-in, a fresh token per request", async () => {
    const config = (await fetchSignInConfig(serverUrl()))!.entra!;
    const host = officeSigningIn({ roles: ["KPI.Province"], name: "Trần Thị Bình" }, { homeAccountId: "c", username: "binh@phutho.gov.vn" });
    const { connection } = await connectWithMicrosoft365(serverUrl(), config, host, { interactive: true });
    // The pane's open sign-in comes first; a key saved earlier in localStorage is not what the cells use then.
    const saved = { serverUrl: serverUrl(), key: stack.keys.agency };
    const chosen = targetConnectionOf(connection, saved)!;
    expect(chosen).toBe(connection);
    expect(targetConnectionOf(undefined, saved)).toEqual({ method: "key", ...saved });
    expect(targetConnectionOf(undefined, undefined)).toBeUndefined();
    expect(sameTargetConnection(chosen, { method: "key", ...saved })).toBe(false);

    const before = host.issued;
    const batcher = new TargetBatcher(targetTransportFor(chosen));
    const answers = await Promise.all([
      batcher.target({ agency: "so-tai-chinh", indicatorCode: "CDS-001", period: "2025-Q4" }),
      batcher.target({ agency: "Sở Tài chính", indicatorCode: "cds-002", period: "2025-Q4" }),
    ]);
    expect(answers).toEqual(["Tối thiểu 65%", "Tối thiểu 70%"]);
    expect(host.issued).toBe(before + 1);
  });

  it("reads no configuration from an address that is not a KPI server: the pane then offers keys", async () => {
    expect(await fetchSignInConfig(tenant.jwksUrl.replace(/\/keys$/, ""))).toBeUndefined();
  });
});
