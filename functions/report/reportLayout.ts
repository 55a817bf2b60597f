import type ExcelJS from "exceljs";
import { stripXmlForbidden } from "../../shared/text/xmlText";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import { vietnamTimeCell } from "../../shared/period/vietnamTime";
import { SUBMISSION_STATUS_LABELS, type Aggregate, type AggregateAgency, type SubmissionStatus } from "../../shared/report/aggregate";
import { REVIEW_STATE_LABELS } from "../../shared/model/review";
import { HEADER_FILL, THIN_BORDER } from "./verdictStyle";
import { rowHeightFor, type MeasuredCell } from "./rowHeights";

/** What every sheet of the consolidated report shares: title lines, header and body cells, the print setup. */

export const NOT_ASSIGNED = "—";
/** The typeface of the state's documents (Nghị định 30/2020/NĐ-CP), with every Vietnamese mark. */
export const FONT_NAME = "Times New Roman";
export const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT_NAME, size: 11, ...extra });
export const GREY_TEXT = "FF7F7F7F";
export const TITLE_FONT = font({ bold: true, size: 14 });
export const MUTED_FONT = font({ italic: true, color: { argb: "FF595959" } });
export const STATUS_FONTS: Record<SubmissionStatus, Partial<ExcelJS.Font>> = {
  on_time: font(),
  late: font({ bold: true, color: { argb: "FF9C5700" } }),
  missing: font({ bold: true, color: { argb: "FF9C0006" } }),
};

/** Counts read "100.000" in a Vietnamese Excel: the grouping is the reader's locale, the cell keeps the number. */
export const COUNT_FORMAT = "#,##0";
/** A date and time on the wall clock of Vietnam, as the province writes it. */
export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";

/** A4 landscape, as wide as one page and as many pages tall as the rows need. */
export function printSetup(titles: { rows?: [number, number]; columns?: [string, string] } = {}): Partial<ExcelJS.PageSetup> {
  return {
    // A4; the enum of exceljs is a const enum that isolated modules cannot read.
    paperSize: 9 as ExcelJS.PaperSize,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    // 0 lets the rows run on to as many pages as they need while the width stays on one page.
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titles.rows ? { printTitlesRow: `${titles.rows[0]}:${titles.rows[1]}` } : {}),
    ...(titles.columns ? { printTitlesColumn: `${titles.columns[0]}:${titles.columns[1]}` } : {}),
  };
}

/** "Trang 2 / 5" at the foot of every printed page, so loose pages go back in order. */
export function pageFooter(sheet: ExcelJS.Worksheet, label: string): void {
  sheet.headerFooter.oddFooter = `&L${footerText(label)}&RTrang &P / &N`;
}

function footerText(text: string): string {
  // "&" starts a code in a header or footer; a literal one is written twice, after cutting so no pair is split. Excel
  // takes at most 255 characters for the whole footer.
  return [...safeText(text)].slice(0, 100).join("").replace(/&/g, "&&");
}

export interface TitleLine {
  text: string;
  font?: Partial<ExcelJS.Font>;
}

/**
 * Writes the title lines from A1, each merged across the table's `span` columns and wrapped there, so a long decision
 * title neither widens the printed page nor runs off it. Call after the column widths are set: they size the rows.
 * Answers the row of the table header, one blank row below the lines.
 */
export function writeTitle(sheet: ExcelJS.Worksheet, lines: readonly TitleLine[], span: number): number {
  const width = Array.from({ length: span }, (_, index) => sheet.getColumn(index + 1).width ?? 9).reduce((sum, item) => sum + item, 0);
  lines.forEach((line, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = safeText(line.text);
    cell.font = line.font ?? font();
    cell.alignment = { vertical: "top", horizontal: "left", wrapText: true };
    if (span > 1) sheet.mergeCells(index + 1, 1, index + 1, span);
    const size = cell.font.size ?? 11;
    // A 14-point title needs a taller row or its marks above and below are cut off.
    const height = rowHeightFor([{ text: String(cell.value), width, fontSize: size, bold: cell.font.bold === true }]);
    sheet.getRow(index + 1).height = Math.max(height ?? 15, Math.ceil(size * 1.5));
  });
  return lines.length + 2;
}

/** Which decision and period, the due day and when the figures were read: under the title of the summary sheets. */
export function reportContextLines(aggregate: Aggregate): TitleLine[] {
  return [
    { text: decisionLine(aggregate) },
    { text: `Kỳ báo cáo: ${aggregate.periodLabel}` },
    { text: `Hạn nộp báo cáo: ${formatIsoDateVi(aggregate.reportDueDate)}` },
    { text: `Thời điểm lập báo cáo: ${vietnamTimeLabel(aggregate.generatedAt)}`, font: MUTED_FONT },
  ];
}

export function decisionLine(aggregate: Aggregate): string {
  const { number, title } = aggregate.decision;
  return `Văn bản giao chỉ tiêu: số ${number}${title ? ` — ${title}` : ""}`;
}

export function styleHeader(cell: ExcelJS.Cell, text: string): ExcelJS.Cell {
  cell.value = safeText(text);
  cell.font = font({ bold: true });
  cell.fill = HEADER_FILL;
  cell.border = THIN_BORDER;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  return cell;
}

/**
 * The one way table values reach a cell: strings, numbers and dates only, so no formula, hyperlink or rich text can
 * be built from what an agency typed.
 */
export function bodyCell(
  cell: ExcelJS.Cell,
  value: string | number | Date | null,
  alignment: Partial<ExcelJS.Alignment> = {},
): ExcelJS.Cell {
  cell.value = typeof value === "string" ? safeText(value) : value;
  cell.font = font();
  cell.border = THIN_BORDER;
  cell.alignment = { vertical: "middle", wrapText: true, ...alignment };
  return cell;
}

export function countCell(cell: ExcelJS.Cell, value: number | null): ExcelJS.Cell {
  bodyCell(cell, value, { horizontal: "center" });
  cell.numFmt = COUNT_FORMAT;
  return cell;
}

/** Sets each row's height to what its wrapped text needs, from the column widths the sheet was given. */
export function fitRowHeights(sheet: ExcelJS.Worksheet, firstRow: number, lastRow: number): void {
  for (let number = firstRow; number <= lastRow; number += 1) {
    const row = sheet.getRow(number);
    const cells: MeasuredCell[] = [];
    row.eachCell((cell, column) => {
      // Numbers and dates keep to one line; only text wraps.
      if (!cell.alignment?.wrapText || cell.isMerged || typeof cell.value !== "string") return;
      cells.push({ text: cell.value, width: sheet.getColumn(column).width ?? 9, fontSize: cell.font?.size ?? 11, bold: cell.font?.bold === true });
    });
    const height = rowHeightFor(cells);
    if (height !== undefined) row.height = height;
  }
}

/** Excel's limit for the text of one cell; longer text makes Excel repair the file. */
const MAX_CELL_TEXT = 32_767;

/** Text Excel opens without a repair prompt; well-formed text under the limit is returned unchanged. */
export function safeText(text: string): string {
  // A lone surrogate (possible in JSON) or a control character cannot be written to XML and would corrupt the workbook.
  const wellFormed = stripXmlForbidden(text);
  return wellFormed.length <= MAX_CELL_TEXT ? wellFormed : `${wellFormed.slice(0, MAX_CELL_TEXT - 1)}…`;
}

/** The time followed by "(giờ Việt Nam)", which is left off when the text is not a time and is shown as given. */
export function vietnamTimeLabel(iso: string): string {
  const shown = vietnamTimeCell(iso);
  return shown === iso ? iso : `${shown} (giờ Việt Nam)`;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * An Excel date has no time zone: it is the wall clock the reader sees. The stored UTC instant is moved to Vietnam's
 * wall clock (UTC+7, no daylight saving) so the cell shows the time the officer lived and still sorts as a date; text
 * that is not an instant is shown as it is.
 */
export function vietnamDateCell(cell: ExcelJS.Cell, iso: string | undefined): ExcelJS.Cell {
  const instant = iso === undefined ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(instant)) return bodyCell(cell, iso ?? null, { horizontal: "center" });
  bodyCell(cell, new Date(instant + VIETNAM_OFFSET_MS), { horizontal: "center" });
  cell.numFmt = DATE_TIME_FORMAT;
  return cell;
}

/** Whether and when the agency reported, and where the province's review of it stands once it moved past "đã nộp". */
export function statusLabel(agency: AggregateAgency): string {
  const status = SUBMISSION_STATUS_LABELS[agency.status];
  const state = agency.reviewState;
  if (!state || state === "not_submitted" || state === "submitted") return status;
  return `${status}, ${REVIEW_STATE_LABELS[state].toLowerCase()}`;
}
