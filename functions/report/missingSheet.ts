import type ExcelJS from "exceljs";
import { isIsoDate } from "../../shared/period/isoDate";
import { SUBMISSION_STATUS_LABELS, type Aggregate } from "../../shared/report/aggregate";
import {
  bodyCell,
  countCell,
  fitRowHeights,
  pageFooter,
  printSetup,
  reportContextLines,
  STATUS_FONTS,
  styleHeader,
  TITLE_FONT,
  vietnamDateCell,
  writeTitle,
} from "./reportLayout";

export const MISSING_HEADERS = ["STT", "Cơ quan, đơn vị", "Tình trạng", "Số chỉ tiêu được giao", "Thời điểm nộp (giờ Việt Nam)", "Hạn nộp"] as const;
const WIDTHS = [6, 50, 14, 12, 18, 12];

/** Who has not reported, then who reported late and when, in one table that prints with its header on every page. */
export function writeMissing(sheet: ExcelJS.Worksheet, aggregate: Aggregate): void {
  const missing = aggregate.agencies.filter((agency) => agency.status === "missing");
  const late = aggregate.agencies.filter((agency) => agency.status === "late");
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const header = writeTitle(sheet, [
    { text: "DANH SÁCH CƠ QUAN CHƯA NỘP VÀ NỘP MUỘN BÁO CÁO", font: TITLE_FONT },
    ...reportContextLines(aggregate),
    { text: missing.length === 0 ? "Tất cả cơ quan đã nộp." : `Cơ quan chưa nộp báo cáo: ${missing.length}.` },
    { text: late.length === 0 ? "Không có cơ quan nộp muộn." : `Cơ quan nộp muộn: ${late.length}.` },
  ], WIDTHS.length);
  MISSING_HEADERS.forEach((text, index) => styleHeader(sheet.getCell(header, index + 1), text));
  // The due day as a date cell too: midnight of that day, shown without a time.
  const due = isIsoDate(aggregate.reportDueDate) ? new Date(`${aggregate.reportDueDate}T00:00:00Z`) : null;

  [...missing, ...late].forEach((agency, index) => {
    const row = sheet.getRow(header + 1 + index);
    bodyCell(row.getCell(1), index + 1, { horizontal: "center" });
    bodyCell(row.getCell(2), agency.name);
    bodyCell(row.getCell(3), SUBMISSION_STATUS_LABELS[agency.status], { horizontal: "center" }).font = STATUS_FONTS[agency.status];
    countCell(row.getCell(4), agency.assignedCount);
    vietnamDateCell(row.getCell(5), agency.submittedAt);
    const dueCell = bodyCell(row.getCell(6), due ?? aggregate.reportDueDate, { horizontal: "center" });
    if (due) dueCell.numFmt = "dd/mm/yyyy";
  });
  fitRowHeights(sheet, header, header + missing.length + late.length);
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: header }];
  sheet.pageSetup = printSetup({ rows: [header, header], columns: ["A", "B"] });
  pageFooter(sheet, `Chưa nộp, nộp muộn — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
}
