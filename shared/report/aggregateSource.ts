import * as z from "zod";
import { judgedValueSchema, latestSubmissionSchema } from "../model/submission";

/**
 * What the matrix reads of an agency's latest version, and no more: a stored row read back is validated against this
 * narrow shape once, so the evidence, results-report text and other parts aggregation never shows are neither checked
 * nor copied for every value of every agency. Each field keeps the record's own rules (`pick`).
 */
export const aggregatedValueSchema = judgedValueSchema.pick({
  assignmentId: true,
  actual: true,
  numerator: true,
  denominator: true,
  note: true,
  targetText: true,
  verdict: true,
  label: true,
  explanation: true,
  carriedVerdict: true,
  flags: true,
});
export type AggregatedValue = z.infer<typeof aggregatedValueSchema>;

export const aggregateSourceSchema = latestSubmissionSchema.extend({ values: z.array(aggregatedValueSchema) });
export type AggregateSource = z.infer<typeof aggregateSourceSchema>;
