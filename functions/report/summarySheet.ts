import type ExcelJS from "exceljs";
import type { Aggregate } from "../../shared/report/aggregate";
import { SHARE_FORMAT } from "./percentFormat";
import { shareBars } from "./shareBars";
import {
  bodyCell,
  countCell,
  font,
  fitRowHeights,
  pageFooter,
  printSetup,
  reportContextLines,
  statusLabel,
  STATUS_FONTS,
  styleHeader,
  TITLE_FONT,
  vietnamDateCell,
  writeTitle,
} from "./reportLayout";
import { HEADER_FILL, THIN_BORDER } from "./verdictStyle";

export const SUMMARY_HEADERS = ["STT", "Cơ quan, đơn vị", "Tình trạng nộp", "Phiên bản", "Số chỉ tiêu đạt", "Số chỉ tiêu được giao", "Tỷ lệ đạt", "Thời điểm nộp (giờ Việt Nam)"] as const;
const WIDTHS = [6, 44, 26, 9, 10, 11, 12, 18];
export const SUMMARY_NAME_COLUMN = 2;
export const SUMMARY_RATE_COLUMN = 7;

/** Where the agencies' rows are, for the chart of met rates drawn from them. */
export interface SummaryRows {
  first: number;
  last: number;
}

/** One row per agency: status and review, version, met and assigned as two numbers, the rate met, when it reported. */
export function writeSummary(sheet: ExcelJS.Worksheet, aggregate: Aggregate): SummaryRows {
  const { completeness } = aggregate;
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const header = writeTitle(sheet, [
    { text: "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ", font: TITLE_FONT },
    ...reportContextLines(aggregate),
    {
      text:
        `Số cơ quan được giao chỉ tiêu: ${completeness.assigned} — nộp đúng hạn: ${completeness.onTime}, ` +
        `nộp muộn: ${completeness.late}, chưa nộp: ${completeness.missing}` +
        (completeness.approved !== undefined ? `; tỉnh đã duyệt: ${completeness.approved}.` : "."),
    },
  ], WIDTHS.length);
  SUMMARY_HEADERS.forEach((text, index) => styleHeader(sheet.getCell(header, index + 1), text));

  aggregate.agencies.forEach((agency, index) => {
    const row = sheet.getRow(header + 1 + index);
    bodyCell(row.getCell(1), index + 1, { horizontal: "center" });
    bodyCell(row.getCell(2), agency.name);
    bodyCell(row.getCell(3), statusLabel(agency)).font = STATUS_FONTS[agency.status];
    bodyCell(row.getCell(4), agency.version ?? null, { horizontal: "center" });
    countCell(row.getCell(5), agency.metCount);
    countCell(row.getCell(6), agency.assignedCount);
    const rate = bodyCell(row.getCell(7), agency.assignedCount > 0 ? agency.metCount / agency.assignedCount : null, { horizontal: "center" });
    rate.numFmt = SHARE_FORMAT;
    vietnamDateCell(row.getCell(8), agency.submittedAt);
  });
  const first = header + 1;
  const last = header + aggregate.agencies.length;

  const total = sheet.getRow(last + 1);
  const met = aggregate.agencies.reduce((sum, agency) => sum + agency.metCount, 0);
  const assigned = aggregate.agencies.reduce((sum, agency) => sum + agency.assignedCount, 0);
  for (let column = 1; column <= WIDTHS.length; column += 1) bodyCell(total.getCell(column), null).fill = HEADER_FILL;
  total.getCell(2).value = "Toàn tỉnh";
  countCell(total.getCell(5), met);
  countCell(total.getCell(6), assigned);
  const rate = bodyCell(total.getCell(7), assigned > 0 ? met / assigned : null, { horizontal: "center" });
  rate.numFmt = SHARE_FORMAT;
  total.eachCell((cell) => {
    cell.font = font({ bold: true });
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
  });

  if (aggregate.agencies.length > 0) shareBars(sheet, `G${first}:G${last}`);
  fitRowHeights(sheet, header, last);
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: header }];
  sheet.pageSetup = printSetup({ rows: [header, header], columns: ["A", "B"] });
  pageFooter(sheet, `Tổng hợp — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
  return { first, last };
}
