import * as z from "zod";

/** What a rule (or a person) concluded about one reported value against one target. */
export const verdictCodeSchema = z.enum(["met", "not_met", "pending", "no_data", "needs_review", "invalid_actual"]);
export type VerdictCode = z.infer<typeof verdictCodeSchema>;

export const verdictSchema = z.object({
  verdict: verdictCodeSchema,
  /** The word an officer reads in the verdict column: "Đạt", "Không đạt" … */
  label: z.string(),
  /** Margin to the threshold in the target's unit: positive above it, negative short of it; null when not measurable. */
  gap: z.number().nullable(),
  gapUnit: z.string().nullable(),
  /** One line in Vietnamese: "Đạt: 92,5% ≥ 90%". */
  explanation: z.string(),
});
export type Verdict = z.infer<typeof verdictSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Ngày phải có dạng YYYY-MM-DD." });

export const evaluateOptionsSchema = z.object({
  /** The day the value is judged; before the deadline an unmet target is only "pending". */
  asOf: isoDate.optional(),
  /**
   * The unit written in a column of its own: "%" reads a bare "≥ 70" target as 70%, and a bare number written as
   * text ("52,9") as 52,9%. A number (a cell's value) stays a fraction: 0,529 is 52,9% whatever the unit says.
   */
  unit: z.string().optional(),
  /** The deadline of the reporting period, for targets that carry none of their own ("Đề án", "≥ 90%"). */
  dueDate: isoDate.optional(),
});
export type EvaluateOptions = z.infer<typeof evaluateOptionsSchema>;
