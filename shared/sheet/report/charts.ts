import type { Aggregate } from "../../report/aggregate";
import { columnLetter, rangeAddress } from "../address";
import type { SheetPlan } from "../plan";
import { decisionLine, MUTED_LINE, ReportSheetPlan, TITLE_LINE } from "./layout";

export const INDICATOR_CHART_SHEET = "Biểu đồ theo chỉ tiêu";
export const AGENCY_CHART_SHEET = "Biểu đồ theo cơ quan";
const CHART_COLUMNS = 12;
const CHART_COLUMN_WIDTH = 13;
/** Rows of 15 points a bar and its gap need, so labels of 9 points never overlap. */
const ROWS_PER_BAR = 1;

export interface ChartSource {
  /** The sheet holding the figures, and its zero-based columns of labels and values over the rows first..last. */
  sheet: string;
  categoryColumn: number;
  valueColumn: number;
  first: number;
  last: number;
}

/**
 * A sheet holding one chart under its title, printed on one A4 landscape page: the chart is sized to its bars and the
 * page scales to the chart. The chart reads its figures where the report shows them, on another sheet.
 */
export function chartSheetPlan(
  aggregate: Aggregate,
  sheetName: string,
  chart: { title: string; seriesName: string; note: string; source: ChartSource },
): SheetPlan {
  const sheet = new ReportSheetPlan(sheetName, Array.from({ length: CHART_COLUMNS }, () => CHART_COLUMN_WIDTH));
  const first = sheet.title(
    [
      { text: chart.title.toLocaleUpperCase("vi"), style: TITLE_LINE },
      { text: `${decisionLine(aggregate)} — Kỳ báo cáo: ${aggregate.periodLabel}` },
      { text: chart.note, style: MUTED_LINE },
    ],
    CHART_COLUMNS,
  );
  sheet.print({ rows: [1, 1], onePage: true }, `${chart.title} — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
  const { source } = chart;
  const count = source.last - source.first + 1;
  if (count <= 0) {
    sheet.cells(first, 0, [[{ text: "Không có số liệu để vẽ biểu đồ." }]]);
    return sheet.plan();
  }
  const rows = Math.max(24, Math.ceil(count * ROWS_PER_BAR) + 6);
  // A cell at the chart's far corner gives the print range its extent in every reader.
  sheet.cells(first + rows, CHART_COLUMNS - 1, [[{ text: " " }]]);
  sheet.ops.push({
    op: "chart",
    chart: {
      kind: "barClustered",
      title: chart.title,
      sourceSheet: source.sheet,
      series: {
        categories: rangeAddress(source.first, source.categoryColumn, source.last, source.categoryColumn),
        values: rangeAddress(source.first, source.valueColumn, source.last, source.valueColumn),
        name: chart.seriesName,
      },
      percentAxis: true,
      topLeft: `A${first}`,
      bottomRight: `${columnLetter(CHART_COLUMNS - 1)}${first + rows - 1}`,
    },
  });
  return sheet.plan();
}
