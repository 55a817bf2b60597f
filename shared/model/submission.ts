import * as z from "zod";
import { periodCodeSchema } from "../period/period";
import { verdictCodeSchema } from "../verdict/schema";
import { agencyIdSchema, assignmentIdSchema, decisionIdSchema, provinceCodeSchema, submissionIdSchema } from "./ids";
import { personVerdictSchema } from "./review";
import { submissionValueShape } from "./submissionValue";

/**
 * One agency's report for one period of one decision, as stored: the one definition every side reads (storage,
 * receipt, aggregate, pane). A correction is a new version, never an overwrite, so earlier verdicts stay
 * explainable. The other shapes of a submission are views of this one (`.pick`/`.extend`).
 */

/**
 * How a submission arrived — its source: JSON from the add-in or another program, a workbook filled offline, or an
 * agency's results report (Word, PDF, text) read and confirmed by the province.
 */
export const submissionChannelSchema = z.enum(["api", "workbook", "results_report"]);
export type SubmissionChannel = z.infer<typeof submissionChannelSchema>;

/** Something about a value the province should look at although the rule judged it ("done" without a document). */
export const valueFlagSchema = z.object({ code: z.enum(["evidence_missing"]), message: z.string() });
export type ValueFlag = z.infer<typeof valueFlagSchema>;

/** A reported value with the verdict the rules gave it when it arrived, and the target it was judged against. */
export const judgedValueSchema = submissionValueShape.extend({
  targetText: z.string(),
  verdict: verdictCodeSchema,
  label: z.string(),
  explanation: z.string(),
  /** Not sent in this version: copied from the version named, on the agency's request ("carryForward"). */
  carriedForwardFrom: z.number().int().positive().optional(),
  /** The province's verdict on the same value in the previous version, kept because the value did not change. */
  carriedVerdict: personVerdictSchema.optional(),
  flags: z.array(valueFlagSchema).optional(),
});
export type JudgedValue = z.infer<typeof judgedValueSchema>;

export const workbookMismatchFieldSchema = z.enum(["actual", "numerator", "denominator", "missing_in_workbook", "missing_in_submission"]);

/** The workbook of a version as clients see it: its hash and how its report table compared with the values. */
export const workbookSummarySchema = z.object({
  sha256: z.string(),
  size: z.number().int().positive(),
  uploadedAt: z.string(),
  /** Where the workbook's report table disagrees with the submitted values: shown, never silently resolved. */
  mismatches: z.array(z.object({ assignmentId: z.string(), field: workbookMismatchFieldSchema, message: z.string() })),
});
export type WorkbookSummary = z.infer<typeof workbookSummarySchema>;

/** … and where it is kept. */
export const storedWorkbookSchema = workbookSummarySchema.extend({ blobPath: z.string() });
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
export const sourceFileSummarySchema = storedSourceFileSchema.pick({ sha256: true, size: true, name: true, contentType: true }).partial({ contentType: true });
export type SourceFileSummary = z.infer<typeof sourceFileSummarySchema>;

export const verdictCountsSchema = z.partialRecord(verdictCodeSchema, z.number().int().nonnegative());
export type VerdictCounts = z.infer<typeof verdictCountsSchema>;

/** An assignment of the period the version has no value for: a partial report is said, never silent. */
export const missingAssignmentSchema = z.object({ assignmentId: assignmentIdSchema, indicatorCode: z.string(), text: z.string() });
export type MissingAssignment = z.infer<typeof missingAssignmentSchema>;

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
  channel: submissionChannelSchema,
  catalogueVersion: z.number().int().nonnegative(),
  reportDueDate: z.string(),
  late: z.boolean(),
  values: z.array(judgedValueSchema),
  counts: verdictCountsSchema,
  /** Absent on versions stored before partial reports were listed. */
  missing: z.array(missingAssignmentSchema).optional(),
  workbook: storedWorkbookSchema.optional(),
  sourceFile: storedSourceFileSchema.optional(),
});
export type SubmissionRecord = z.infer<typeof submissionRecordSchema>;

/** What aggregation reads of an agency's latest version. */
export const latestSubmissionSchema = submissionRecordSchema.pick({ agencyId: true, version: true, submittedAt: true, late: true, values: true });
export type LatestSubmission = z.infer<typeof latestSubmissionSchema>;

export function submissionIdOf(decisionId: string, period: string, agencyId: string, version: number): string {
  return `${decisionId}.${period}.${agencyId}.v${version}`;
}

/** The workbook as clients see it: never where it is stored. */
export function workbookSummaryOf(workbook: StoredWorkbook): WorkbookSummary {
  return { sha256: workbook.sha256, size: workbook.size, uploadedAt: workbook.uploadedAt, mismatches: workbook.mismatches };
}

export function sourceFileSummaryOf(file: StoredSourceFile): SourceFileSummary {
  return { sha256: file.sha256, size: file.size, name: file.name, contentType: file.contentType };
}

export function countVerdicts(values: readonly { verdict: z.infer<typeof verdictCodeSchema> }[]): VerdictCounts {
  const counts: VerdictCounts = {};
  for (const value of values) counts[value.verdict] = (counts[value.verdict] ?? 0) + 1;
  return counts;
}
