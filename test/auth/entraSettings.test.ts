import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { settingsFromEnvironment } from "../../functions/services/settings";

/** Entra ID settings: off unless asked for, and a half-configured sign-in stops the start with a Vietnamese message. */

const tenantId = randomUUID();
const clientId = randomUUID();
const base = { KPI_STORAGE_CONNECTION: "UseDevelopmentStorage=true" };
const roleMap = JSON.stringify({ rules: [{ role: "KPI.Province", principal: { role: "province", province: "phu-tho" } }] });

function problems(env: Record<string, string>): string[] {
  try {
    settingsFromEnvironment({ ...base, ...env });
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((issue) => issue.message);
    throw error;
  }
  return [];
}

describe("Entra ID settings", () => {
  it("are off when no KPI_ENTRA_* setting is given (keys only)", () => {
    expect(settingsFromEnvironment({ ...base, KPI_ENTRA_TENANT_ID: "" }).entra).toBeUndefined();
  });

  it("read tenant, audiences, key address and the role map", () => {
    const entra = settingsFromEnvironment({
      ...base,
      KPI_ENTRA_TENANT_ID: tenantId.toUpperCase(),
      KPI_ENTRA_AUDIENCE: `${clientId}, api://${clientId}`,
      KPI_ENTRA_JWKS_URL: "http://127.0.0.1:9/keys",
      KPI_ENTRA_ROLE_MAP: roleMap,
    }).entra;
    expect(entra).toEqual({
      tenantId,
      audiences: [clientId, `api://${clientId}`],
      jwksUrl: "http://127.0.0.1:9/keys",
      roleMap: JSON.parse(roleMap),
    });
  });

  it("require the audience and the role map once a tenant is set", () => {
    expect(problems({ KPI_ENTRA_TENANT_ID: tenantId })).toEqual([
      "KPI_ENTRA_AUDIENCE là bắt buộc khi đặt KPI_ENTRA_TENANT_ID (đăng nhập bằng Entra ID).",
      "KPI_ENTRA_ROLE_MAP là bắt buộc khi đặt KPI_ENTRA_TENANT_ID (đăng nhập bằng Entra ID).",
    ]);
  });

  it("require the tenant when another Entra setting is given", () => {
    expect(problems({ KPI_ENTRA_AUDIENCE: clientId, KPI_ENTRA_ROLE_MAP: roleMap })).toEqual([
      "KPI_ENTRA_TENANT_ID là bắt buộc khi đặt KPI_ENTRA_AUDIENCE, KPI_ENTRA_JWKS_URL hoặc KPI_ENTRA_ROLE_MAP.",
    ]);
  });

  it("refuse keys fetched over plain http from another machine", () => {
    const env = { KPI_ENTRA_TENANT_ID: tenantId, KPI_ENTRA_AUDIENCE: clientId, KPI_ENTRA_ROLE_MAP: roleMap };
    expect(problems({ ...env, KPI_ENTRA_JWKS_URL: "http://keys.example.test/keys" })).toEqual([
      "KPI_ENTRA_JWKS_URL phải dùng https (http chỉ dùng được với 127.0.0.1 khi thử nghiệm).",
    ]);
    expect(problems({ ...env, KPI_ENTRA_JWKS_URL: "https://keys.example.test/keys" })).toEqual([]);
  });

  it.each([
    ["text that is not JSON", "{rules:", "KPI_ENTRA_ROLE_MAP không phải JSON hợp lệ."],
    ["a map without rules", JSON.stringify({ rules: [] }), "Bảng ánh xạ vai trò Entra ID cần ít nhất một quy tắc."],
    [
      "an agency rule without its agency",
      JSON.stringify({ rules: [{ role: "KPI.Agency", principal: { role: "agency", province: "phu-tho" } }] }),
      "Quy tắc cho cán bộ cơ quan phải ghi đúng một agencyId; vai trò province và viewer không ghi agencyId.",
    ],
    [
      "a rule naming both an app role and a group",
      JSON.stringify({ rules: [{ role: "KPI.Viewer", group: randomUUID(), principal: { role: "viewer", province: "phu-tho" } }] }),
      'Mỗi quy tắc có đúng một trong hai trường "role" (vai trò ứng dụng) hoặc "group" (mã nhóm), kèm "principal".',
    ],
    [
      "a map written for another tenant",
      JSON.stringify({ tenantId: randomUUID(), rules: [{ role: "KPI.Viewer", principal: { role: "viewer", province: "phu-tho" } }] }),
      "KPI_ENTRA_ROLE_MAP ghi tenantId khác KPI_ENTRA_TENANT_ID.",
    ],
  ])("refuse %s", (_, map, message) => {
    expect(problems({ KPI_ENTRA_TENANT_ID: tenantId, KPI_ENTRA_AUDIENCE: clientId, KPI_ENTRA_ROLE_MAP: map })).toContain(message);
  });
});
