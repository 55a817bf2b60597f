import { z } from "zod";
import { submissionValueSchema, submittedWorkbookSchema } from "../../shared/model";
import { agencyIdSchema, decisionIdSchema, provinceCodeSchema, submissionIdSchema } from "../../shared/model/ids";
import { periodCodeSchema } from "../../shared/period/period";
import { verdictCodeSchema } from "../../shared/verdict/schema";

/** A reported value with the verdict the server gave it when it arrived, and the target it was judged against. */
export const judgedValueSchema = submissionValueSchema.and(
  z.object({
    targetText: z.string(),
    verdict: verdictCodeSchema,
    label: z.string(),
    explanation: z.string(),
  }),
);
export type JudgedValue = z.infer<typeof judgedValueSchema>;

export const verdictCountsSchema = z.record(verdictCodeSchema, z.number().int().nonnegative());
export type VerdictCounts = z.infer<typeof verdictCountsSchema>;

/** The workbook of a version with the outcome of comparing its report table to the submitted values. */
export const storedWorkbookSchema = submittedWorkbookSchema.extend({
  uploadedAt: z.string(),
  mismatches: z.number().int().nonnegative(),
});
export type StoredWorkbook = z.infer<typeof storedWorkbookSchema>;

/** One version of one agency's report, as stored and as read back. */
export const submissionRecordSchema = z.object({
  id: submissionIdSchema,
  decisionId: decisionIdSchema,
  province: provinceCodeSchema,
  agencyId: agencyIdSchema,
  period: periodCodeSchema,
  version: z.number().int().positive(),
  submittedAt: z.string(),
  /** Which key (or signed-in user) sent it: the start of the audit trail. */
  submittedBy: z.string(),
  /** How it arrived: from the add-in or another program as JSON, or parsed from a workbook filled offline. */
  channel: z.enum(["api", "workbook"]),
  catalogueVersion: z.number().int().nonnegative(),
  values: z.array(judgedValueSchema),
  counts: verdictCountsSchema,
  workbook: storedWorkbookSchema.optional(),
});
export type SubmissionRecord = z.infer<typeof submissionRecordSchema>;

export function submissionIdOf(decisionId: string, period: string, agencyId: string, version: number): string {
  return `${decisionId}.${period}.${agencyId}.v${version}`;
}
