import { EVIDENCE_COLUMNS, EVIDENCE_INSTRUCTION } from "../../report/evidenceColumns";
import { REPORT_COLUMNS, type TableColumnKey } from "../../report/reportTable";

/**
 * Where the report table sits, the same in the add-in's sheet "Báo cáo" and the offline form, so that formulas, the
 * binding and the receipt can name rows without reading the sheet first:
 *   rows 1–4   title, agency and period, decision and due date, instructions (merged across A:I)
 *   row 5      the column names: the report's nine in A:I, then the evidence in J:M
 *   row 6…     one row per assignment, then rows kept only because they hold typed values
 *   J1:K4      the receipt block, in the add-in after a submission
 *   column N   "Đánh giá của tỉnh", in the add-in after a submission
 */

export const TITLE_ROW = 1;
/** Title lines reserved above the header, whether or not all are used, so the header never moves. */
export const TITLE_LINES = 4;
export const HEADER_ROW = TITLE_ROW + TITLE_LINES;
export const TABLE_FIRST_ROW = HEADER_ROW + 1;

/**
 * The columns with their widths in characters, chosen so that A:M printed on A4 landscape at fit-to-width stay
 * readable (none is 9: exceljs takes 9 for its default and writes no width); the note is a plain "Ghi chú" since the evidence has columns of its own (the reader knows both names).
 */
const WIDTHS: Record<TableColumnKey, number> = {
  order: 5,
  code: 10,
  text: 40,
  target: 20,
  numerator: 10,
  denominator: 10,
  actual: 11,
  verdict: 14,
  note: 18,
  evidenceNumber: 14,
  evidenceDate: 12,
  evidenceSummary: 26,
  evidenceUrl: 18,
};

export const TABLE_COLUMNS: ReadonlyArray<{ key: TableColumnKey; header: string; width: number }> = [
  ...REPORT_COLUMNS.map((column) => ({ key: column.key, header: column.key === "note" ? "Ghi chú" : column.header, width: WIDTHS[column.key] })),
  ...EVIDENCE_COLUMNS.map((column) => ({ key: column.key, header: column.header, width: WIDTHS[column.key] })),
];
export const TABLE_COLUMN_COUNT = TABLE_COLUMNS.length;
/** The nine columns of the report itself (A:I), over which the title lines are merged. */
export const REPORT_COLUMN_COUNT = REPORT_COLUMNS.length;

export function tableColumn(key: TableColumnKey): number {
  return TABLE_COLUMNS.findIndex((column) => column.key === key);
}

/** Zero-based column of "Đánh giá của tỉnh" (N), right after the evidence. */
export const PROVINCE_VERDICT_COLUMN = TABLE_COLUMN_COUNT;
/** Zero-based column of the receipt block's labels (J), beside the title lines; the values are in K. */
export const RECEIPT_COLUMN = REPORT_COLUMN_COUNT;

/** Cells the officer types into: the numbers, the note and the evidence. */
export const TYPED_KEYS = ["numerator", "denominator", "actual", "note", ...EVIDENCE_COLUMNS.map((column) => column.key)] as const;
export type TypedKey = (typeof TYPED_KEYS)[number];

/**
 * Says exactly what the table does: Tử số / Mẫu số fill Kết quả with their quotient, a fraction shown as a
 * percentage (46 over 50 shows 92,0%); a rate typed straight into Kết quả goes into a percent-formatted cell, where
 * 92% and 0,92 are the same value.
 */
export const FORM_INSTRUCTION =
  "Tỷ lệ: nhập Tử số và Mẫu số, Kết quả tự tính (46 trên 50 là 92,0%); hoặc nhập thẳng Kết quả dạng phần trăm: 92% (hoặc 0,92). " +
  "Cột Đánh giá tự tính. Không đổi cột Mã. " +
  EVIDENCE_INSTRUCTION;
