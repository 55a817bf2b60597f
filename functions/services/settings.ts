import { z } from "zod";
import { DEFAULT_REPORT_DUE_DAY } from "../../shared/period/reportDue";
import { storageConnectionFromEnvironment, storageConnectionInputSchema } from "../storage/connection";
import { STORAGE_PREFIX_PATTERN } from "../storage/tableNames";

/** Settings come from the Functions app settings on Azure and from the environment locally; all are checked at start. */
export const settingsSchema = z.object({
  /** A connection string (Azurite, local runs) or account URLs with a managed identity (Azure); see storage/connection. */
  connection: storageConnectionInputSchema,
  reportDueDay: z.coerce.number().int().min(1).max(31, { error: "KPI_REPORT_DUE_DAY phải từ 1 đến 31." }).default(DEFAULT_REPORT_DUE_DAY),
  keyCacheMs: z.coerce.number().int().min(0).default(30_000),
  catalogueCacheMs: z.coerce.number().int().min(0).default(5_000),
  /** Lock a period automatically this many days after its report due date; unset: only the province locks. */
  autoLockDays: z.coerce.number().int().min(0, { error: "KPI_AUTO_LOCK_DAYS phải là số ngày không âm." }).max(366).optional(),
  storagePrefix: z.string().regex(STORAGE_PREFIX_PATTERN, { error: "KPI_STORAGE_PREFIX chỉ gồm chữ thường và số, bắt đầu bằng chữ, tối đa 16 ký tự." }).default(""),
});
export type Settings = z.infer<typeof settingsSchema>;

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Settings {
  return settingsSchema.parse({
    connection: storageConnectionFromEnvironment(env),
    reportDueDay: env.KPI_REPORT_DUE_DAY,
    keyCacheMs: env.KPI_KEY_CACHE_MS,
    catalogueCacheMs: env.KPI_CATALOGUE_CACHE_MS,
    storagePrefix: env.KPI_STORAGE_PREFIX,
    autoLockDays: env.KPI_AUTO_LOCK_DAYS === "" ? undefined : env.KPI_AUTO_LOCK_DAYS,
  });
}
