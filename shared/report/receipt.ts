import * as z from "zod";
import { agencyIdSchema, decisionIdSchema, submissionIdSchema } from "../model/ids";
import {
  countVerdicts,
  judgedValueSchema,
  missingAssignmentSchema,
  sourceFileSummaryOf,
  sourceFileSummarySchema,
  submissionChannelSchema,
  verdictCountsSchema,
  workbookMismatchFieldSchema,
  workbookSummaryOf,
  workbookSummarySchema,
  type SubmissionRecord,
  type VerdictCounts,
} from "../model/submission";
import { submissionValueSchema } from "../model/submissionValue";
import { reviewStateSchema } from "../model/review";
import { periodCodeSchema } from "../period/period";
import { finalVerdictOf, finalVerdictSchema } from "../verdict/finalVerdict";

export { submissionChannelSchema, verdictCountsSchema, workbookMismatchFieldSchema, type VerdictCounts } from "../model/submission";

/**
 * What the server answers a submission with, and what the task pane writes back into the sheet: the receipt number
 * the officer quotes, the version, the time, and the verdict the province will see for every value.
 */

export const receiptVerdictSchema = judgedValueSchema
  .pick({ assignmentId: true, targetText: true, verdict: true, label: true, explanation: true, reportedText: true, carriedForwardFrom: true, flags: true })
  .extend({
    /**
     * The verdict that counts when it is not the rule's beside it: the province's, carried from an unchanged earlier
     * value. Absent, the rule's verdict is the one that counts (and receipts stay half the size).
     */
    final: finalVerdictSchema.optional(),
  });
export type ReceiptVerdict = z.infer<typeof receiptVerdictSchema>;

/** Kept under its old name for the pane and the CLI. */
export const receiptWorkbookSchema = workbookSummarySchema;
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
  /** Assignments of the period this version has no value for. */
  missing: z.array(missingAssignmentSchema).default([]),
  workbook: workbookSummarySchema.optional(),
  /** The results report the values were read from, downloadable as sent. */
  sourceFile: sourceFileSummarySchema.optional(),
});
export type SubmissionReceipt = z.infer<typeof submissionReceiptSchema>;

export function receiptOf(record: SubmissionRecord, replayed: boolean): SubmissionReceipt {
  return {
    id: record.id,
    decisionId: record.decisionId,
    period: record.period,
    agencyId: record.agencyId,
    version: record.version,
    submittedAt: record.submittedAt,
    replayed,
    late: record.late,
    reportDueDate: record.reportDueDate,
    counts: record.counts,
    channel: record.channel,
    verdicts: record.values.map((value) => ({
      assignmentId: value.assignmentId,
      targetText: value.targetText,
      verdict: value.verdict,
      label: value.label,
      explanation: value.explanation,
      ...(value.reportedText !== undefined ? { reportedText: value.reportedText } : {}),
      ...(value.carriedForwardFrom !== undefined ? { carriedForwardFrom: value.carriedForwardFrom } : {}),
      ...(value.flags?.length ? { flags: value.flags } : {}),
      ...(value.carriedVerdict ? { final: finalVerdictOf(value, value.carriedVerdict) } : {}),
    })),
    missing: record.missing ?? [],
    ...(record.sourceFile ? { sourceFile: sourceFileSummaryOf(record.sourceFile) } : {}),
    ...(record.workbook ? { workbook: workbookSummaryOf(record.workbook) } : {}),
  };
}

/**
 * How many values have each verdict that counts (the final one): what the officer is told the province will see. The
 * stored counts are the rule's, which a province's verdict carried onto an unchanged value may overrule.
 */
export function finalVerdictCounts(receipt: Pick<SubmissionReceipt, "verdicts">): VerdictCounts {
  return countVerdicts(receipt.verdicts.map((verdict) => verdict.final ?? verdict));
}

/** The body of a submission: the values, and the catalogue version the rows were pulled from (for a stale-form note). */
export const submissionRequestSchema = z.object({
  agencyId: agencyIdSchema,
  catalogueVersion: z.number().int().nonnegative().optional(),
  values: z.array(submissionValueSchema).max(2000, { error: "Một lần nộp có tối đa 2000 giá trị." }),
  /**
   * Copy the previous version's values for the assignments not sent, marked as carried forward: a report of one
   * corrected value then keeps the others. Without it a version is exactly what was sent, the rest listed as missing.
   */
  carryForward: z.boolean({ error: "carryForward phải là true hoặc false." }).optional(),
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
  sourceFile: sourceFileSummarySchema.optional(),
  /** Where the province's review of this version stands; absent from servers before the review. */
  state: reviewStateSchema.optional(),
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
