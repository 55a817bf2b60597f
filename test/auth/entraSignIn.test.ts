import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meSchema } from "../../shared/api/contract";
import { apiErrorBodySchema } from "../../shared/api/errors";
import { startStack, type TestStack } from "../support/stack";
import { startLocalTenant, type LocalTenant } from "./localEntra";

/**
 * Microsoft sign-in through the real host: the tokens a pane would send after Office's sign-in, checked against a
 * tenant served on 127.0.0.1, next to the pasted keys officers without Microsoft 365 keep using.
 */

const agencyGroup = randomUUID();
let tenant: LocalTenant;
let stack: TestStack;

function entraSettings(of: LocalTenant) {
  return {
    tenantId: of.tenantId,
    audiences: of.clientId,
    jwksUrl: of.jwksUrl,
    roleMap: JSON.stringify({
      rules: [
        { role: "KPI.Province", principal: { role: "province", province: "phu-tho" } },
        { group: agencyGroup, principal: { role: "agency", province: "phu-tho", agencyId: "so-tai-chinh" } },
      ],
    }),
  };
}

beforeAll(async () => {
  tenant = await startLocalTenant();
  stack = await startStack({ settings: { entra: entraSettings(tenant) } });
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await tenant?.close();
});

describe("GET /me with a Microsoft sign-in", () => {
  it("answers the province role an app role maps to, with the user's name", async () => {
    const response = await stack.call("/me", { key: tenant.token({ claims: { roles: ["KPI.Province"], name: "Trần Thị Bình" } }) });
    expect(response.status).toBe(200);
    expect(meSchema.parse(await response.json())).toMatchObject({ role: "province", province: "phu-tho", label: "Trần Thị Bình" });
  });

  it("answers the agency a group maps to, and keeps that officer out of the province's functions", async () => {
    const token = tenant.token({ claims: { groups: [agencyGroup], name: "Lê Văn Cường" } });
    const me = meSchema.parse(await (await stack.call("/me", { key: token })).json());
    expect(me).toMatchObject({ role: "agency", agency: { id: "so-tai-chinh" }, label: "Lê Văn Cường" });
    const register = await stack.call("/agencies", { key: token, method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(register.status).toBe(403);
  });

  it("refuses a token for another app, and a user no rule maps, as not signed in", async () => {
    for (const token of [
      tenant.token({ claims: { roles: ["KPI.Province"], aud: randomUUID() } }),
      tenant.token({ claims: { roles: ["Someone.Else"] } }),
    ]) {
      const response = await stack.call("/me", { key: token });
      expect(response.status).toBe(401);
      expect(apiErrorBodySchema.parse(await response.json()).code).toBe("unauthorized");
    }
  });

  it("still lets pasted keys in", async () => {
    const response = await stack.call("/me", { key: stack.keys.agency });
    expect(response.status).toBe(200);
    expect(meSchema.parse(await response.json())).toMatchObject({ role: "agency", agency: { id: "so-tai-chinh" } });
  });
});

describe("when the tenant's keys cannot be fetched", () => {
  let downTenant: LocalTenant;
  let downStack: TestStack;
  beforeAll(async () => {
    downTenant = await startLocalTenant();
    downTenant.mode = "fail";
    downStack = await startStack({ settings: { entra: entraSettings(downTenant) } });
  }, 120_000);
  afterAll(async () => {
    await downStack?.close();
    await downTenant?.close();
  });

  it("answers 503 busy with a Vietnamese message and Retry-After, and pasted keys keep working", async () => {
    const response = await downStack.call("/me", { key: downTenant.token({ claims: { roles: ["KPI.Province"] } }) });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(apiErrorBodySchema.parse(await response.json())).toMatchObject({ code: "busy", message: expect.stringContaining("đăng nhập Microsoft") });
    expect((await downStack.call("/me", { key: downStack.keys.viewer })).status).toBe(200);
  });
});
