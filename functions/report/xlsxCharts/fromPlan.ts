import type ExcelJS from "exceljs";
import { parseRange } from "../../../shared/sheet/address";
import type { ChartRequest as PlanChart, SheetPlan } from "../../../shared/sheet/plan";
import type { ChartRequest } from "./chartRequest";

/**
 * The package writer's requests for the charts a set of plans asks for. A plan's chart names the cells it reads; the
 * package also wants their values cached beside the formula, so a reader that does not recalculate draws the same
 * bars: they are read from the workbook the plans were drawn in.
 */
export function chartRequestsOf(plans: readonly SheetPlan[], workbook: ExcelJS.Workbook): ChartRequest[] {
  const requests: ChartRequest[] = [];
  for (const plan of plans) {
    for (const op of plan.ops) {
      if (op.op !== "chart") continue;
      const chart = op.chart;
      const sheet = chart.sourceSheet ?? plan.sheetName;
      const source = workbook.getWorksheet(sheet);
      if (!source) throw new Error(`no sheet "${sheet}" for the chart "${chart.title}"`);
      const { categories, values, name } = columnsOf(chart, source);
      const cached = (box: ReturnType<typeof parseRange>) =>
        Array.from({ length: box.lastRow - box.firstRow + 1 }, (_, offset) => source.getCell(box.firstRow + offset, box.firstColumn + 1).value);
      requests.push({
        kind: chart.kind,
        title: chart.title,
        sheet: plan.sheetName,
        categories: { ...range(sheet, categories), cached: cached(categories).map((value) => (value === null || value === undefined ? "" : String(value))) },
        values: { ...range(sheet, values), cached: cached(values).map((value) => (typeof value === "number" ? value : null)), name },
        percentAxis: chart.percentAxis,
        topLeft: chart.topLeft,
        bottomRight: chart.bottomRight,
      });
    }
  }
  return requests;
}

type Box = ReturnType<typeof parseRange>;

function columnsOf(chart: PlanChart, source: ExcelJS.Worksheet): { categories: Box; values: Box; name: string } {
  if (chart.series) return { categories: parseRange(chart.series.categories), values: parseRange(chart.series.values), name: chart.series.name };
  // A source block: a header row over the categories' column and the values' column beside it.
  const block = parseRange(chart.source!);
  const column = (at: number): Box => ({ firstRow: block.firstRow + 1, lastRow: block.lastRow, firstColumn: at, lastColumn: at });
  const header = source.getCell(block.firstRow, block.firstColumn + 2).value;
  return { categories: column(block.firstColumn), values: column(block.firstColumn + 1), name: typeof header === "string" ? header : chart.title };
}

function range(sheet: string, box: Box) {
  return { sheet, column: box.firstColumn + 1, firstRow: box.firstRow, lastRow: box.lastRow };
}
