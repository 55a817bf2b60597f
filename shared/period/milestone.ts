import * as z from "zod";
import { isoDateSchema } from "./isoDate";
import { targetSchema } from "../target/schema";
import { periodEnd, periodStart, type PeriodCode } from "./period";

/**
 * A target due on a day: Huế's plan gives each agency "đến 31/3/2025", "đến 30/6/2025" and "đến 31/12/2025" for one
 * indicator, each with its own threshold.
 */
export const milestoneSchema = z.object({
  due: isoDateSchema,
  /** Exactly as written: the officer must recognise the cell of the plan. */
  targetText: z.string({ error: "Chỉ tiêu của mốc phải là chuỗi ký tự." }),
  /** Read at import, like the main target, so that a wrong cell is reported then and not when a report is due. */
  target: targetSchema.optional(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/**
 * The milestone a report for the period is judged against.
 * - Due inside the period: that one (the latest if several: a half-year report answers for its end, 30/6, not 31/3).
 * - Else the next one after the period: a Q3 report shows progress towards the 31/12 target.
 * - Else the last one before: after the final milestone, the final target still stands.
 */
export function milestoneForPeriod(milestones: readonly Milestone[], periodCode: PeriodCode): Milestone | undefined {
  const start = periodStart(periodCode);
  const end = periodEnd(periodCode);
  // ISO dates compare as strings; a stable sort keeps the written order among milestones of one day.
  const byDue = [...milestones].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const within = byDue.filter((m) => m.due >= start && m.due <= end);
  if (within.length > 0) return within[within.length - 1];
  const next = byDue.find((m) => m.due > end);
  if (next) return next;
  return byDue.filter((m) => m.due < start).pop();
}
