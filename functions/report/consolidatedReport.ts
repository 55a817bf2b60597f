import ExcelJS from "exceljs";
import type { Aggregate } from "../../shared/report/aggregate";
import { consolidatedReportPlans } from "../../shared/sheet/report/reportPlans";
import { applySheetPlan } from "../workbook/applySheetPlan";
import { writeXlsxBuffer } from "../workbook/writeXlsx";
import { addCharts } from "./xlsxCharts/addCharts";
import { chartRequestsOf } from "./xlsxCharts/fromPlan";

export { SUMMARY_SHEET } from "../../shared/sheet/report/summary";
export { MISSING_SHEET } from "../../shared/sheet/report/missing";
export { INDICATOR_SHEET } from "../../shared/sheet/report/indicators";
export { AGENCY_CHART_SHEET, INDICATOR_CHART_SHEET } from "../../shared/sheet/report/charts";
export { LEGEND_SHEET } from "../../shared/sheet/report/legend";
export { matrixSheetName } from "../../shared/sheet/report/matrix";

/**
 * The consolidated report the standing agency sends to the Chairman, fit to print on A4 landscape. Its sheets are
 * plans in shared/sheet/report (the add-in draws the same "Tổng hợp"); here they are drawn with exceljs, and the charts
 * they ask for are added to the package, which exceljs cannot write.
 *
 * Agency names, notes and reported values are typed by agencies. The plans write every one of them as text and never
 * as a formula, so "=HYPERLINK(…)" or "+84 …" stays the text the agency typed.
 */
export async function buildConsolidatedReport(aggregate: Aggregate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI chuyển đổi số";
  const generated = new Date(aggregate.generatedAt);
  if (!Number.isNaN(generated.getTime())) workbook.created = workbook.modified = generated;

  const plans = consolidatedReportPlans(aggregate);
  for (const plan of plans) applySheetPlan(workbook.addWorksheet(plan.sheetName), plan.ops);
  const charts = chartRequestsOf(plans, workbook);
  const written = await writeXlsxBuffer(workbook);
  return Buffer.from(addCharts(written, charts));
}
