import type { Aggregate } from "../../report/aggregate";
import { cellAddress, columnLetter, rangeAddress } from "../address";
import type { PlannedCell } from "../cell";
import { COUNT_FORMAT, percentFormat } from "../formats";
import { PALETTE } from "../palette";
import type { ChartRequest, SheetPlan } from "../plan";
import { bodyStyle, plain, reportContextLines, ReportSheetPlan, statusLabel, STATUS_STYLES, TITLE_LINE, vietnamDateTime } from "./layout";

export const SUMMARY_SHEET = "Tổng hợp";
export const SUMMARY_HEADERS = ["STT", "Cơ quan, đơn vị", "Tình trạng nộp", "Phiên bản", "Số chỉ tiêu đạt", "Số chỉ tiêu được giao", "Tỷ lệ đạt", "Thời điểm nộp (giờ Việt Nam)"] as const;
const WIDTHS = [6, 44, 26, 9, 10, 11, 12, 18];
/** Zero-based columns of the agency's name and its met rate, which the chart of met rates reads. */
export const SUMMARY_NAME_COLUMN = 1;
export const SUMMARY_RATE_COLUMN = 6;
/** A share of indicators or agencies: whole percents, as the province quotes them. */
export const SHARE_FORMAT = percentFormat(0);
export const AGENCY_CHART_TITLE = "Tỷ lệ chỉ tiêu đạt theo cơ quan";

export interface SummaryPlan {
  plan: SheetPlan;
  /** The agencies' rows, for the chart of met rates drawn from them. */
  first: number;
  last: number;
}

/**
 * "Tổng hợp", the same sheet in report.xlsx and in the add-in's workbook: one row per agency with its status and
 * review, version, met and assigned as two numbers, the rate met and when it reported; a province total below. The
 * add-in, which has no chart sheet, asks for the chart of met rates under the table.
 */
export function summaryPlan(aggregate: Aggregate, options: { chart?: boolean; sheetName?: string } = {}): SummaryPlan {
  const { completeness } = aggregate;
  const sheet = new ReportSheetPlan(options.sheetName ?? SUMMARY_SHEET, WIDTHS);
  const header = sheet.title(
    [
      { text: "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ", style: TITLE_LINE },
      ...reportContextLines(aggregate),
      {
        text:
          `Số cơ quan được giao chỉ tiêu: ${completeness.assigned} — nộp đúng hạn: ${completeness.onTime}, ` +
          `nộp muộn: ${completeness.late}, chưa nộp: ${completeness.missing}` +
          (completeness.approved !== undefined ? `; tỉnh đã duyệt: ${completeness.approved}.` : "."),
      },
    ],
    WIDTHS.length,
  );
  sheet.header(header, SUMMARY_HEADERS);
  const first = header + 1;
  const last = header + aggregate.agencies.length;
  const rate = (met: number, assigned: number) => (assigned > 0 ? met / assigned : null);
  const formats = [undefined, undefined, undefined, undefined, COUNT_FORMAT, COUNT_FORMAT, SHARE_FORMAT, undefined];
  sheet.cells(
    first,
    0,
    aggregate.agencies.map((agency, index): PlannedCell[] => [
      { value: index + 1 },
      plain(agency.name),
      plain(statusLabel(agency)),
      plain(agency.version),
      { value: agency.metCount },
      { value: agency.assignedCount },
      { value: rate(agency.metCount, agency.assignedCount) },
      vietnamDateTime(agency.submittedAt),
    ]),
    formats,
  );
  sheet.body(first, last, ["Center", undefined, undefined, "Center", "Center", "Center", "Center", "Center"]);
  aggregate.agencies.forEach((agency, index) => {
    const style = STATUS_STYLES[agency.status];
    if (Object.keys(style).length > 0) sheet.style(cellAddress(first + index, 2), style);
  });

  const total = last + 1;
  const met = aggregate.agencies.reduce((sum, agency) => sum + agency.metCount, 0);
  const assigned = aggregate.agencies.reduce((sum, agency) => sum + agency.assignedCount, 0);
  sheet.cells(total, 0, [[{ value: null }, { text: "Toàn tỉnh" }, { value: null }, { value: null }, { value: met }, { value: assigned }, { value: rate(met, assigned) }, { value: null }]], formats);
  sheet.style(rangeAddress(total, 0, total, WIDTHS.length - 1), totalStyle());
  sheet.style(rangeAddress(total, 4, total, 6), { horizontalAlignment: "Center" });

  if (aggregate.agencies.length > 0) {
    // A bar behind each rate lets the agencies furthest behind stand out without reading every percentage.
    sheet.ops.push({ op: "dataBar", range: rangeAddress(first, SUMMARY_RATE_COLUMN, last, SUMMARY_RATE_COLUMN), colour: PALETTE.bar });
  }
  sheet.fitRows(header, last);
  sheet.freeze(header, 2);
  sheet.print({ rows: [header, header], columns: [0, 1] }, `Tổng hợp — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
  if (options.chart && aggregate.agencies.length > 0) {
    const top = total + 2;
    sheet.ops.push({
      op: "chart",
      chart: {
        ...agencyRatesChart(first, last),
        topLeft: `A${top}`,
        bottomRight: `${columnLetter(WIDTHS.length - 1)}${top + Math.max(15, Math.ceil(aggregate.agencies.length * 1.2) + 4)}`,
      },
    });
  }
  return { plan: sheet.plan(), first, last };
}

/** The chart of met rates per agency read from this sheet's rows; the caller places it. */
export function agencyRatesChart(first: number, last: number): Omit<ChartRequest, "topLeft" | "bottomRight"> {
  return {
    kind: "barClustered",
    title: AGENCY_CHART_TITLE,
    series: {
      categories: rangeAddress(first, SUMMARY_NAME_COLUMN, last, SUMMARY_NAME_COLUMN),
      values: rangeAddress(first, SUMMARY_RATE_COLUMN, last, SUMMARY_RATE_COLUMN),
      name: "Tỷ lệ đạt",
    },
    percentAxis: true,
  };
}

/** The province's total: bold on the header fill, in the body's lines. */
function totalStyle() {
  return { ...bodyStyle(), bold: true, fill: PALETTE.header };
}
