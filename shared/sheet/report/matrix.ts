import { formatIsoDateVi } from "../../period/isoDate";
import type { Aggregate, AggregateCell, AggregateIndicator } from "../../report/aggregate";
import type { VerdictCode } from "../../verdict/schema";
import { cellAddress, rangeAddress } from "../address";
import type { PlannedCell } from "../cell";
import { COUNT_FORMAT } from "../formats";
import { PALETTE, VERDICT_COLOURS } from "../palette";
import type { SheetPlan } from "../plan";
import { bodyStyle, decisionLine, MUTED_LINE, NOT_ASSIGNED, plain, REPORT_FONT, ReportSheetPlan, TITLE_LINE, vietnamTimeLabel } from "./layout";
import { legendBlock, OVERRIDE_MARK, PERSON_MARK } from "./legend";
import { SHARE_FORMAT } from "./summary";

export const matrixSheetName = (index: number) => `Ma trận (${index})`;
/**
 * Eight indicators side by side still read at 9 points on A4 landscape beside the agency names; 33 on one page shrink
 * to about 3 points. The matrix is cut into blocks of at most this many indicators, one sheet each.
 */
export const INDICATORS_PER_BLOCK = 8;
/** Zero-based: STT and the agency come first. */
export const MATRIX_FIRST_INDICATOR_COLUMN = 2;
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

/** Every block of the matrix, one sheet each, numbered through the decision's indicators. */
export function matrixPlans(aggregate: Aggregate, sheetName: (index: number) => string = matrixSheetName): SheetPlan[] {
  const blocks = indicatorBlocks(aggregate.indicators);
  let firstNumber = 1;
  return blocks.map((block, index) => {
    const plan = matrixBlockPlan(aggregate, block, { index: index + 1, count: blocks.length, firstNumber }, sheetName(index + 1));
    firstNumber += block.length;
    return plan;
  });
}

/** One block of the agencies × indicators matrix, with the counts and share met under each indicator and the legend. */
export function matrixBlockPlan(
  aggregate: Aggregate,
  block: readonly AggregateIndicator[],
  position: { index: number; count: number; firstNumber: number },
  sheetName: string = matrixSheetName(position.index),
): SheetPlan {
  const range = block.length > 0 ? `chỉ tiêu ${position.firstNumber}–${position.firstNumber + block.length - 1}` : "không có chỉ tiêu";
  const indicatorWidth = Math.min(MAX_INDICATOR_COLUMN_WIDTH, Math.floor(INDICATOR_COLUMNS_WIDTH / Math.max(1, block.length)));
  const sheet = new ReportSheetPlan(sheetName, [6, 40, ...block.map(() => indicatorWidth)]);
  const legend =
    sheet.title(
      [
        { text: `MA TRẬN KẾT QUẢ THEO CƠ QUAN VÀ CHỈ TIÊU — PHẦN ${position.index}/${position.count} (${range})`, style: TITLE_LINE },
        { text: decisionLine(aggregate) },
        {
          text:
            `Kỳ báo cáo: ${aggregate.periodLabel} — hạn nộp: ${formatIsoDateVi(aggregate.reportDueDate)} — ` +
            `lập lúc ${vietnamTimeLabel(aggregate.generatedAt)}`,
          style: MUTED_LINE,
        },
      ],
      MATRIX_FIRST_INDICATOR_COLUMN + Math.max(block.length, 4),
    ) - 1;
  // The legend above the table rather than below it: it then prints on the first page, whatever the matrix's length.
  const header = legendBlock(sheet, legend, block.length) + 2;
  const names = header + 1;
  const lastColumn = MATRIX_FIRST_INDICATOR_COLUMN + block.length - 1;

  // The fixed headers span both header rows so the indicator names get a row of their own without empty header cells.
  sheet.header(header, ["STT", "Cơ quan, đơn vị", ...block.map((indicator) => indicator.code)]);
  sheet.header(names, ["", "", ...block.map((indicator) => indicator.name)]);
  for (const column of [0, 1]) sheet.ops.push({ op: "merge", range: rangeAddress(header, column, names, column) });
  if (block.length > 0) {
    sheet.style(rangeAddress(names, MATRIX_FIRST_INDICATOR_COLUMN, names, lastColumn), {
      bold: false,
      fontSize: 9,
      verticalAlignment: "Top",
      horizontalAlignment: "Left",
    });
  }

  const first = names + 1;
  const last = names + aggregate.agencies.length;
  const shown = aggregate.agencies.map((agency) => {
    const cellsByCode = new Map<string, AggregateCell[]>();
    for (const cell of agency.cells) cellsByCode.set(cell.indicatorCode, [...(cellsByCode.get(cell.indicatorCode) ?? []), cell]);
    return block.map((indicator) => {
      const cells = cellsByCode.get(indicator.code);
      return cells ? matrixVerdict(cells) : undefined;
    });
  });
  sheet.cells(
    first,
    0,
    aggregate.agencies.map((agency, index): PlannedCell[] => [
      { value: index + 1 },
      plain(agency.name),
      ...shown[index]!.map((verdict): PlannedCell => plain(verdict ? verdict.label : NOT_ASSIGNED)),
    ]),
  );
  sheet.body(first, last, ["Center", undefined, ...block.map((): "Center" => "Center")]);
  shown.forEach((row, index) =>
    row.forEach((verdict, column) => {
      const address = cellAddress(first + index, MATRIX_FIRST_INDICATOR_COLUMN + column);
      if (!verdict) sheet.style(address, { fontColor: PALETTE.muted });
      else sheet.style(address, { fill: VERDICT_COLOURS[verdict.verdict], fontSize: 10, ...(verdict.byPerson ? { italic: true } : {}) });
    }),
  );

  const footer = last + 1;
  const rows: Array<[string, (indicator: AggregateIndicator) => number | null, string]> = [
    ["Số cơ quan đạt", (indicator) => indicator.metCount, COUNT_FORMAT],
    ["Số cơ quan được giao", (indicator) => indicator.assignedCount, COUNT_FORMAT],
    ["Tỷ lệ cơ quan đạt", (indicator) => indicator.metShare, SHARE_FORMAT],
  ];
  const widest = Math.max(1, lastColumn);
  rows.forEach(([label, valueOf, format], offset) => {
    const row = footer + offset;
    sheet.cells(row, 0, [[{ value: null }, { text: label }, ...block.map((indicator): PlannedCell => ({ value: valueOf(indicator) ?? null }))]], [
      undefined,
      undefined,
      // A number, not "67%" as text, so the province can sort, chart or average it.
      ...block.map(() => format),
    ]);
    sheet.style(rangeAddress(row, 0, row, widest), { fontName: REPORT_FONT, borders: true, fill: PALETTE.header, bold: true });
    if (block.length > 0) sheet.style(rangeAddress(row, MATRIX_FIRST_INDICATOR_COLUMN, row, lastColumn), { ...bodyStyle(), horizontalAlignment: "Center" });
  });
  const shares = footer + rows.length - 1;
  if (block.length > 0) {
    sheet.ops.push({ op: "dataBar", range: rangeAddress(shares, MATRIX_FIRST_INDICATOR_COLUMN, shares, lastColumn), colour: PALETTE.bar });
  }
  sheet.fitRows(names, shares);
  sheet.freeze(names, 2);
  sheet.print({ rows: [header, names], columns: [0, 1] }, `Ma trận, phần ${position.index}/${position.count} — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
  return sheet.plan();
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
