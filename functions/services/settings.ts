import * as z from "zod";
import { roleMapSchema } from "../auth/entra/roleMap";
import { DEFAULT_REPORT_DUE_DAY } from "../../shared/period/reportDue";
import { storageConnectionFromEnvironment, storageConnectionInputSchema } from "../storage/connection";
import { STORAGE_PREFIX_PATTERN } from "../storage/tableNames";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const REQUIRED_WITH_TENANT = "là bắt buộc khi đặt KPI_ENTRA_TENANT_ID (đăng nhập bằng Entra ID).";

/** The role map arrives as JSON text in an app setting; an unreadable one stops the start with a clear message. */
const roleMapSettingSchema = z.preprocess(
  (value, context) => {
    if (value === undefined) {
      context.addIssue({ code: "custom", message: `KPI_ENTRA_ROLE_MAP ${REQUIRED_WITH_TENANT}`, input: value });
      return z.NEVER;
    }
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value);
    } catch {
      context.addIssue({ code: "custom", message: "KPI_ENTRA_ROLE_MAP không phải JSON hợp lệ.", input: value });
      return z.NEVER;
    }
  },
  roleMapSchema,
);

/** Sign-in with Microsoft Entra ID, next to pasted keys; absent: keys only. */
export const entraSettingsSchema = z
  .object({
    tenantId: z
      .guid({
        error: (issue) =>
          issue.input === undefined
            ? "KPI_ENTRA_TENANT_ID là bắt buộc khi đặt KPI_ENTRA_AUDIENCE, KPI_ENTRA_JWKS_URL hoặc KPI_ENTRA_ROLE_MAP."
            : "KPI_ENTRA_TENANT_ID phải là mã thư mục (tenant ID) dạng GUID.",
      })
      // Entra writes tenant ids in lower case in `iss` and `tid`.
      .transform((tenantId) => tenantId.toLowerCase()),
    /** Comma-separated: the app's client id, and its "api://…" URI if tokens carry that. */
    audiences: z
      .string({ error: `KPI_ENTRA_AUDIENCE ${REQUIRED_WITH_TENANT}` })
      .transform((text) => text.split(",").map((audience) => audience.trim()).filter(Boolean))
      .pipe(z.array(z.string()).min(1, { error: `KPI_ENTRA_AUDIENCE ${REQUIRED_WITH_TENANT}` })),
    // Whoever serves the keys decides who signs in: plain http only for a key set served on this machine (tests).
    jwksUrl: z
      .url({ protocol: /^https?$/, error: "KPI_ENTRA_JWKS_URL phải là địa chỉ https." })
      .refine((url) => url.startsWith("https:") || LOOPBACK_HOSTS.has(new URL(url).hostname), {
        error: "KPI_ENTRA_JWKS_URL phải dùng https (http chỉ dùng được với 127.0.0.1 khi thử nghiệm).",
      })
      .optional(),
    roleMap: roleMapSettingSchema,
    /**
     * The add-in's own (SPA) app registration and the API scope it asks for: given, the task pane offers Microsoft 365
     * sign-in through Office (nested app authentication); absent, the server still accepts Entra tokens but the pane
     * shows keys only.
     */
    addinClientId: z.guid({ error: "KPI_ENTRA_CLIENT_ID phải là mã ứng dụng (client ID) dạng GUID của add-in." }).optional(),
    apiScope: z
      .string()
      .regex(/^\S+\/\S+$/, { error: "KPI_ENTRA_API_SCOPE phải là phạm vi đầy đủ của API, ví dụ api://<mã ứng dụng>/access_as_user." })
      .optional(),
  })
  .superRefine((entra, context) => {
    if ((entra.addinClientId === undefined) !== (entra.apiScope === undefined)) {
      context.addIssue({
        code: "custom",
        path: [entra.addinClientId === undefined ? "addinClientId" : "apiScope"],
        message: "KPI_ENTRA_CLIENT_ID và KPI_ENTRA_API_SCOPE phải đặt cùng nhau để khung KPI đăng nhập bằng Microsoft 365.",
      });
    }
    if (entra.roleMap.tenantId !== undefined && entra.roleMap.tenantId.toLowerCase() !== entra.tenantId) {
      context.addIssue({ code: "custom", path: ["roleMap", "tenantId"], message: "KPI_ENTRA_ROLE_MAP ghi tenantId khác KPI_ENTRA_TENANT_ID." });
    }
    if (entra.roleMap.audience !== undefined && !entra.audiences.includes(entra.roleMap.audience)) {
      context.addIssue({ code: "custom", path: ["roleMap", "audience"], message: "KPI_ENTRA_ROLE_MAP ghi audience không có trong KPI_ENTRA_AUDIENCE." });
    }
  });
export type EntraSettings = z.infer<typeof entraSettingsSchema>;

/** Settings come from the Functions app settings on Azure and from the environment locally; all are checked at start. */
export const settingsSchema = z.object({
  /** A connection string (Azurite, local runs) or account URLs with a managed identity (Azure); see storage/connection. */
  connection: storageConnectionInputSchema,
  reportDueDay: z.coerce.number().int().min(1).max(31, { error: "KPI_REPORT_DUE_DAY phải từ 1 đến 31." }).default(DEFAULT_REPORT_DUE_DAY),
  keyCacheMs: z.coerce.number().int().min(0).default(30_000),
  catalogueCacheMs: z.coerce.number().int().min(0).default(5_000),
  /**
   * How long a submission may rely on a lock read already made (one read per period this often instead of one per
   * submission); a lock then answers only once this has passed, so every instance refuses from its answer on.
   */
  lockCacheMs: z.coerce.number().int().min(0).max(60_000, { error: "KPI_LOCK_CACHE_MS tối đa 60000 (một phút)." }).default(2_000),
  /** Lock a period automatically this many days after its report due date; unset: only the province locks. */
  autoLockDays: z.coerce.number().int().min(0, { error: "KPI_AUTO_LOCK_DAYS phải là số ngày không âm." }).max(366).optional(),
  storagePrefix: z.string().regex(STORAGE_PREFIX_PATTERN, { error: "KPI_STORAGE_PREFIX chỉ gồm chữ thường và số, bắt đầu bằng chữ, tối đa 16 ký tự." }).default(""),
  entra: entraSettingsSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Settings {
  return settingsSchema.parse({
    connection: storageConnectionFromEnvironment(env),
    reportDueDay: env.KPI_REPORT_DUE_DAY,
    keyCacheMs: env.KPI_KEY_CACHE_MS,
    catalogueCacheMs: env.KPI_CATALOGUE_CACHE_MS,
    lockCacheMs: env.KPI_LOCK_CACHE_MS,
    storagePrefix: env.KPI_STORAGE_PREFIX,
    autoLockDays: env.KPI_AUTO_LOCK_DAYS === "" ? undefined : env.KPI_AUTO_LOCK_DAYS,
    entra: entraFromEnvironment(env),
  });
}

/** Undefined when no KPI_ENTRA_* setting is given; any one of them turns Entra ID on and the others are checked. */
function entraFromEnvironment(env: NodeJS.ProcessEnv): Record<string, string | undefined> | undefined {
  const given = (name: string) => (env[name] === "" ? undefined : env[name]);
  const entra = {
    tenantId: given("KPI_ENTRA_TENANT_ID"),
    audiences: given("KPI_ENTRA_AUDIENCE"),
    jwksUrl: given("KPI_ENTRA_JWKS_URL"),
    roleMap: given("KPI_ENTRA_ROLE_MAP"),
    addinClientId: given("KPI_ENTRA_CLIENT_ID"),
    apiScope: given("KPI_ENTRA_API_SCOPE"),
  };
  return Object.values(entra).some((value) => value !== undefined) ? entra : undefined;
}
