import ExcelJS from "exceljs";
import { writeXlsxBuffer } from "../workbook/writeXlsx";
import { stripXmlForbidden } from "../../shared/text/xmlText";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import { vietnamTimeCell } from "../../shared/period/vietnamTime";
import {
  SUBMISSION_STATUS_LABELS,
  type Aggregate,
  type AggregateAgency,
  type AggregateCell,
  type SubmissionStatus,
} from "../../shared/report/aggregate";
import { formatVietnameseNumber } from "../../shared/text/vietnameseNumber";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import { REVIEW_STATE_LABELS } from "../../shared/model/review";
import type { VerdictCode } from "../../shared/verdict/schema";
import { uniqueSheetName } from "./sheetNames";
import { HEADER_FILL, THIN_BORDER, verdictFill } from "./verdictStyle";

/**
 * The consolidated report the standing agency sends to the Chairman: a summary matrix coloured by verdict, who has not
 * reported or reported late, and one sheet per agency in the layout of the province's results reports.
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
  // The order is part of the contract: the province opens the summary, then who is missing; agencies follow.
  writeSummary(sheet("Tổng hợp"), aggregate);
  writeMissing(sheet("Chưa nộp"), aggregate);
  for (const agency of aggregate.agencies) writeAgency(sheet(agency.name), aggregate, agency);
  return writeXlsxBuffer(workbook);
}

// ---------------------------------------------------------------------------------------------------------------------
// Summary

const SUMMARY_HEADERS = ["STT", "Cơ quan, đơn vị", "Tình trạng nộp", "Phiên bản", "Đạt / được giao"] as const;
const INDICATOR_COLUMN_WIDTH = 14;

/** Which verdict colours a summary cell when one agency holds several assignments of the same indicator. */
const ATTENTION_ORDER: readonly VerdictCode[] = ["invalid_actual", "not_met", "needs_review", "no_data", "pending", "met"];

/** What each colour means, for officers who did not build the rules. */
const LEGEND: ReadonlyArray<[VerdictCode, string]> = [
  ["met", "Kết quả đạt chỉ tiêu được giao."],
  ["not_met", "Đã đến hạn mà kết quả chưa đạt chỉ tiêu."],
  ["pending", "Kết quả chưa đạt nhưng chỉ tiêu còn trong thời hạn thực hiện."],
  ["needs_review", "Chỉ tiêu cần cán bộ xem xét, đánh giá trực tiếp."],
  ["no_data", "Cơ quan chưa báo cáo số liệu của chỉ tiêu."],
  ["invalid_actual", "Số liệu báo cáo không đọc được hoặc không phù hợp với chỉ tiêu."],
];

/** Which decision and period, the due day and when the figures were read: under the title of every sheet. */
function reportContextLines(aggregate: Aggregate): TitleLine[] {
  return [
    { text: decisionLine(aggregate) },
    { text: `Kỳ báo cáo: ${aggregate.periodLabel}` },
    { text: `Hạn nộp báo cáo: ${formatIsoDateVi(aggregate.reportDueDate)}` },
    { text: `Thời điểm lập báo cáo: ${vietnamTimeLabel(aggregate.generatedAt)}`, font: MUTED_FONT },
  ];
}

function writeSummary(sheet: ExcelJS.Worksheet, aggregate: Aggregate): void {
  const { completeness } = aggregate;
  const header = writeTitle(sheet, [
    { text: "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ", font: TITLE_FONT },
    ...reportContextLines(aggregate),
    {
      text:
        `Số cơ quan được giao chỉ tiêu: ${completeness.assigned} — nộp đúng hạn: ${completeness.onTime}, ` +
        `nộp muộn: ${completeness.late}, chưa nộp: ${completeness.missing}` +
        (completeness.approved !== undefined ? `; tỉnh đã duyệt: ${completeness.approved}.` : "."),
    },
  ]);
  const names = header + 1;
  const firstIndicator = SUMMARY_HEADERS.length + 1;
  const lastColumn = SUMMARY_HEADERS.length + aggregate.indicators.length;

  // Fixed headers span both header rows so the indicator names get a row of their own without empty header cells.
  SUMMARY_HEADERS.forEach((text, index) => {
    styleHeader(sheet.getCell(header, index + 1), text);
    styleHeader(sheet.getCell(names, index + 1), "");
    sheet.mergeCells(header, index + 1, names, index + 1);
  });
  aggregate.indicators.forEach((indicator, index) => {
    styleHeader(sheet.getCell(header, firstIndicator + index), indicator.code);
    const name = sheet.getCell(names, firstIndicator + index);
    styleHeader(name, indicator.name);
    name.font = { size: 9 };
    name.alignment = { vertical: "top", horizontal: "left", wrapText: true };
  });
  sheet.getRow(names).height = namesRowHeight(aggregate.indicators.map((indicator) => indicator.name));

  aggregate.agencies.forEach((agency, index) => {
    const row = sheet.getRow(names + 1 + index);
    bodyCell(row.getCell(1), index + 1, { horizontal: "center" });
    bodyCell(row.getCell(2), agency.name);
    const status = bodyCell(row.getCell(3), statusLabel(agency));
    status.font = STATUS_FONTS[agency.status];
    bodyCell(row.getCell(4), agency.version ?? null, { horizontal: "center" });
    bodyCell(row.getCell(5), `${agency.metCount}/${agency.assignedCount}`, { horizontal: "center" });

    const cellsByCode = new Map<string, AggregateCell[]>();
    for (const cell of agency.cells) cellsByCode.set(cell.indicatorCode, [...(cellsByCode.get(cell.indicatorCode) ?? []), cell]);
    aggregate.indicators.forEach((indicator, column) => {
      const target = row.getCell(firstIndicator + column);
      const cells = cellsByCode.get(indicator.code);
      if (!cells) {
        bodyCell(target, NOT_ASSIGNED, { horizontal: "center" }).font = { color: { argb: GREY_TEXT } };
        return;
      }
      const shown = summaryVerdict(cells);
      bodyCell(target, shown.label, { horizontal: "center" }).fill = verdictFill(shown.verdict);
    });
  });

  const counts = sheet.getRow(names + 1 + aggregate.agencies.length);
  const shares = sheet.getRow(names + 2 + aggregate.agencies.length);
  for (const row of [counts, shares]) {
    for (let column = 1; column <= lastColumn; column += 1) {
      const cell = row.getCell(column);
      cell.border = THIN_BORDER;
      cell.fill = HEADER_FILL;
      cell.font = { bold: true };
    }
  }
  counts.getCell(2).value = "Số cơ quan đạt / được giao";
  shares.getCell(2).value = "Tỷ lệ cơ quan đạt";
  aggregate.indicators.forEach((indicator, index) => {
    const count = counts.getCell(firstIndicator + index);
    count.value = `${indicator.metCount}/${indicator.assignedCount}`;
    count.alignment = { horizontal: "center" };
    const share = shares.getCell(firstIndicator + index);
    // A number, not "67%" as text, so the province can sort, chart or average it.
    share.value = indicator.metShare ?? NOT_ASSIGNED;
    share.numFmt = "0%";
    share.alignment = { horizontal: "center" };
  });

  writeLegend(sheet, shares.number + 2);

  sheet.columns = [
    { width: 6 },
    { width: 40 },
    { width: 18 },
    { width: 10 },
    { width: 12 },
    ...aggregate.indicators.map(() => ({ width: INDICATOR_COLUMN_WIDTH })),
  ];
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: names }];
  sheet.pageSetup = { ...PAGE_SETUP, printTitlesRow: `${header}:${names}` };
}

/** One label per agency × indicator even when the agency holds that indicator more than once. */
function summaryVerdict(cells: readonly AggregateCell[]): { verdict: VerdictCode; label: string } {
  const labels = new Map<VerdictCode, string>();
  for (const cell of cells) if (!labels.has(cell.verdict)) labels.set(cell.verdict, cell.decidedBy === "person" ? `${cell.label} (tỉnh đánh giá)` : cell.label);
  const present = ATTENTION_ORDER.filter((code) => labels.has(code));
  const verdict = present[0] ?? cells[0]!.verdict;
  return { verdict, label: present.map((code) => labels.get(code)).join("; ") };
}

function writeLegend(sheet: ExcelJS.Worksheet, first: number): void {
  const title = sheet.getCell(first, 2);
  title.value = "Chú thích màu";
  title.font = { bold: true };
  const entries: Array<[string, ExcelJS.Fill | undefined, string]> = [
    ...LEGEND.map(([code, meaning]): [string, ExcelJS.Fill, string] => [VERDICT_LABELS[code], verdictFill(code), meaning]),
    [NOT_ASSIGNED, undefined, "Cơ quan không được giao chỉ tiêu này."],
  ];
  entries.forEach(([label, fill, meaning], index) => {
    const swatch = sheet.getCell(first + 1 + index, 2);
    bodyCell(swatch, label, { horizontal: "center" });
    if (fill) swatch.fill = fill;
    // Left unwrapped on purpose: the sentence runs over the empty cells to its right.
    sheet.getCell(first + 1 + index, 3).value = meaning;
  });
}

function namesRowHeight(names: readonly string[]): number {
  // About 2 characters of 9-point text per unit of column width, 12 points per line.
  const perLine = INDICATOR_COLUMN_WIDTH * 1.6;
  const lines = Math.max(1, ...names.map((name) => Math.ceil(name.length / perLine)));
  return Math.min(Math.max(lines * 12 + 4, 30), 160);
}

// ---------------------------------------------------------------------------------------------------------------------
// Missing and late

function writeMissing(sheet: ExcelJS.Worksheet, aggregate: Aggregate): void {
  let row = writeTitle(sheet, [
    { text: "DANH SÁCH CƠ QUAN CHƯA NỘP VÀ NỘP MUỘN BÁO CÁO", font: TITLE_FONT },
    ...reportContextLines(aggregate),
  ]);

  const missing = aggregate.agencies.filter((agency) => agency.status === "missing");
  section(sheet.getCell(row, 1), `1. Cơ quan chưa nộp báo cáo (${missing.length})`);
  row += 1;
  if (missing.length === 0) {
    sheet.getCell(row, 1).value = "Tất cả cơ quan đã nộp.";
    row += 1;
  } else {
    ["STT", "Cơ quan, đơn vị", "Số chỉ tiêu được giao"].forEach((text, index) => styleHeader(sheet.getCell(row, index + 1), text));
    missing.forEach((agency, index) => {
      const line = sheet.getRow(row + 1 + index);
      bodyCell(line.getCell(1), index + 1, { horizontal: "center" });
      bodyCell(line.getCell(2), agency.name);
      bodyCell(line.getCell(3), agency.assignedCount, { horizontal: "center" });
    });
    row += missing.length + 1;
  }

  row += 1;
  const late = aggregate.agencies.filter((agency) => agency.status === "late");
  section(sheet.getCell(row, 1), `2. Cơ quan nộp muộn (${late.length})`);
  row += 1;
  if (late.length === 0) {
    sheet.getCell(row, 1).value = "Không có cơ quan nộp muộn.";
  } else {
    ["STT", "Cơ quan, đơn vị", "Thời điểm nộp (giờ Việt Nam)", "Hạn nộp"].forEach((text, index) =>
      styleHeader(sheet.getCell(row, index + 1), text),
    );
    late.forEach((agency, index) => {
      const line = sheet.getRow(row + 1 + index);
      bodyCell(line.getCell(1), index + 1, { horizontal: "center" });
      bodyCell(line.getCell(2), agency.name);
      bodyCell(line.getCell(3), agency.submittedAt ? vietnamTimeCell(agency.submittedAt) : null, { horizontal: "center" });
      bodyCell(line.getCell(4), formatIsoDateVi(aggregate.reportDueDate), { horizontal: "center" });
    });
  }

  sheet.columns = [{ width: 6 }, { width: 50 }, { width: 24 }, { width: 14 }];
  sheet.pageSetup = { ...PAGE_SETUP };
}

function section(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { bold: true };
}

// ---------------------------------------------------------------------------------------------------------------------
// One agency

const AGENCY_HEADERS = ["TT", "Chỉ tiêu", "Chỉ tiêu giao", "Kết quả", "Đánh giá", "Ghi chú"] as const;

function writeAgency(sheet: ExcelJS.Worksheet, aggregate: Aggregate, agency: AggregateAgency): void {
  const header = writeTitle(sheet, [
    { text: `${agency.name} — ${statusLabel(agency)}`, font: TITLE_FONT },
    { text: submissionLine(agency, aggregate) },
    { text: `${decisionLine(aggregate)} — Kỳ báo cáo: ${aggregate.periodLabel}` },
    {
      text:
        `Đạt ${agency.metCount}/${agency.assignedCount} chỉ tiêu được giao; ` +
        `đã báo cáo số liệu ${agency.reportedCount}/${agency.assignedCount} chỉ tiêu.`,
    },
  ]);
  AGENCY_HEADERS.forEach((text, index) => styleHeader(sheet.getCell(header, index + 1), text));

  if (agency.cells.length === 0) {
    sheet.getCell(header + 1, 2).value = "Cơ quan không được giao chỉ tiêu nào trong kỳ này.";
  }
  agency.cells.forEach((cell, index) => {
    const row = sheet.getRow(header + 1 + index);
    const top = { vertical: "top", wrapText: true } as const;
    bodyCell(row.getCell(1), cell.order, { ...top, horizontal: "center" });
    bodyCell(row.getCell(2), cell.text, top);
    bodyCell(row.getCell(3), cell.targetText, top);
    const actual = actualOf(cell);
    const shown = bodyCell(row.getCell(4), actual, { ...top, horizontal: typeof actual === "number" ? "right" : "left" });
    // A rate is stored as a fraction: 0,92 reads 92,0%, whatever the decision's unit column says.
    if (cell.percent && typeof actual === "number") shown.numFmt = RATE_FORMAT;
    bodyCell(row.getCell(5), verdictText(cell), { ...top, horizontal: "center" }).fill = verdictFill(cell.verdict);
    bodyCell(row.getCell(6), noteOf(cell) || null, top);
  });

  sheet.columns = [{ width: 6 }, { width: 50 }, { width: 28 }, { width: 16 }, { width: 16 }, { width: 50 }];
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: header }];
  sheet.pageSetup = { ...PAGE_SETUP, printTitlesRow: `${header}:${header}` };
}

function submissionLine(agency: AggregateAgency, aggregate: Aggregate): string {
  const due = `hạn nộp ${formatIsoDateVi(aggregate.reportDueDate)}`;
  if (agency.status === "missing") return `Chưa nộp báo cáo; ${due}.`;
  const parts = [agency.version !== undefined ? `Phiên bản ${agency.version}` : "Đã nộp"];
  if (agency.submittedAt) parts.push(`nộp lúc ${vietnamTimeLabel(agency.submittedAt)}`);
  return `${parts.join(", ")}; ${due}.`;
}

const RATE_FORMAT = "0.0%";

/** Numbers stay numbers so the province can add them up; "yes/no" deliverables read as Vietnamese words. */
function actualOf(cell: AggregateCell): string | number | null {
  if (cell.actual === undefined || cell.actual === null) return null;
  if (typeof cell.actual === "boolean") return cell.actual ? "Có" : "Không";
  return cell.actual;
}

function noteOf(cell: AggregateCell): string {
  const parts: string[] = [];
  const { numerator, denominator } = cell;
  if (numerator !== undefined && denominator !== undefined) {
    parts.push(`Tử số/mẫu số: ${formatVietnameseNumber(numerator)}/${formatVietnameseNumber(denominator)}`);
  } else if (numerator !== undefined) {
    parts.push(`Tử số: ${formatVietnameseNumber(numerator)}`);
  } else if (denominator !== undefined) {
    parts.push(`Mẫu số: ${formatVietnameseNumber(denominator)}`);
  }
  if (cell.note) parts.push(cell.note);
  if (cell.person) {
    // The person's reason is in the verdict column; here, what the rule had said, and whether the person overruled it.
    parts.push(
      cell.person.override
        ? `Tỉnh đánh giá khác đánh giá tự động (${cell.person.automaticLabel}).`
        : `Đánh giá tự động: ${cell.person.automaticLabel}.`,
    );
  } else if (cell.verdict !== "met" && cell.explanation) {
    // A met target needs no justification; anything else tells the officer why.
    parts.push(cell.explanation);
  }
  for (const flag of cell.flags ?? []) parts.push(flag.message);
  return parts.join("\n");
}

/** A person's verdict reads as one, with who and why: "Đạt (đánh giá của Sở KH&CN: …)". */
function verdictText(cell: AggregateCell): string {
  if (cell.decidedBy !== "person" || !cell.person) return cell.label;
  return `${cell.label} (đánh giá của ${cell.person.byLabel}: ${cell.person.reason})`;
}

/** Whether and when the agency reported, and where the province's review of it stands once it moved past "đã nộp". */
function statusLabel(agency: AggregateAgency): string {
  const status = SUBMISSION_STATUS_LABELS[agency.status];
  const state = agency.reviewState;
  if (!state || state === "not_submitted" || state === "submitted") return status;
  return `${status}, ${REVIEW_STATE_LABELS[state].toLowerCase()}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Shared layout

const NOT_ASSIGNED = "—";
const GREY_TEXT = "FF7F7F7F";
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const MUTED_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: "FF595959" } };
const STATUS_FONTS: Record<SubmissionStatus, Partial<ExcelJS.Font>> = {
  on_time: {},
  late: { bold: true, color: { argb: "FF9C5700" } },
  missing: { bold: true, color: { argb: "FF9C0006" } },
};
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  // A4; the enum of exceljs is a const enum that isolated modules cannot read.
  paperSize: 9 as ExcelJS.PaperSize,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  // 0 lets the rows run on to as many pages as they need while the width stays on one page.
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

interface TitleLine {
  text: string;
  font?: Partial<ExcelJS.Font>;
}

/** Writes the title lines from A1 and answers the row of the table header, one blank row below them. */
function writeTitle(sheet: ExcelJS.Worksheet, lines: readonly TitleLine[]): number {
  lines.forEach((line, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = safeText(line.text);
    if (line.font) cell.font = line.font;
  });
  return lines.length + 2;
}

function decisionLine(aggregate: Aggregate): string {
  const { number, title } = aggregate.decision;
  return `Văn bản giao chỉ tiêu: số ${number}${title ? ` — ${title}` : ""}`;
}

function styleHeader(cell: ExcelJS.Cell, text: string): void {
  cell.value = safeText(text);
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = THIN_BORDER;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
}

/**
 * The one way table values reach a cell: strings and numbers only, so no formula, hyperlink or rich text can be built
 * from what an agency typed.
 */
function bodyCell(cell: ExcelJS.Cell, value: string | number | null, alignment: Partial<ExcelJS.Alignment> = {}): ExcelJS.Cell {
  cell.value = typeof value === "string" ? safeText(value) : value;
  cell.border = THIN_BORDER;
  cell.alignment = { vertical: "middle", wrapText: true, ...alignment };
  return cell;
}

/** Excel's limit for the text of one cell; longer text makes Excel repair the file. */
const MAX_CELL_TEXT = 32_767;

/** Text Excel opens without a repair prompt; well-formed text under the limit is returned unchanged. */
function safeText(text: string): string {
  // A lone surrogate (possible in JSON) or a control character cannot be written to XML and would corrupt the workbook.
  const wellFormed = stripXmlForbidden(text);
  return wellFormed.length <= MAX_CELL_TEXT ? wellFormed : `${wellFormed.slice(0, MAX_CELL_TEXT - 1)}…`;
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

/** The time followed by "(giờ Việt Nam)", which is left off when the text is not a time and is shown as given. */
function vietnamTimeLabel(iso: string): string {
  const shown = vietnamTimeCell(iso);
  return shown === iso ? iso : `${shown} (giờ Việt Nam)`;
}
