import ExcelJS from "exceljs";
import { AUDIT_ACTION_LABELS, type AuditEvent } from "../../shared/model/audit";
import { auditSummary } from "../../shared/report/auditSummary";
import { writeXlsxBuffer } from "../workbook/writeXlsx";
import { HEADER_FILL, THIN_BORDER } from "./verdictStyle";

export const AUDIT_SHEET_NAME = "Nhật ký";
export const AUDIT_HEADERS = ["Thời điểm", "Người thực hiện", "Hành động", "Cơ quan", "Phiên bản", "Chi tiết"] as const;
const COLUMN_WIDTHS = [19, 32, 26, 32, 10, 90];

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * An Excel date has no time zone: it is the wall clock the reader sees. The stored UTC instant is moved to Vietnam's
 * wall clock (UTC+7, no daylight saving) so the cell shows the time the officer lived, and still sorts and filters as
 * a date.
 */
function vietnamWallClock(iso: string): Date | string {
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? iso : new Date(instant + VIETNAM_OFFSET_MS);
}

/**
 * The audit trail as a workbook the province files or hands to an inspector: one row per event, oldest first. Names
 * and reasons typed by people are written as plain text, never as formulas.
 */
export async function buildAuditWorkbook(events: readonly AuditEvent[], agencyName: (id: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI chuyển đổi số";
  const sheet = workbook.addWorksheet(AUDIT_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = AUDIT_HEADERS.map((header, index) => ({ header, width: COLUMN_WIDTHS[index] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
  });
  for (const event of events) {
    const row = sheet.addRow([
      vietnamWallClock(event.at),
      event.actorLabel ? `${event.actorLabel} (${event.actor})` : event.actor,
      AUDIT_ACTION_LABELS[event.action],
      event.agencyId ? agencyName(event.agencyId) : "",
      event.version ?? "",
      auditSummary(event, agencyName),
    ]);
    row.getCell(1).numFmt = "dd/mm/yyyy hh:mm:ss";
    row.getCell(6).alignment = { wrapText: true, vertical: "top" };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: AUDIT_HEADERS.length } };
  return writeXlsxBuffer(workbook);
}
