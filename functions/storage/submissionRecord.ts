import { z } from "zod";
import { submissionValueSchema } from "../../shared/model";
import { agencyIdSchema, decisionIdSchema, provinceCodeSchema, submissionIdSchema } from "../../shared/model/ids";
import { periodCodeSchema } from "../../shared/period/period";
import { submissionChannelSchema } from "../../shared/model/submission";
import { receiptWorkbookSchema, verdictCountsSchema, type SubmissionReceipt } from "../../shared/report/receipt";
import { verdictCodeSchema } from "../../shared/verdict/schema";

/** A reported value with the verdict the server gave it when it arrived, and the target it was judged against. */
export const judgedValueSchema = submissionValueSchema.safeExtend({
  targetText: z.string(),
  verdict: verdictCodeSchema,
  label: z.string(),
  explanation: z.string(),
});
export type JudgedValue = z.infer<typeof judgedValueSchema>;

/** The workbook of a version, where it is kept, and how its report table compared with the submitted values. */
export const storedWorkbookSchema = receiptWorkbookSchema.extend({ blobPath: z.string() });
export type StoredWorkbook = z.infer<typeof storedWorkbookSchema>;

/** The results report (Word, PDF or text) a version was read from, kept as sent beside the workbooks. */
export const storedSourceFileSchema = z.object({
  blobPath: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().positive(),
  /** The file name as uploaded, for the download. */
  name: z.string().min(1).max(255),
  contentType: z.string(),
});
export type StoredSourceFile = z.infer<typeof storedSourceFileSchema>;

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
  /**
   * How it arrived (its source): from the add-in or another program as JSON, parsed from a workbook filled offline, or
   * read from an agency's results report and confirmed by the province.
   */
  channel: submissionChannelSchema,
  catalogueVersion: z.number().int().nonnegative(),
  reportDueDate: z.string(),
  late: z.boolean(),
  values: z.array(judgedValueSchema),
  counts: verdictCountsSchema,
  workbook: storedWorkbookSchema.optional(),
  sourceFile: storedSourceFileSchema.optional(),
});
export type SubmissionRecord = z.infer<typeof submissionRecordSchema>;

export function submissionIdOf(decisionId: string, period: string, agencyId: string, version: number): string {
  return `${decisionId}.${period}.${agencyId}.v${version}`;
}

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
    verdicts: record.values.map(({ assignmentId, targetText, verdict, label, explanation, reportedText }) => ({
      assignmentId,
      targetText,
      verdict,
      label,
      explanation,
      ...(reportedText !== undefined ? { reportedText } : {}),
    })),
    ...(record.sourceFile ? { sourceFile: { sha256: record.sourceFile.sha256, size: record.sourceFile.size, name: record.sourceFile.name } } : {}),
    ...(record.workbook
      ? {
          workbook: {
            sha256: record.workbook.sha256,
            size: record.workbook.size,
            uploadedAt: record.workbook.uploadedAt,
            mismatches: record.workbook.mismatches,
          },
        }
      : {}),
  };
}
