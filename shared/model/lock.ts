import * as z from "zod";
import { agencyIdSchema } from "./ids";

/**
 * A decision × period closed to data entry, for all agencies or one. The newest decision that applies wins: a
 * period locked for all then unlocked for one agency is open for that agency only; locking all again closes it.
 * An automatic lock (a setting: N days after the period's due date) counts as a lock of all at that moment.
 */
export const lockEntrySchema = z.object({
  scope: z.enum(["all", "agency"]),
  agencyId: agencyIdSchema.optional(),
  locked: z.boolean(),
  reason: z.string().optional(),
  by: z.string(),
  byLabel: z.string(),
  at: z.string(),
});
export type LockEntry = z.infer<typeof lockEntrySchema>;

/** Whether one agency may still submit, and why not. */
export const lockStateSchema = z.object({
  locked: z.boolean(),
  /** The decision in force: an explicit lock or unlock, or the automatic lock. */
  source: z.enum(["none", "all", "agency", "automatic"]),
  reason: z.string().optional(),
  byLabel: z.string().optional(),
  at: z.string().optional(),
});
export type LockState = z.infer<typeof lockStateSchema>;

/** The newest of the entries (and the automatic lock, once its moment has passed) that concern the agency. */
export function lockStateOf(entries: readonly LockEntry[], agencyId: string, now: string, automaticAt?: string): LockState {
  const candidates: LockState[] = entries
    .filter((entry) => entry.scope === "all" || entry.agencyId === agencyId)
    .map((entry) => ({
      locked: entry.locked,
      source: entry.scope,
      ...(entry.reason ? { reason: entry.reason } : {}),
      byLabel: entry.byLabel,
      at: entry.at,
    }));
  if (automaticAt && automaticAt <= now) {
    candidates.push({ locked: true, source: "automatic", reason: "Khóa tự động sau hạn nộp báo cáo.", at: automaticAt });
  }
  const newest = candidates.sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : 0)).at(-1);
  return newest ?? { locked: false, source: "none" };
}
