import ExcelJS from "exceljs";
import { writeXlsxBuffer } from "../workbook/writeXlsx";
import type { Aggregate } from "../../shared/report/aggregate";
import { writeAgency } from "./agencySheet";
import { writeChartSheet } from "./chartSheets";
import { INDICATOR_CODE_COLUMN, INDICATOR_SHARE_COLUMN, writeIndicators } from "./indicatorSheet";
import { writeLegendSheet } from "./legend";
import { indicatorBlocks, writeMatrixBlock } from "./matrixSheets";
import { writeMissing } from "./missingSheet";
import { uniqueSheetName } from "./sheetNames";
import { SUMMARY_NAME_COLUMN, SUMMARY_RATE_COLUMN, writeSummary } from "./summarySheet";
import { addCharts } from "./xlsxCharts/addCharts";
import type { ChartRequest } from "./xlsxCharts/chartRequest";

export const SUMMARY_SHEET = "Tổng hợp";
export const MISSING_SHEET = "Chưa nộp, nộp muộn";
export const INDICATOR_SHEET = "Theo chỉ tiêu";
export const INDICATOR_CHART_SHEET = "Biểu đồ theo chỉ tiêu";
export const AGENCY_CHART_SHEET = "Biểu đồ theo cơ quan";
export const LEGEND_SHEET = "Chú thích";
export const matrixSheetName = (index: number) => `Ma trận (${index})`;

/**
 * The consolidated report the standing agency sends to the Chairman, fit to print on A4 landscape: a summary per
 * agency, who has not reported or reported late, the result per indicator, two charts, the agencies × indicators
 * matrix in blocks of a few indicators coloured by verdict, and one sheet per agency in the layout of the province's
 * results reports.
 *
 * Agency names, notes and reported values are typed by agencies. Every one of them is written as a plain string value
 * and never as a formula, so "=HYPERLINK(…)" or "+84 …" stays the text the agency typed.
 */
export async function buildConsolidatedReport(aggregate: Aggregate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI chuyển đổi số";
  const generated = new Date(aggregate.generatedAt);
  if (!Number.isNaN(generated.getTime())) workbook.created = workbook.modified = generated;

  // Excel refuses a sheet called "History" in any case; exceljs throws on it, which would fail the whole report.
  const taken = new Set<string>(["history"]);
  const sheet = (wanted: string) => workbook.addWorksheet(uniqueSheetName(sheetNameOf(wanted), taken));
  // The order is part of the contract: the province opens the summary, then who is missing; agencies come last.
  const summary = sheet(SUMMARY_SHEET);
  const missing = sheet(MISSING_SHEET);
  const indicators = sheet(INDICATOR_SHEET);
  const indicatorChart = sheet(INDICATOR_CHART_SHEET);
  const agencyChart = sheet(AGENCY_CHART_SHEET);

  const agencyRows = writeSummary(summary, aggregate);
  writeMissing(missing, aggregate);
  const indicatorRows = writeIndicators(indicators, aggregate);
  const charts: ChartRequest[] = [];
  const indicatorRequest = writeChartSheet(indicatorChart, aggregate, {
    title: "Tỷ lệ cơ quan đạt theo chỉ tiêu",
    seriesName: "Tỷ lệ cơ quan đạt",
    note: `Số liệu: trang "${indicators.name}"; mã chỉ tiêu như ở cột Mã.`,
    source: {
      categories: { sheet: indicators.name, column: INDICATOR_CODE_COLUMN, firstRow: indicatorRows.first, lastRow: indicatorRows.last },
      values: { sheet: indicators.name, column: INDICATOR_SHARE_COLUMN, firstRow: indicatorRows.first, lastRow: indicatorRows.last },
      labels: aggregate.indicators.map((indicator) => indicator.code),
      shares: aggregate.indicators.map((indicator) => indicator.metShare),
    },
  });
  const agencyRequest = writeChartSheet(agencyChart, aggregate, {
    title: "Tỷ lệ chỉ tiêu đạt theo cơ quan",
    seriesName: "Tỷ lệ đạt",
    note: `Số liệu: trang "${summary.name}", cột Tỷ lệ đạt (số chỉ tiêu đạt trên số chỉ tiêu được giao).`,
    source: {
      categories: { sheet: summary.name, column: SUMMARY_NAME_COLUMN, firstRow: agencyRows.first, lastRow: agencyRows.last },
      values: { sheet: summary.name, column: SUMMARY_RATE_COLUMN, firstRow: agencyRows.first, lastRow: agencyRows.last },
      labels: aggregate.agencies.map((agency) => agency.name),
      shares: aggregate.agencies.map((agency) => (agency.assignedCount > 0 ? agency.metCount / agency.assignedCount : null)),
    },
  });
  for (const request of [indicatorRequest, agencyRequest]) if (request) charts.push(request);

  const blocks = indicatorBlocks(aggregate.indicators);
  let firstNumber = 1;
  blocks.forEach((block, index) => {
    writeMatrixBlock(sheet(matrixSheetName(index + 1)), aggregate, block, { index: index + 1, count: blocks.length, firstNumber });
    firstNumber += block.length;
  });
  writeLegendSheet(sheet(LEGEND_SHEET));
  for (const agency of aggregate.agencies) writeAgency(sheet(agency.name), aggregate, agency);

  const written = await writeXlsxBuffer(workbook);
  return Buffer.from(addCharts(written, charts));
}

/**
 * A name uniqueSheetName can finish: composed so "Sở" counts as two characters and not three, and free of what exceljs
 * or Excel reject after truncation (control and astral characters, which a cut could split, and a trailing quote).
 */
function sheetNameOf(name: string): string {
  const clean = name
    .normalize("NFC")
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .replace(/[\uD800-\uDFFF]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 31)
    .replace(/^[\s']+|[\s']+$/g, "");
  return clean || "Cơ quan";
}
