import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { settingsFromEnvironment } from "../../functions/services/settings";
import { signInConfigSchema } from "../../shared/api/signInConfig";
import { startStack, type TestStack } from "../support/stack";

/**
 * What the task pane asks before anyone signs in: whether this server's province set up Microsoft 365 sign-in for the
 * add-in, over real HTTP and without a key.
 */

const tenantId = randomUUID();
const apiClientId = randomUUID();
const addinClientId = randomUUID();
const roleMap = JSON.stringify({ rules: [{ role: "KPI.Province", principal: { role: "province", province: "phu-tho" } }] });
const entra = { tenantId, audiences: apiClientId, jwksUrl: "http://127.0.0.1:9/keys", roleMap };

let keysOnly: TestStack;
let serverOnlyEntra: TestStack;
let withAddin: TestStack;

beforeAll(async () => {
  [keysOnly, serverOnlyEntra, withAddin] = await Promise.all([
    startStack(),
    startStack({ settings: { entra } }),
    startStack({ settings: { entra: { ...entra, addinClientId, apiScope: `api://${apiClientId}/access_as_user` } } }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([keysOnly?.close(), serverOnlyEntra?.close(), withAddin?.close()]);
});

async function signInConfig(stack: TestStack) {
  const response = await stack.call("/signin-config");
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return signInConfigSchema.parse(await response.json());
}

describe("GET /signin-config", () => {
  it("names the add-in's app registration, the tenant's authority and the API scope when the province set them", async () => {
    expect(await signInConfig(withAddin)).toEqual({
      entra: { clientId: addinClientId, authority: `https://login.microsoftonline.com/${tenantId}`, scopes: [`api://${apiClientId}/access_as_user`] },
    });
  });

  it("answers keys only on a server without Entra ID", async () => {
    expect(await signInConfig(keysOnly)).toEqual({ entra: null });
  });

  it("answers keys only when the server accepts Entra tokens but the add-in has no app registration set", async () => {
    expect(await signInConfig(serverOnlyEntra)).toEqual({ entra: null });
  });

  it("ignores a key sent along, even a wrong one: it is read before signing in", async () => {
    const response = await withAddin.call("/signin-config", { key: "kpi_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(response.status).toBe(200);
  });
});

describe("KPI_ENTRA_CLIENT_ID and KPI_ENTRA_API_SCOPE", () => {
  const env = {
    KPI_STORAGE_CONNECTION: "UseDevelopmentStorage=true",
    KPI_ENTRA_TENANT_ID: tenantId,
    KPI_ENTRA_AUDIENCE: apiClientId,
    KPI_ENTRA_ROLE_MAP: roleMap,
  };
  const problems = (extra: Record<string, string>) => {
    try {
      settingsFromEnvironment({ ...env, ...extra });
      return [];
    } catch (error) {
      if (error instanceof ZodError) return error.issues.map((issue) => issue.message);
      throw error;
    }
  };

  it("are read together", () => {
    const settings = settingsFromEnvironment({ ...env, KPI_ENTRA_CLIENT_ID: addinClientId, KPI_ENTRA_API_SCOPE: `api://${apiClientId}/access_as_user` });
    expect(settings.entra).toMatchObject({ addinClientId, apiScope: `api://${apiClientId}/access_as_user` });
  });

  it("stop the start with a Vietnamese message when only one of them is set", () => {
    expect(problems({ KPI_ENTRA_CLIENT_ID: addinClientId })).toEqual([
      "KPI_ENTRA_CLIENT_ID và KPI_ENTRA_API_SCOPE phải đặt cùng nhau để khung KPI đăng nhập bằng Microsoft 365.",
    ]);
    expect(problems({ KPI_ENTRA_API_SCOPE: `api://${apiClientId}/access_as_user` })).toHaveLength(1);
  });

  it("refuse a client id that is not a GUID and a scope without its API", () => {
    expect(problems({ KPI_ENTRA_CLIENT_ID: "kpi-addin", KPI_ENTRA_API_SCOPE: "access_as_user" })).toEqual([
      "KPI_ENTRA_CLIENT_ID phải là mã ứng dụng (client ID) dạng GUID của add-in.",
      "KPI_ENTRA_API_SCOPE phải là phạm vi đầy đủ của API, ví dụ api://<mã ứng dụng>/access_as_user.",
    ]);
  });

  it("need the tenant: the client id alone does not turn sign-in on half-way", () => {
    expect(() => settingsFromEnvironment({ KPI_STORAGE_CONNECTION: "UseDevelopmentStorage=true", KPI_ENTRA_CLIENT_ID: addinClientId })).toThrow(ZodError);
  });
});
