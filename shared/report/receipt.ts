import { z } from "zod";
import { agencyIdSchema, assignmentIdSchema, decisionIdSchema, submissionIdSchema } from "../model/ids";
import { submissionChannelSchema } from "../model/submission";
import { submissionValueSchema } from "../model/submissionValue";

export { submissionChannelSchema };
import { periodCodeSchema } from "../period/period";
import { verdictCodeSchema } from "../verdict/schema";

/**
 * What the server answers a submission with, and what the task pane writes back into the sheet: the receipt number
 * the officer quotes, the version, the time, and the verdict the province will see for every value.
 */

export const receiptVerdictSchema = z.object({
  assignmentId: assignmentIdSchema,
  targetText: z.string(),
  verdict: verdictCodeSchema,
  label: z.string(),
  explanation: z.string(),
  /** The result as the agency's results report wrote it, when the value was read from one. */
  reportedText: z.string().optional(),
});
export type ReceiptVerdict = z.infer<typeof receiptVerdictSchema>;

export const verdictCountsSchema = z.partialRecord(verdictCodeSchema, z.number().int().nonnegative());
export type VerdictCounts = z.infer<typeof verdictCountsSchema>;

export const workbookMismatchFieldSchema = z.enum(["actual", "numerator", "denominator", "missing_in_workbook", "missing_in_submission"]);

export const receiptWorkbookSchema = z.object({
  sha256: z.string(),
  size: z.number().int().positive(),
  uploadedAt: z.string(),
  /** Where the workbook's report table disagrees with the submitted values: shown, never silently resolved. */
  mismatches: z.array(
    z.object({
      assignmentId: z.string(),
      field: workbookMismatchFieldSchema,
      message: z.string(),
    }),
  ),
});
export type ReceiptWorkbook = z.infer<typeof receiptWorkbookSchema>;

export const submissionReceiptSchema = z.object({
  id: submissionIdSchema,
  decisionId: decisionIdSchema,
  period: periodCodeSchema,
  agencyId: agencyIdSchema,
  version: z.number().int().positive(),
  submittedAt: z.string(),
  /** True when this answers a retry of a submission already stored: nothing new was written. */
  replayed: z.boolean(),
  late: z.boolean(),
  reportDueDate: z.string(),
  counts: verdictCountsSchema,
  /** Absent in receipts of servers older than the results-report channel. */
  channel: submissionChannelSchema.optional(),
  verdicts: z.array(receiptVerdictSchema),
  workbook: receiptWorkbookSchema.optional(),
  /** The results report the values were read from, downloadable as sent. */
  sourceFile: z.object({ sha256: z.string(), size: z.number().int().positive(), name: z.string() }).optional(),
});
export type SubmissionReceipt = z.infer<typeof submissionReceiptSchema>;

/** The body of a submission: the values, and the catalogue version the rows were pulled from (for a stale-form note). */
export const submissionRequestSchema = z.object({
  agencyId: agencyIdSchema,
  catalogueVersion: z.number().int().nonnegative().optional(),
  values: z.array(submissionValueSchema).max(2000, { error: "Một lần nộp có tối đa 2000 giá trị." }),
});
export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

/** A version in the list of an agency's submissions for a period. */
export const versionSummarySchema = z.object({
  id: submissionIdSchema,
  version: z.number().int().positive(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  channel: submissionChannelSchema,
  late: z.boolean(),
  counts: verdictCountsSchema,
  workbook: z.object({ sha256: z.string(), size: z.number().int().positive(), mismatches: z.number().int().nonnegative() }).optional(),
  sourceFile: z.object({ sha256: z.string(), size: z.number().int().positive(), name: z.string() }).optional(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** KPI.TARGET asks in batches: every call of one recalculation in one request. */
export const TARGET_BATCH_LIMIT = 200;

export const targetQuerySchema = z.object({
  agency: z.string().trim().min(1, { error: "Chưa nhập cơ quan." }).max(200),
  indicatorCode: z.string().trim().min(1, { error: "Chưa nhập mã chỉ tiêu." }).max(64),
  period: z.string().trim().max(16).optional(),
});
export type TargetQuery = z.infer<typeof targetQuerySchema>;

export const targetBatchRequestSchema = z.object({
  queries: z.array(targetQuerySchema).min(1).max(TARGET_BATCH_LIMIT, { error: `Mỗi lần hỏi tối đa ${TARGET_BATCH_LIMIT} chỉ tiêu.` }),
});

export const targetAnswerSchema = z.union([
  z.object({ ok: z.literal(true), targetText: z.string(), decisionId: decisionIdSchema, period: periodCodeSchema }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type TargetAnswer = z.infer<typeof targetAnswerSchema>;

export const targetBatchResponseSchema = z.object({ answers: z.array(targetAnswerSchema) });
