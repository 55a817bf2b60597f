import type ExcelJS from "exceljs";
import type { Aggregate } from "../../shared/report/aggregate";
import { SHARE_FORMAT } from "./percentFormat";
import { shareBars } from "./shareBars";
import { bodyCell, countCell, fitRowHeights, pageFooter, printSetup, reportContextLines, styleHeader, TITLE_FONT, writeTitle } from "./reportLayout";

const HEADERS = ["STT", "Mã", "Chỉ tiêu", "Số cơ quan được giao", "Số cơ quan đã báo cáo", "Số cơ quan đạt", "Tỷ lệ cơ quan đạt"] as const;
const WIDTHS = [6, 11, 70, 12, 12, 10, 14];
export const INDICATOR_CODE_COLUMN = 2;
export const INDICATOR_SHARE_COLUMN = 7;

/** One row per indicator of the decision: how many agencies hold it, reported it and met it, and the share met. */
export function writeIndicators(sheet: ExcelJS.Worksheet, aggregate: Aggregate): { first: number; last: number } {
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const header = writeTitle(sheet, [
    { text: "KẾT QUẢ THEO CHỈ TIÊU", font: TITLE_FONT },
    ...reportContextLines(aggregate),
  ], WIDTHS.length);
  HEADERS.forEach((text, index) => styleHeader(sheet.getCell(header, index + 1), text));
  aggregate.indicators.forEach((indicator, index) => {
    const row = sheet.getRow(header + 1 + index);
    bodyCell(row.getCell(1), index + 1, { horizontal: "center" });
    bodyCell(row.getCell(2), indicator.code, { horizontal: "center" });
    bodyCell(row.getCell(3), indicator.name);
    countCell(row.getCell(4), indicator.assignedCount);
    countCell(row.getCell(5), indicator.reportedCount);
    countCell(row.getCell(6), indicator.metCount);
    bodyCell(row.getCell(7), indicator.metShare, { horizontal: "center" }).numFmt = SHARE_FORMAT;
  });
  const first = header + 1;
  const last = header + aggregate.indicators.length;
  if (aggregate.indicators.length > 0) shareBars(sheet, `G${first}:G${last}`);
  fitRowHeights(sheet, header, last);
  sheet.views = [{ state: "frozen", xSplit: 3, ySplit: header }];
  sheet.pageSetup = printSetup({ rows: [header, header], columns: ["A", "C"] });
  pageFooter(sheet, `Theo chỉ tiêu — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
  return { first, last };
}
