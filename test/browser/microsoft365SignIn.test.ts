import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENTRA_MESSAGES } from "../../addin/connection/entraSignIn";
import { base64url, microsoft365Settings, startLocalTenant, type LocalTenant } from "../auth/localEntra";
import { startAddinStack, type AddinStack } from "../support/addinStack";
import { launchChromium } from "../support/chromium";
import { TaskpanePage } from "./taskpanePage";

/**
 * The connect form in real Chromium against two real servers: one whose province set up Microsoft 365 sign-in for the
 * add-in, one with keys only. Real nested app authentication needs Office: here Office is either absent (the plain
 * preview, as on volume-licensed Office) or stood in for at its NAA bridge (window.nestedAppAuthBridge, the message
 * channel Office gives MSAL), answering with tokens of a tenant served on 127.0.0.1. MSAL, signin.js, the pane and
 * the server's token check are the real ones.
 */

const MICROSOFT_365 = "Đăng nhập bằng tài khoản Microsoft 365";
const USE_KEY = "Dùng khóa truy cập";
const addinClientId = randomUUID();

let tenant: LocalTenant;
let withMicrosoft365: AddinStack;
let keysOnly: AddinStack;
let browser: Browser;

beforeAll(async () => {
  tenant = await startLocalTenant();
  [withMicrosoft365, keysOnly, browser] = await Promise.all([
    startAddinStack({
      stack: {
        settings: {
          entra: microsoft365Settings(tenant, addinClientId),
        },
      },
    }),
    startAddinStack(),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([withMicrosoft365?.close(), keysOnly?.close()]);
  await tenant?.close();
});

interface Officer {
  pane: TaskpanePage;
  context: BrowserContext;
  /** Every path the page asked its origin for, e.g. "/signin/signin.js". */
  requested: string[];
  /** Authorization headers the pane sent to /api/me. */
  bearers: string[];
}

async function officer(options: { office?: OfficeBridge } = {}): Promise<Officer> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  context.setDefaultTimeout(15_000);
  if (options.office) await standInForOffice(context, options.office);
  const page = await context.newPage();
  const requested: string[] = [];
  const bearers: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    requested.push(url.pathname);
    if (url.pathname === "/api/me") bearers.push(request.headers()["authorization"] ?? "");
  });
  return { pane: new TaskpanePage(page), context, requested, bearers };
}

/** Opens the preview and waits for the server's sign-in configuration to have arrived and been drawn. */
async function openAt(system: AddinStack, who: Officer): Promise<void> {
  const answered = who.pane.page.waitForResponse((response) => response.url().endsWith("/api/signin-config"));
  await who.pane.open(system.origin);
  await (await answered).finished();
  // The answer is drawn on the next render: a frame and a task later, an absent button is truly absent.
  await who.pane.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/** What the stand-in for Office answers when MSAL asks for a token silently, and through its sign-in window. */
interface OfficeBridge {
  silent: "token" | "USER_INTERACTION_REQUIRED";
  popup: "token" | "USER_CANCEL";
  claims: Record<string, unknown>;
}

/**
 * Office as MSAL sees it: requirement set NestedAppAuth 1.1 declared (no Office.onReady, so the page stays the
 * preview), and the bridge answering MSAL's GetInitContext / GetToken / GetTokenPopup messages.
 */
async function standInForOffice(context: BrowserContext, office: OfficeBridge): Promise<void> {
  const oid = randomUUID();
  const username = "binh@phutho.gov.vn";
  await context.exposeBinding("officeIssuesToken", () => {
    const now = Math.floor(Date.now() / 1000);
    const idClaims = { aud: addinClientId, iss: tenant.issuer, tid: tenant.tenantId, oid, sub: oid, name: office.claims.name, preferred_username: username, iat: now, nbf: now, exp: now + 3600, ver: "2.0" };
    return {
      accessToken: tenant.token({ claims: { oid, ...office.claims } }),
      // MSAL reads the account from the id token's claims; it does not check its signature.
      idToken: `${base64url({ alg: "none", typ: "JWT" })}.${base64url(idClaims)}.`,
      account: { homeAccountId: `${oid}.${tenant.tenantId}`, environment: "login.microsoftonline.com", tenantId: tenant.tenantId, username, localAccountId: oid, name: office.claims.name },
    };
  });
  await context.addInitScript(
    ({ silent, popup }) => {
      type Listener = (message: string) => void;
      const listeners: Listener[] = [];
      const page = window as unknown as Record<string, unknown>;
      page.Office = { context: { requirements: { isSetSupported: (name: string) => name === "NestedAppAuth" } } };
      page.nestedAppAuthBridge = {
        addEventListener: (_type: string, listener: Listener) => listeners.push(listener),
        removeEventListener: () => undefined,
        postMessage: async (text: string) => {
          const request = JSON.parse(text) as { method: string; requestId: string; tokenParams?: { scope: string } };
          const reply = (body: Record<string, unknown>) =>
            setTimeout(() => listeners.forEach((listener) => listener(JSON.stringify({ messageType: "NestedAppAuthResponse", requestId: request.requestId, ...body }))));
          if (request.method === "GetInitContext") return reply({ success: true, initContext: { sdkName: "stand-in", sdkVersion: "1.0", capabilities: { queryAccount: false } } });
          const answer = request.method === "GetToken" ? silent : popup;
          if (answer !== "token") return reply({ success: false, error: { status: answer, code: "", description: "" } });
          const issued = await (page.officeIssuesToken as () => Promise<{ accessToken: string; idToken: string; account: unknown }>)();
          reply({
            success: true,
            token: { access_token: issued.accessToken, id_token: issued.idToken, expires_in: 3600, scope: request.tokenParams?.scope, properties: null },
            account: issued.account,
          });
        },
      };
    },
    { silent: office.silent, popup: office.popup },
  );
}

describe("the connect form offers what the server's province set up", { timeout: 60_000 }, () => {
  it("shows only the key field when the server has no Microsoft 365 sign-in, and connects with a key", async () => {
    const who = await officer();
    try {
      await openAt(keysOnly, who);
      expect(await who.pane.button(MICROSOFT_365).count()).toBe(0);
      expect(await who.pane.button(USE_KEY).count()).toBe(0);
      await who.pane.connect(keysOnly.stack.keys.agency);
      expect(who.requested).not.toContain("/signin/signin.js");
    } finally {
      await who.context.close();
    }
  });

  it("offers Microsoft 365 sign-in first and the key behind 'Dùng khóa truy cập', which still connects", async () => {
    const who = await officer();
    try {
      await openAt(withMicrosoft365, who);
      await who.pane.button(MICROSOFT_365).waitFor();
      expect(await who.pane.pane.getByLabel("Khóa truy cập").count()).toBe(0);
      await who.pane.button(USE_KEY).click();
      await who.pane.connect(withMicrosoft365.stack.keys.province);
      await who.pane.pane.getByText(/^Sở KH&CN Phú Thọ · /).waitFor();
    } finally {
      await who.context.close();
    }
  });

  it("says to use a key when Office cannot sign in (no nested app authentication), without downloading the sign-in script", async () => {
    const who = await officer();
    try {
      await openAt(withMicrosoft365, who);
      await who.pane.button(MICROSOFT_365).click();
      expect(await who.pane.alertText()).toContain(ENTRA_MESSAGES.unsupported);
      expect(who.requested).not.toContain("/signin/signin.js");
      expect(who.requested.filter((path) => path.endsWith(".js"))).toEqual(["/taskpane.js"]);
    } finally {
      await who.context.close();
    }
  });

  it("says to use a key when Office declares nested app authentication but its bridge is not there, and opens no web sign-in", async () => {
    const who = await officer();
    try {
      await who.context.addInitScript(() => {
        (window as unknown as Record<string, unknown>).Office = { context: { requirements: { isSetSupported: (name: string) => name === "NestedAppAuth" } } };
      });
      const popups: string[] = [];
      who.context.on("page", (page) => popups.push(page.url()));
      await openAt(withMicrosoft365, who);
      await who.pane.button(MICROSOFT_365).click();
      expect(await who.pane.alertText()).toContain(ENTRA_MESSAGES.unsupported);
      expect(who.requested).toContain("/signin/signin.js");
      expect(popups).toEqual([]);
      expect(who.pane.page.frames()).toHaveLength(1);
    } finally {
      await who.context.close();
    }
  });
});

describe("Microsoft 365 sign-in through Office's bridge (stood in for)", { timeout: 60_000 }, () => {
  it("signs in with the account open in Excel, sends its token as the bearer, and reconnects silently when reopened", async () => {
    const who = await officer({ office: { silent: "token", popup: "token", claims: { roles: ["KPI.Province"], name: "Trần Thị Bình" } } });
    try {
      await openAt(withMicrosoft365, who);
      expect(who.requested).not.toContain("/signin/signin.js");
      await who.pane.button(MICROSOFT_365).click();
      await who.pane.pane.getByText(/^Trần Thị Bình · /).waitFor();
      expect(who.requested).toContain("/signin/signin.js");
      expect(who.bearers.at(-1)).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);

      // Nothing of the sign-in is kept in lasting storage: the address only, the token in MSAL's session cache.
      const stored = await who.pane.page.evaluate(() => JSON.stringify({ ...localStorage }));
      expect(stored).not.toContain(who.bearers.at(-1)!.slice("Bearer ".length));
      expect(JSON.parse(stored)).toEqual({ "kpi.microsoft365": JSON.stringify({ serverUrl: withMicrosoft365.origin }) });

      await who.pane.page.reload();
      await who.pane.pane.getByText(/^Trần Thị Bình · /).waitFor();

      // Switching to a key forgets the Microsoft 365 sign-in, so the next opening uses the key.
      await who.pane.button("Đổi kết nối").click();
      await who.pane.button(USE_KEY).click();
      await who.pane.connect(withMicrosoft365.stack.keys.agency);
      const remembered = Object.keys(JSON.parse(await who.pane.page.evaluate(() => JSON.stringify({ ...localStorage }))));
      expect(remembered).toContain("kpi.connection");
      expect(remembered).not.toContain("kpi.microsoft365");
      await who.pane.page.reload();
      await who.pane.pane.getByText(/^Sở Tài chính · /).waitFor();
    } finally {
      await who.context.close();
    }
  });

  it("explains in Vietnamese when the officer closes Office's sign-in window", async () => {
    const who = await officer({ office: { silent: "USER_INTERACTION_REQUIRED", popup: "USER_CANCEL", claims: { roles: ["KPI.Province"] } } });
    try {
      await openAt(withMicrosoft365, who);
      await who.pane.button(MICROSOFT_365).click();
      expect(await who.pane.alertText()).toContain(ENTRA_MESSAGES.cancelled);
    } finally {
      await who.context.close();
    }
  });

  it("says the account has no role on this server when the province's role map has no rule for it", async () => {
    const who = await officer({ office: { silent: "token", popup: "token", claims: { roles: ["Other.Role"] } } });
    try {
      await openAt(withMicrosoft365, who);
      await who.pane.button(MICROSOFT_365).click();
      expect(await who.pane.alertText()).toContain("Máy chủ KPI chưa nhận tài khoản Microsoft 365 binh@phutho.gov.vn");
    } finally {
      await who.context.close();
    }
  });
});
