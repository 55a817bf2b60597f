import type ExcelJS from "exceljs";
import type { Aggregate, AggregateCell, AggregateIndicator } from "../../shared/report/aggregate";
import type { VerdictCode } from "../../shared/verdict/schema";
import { OVERRIDE_MARK, PERSON_MARK, writeLegendBlock } from "./legend";
import { SHARE_FORMAT } from "./percentFormat";
import { shareBars } from "./shareBars";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import { columnLetters } from "./xlsxCharts/chartRequest";
import {
  bodyCell,
  countCell,
  font,
  fitRowHeights,
  GREY_TEXT,
  NOT_ASSIGNED,
  pageFooter,
  printSetup,
  decisionLine,
  MUTED_FONT,
  vietnamTimeLabel,
  styleHeader,
  TITLE_FONT,
  writeTitle,
} from "./reportLayout";
import { HEADER_FILL, THIN_BORDER, verdictFill } from "./verdictStyle";

/**
 * Eight indicators side by side still read at 9 points on A4 landscape beside the agency names; 33 on one page shrink
 * to about 3 points. The matrix is cut into blocks of at most this many indicators, one sheet each.
 */
export const INDICATORS_PER_BLOCK = 8;
export const MATRIX_FIRST_INDICATOR_COLUMN = 3;
/** The indicators' columns share one width whatever their number, so every block prints at the same scale. */
const INDICATOR_COLUMNS_WIDTH = 105;
const MAX_INDICATOR_COLUMN_WIDTH = 26;

/** Which verdict colours a cell when one agency holds several assignments of the same indicator. */
const ATTENTION_ORDER: readonly VerdictCode[] = ["invalid_actual", "not_met", "needs_review", "no_data", "pending", "met"];

/** As few blocks as the limit allows, of even sizes: 33 indicators make 7, 7, 7, 6, 6 and not 8, 8, 8, 8, 1. */
export function indicatorBlocks(indicators: readonly AggregateIndicator[]): AggregateIndicator[][] {
  const count = Math.max(1, Math.ceil(indicators.length / INDICATORS_PER_BLOCK));
  const blocks: AggregateIndicator[][] = [];
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    const size = Math.ceil((indicators.length - start) / (count - index));
    blocks.push(indicators.slice(start, start + size));
    start += size;
  }
  return blocks;
}

/** One block of the agencies × indicators matrix, with the counts and share met under each indicator and the legend. */
export function writeMatrixBlock(
  sheet: ExcelJS.Worksheet,
  aggregate: Aggregate,
  block: readonly AggregateIndicator[],
  position: { index: number; count: number; firstNumber: number },
): void {
  const range = block.length > 0 ? `chỉ tiêu ${position.firstNumber}–${position.firstNumber + block.length - 1}` : "không có chỉ tiêu";
  const indicatorWidth = Math.min(MAX_INDICATOR_COLUMN_WIDTH, Math.floor(INDICATOR_COLUMNS_WIDTH / Math.max(1, block.length)));
  sheet.columns = [{ width: 6 }, { width: 40 }, ...block.map(() => ({ width: indicatorWidth }))];
  const legend = writeTitle(sheet, [
    { text: `MA TRẬN KẾT QUẢ THEO CƠ QUAN VÀ CHỈ TIÊU — PHẦN ${position.index}/${position.count} (${range})`, font: TITLE_FONT },
    { text: decisionLine(aggregate) },
    {
      text:
        `Kỳ báo cáo: ${aggregate.periodLabel} — hạn nộp: ${formatIsoDateVi(aggregate.reportDueDate)} — ` +
        `lập lúc ${vietnamTimeLabel(aggregate.generatedAt)}`,
      font: MUTED_FONT,
    },
  ], MATRIX_FIRST_INDICATOR_COLUMN + Math.max(block.length, 4) - 1) - 1;
  // The legend above the table rather than below it: it then prints on the first page, whatever the matrix's length.
  const header = writeLegendBlock(sheet, legend, block.length) + 2;
  const names = header + 1;
  const lastColumn = MATRIX_FIRST_INDICATOR_COLUMN + block.length - 1;

  // The fixed headers span both header rows so the indicator names get a row of their own without empty header cells.
  ["STT", "Cơ quan, đơn vị"].forEach((text, index) => {
    styleHeader(sheet.getCell(header, index + 1), text);
    styleHeader(sheet.getCell(names, index + 1), "");
    sheet.mergeCells(header, index + 1, names, index + 1);
  });
  block.forEach((indicator, index) => {
    styleHeader(sheet.getCell(header, MATRIX_FIRST_INDICATOR_COLUMN + index), indicator.code);
    const name = styleHeader(sheet.getCell(names, MATRIX_FIRST_INDICATOR_COLUMN + index), indicator.name);
    name.font = font({ size: 9 });
    name.alignment = { vertical: "top", horizontal: "left", wrapText: true };
  });

  aggregate.agencies.forEach((agency, index) => {
    const row = sheet.getRow(names + 1 + index);
    bodyCell(row.getCell(1), index + 1, { horizontal: "center" });
    bodyCell(row.getCell(2), agency.name);
    const cellsByCode = new Map<string, AggregateCell[]>();
    for (const cell of agency.cells) cellsByCode.set(cell.indicatorCode, [...(cellsByCode.get(cell.indicatorCode) ?? []), cell]);
    block.forEach((indicator, column) => {
      const target = row.getCell(MATRIX_FIRST_INDICATOR_COLUMN + column);
      const cells = cellsByCode.get(indicator.code);
      if (!cells) {
        bodyCell(target, NOT_ASSIGNED, { horizontal: "center" }).font = font({ color: { argb: GREY_TEXT } });
        return;
      }
      const shown = matrixVerdict(cells);
      const written = bodyCell(target, shown.label, { horizontal: "center" });
      written.fill = verdictFill(shown.verdict);
      written.font = font({ size: 10, ...(shown.byPerson ? { italic: true } : {}) });
    });
  });

  const footer = names + 1 + aggregate.agencies.length;
  const rows: Array<[string, (indicator: AggregateIndicator) => number | null, string]> = [
    ["Số cơ quan đạt", (indicator) => indicator.metCount, "#,##0"],
    ["Số cơ quan được giao", (indicator) => indicator.assignedCount, "#,##0"],
    ["Tỷ lệ cơ quan đạt", (indicator) => indicator.metShare, SHARE_FORMAT],
  ];
  rows.forEach(([label, valueOf, format], offset) => {
    const row = sheet.getRow(footer + offset);
    for (let column = 1; column <= Math.max(2, lastColumn); column += 1) {
      const cell = row.getCell(column);
      cell.border = THIN_BORDER;
      cell.fill = HEADER_FILL;
      cell.font = font({ bold: true });
    }
    row.getCell(2).value = label;
    block.forEach((indicator, index) => {
      const cell = countCell(row.getCell(MATRIX_FIRST_INDICATOR_COLUMN + index), valueOf(indicator) ?? null);
      // A number, not "67%" as text, so the province can sort, chart or average it.
      cell.numFmt = format;
      cell.fill = HEADER_FILL;
      cell.font = font({ bold: true });
    });
  });
  const shares = footer + rows.length - 1;
  if (block.length > 0) {
    shareBars(sheet, `${columnLetters(MATRIX_FIRST_INDICATOR_COLUMN)}${shares}:${columnLetters(lastColumn)}${shares}`);
  }

  fitRowHeights(sheet, names, shares);
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: names }];
  sheet.pageSetup = printSetup({ rows: [header, names], columns: ["A", "B"] });
  pageFooter(sheet, `Ma trận, phần ${position.index}/${position.count} — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
}

/** One label per agency × indicator even when the agency holds that indicator more than once. */
function matrixVerdict(cells: readonly AggregateCell[]): { verdict: VerdictCode; label: string; byPerson: boolean } {
  const labels = new Map<VerdictCode, string>();
  for (const cell of cells) {
    if (labels.has(cell.verdict)) continue;
    const mark = cell.decidedBy === "person" ? ` ${cell.person?.override ? OVERRIDE_MARK : PERSON_MARK}` : "";
    labels.set(cell.verdict, `${cell.label}${mark}`);
  }
  const present = ATTENTION_ORDER.filter((code) => labels.has(code));
  const verdict = present[0] ?? cells[0]!.verdict;
  return { verdict, label: present.map((code) => labels.get(code)).join("; "), byPerson: cells.some((cell) => cell.decidedBy === "person") };
}
