import type { Aggregate } from "../report/aggregate";
import { SUBMISSION_STATUS_LABELS } from "../report/aggregate";
import { formatIsoDateVi } from "../period/isoDate";
import { vietnamTimeText } from "../period/vietnamTime";
import { VERDICT_LABELS } from "../verdict/labels";
import type { VerdictCode } from "../verdict/schema";
import { rangeAddress } from "./address";
import type { PlannedCell } from "./cell";
import { COUNT_FORMAT, GENERAL_FORMAT, percentFormat } from "./formats";
import { PALETTE, VERDICT_COLOURS } from "./palette";
import { cellsOp, type SheetOp, type SheetPlan } from "./plan";
import { landscapeA4 } from "./print";
import { rowHeightFor } from "./rowHeight";
import { HEADER_STYLE, MUTED_STYLE, TITLE_STYLE } from "./style";

/**
 * The province's sheet "Tổng hợp": agencies down, indicator codes across, the verdict label in each cell coloured by
 * conditional rules (so a label typed over later is recoloured too), a row with each indicator's share of agencies
 * that met it, and below, the indicators with their names and counts feeding a bar chart of those shares.
 */

export const AGGREGATE_SHEET_NAME = "Tổng hợp";
export const AGGREGATE_HEADER_ROW = 4;
const FIRST_CODE_COLUMN = 2;
const SHARE_FORMAT = percentFormat(0);
const AGENCY_WIDTH = 36;
const STATUS_WIDTH = 16;
const CODE_WIDTH = 12;

const STATUS_FILLS: Partial<Record<keyof typeof SUBMISSION_STATUS_LABELS, string>> = {
  late: VERDICT_COLOURS.pending,
  missing: VERDICT_COLOURS.not_met,
};

/** The whole sheet, for any host: the add-in and the preview draw it, the server's report.xlsx can too. */
export function aggregateSheetPlan(aggregate: Aggregate): SheetPlan {
  return { sheetName: AGGREGATE_SHEET_NAME, ops: aggregateOps(aggregate) };
}

export function aggregateOps(aggregate: Aggregate): SheetOp[] {
  const ops: SheetOp[] = [];
  const codes = aggregate.indicators.map((indicator) => indicator.code);
  const lastCodeColumn = FIRST_CODE_COLUMN + Math.max(codes.length, 1) - 1;
  const { completeness } = aggregate;
  const summary =
    `Văn bản: ${aggregate.decision.number}. Hạn nộp: ${formatIsoDateVi(aggregate.reportDueDate)}. ` +
    `Nộp đúng hạn: ${completeness.onTime}, nộp muộn: ${completeness.late}, chưa nộp: ${completeness.missing} / ${completeness.assigned} cơ quan. ` +
    `Số liệu lúc ${vietnamTimeText(aggregate.generatedAt)}.`;

  ops.push(cellsOp(1, 0, [[{ text: `TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU — ${aggregate.periodLabel}` }], [{ text: summary }]]));
  ops.push({ op: "style", range: "A1", style: TITLE_STYLE });
  ops.push({ op: "style", range: "A2", style: MUTED_STYLE });
  ops.push({ op: "rowHeight", row: 1, points: rowHeightFor([{ text: "Ấ", characters: AGENCY_WIDTH, fontSize: TITLE_STYLE.fontSize!, bold: true }]) });

  const header: PlannedCell[] = [{ text: "Cơ quan" }, { text: "Tình trạng nộp" }, ...codes.map((code): PlannedCell => ({ text: code }))];
  const matrix = aggregate.agencies.map((agency): PlannedCell[] => {
    const labels = new Map(agency.cells.map((cell) => [cell.indicatorCode, cell.label]));
    return [
      { text: agency.name },
      { text: SUBMISSION_STATUS_LABELS[agency.status] },
      // An empty cell: the indicator is not assigned to this agency.
      ...codes.map((code): PlannedCell => (labels.has(code) ? { text: labels.get(code)! } : { value: null })),
    ];
  });
  const shares: PlannedCell[] = [
    { text: "Tỷ lệ cơ quan đạt" },
    { value: null },
    ...aggregate.indicators.map((indicator): PlannedCell => ({ value: indicator.metShare })),
  ];
  const shareRow = AGGREGATE_HEADER_ROW + matrix.length + 1;
  ops.push(cellsOp(AGGREGATE_HEADER_ROW, 0, [header, ...matrix, shares], (r) => (r === matrix.length + 1 ? SHARE_FORMAT : GENERAL_FORMAT)));
  ops.push({ op: "style", range: rangeAddress(AGGREGATE_HEADER_ROW, 0, AGGREGATE_HEADER_ROW, lastCodeColumn), style: HEADER_STYLE });
  ops.push({ op: "style", range: rangeAddress(AGGREGATE_HEADER_ROW + 1, 0, shareRow, lastCodeColumn), style: { borders: true } });
  ops.push({ op: "style", range: rangeAddress(AGGREGATE_HEADER_ROW + 1, 0, shareRow, lastCodeColumn), style: { verticalAlignment: "Center" } });
  ops.push({ op: "style", range: rangeAddress(AGGREGATE_HEADER_ROW + 1, 0, shareRow - 1, 0), style: { wrap: true } });
  ops.push({ op: "style", range: rangeAddress(shareRow, 0, shareRow, lastCodeColumn), style: { bold: true } });
  aggregate.agencies.forEach((agency, index) => {
    const points = rowHeightFor([{ text: agency.name, characters: AGENCY_WIDTH }]);
    if (points > 15) ops.push({ op: "rowHeight", row: AGGREGATE_HEADER_ROW + 1 + index, points });
  });

  if (matrix.length > 0) {
    const firstAgencyRow = AGGREGATE_HEADER_ROW + 1;
    const lastAgencyRow = AGGREGATE_HEADER_ROW + matrix.length;
    if (codes.length > 0) {
      const labels = rangeAddress(firstAgencyRow, FIRST_CODE_COLUMN, lastAgencyRow, lastCodeColumn);
      ops.push({ op: "style", range: labels, style: { horizontalAlignment: "Center" } });
      // "Begins with" the whole label, not "contains": "Không đạt" and "Chưa đạt" contain "đạt".
      for (const [code, label] of Object.entries(VERDICT_LABELS) as Array<[VerdictCode, string]>) {
        ops.push({ op: "textFill", range: labels, text: label, fill: VERDICT_COLOURS[code] });
      }
    }
    const statuses = rangeAddress(firstAgencyRow, 1, lastAgencyRow, 1);
    for (const [status, fill] of Object.entries(STATUS_FILLS)) {
      ops.push({ op: "textFill", range: statuses, text: SUBMISSION_STATUS_LABELS[status as keyof typeof SUBMISSION_STATUS_LABELS], fill });
    }
  }

  // The chart needs its categories and values side by side, hence the code and the share in the first two columns.
  const tableRow = shareRow + 2;
  const indicatorRows = aggregate.indicators.map((indicator): PlannedCell[] => [
    { text: indicator.code },
    { value: indicator.metShare },
    { value: indicator.assignedCount },
    { value: indicator.reportedCount },
    { value: indicator.metCount },
    { text: indicator.name },
  ]);
  const indicatorHeader: PlannedCell[] = ["Mã", "Tỷ lệ đạt", "Số cơ quan được giao", "Đã báo cáo", "Đạt", "Chỉ tiêu"].map((text) => ({ text }));
  ops.push(
    cellsOp(tableRow, 0, [indicatorHeader, ...indicatorRows], (r, c) => (r > 0 && c === 1 ? SHARE_FORMAT : r > 0 && c >= 2 && c <= 4 ? COUNT_FORMAT : GENERAL_FORMAT)),
  );
  ops.push({ op: "style", range: rangeAddress(tableRow, 0, tableRow, 5), style: HEADER_STYLE });
  const widthOf = (column: number) => (column === 0 ? AGENCY_WIDTH : column === 1 ? STATUS_WIDTH : CODE_WIDTH);
  ops.push({
    op: "rowHeight",
    row: tableRow,
    points: rowHeightFor(indicatorHeader.map((cell, column) => ({ text: "text" in cell ? cell.text : "", characters: widthOf(column), bold: true }))),
  });
  const lastIndicatorRow = tableRow + indicatorRows.length;
  if (indicatorRows.length > 0) {
    ops.push({ op: "style", range: rangeAddress(tableRow + 1, 0, lastIndicatorRow, 5), style: { borders: true } });
    // A bar in each share cell lets the least met indicators stand out without reading every percentage.
    ops.push({ op: "dataBar", range: rangeAddress(tableRow + 1, 1, lastIndicatorRow, 1), colour: PALETTE.bar });
    ops.push({
      op: "chart",
      chart: {
        kind: "barClustered",
        source: rangeAddress(tableRow, 0, lastIndicatorRow, 1),
        title: "Tỷ lệ cơ quan đạt theo chỉ tiêu",
        topLeft: `A${lastIndicatorRow + 2}`,
        bottomRight: `H${lastIndicatorRow + 2 + Math.max(15, Math.ceil(indicatorRows.length * 1.2))}`,
        percentAxis: true,
      },
    });
  }

  ops.push({ op: "columnWidth", column: 0, characters: AGENCY_WIDTH });
  ops.push({ op: "columnWidth", column: 1, characters: STATUS_WIDTH });
  for (let column = FIRST_CODE_COLUMN; column <= lastCodeColumn; column += 1) ops.push({ op: "columnWidth", column, characters: CODE_WIDTH });
  ops.push({ op: "freeze", rows: AGGREGATE_HEADER_ROW, columns: 1 });
  ops.push({ op: "print", setup: landscapeA4({ first: AGGREGATE_HEADER_ROW, last: AGGREGATE_HEADER_ROW }) });
  return ops;
}
