import { VERDICT_LABELS } from "../../verdict/labels";
import type { VerdictCode } from "../../verdict/schema";
import { cellAddress } from "../address";
import { VERDICT_COLOURS } from "../palette";
import type { SheetPlan } from "../plan";
import { bodyStyle, NOT_ASSIGNED, REPORT_FONT, ReportSheetPlan, TITLE_LINE } from "./layout";

export const LEGEND_SHEET = "Chú thích";
/** Marks a verdict the province gave, and one that overruled the rule; the legend says which is which. */
export const PERSON_MARK = "(*)";
export const OVERRIDE_MARK = "(**)";
export const LEGEND_SHEET_HEADERS = ["Ký hiệu", "Ý nghĩa"] as const;

/** What each colour and mark means, for officers who did not build the rules. */
const MEANINGS: ReadonlyArray<[VerdictCode, string]> = [
  ["met", "Kết quả đạt chỉ tiêu được giao."],
  ["not_met", "Đã đến hạn mà kết quả chưa đạt chỉ tiêu."],
  ["pending", "Kết quả chưa đạt nhưng chỉ tiêu còn trong thời hạn thực hiện."],
  ["needs_review", "Chỉ tiêu cần cán bộ xem xét, đánh giá trực tiếp."],
  ["no_data", "Cơ quan chưa báo cáo số liệu của chỉ tiêu."],
  ["invalid_actual", "Số liệu báo cáo không đọc được hoặc không phù hợp với chỉ tiêu."],
];
const MARKS: ReadonlyArray<[string, string]> = [
  [NOT_ASSIGNED, "Cơ quan không được giao chỉ tiêu này."],
  [PERSON_MARK, "Đánh giá của tỉnh (cán bộ thẩm định), thay cho đánh giá tự động."],
  [OVERRIDE_MARK, "Đánh giá của tỉnh khác với kết quả đánh giá tự động."],
];

/**
 * The legend above a matrix, in as few rows as its columns allow so it prints on the matrix's page: the coloured
 * verdict words side by side from column C, then the marks in one line. The meanings are on the legend sheet.
 * Answers the row of the marks' line.
 */
export function legendBlock(sheet: ReportSheetPlan, first: number, columns: number): number {
  sheet.cells(first, 1, [[{ text: "Chú thích:" }]]);
  sheet.style(cellAddress(first, 1), { fontName: REPORT_FONT, bold: true });
  const perRow = Math.max(2, columns);
  MEANINGS.forEach(([code], index) => {
    const row = first + Math.floor(index / perRow);
    const column = 2 + (index % perRow);
    sheet.cells(row, column, [[{ text: VERDICT_LABELS[code] }]]);
    sheet.style(cellAddress(row, column), { ...bodyStyle(), horizontalAlignment: "Center", fill: VERDICT_COLOURS[code], fontSize: 10 });
  });
  const marks = first + Math.ceil(MEANINGS.length / perRow);
  const line = MARKS.map(([mark, meaning]) => `${mark} ${meaning.replace(/\.$/, "").replace(/^./, (letter) => letter.toLocaleLowerCase("vi"))}`).join(";   ") + ".";
  sheet.cells(marks, 1, [[{ text: line }]]);
  // Left unwrapped on purpose: the sentence runs over the empty cells to its right.
  sheet.style(cellAddress(marks, 1), { fontName: REPORT_FONT, fontSize: 10 });
  return marks;
}

/** Every colour and mark of the report with what it means. */
export function legendPlan(sheetName: string = LEGEND_SHEET): SheetPlan {
  const widths = [24, 80];
  const sheet = new ReportSheetPlan(sheetName, widths);
  const header = sheet.title([{ text: "CHÚ THÍCH MÀU VÀ KÝ HIỆU", style: TITLE_LINE }], widths.length);
  sheet.header(header, LEGEND_SHEET_HEADERS);
  const entries: Array<[string, string | undefined, string]> = [
    ...MEANINGS.map(([code, meaning]): [string, string, string] => [VERDICT_LABELS[code], VERDICT_COLOURS[code], meaning]),
    ...MARKS.map(([mark, meaning]): [string, undefined, string] => [mark, undefined, meaning]),
  ];
  sheet.cells(header + 1, 0, entries.map(([label, , meaning]) => [{ text: label }, { text: meaning }]));
  sheet.body(header + 1, header + entries.length, ["Center", undefined]);
  entries.forEach(([, fill], index) => {
    if (fill) sheet.style(cellAddress(header + 1 + index, 0), { fill });
  });
  sheet.fitRows(header, header + entries.length);
  sheet.print({ rows: [header, header], columns: [0, 0] }, "Chú thích");
  return sheet.plan();
}
