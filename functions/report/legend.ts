import type ExcelJS from "exceljs";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import type { VerdictCode } from "../../shared/verdict/schema";
import { bodyCell, font, pageFooter, printSetup, styleHeader, TITLE_FONT, writeTitle, fitRowHeights, NOT_ASSIGNED } from "./reportLayout";
import { verdictFill } from "./verdictStyle";

/** Marks a verdict the province gave, and one that overruled the rule; the legend says which is which. */
export const PERSON_MARK = "(*)";
export const OVERRIDE_MARK = "(**)";

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
export const LEGEND_SHEET_HEADERS = ["Ký hiệu", "Ý nghĩa"] as const;

/**
 * The legend under a matrix, in as few rows as its columns allow so it prints on the matrix's page: the coloured
 * verdict words side by side from column C, then the marks in one line. The meanings are on the legend sheet.
 */
export function writeLegendBlock(sheet: ExcelJS.Worksheet, first: number, columns: number): number {
  const title = sheet.getCell(first, 2);
  title.value = "Chú thích:";
  title.font = font({ bold: true });
  const perRow = Math.max(2, columns);
  MEANINGS.forEach(([code], index) => {
    const swatch = sheet.getCell(first + Math.floor(index / perRow), 3 + (index % perRow));
    bodyCell(swatch, VERDICT_LABELS[code], { horizontal: "center" }).fill = verdictFill(code);
    swatch.font = font({ size: 10 });
  });
  const marks = first + Math.ceil(MEANINGS.length / perRow);
  const line = sheet.getCell(marks, 2);
  // Left unwrapped on purpose: the sentence runs over the empty cells to its right.
  line.value = MARKS.map(([mark, meaning]) => `${mark} ${meaning.replace(/\.$/, "").replace(/^./, (letter) => letter.toLocaleLowerCase("vi"))}`).join(";   ") + ".";
  line.font = font({ size: 10 });
  return marks;
}

/** Every colour and mark of the report with what it means, for officers who did not build the rules. */
export function writeLegendSheet(sheet: ExcelJS.Worksheet): void {
  const widths = [24, 80];
  sheet.columns = widths.map((width) => ({ width }));
  const header = writeTitle(sheet, [{ text: "CHÚ THÍCH MÀU VÀ KÝ HIỆU", font: TITLE_FONT }], widths.length);
  LEGEND_SHEET_HEADERS.forEach((text, index) => styleHeader(sheet.getCell(header, index + 1), text));
  const entries: Array<[string, ExcelJS.Fill | undefined, string]> = [
    ...MEANINGS.map(([code, meaning]): [string, ExcelJS.Fill, string] => [VERDICT_LABELS[code], verdictFill(code), meaning]),
    ...MARKS.map(([mark, meaning]): [string, undefined, string] => [mark, undefined, meaning]),
  ];
  entries.forEach(([label, fill, meaning], index) => {
    const swatch = bodyCell(sheet.getCell(header + 1 + index, 1), label, { horizontal: "center" });
    if (fill) swatch.fill = fill;
    bodyCell(sheet.getCell(header + 1 + index, 2), meaning);
  });
  fitRowHeights(sheet, header, header + entries.length);
  sheet.pageSetup = printSetup({ rows: [header, header], columns: ["A", "A"] });
  pageFooter(sheet, "Chú thích");
}
