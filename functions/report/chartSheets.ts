import type ExcelJS from "exceljs";
import type { Aggregate } from "../../shared/report/aggregate";
import { decisionLine, MUTED_FONT, pageFooter, printSetup, TITLE_FONT, writeTitle } from "./reportLayout";
import { columnLetters, type ChartRequest, type ColumnRange } from "./xlsxCharts/chartRequest";

const CHART_COLUMNS = 12;
const CHART_COLUMN_WIDTH = 13;
/** Rows of 15 points a bar and its gap need, so labels of 9 points never overlap. */
const ROWS_PER_BAR = 1;

export interface ChartSource {
  categories: ColumnRange;
  values: ColumnRange;
  labels: readonly string[];
  shares: ReadonlyArray<number | null>;
}

/**
 * A sheet holding one chart under its title, printed on one A4 landscape page: the chart is sized to its bars and the
 * page scales to the chart. Answers the chart request the package writer adds after exceljs has written the cells.
 */
export function writeChartSheet(
  sheet: ExcelJS.Worksheet,
  aggregate: Aggregate,
  chart: { title: string; seriesName: string; source: ChartSource; note: string },
): ChartRequest | undefined {
  sheet.columns = Array.from({ length: CHART_COLUMNS }, () => ({ width: CHART_COLUMN_WIDTH }));
  const first = writeTitle(sheet, [
    { text: chart.title.toLocaleUpperCase("vi"), font: TITLE_FONT },
    { text: `${decisionLine(aggregate)} — Kỳ báo cáo: ${aggregate.periodLabel}` },
    { text: chart.note, font: MUTED_FONT },
  ], CHART_COLUMNS);
  sheet.pageSetup = { ...printSetup({ rows: [1, 1] }), fitToHeight: 1 };
  pageFooter(sheet, `${chart.title} — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
  const count = chart.source.labels.length;
  if (count === 0) {
    sheet.getCell(first, 1).value = "Không có số liệu để vẽ biểu đồ.";
    return undefined;
  }
  const rows = Math.max(24, Math.ceil(count * ROWS_PER_BAR) + 6);
  // A cell at the chart's far corner gives the print range its extent in every reader.
  sheet.getCell(first + rows, CHART_COLUMNS).value = " ";
  return {
    kind: "barClustered",
    title: chart.title,
    sheet: sheet.name,
    categories: { ...chart.source.categories, cached: chart.source.labels },
    values: { ...chart.source.values, cached: chart.source.shares, name: chart.seriesName },
    percentAxis: true,
    topLeft: `A${first}`,
    bottomRight: `${columnLetters(CHART_COLUMNS)}${first + rows - 1}`,
  };
}
