import type { Aggregate } from "../../report/aggregate";
import type { SheetPlan } from "../plan";
import { agencyPlan } from "./agency";
import { AGENCY_CHART_SHEET, chartSheetPlan, INDICATOR_CHART_SHEET } from "./charts";
import { INDICATOR_CODE_COLUMN, INDICATOR_SHARE_COLUMN, INDICATOR_SHEET, indicatorsPlan } from "./indicators";
import { LEGEND_SHEET, legendPlan } from "./legend";
import { indicatorBlocks, matrixBlockPlan, matrixSheetName } from "./matrix";
import { MISSING_SHEET, missingPlan } from "./missing";
import { sheetNameOf, uniqueSheetName } from "./sheetNames";
import { AGENCY_CHART_TITLE, SUMMARY_NAME_COLUMN, SUMMARY_RATE_COLUMN, SUMMARY_SHEET, summaryPlan } from "./summary";

/**
 * Every sheet of the consolidated report, in the order the province reads them: the summary, who is missing, the
 * result per indicator, two charts, the agencies × indicators matrix in blocks, the legend, and one sheet per agency.
 * Names are made unique (and valid) here, so the charts can name the sheets they read.
 */
export function consolidatedReportPlans(aggregate: Aggregate): SheetPlan[] {
  // Excel refuses a sheet called "History" in any case; exceljs throws on it, which would fail the whole report.
  const taken = new Set<string>(["history"]);
  const name = (wanted: string) => uniqueSheetName(sheetNameOf(wanted), taken);
  const names = {
    summary: name(SUMMARY_SHEET),
    missing: name(MISSING_SHEET),
    indicators: name(INDICATOR_SHEET),
    indicatorChart: name(INDICATOR_CHART_SHEET),
    agencyChart: name(AGENCY_CHART_SHEET),
  };
  const summary = summaryPlan(aggregate, { sheetName: names.summary });
  const indicators = indicatorsPlan(aggregate, names.indicators);
  const plans: SheetPlan[] = [
    summary.plan,
    missingPlan(aggregate, names.missing),
    indicators.plan,
    chartSheetPlan(aggregate, names.indicatorChart, {
      title: "Tỷ lệ cơ quan đạt theo chỉ tiêu",
      seriesName: "Tỷ lệ cơ quan đạt",
      note: `Số liệu: trang "${names.indicators}"; mã chỉ tiêu như ở cột Mã.`,
      source: { sheet: names.indicators, categoryColumn: INDICATOR_CODE_COLUMN, valueColumn: INDICATOR_SHARE_COLUMN, first: indicators.first, last: indicators.last },
    }),
    chartSheetPlan(aggregate, names.agencyChart, {
      title: AGENCY_CHART_TITLE,
      seriesName: "Tỷ lệ đạt",
      note: `Số liệu: trang "${names.summary}", cột Tỷ lệ đạt (số chỉ tiêu đạt trên số chỉ tiêu được giao).`,
      source: { sheet: names.summary, categoryColumn: SUMMARY_NAME_COLUMN, valueColumn: SUMMARY_RATE_COLUMN, first: summary.first, last: summary.last },
    }),
  ];
  const blocks = indicatorBlocks(aggregate.indicators);
  let firstNumber = 1;
  blocks.forEach((block, index) => {
    plans.push(matrixBlockPlan(aggregate, block, { index: index + 1, count: blocks.length, firstNumber }, name(matrixSheetName(index + 1))));
    firstNumber += block.length;
  });
  plans.push(legendPlan(name(LEGEND_SHEET)));
  for (const agency of aggregate.agencies) plans.push(agencyPlan(aggregate, agency, name(agency.name)));
  return plans;
}
