import * as z from "zod";

/**
 * What an importer reads from a decision's appendix, before agencies and indicators are resolved: sections and
 * rows with every text exactly as written, plus everything it could not place. All importers (xlsx, table text,
 * PDF-converted text, milestone tables, multi-year plans, results reports) produce this one structure; the
 * catalogue builder turns it into agencies, indicators and assignments.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Ngày phải có dạng YYYY-MM-DD." });

/** Where a piece of the source was: a line of a text, or a sheet row of a workbook (both 1-based). */
export const sourceLocationSchema = z.object({
  line: z.number().int().min(1).optional(),
  sheet: z.string().optional(),
  row: z.number().int().min(1).optional(),
});
export type SourceLocation = z.infer<typeof sourceLocationSchema>;

/** A target due by a date: Huế's "Chỉ tiêu đến 31/3/2025 / 30/6/2025 / 31/12/2025". */
export const draftMilestoneSchema = z.object({
  due: isoDate,
  targetText: z.string(),
});
export type DraftMilestone = z.infer<typeof draftMilestoneSchema>;

/** Last year's target and result in multi-year plan tables, kept as history. */
export const draftHistorySchema = z.object({
  year: z.number().int(),
  targetText: z.string().optional(),
  resultText: z.string().optional(),
});

export const draftRowSchema = z.object({
  /** As written: "1", "10", "a", "I.2". */
  order: z.string(),
  /** The indicator or task, lines of a broken PDF row joined with single spaces, otherwise as written. */
  text: z.string().min(1),
  /** The target exactly as written (trimmed); "" when the cell is empty. */
  targetText: z.string(),
  unit: z.string().optional(),
  milestones: z.array(draftMilestoneSchema).optional(),
  history: z.array(draftHistorySchema).optional(),
  /** "Định hướng đến năm 2030". */
  direction: z.string().optional(),
  monitoringAgency: z.string().optional(),
  leadAgency: z.string().optional(),
  coordinatingAgencies: z.array(z.string()).optional(),
  /** "Quý II/2025", "Hàng năm", "Thường xuyên": the deadline column of task tables. */
  deadlineText: z.string().optional(),
  /** A result already reported ("Đạt", "Không đạt", "95%"): results reports. */
  resultText: z.string().optional(),
  note: z.string().optional(),
  /** Group heading above the row inside a section ("I. HẠ TẦNG SỐ"). */
  group: z.string().optional(),
  source: sourceLocationSchema.optional(),
});
export type DraftRow = z.infer<typeof draftRowSchema>;

export const draftSectionSchema = z.object({
  /** As written: "1", "16", "I". */
  order: z.string(),
  /** The agency or group heading as written: "1. SỞ THÔNG TIN VÀ TRUYỀN THÔNG" → "SỞ THÔNG TIN VÀ TRUYỀN THÔNG". */
  heading: z.string().min(1),
  /** Which appendix or table it came from, when the document has several ("Phụ lục I", "Phụ lục II"). */
  part: z.string().optional(),
  rows: z.array(draftRowSchema),
  source: sourceLocationSchema.optional(),
});
export type DraftSection = z.infer<typeof draftSectionSchema>;

export const importProblemSchema = z.object({
  /** Stable, for programs: "unplaced_line", "duplicate_section", "missing_column", "formula_error", … */
  code: z.string(),
  /** For people, in Vietnamese, naming the place: "Dòng 412: …", "Trang tính 'Phụ lục', dòng 7: …". */
  message: z.string(),
  /** "error" stops an import (nothing is stored); "warning" is reported and the import goes on. */
  severity: z.enum(["error", "warning"]),
  text: z.string().optional(),
  /** The decision header field a "missing_header_field" problem is about. */
  field: z.enum(["number", "date", "province", "year", "title"]).optional(),
  source: sourceLocationSchema.optional(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const draftDecisionHeaderSchema = z.object({
  /** "1521/QĐ-UBND". */
  number: z.string().optional(),
  date: isoDate.optional(),
  /** As written: "Phú Thọ", "Huế", "Vĩnh Phúc". */
  province: z.string().optional(),
  title: z.string().optional(),
  issuer: z.string().optional(),
  year: z.number().int().optional(),
});
export type DraftDecisionHeader = z.infer<typeof draftDecisionHeaderSchema>;

export const importFormatSchema = z.enum(["xlsx", "table_text", "pdf_text", "milestone_table", "multi_year", "results_report"]);
export type ImportFormat = z.infer<typeof importFormatSchema>;

export const importDraftSchema = z.object({
  format: importFormatSchema,
  header: draftDecisionHeaderSchema,
  sections: z.array(draftSectionSchema),
  problems: z.array(importProblemSchema),
  /** Lines (or rows) of the source that belong to the appendix, and how many of them were placed: nothing silent. */
  stats: z.object({ linesRead: z.number().int(), linesPlaced: z.number().int(), linesSkipped: z.number().int() }).optional(),
});
export type ImportDraft = z.infer<typeof importDraftSchema>;
