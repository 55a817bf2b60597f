import * as z from "zod";
import { evidenceDocumentSchema } from "../model/evidence";
import { importProblemSchema } from "../catalogue/draft";
import { assignmentIdSchema, agencyIdSchema, decisionIdSchema } from "../model/ids";
import { periodCodeSchema } from "../period/period";
import { verdictCodeSchema } from "../verdict/schema";

/**
 * The contract of ingesting an agency's results report ("Báo cáo kết quả thực hiện"): the preview the province reads
 * before anything is stored, and the confirmation it sends back. Imported by the server and the CLI alike.
 */

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/**
 * matched: the indicator text is the assignment's (same key, or nearly: similarity ≥ 0,9);
 * uncertain: only similar (0,6–0,9), or two rows claim one assignment — a person confirms the candidate;
 * unmatched: no assignment of the agency is like it; other_agency: another agency leads the row.
 */
export const reportRowStatusSchema = z.enum(["matched", "uncertain", "unmatched", "other_agency"]);
export type ReportRowStatus = z.infer<typeof reportRowStatusSchema>;

export const REPORT_ROW_STATUS_LABELS: Record<ReportRowStatus, string> = {
  matched: "Khớp",
  uncertain: "Cần xác nhận",
  unmatched: "Không khớp",
  other_agency: "Cơ quan khác chủ trì",
};

/** The value the product reads from the reported result, and the verdict it would get. */
export const reportRowValueSchema = z.object({
  actual: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  evidence: z.array(evidenceDocumentSchema).optional(),
  verdict: verdictCodeSchema,
  label: z.string(),
  explanation: z.string(),
});

export const reportRowSchema = z.object({
  /** 1-based, in the order of the file: what a confirmation names. */
  row: z.number().int().positive(),
  /** Where it is in the file, for the officer. */
  line: z.number().int().positive().optional(),
  text: z.string(),
  leadAgency: z.string(),
  /** The result exactly as the report writes it. */
  reportedText: z.string().optional(),
  status: reportRowStatusSchema,
  /** The assignment (matched) or the candidate to confirm (uncertain). */
  assignmentId: assignmentIdSchema.optional(),
  indicatorCode: z.string().optional(),
  assignmentText: z.string().optional(),
  targetText: z.string().optional(),
  similarity: z.number().min(0).max(1).optional(),
  /** Why the row is not simply matched, in Vietnamese. */
  reason: z.string().optional(),
  value: reportRowValueSchema.optional(),
});
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportFileSchema = z.object({
  sha256: z.string().regex(SHA256_PATTERN),
  name: z.string(),
  size: z.number().int().positive(),
});
export type ReportFile = z.infer<typeof reportFileSchema>;

export const resultsReportPreviewSchema = z.object({
  decisionId: decisionIdSchema,
  period: periodCodeSchema,
  agencyId: agencyIdSchema,
  file: reportFileSchema,
  rows: z.array(reportRowSchema),
  counts: z.record(reportRowStatusSchema, z.number().int().nonnegative()),
  /** Assignments of the period no row of the report speaks of. */
  missing: z.array(z.object({ assignmentId: assignmentIdSchema, indicatorCode: z.string(), text: z.string() })),
  /** What the reader noticed in the file (a row without result …): warnings, the file was read. */
  problems: z.array(importProblemSchema),
});
export type ResultsReportPreview = z.infer<typeof resultsReportPreviewSchema>;

const rowNumber = z.number({ error: "Số dòng phải là một số." }).int().positive({ error: "Số dòng bắt đầu từ 1." });

/**
 * The second step: the file the preview read (by its SHA-256), the assignment chosen for each row that needs it,
 * and the uncertain rows left out on purpose. Every uncertain row must be either confirmed or skipped: none is
 * dropped or taken silently.
 */
export const resultsReportConfirmSchema = z.object({
  file: z.string().regex(SHA256_PATTERN, { error: "Mã tệp (file) phải là SHA-256 mà bước xem trước trả về." }),
  confirm: z.array(z.object({ row: rowNumber, assignmentId: assignmentIdSchema })).max(2000).default([]),
  skip: z.array(rowNumber).max(2000).default([]),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{8,128}$/, { error: "Khóa chống nộp trùng gồm 8 đến 128 ký tự không dấu, không khoảng trắng." })
    .optional(),
});
export type ResultsReportConfirm = z.input<typeof resultsReportConfirmSchema>;
