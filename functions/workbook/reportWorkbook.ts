import ExcelJS from "exceljs";
import { z } from "zod";
import { compileFormula } from "../../shared/formula/compile";
import type { SubmissionValue } from "../../shared/model/submissionValue";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import { periodLabel } from "../../shared/period/period";
import type { PeriodAssignment, PeriodAssignments } from "../../shared/report/periodAssignments";
import { workbookMismatchFieldSchema } from "../../shared/report/receipt";
import {
  BINDING_SHEET_NAME,
  columnLetter,
  findHeaderRow,
  readReportRows,
  REPORT_COLUMNS,
  REPORT_SHEET_NAME,
  reportBindingSchema,
  reportColumnIndex,
  type ReportBinding,
  type ReportColumnKey,
  type ReportReading,
} from "../../shared/report/reportTable";
import { evaluate } from "../../shared/verdict/evaluate";
import { readNumber } from "../../shared/verdict/actual";
import { readXlsxSheets } from "../catalogue/xlsxSheets";
import { inspectXlsx, type ZipGuardCode } from "./zipGuard";

/**
 * The offline report form: what an agency without the add-in downloads, fills in any Excel (2010 on, no custom
 * functions, no macros) and uploads; and the server's reading of any uploaded workbook carrying the report table.
 *
 * How a rate is entered. Every rate row offers two ways, and the sheet shows what the server will conclude either way:
 * Kết quả holds a formula computing Tử số / Mẫu số, so an officer who has the two counts types them and sees the rate;
 * one who only has the rate types it over the formula. The formula is on every rate row, not only those whose
 * indicator names its parts, because the reader recomputes any rate from its parts whenever both are filled: a sheet
 * showing anything else would let the officer submit a verdict that the server then contradicts.
 */

export class WorkbookRejectedError extends Error {
  constructor(
    readonly code: ZipGuardCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookRejectedError";
  }
}

export interface BuildReportWorkbookOptions {
  /** Values already submitted, so a form downloaded after submitting shows them and can be corrected and re-sent. */
  values?: readonly SubmissionValue[];
  /** "none" leaves Đánh giá empty, for forms printed to be filled by hand. */
  verdict?: "formula" | "none";
}

const TITLE_ROWS = 5;
/** One blank row between the title block and the table keeps Excel's table detection off the title. */
const HEADER_ROW = TITLE_ROWS + 2;
/** Excel refuses to open a file whose cell holds more text than this. */
const EXCEL_CELL_TEXT_LIMIT = 32_767;
/** Excel's limits for data validation messages; longer ones make it report the file as damaged. */
const PROMPT_TITLE_LIMIT = 32;
const PROMPT_LIMIT = 255;
const PERCENT_FORMAT = "0.0%";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8E1" } };
const GRID: ExcelJS.Border = { style: "thin", color: { argb: "FFA6A6A6" } };
const BORDERS: Partial<ExcelJS.Borders> = { top: GRID, left: GRID, bottom: GRID, right: GRID };

export async function buildReportWorkbook(view: PeriodAssignments, options: BuildReportWorkbookOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Hệ thống theo dõi chỉ tiêu chuyển đổi số";
  workbook.title = `Báo cáo ${view.periodLabel} — ${view.agency.name}`;
  // Formulas are written without results where no value is known; Excel computes them on opening.
  workbook.calcProperties = { fullCalcOnLoad: true };

  const sheet = workbook.addWorksheet(REPORT_SHEET_NAME, {
    views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  sheet.columns = REPORT_COLUMNS.map((column) => ({ key: column.key, width: column.width }));
  writeTitle(sheet, view);
  writeHeader(sheet.getRow(HEADER_ROW));

  const values = new Map((options.values ?? []).map((value) => [value.assignmentId, value]));
  view.assignments.forEach((assignment, index) => {
    writeAssignmentRow(sheet.getRow(HEADER_ROW + 1 + index), assignment, values.get(assignment.assignmentId), view, options.verdict ?? "formula");
  });

  writeBinding(workbook, {
    decisionId: view.decision.id,
    period: view.period,
    province: view.decision.province,
    agencyId: view.agency.id,
    catalogueVersion: view.catalogueVersion,
    assignmentIds: view.assignments.map((assignment) => assignment.assignmentId),
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeTitle(sheet: ExcelJS.Worksheet, view: PeriodAssignments): void {
  const lastColumn = columnLetter(REPORT_COLUMNS.length - 1);
  const decision = view.decision.title ? `${view.decision.number} — ${view.decision.title}` : view.decision.number;
  const lines: Array<{ text: string; font?: Partial<ExcelJS.Font>; height?: number }> = [
    { text: "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ", font: { bold: true, size: 14 } },
    { text: `Cơ quan, đơn vị: ${view.agency.name}`, font: { bold: true } },
    { text: `Kỳ báo cáo: ${view.periodLabel}. Hạn nộp: ${formatIsoDateVi(view.reportDueDate)}.` },
    // Decision titles run to two lines at this width.
    { text: `Văn bản giao chỉ tiêu: ${decision}`, height: 32 },
    {
      text:
        "Hướng dẫn: nhập Kết quả (tỷ lệ nhập 90% hoặc 0,9), hoặc nhập Tử số và Mẫu số để Kết quả tự tính. " +
        "Cột Đánh giá tự tính. Không sửa cột Mã, không đổi tên trang tính.",
      font: { italic: true, color: { argb: "FF595959" } },
      height: 32,
    },
  ];
  lines.forEach((line, index) => {
    const rowNumber = index + 1;
    sheet.mergeCells(`A${rowNumber}:${lastColumn}${rowNumber}`);
    const cell = sheet.getCell(`A${rowNumber}`);
    cell.value = line.text;
    cell.alignment = { vertical: "middle", wrapText: true };
    if (line.font) cell.font = line.font;
    // Merged cells never grow to fit wrapped text, so long lines get their height here.
    if (line.height) sheet.getRow(rowNumber).height = line.height;
  });
}

function writeHeader(row: ExcelJS.Row): void {
  REPORT_COLUMNS.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  row.height = 30;
}

function writeAssignmentRow(
  row: ExcelJS.Row,
  assignment: PeriodAssignment,
  value: SubmissionValue | undefined,
  view: PeriodAssignments,
  verdictMode: "formula" | "none",
): void {
  const cell = (key: ReportColumnKey) => row.getCell(reportColumnIndex(key) + 1);
  const address = (key: ReportColumnKey) => `${columnLetter(reportColumnIndex(key))}${row.number}`;
  const isRate = assignment.indicatorKind === "percent";
  // Rates stored as fractions read as percentages; with a "%" unit column the decision's numbers are already points.
  const asFraction = isRate && assignment.unit?.trim() !== "%";

  // A bare row number reads as a number so Excel does not flag it; "1a", "II.3" stay as written.
  cell("order").value = /^\d{1,9}$/.test(assignment.order) ? Number(assignment.order) : assignment.order;
  // Every text goes in as a string value: exceljs writes strings as shared strings, never as formulas, so a text
  // beginning with "=", "+", "-" or "@" stays the text the decision wrote.
  cell("code").value = assignment.indicatorCode;
  cell("text").value = assignment.text;
  cell("target").value = assignment.targetText;
  if (value?.numerator !== undefined) cell("numerator").value = value.numerator;
  if (value?.denominator !== undefined) cell("denominator").value = value.denominator;
  if (value?.note) cell("note").value = value.note;

  const actual = prefilledActual(value, asFraction);
  if (isRate && (actual === undefined || value?.numerator !== undefined)) {
    const numerator = address("numerator");
    const denominator = address("denominator");
    const formula = `IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator}),${denominator}>0),${numerator}/${denominator}${asFraction ? "" : "*100"},"")`;
    const result = rateOf(value, asFraction);
    cell("actual").value = { formula, result: result ?? "" };
  } else if (actual !== undefined) {
    cell("actual").value = actual;
  }
  if (asFraction) cell("actual").numFmt = PERCENT_FORMAT;

  if (verdictMode === "formula") {
    const dueDate = assignment.milestoneDue ?? `${view.decision.year}-12-31`;
    const compiled = compileFormula(assignment.target, address("actual"), { unit: assignment.unit, dueDate });
    if (compiled.ok) {
      // The cached result is what Excel would compute, for viewers that show files without recalculating
      // (Excel's Protected View for downloaded files, previews in mail and file managers).
      const shown = rateOf(value, asFraction) ?? actual ?? null;
      const result = evaluate(assignment.target, shown, { dueDate, ...(assignment.unit ? { unit: assignment.unit } : {}) }).label;
      cell("verdict").value = { formula: compiled.formula.replace(/^=/, ""), result };
    }
  }

  for (const key of ["numerator", "denominator"] as const) {
    const what = key === "numerator" ? "Tử số" : "Mẫu số";
    const label = key === "numerator" ? assignment.numeratorLabel : assignment.denominatorLabel;
    cell(key).dataValidation = {
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: `${what} không hợp lệ`,
      error: `${what} phải là một số không âm (ví dụ 125). Để trống cả Tử số và Mẫu số nếu nhập thẳng Kết quả.`,
      ...(label ? { showInputMessage: true, promptTitle: clip(what, PROMPT_TITLE_LIMIT), prompt: clip(`Số ${label}.`, PROMPT_LIMIT) } : {}),
    };
  }

  for (const key of ["numerator", "denominator", "actual", "note"] as const) cell(key).fill = INPUT_FILL;
  REPORT_COLUMNS.forEach((column, index) => {
    const target = row.getCell(index + 1);
    target.border = BORDERS;
    target.alignment = { vertical: "top", wrapText: true, ...(column.key === "order" ? { horizontal: "center" } : {}) };
  });
}

/**
 * The Kết quả cell as if the officer had typed the submitted value: Excel turns a typed "90%" into 0.9, and the
 * verdict formula only judges numbers, so a percent text becomes its fraction on a rate row. Other texts stay text.
 */
function prefilledActual(value: SubmissionValue | undefined, asFraction: boolean): ExcelJS.CellValue | undefined {
  if (!value || value.actual === null) return undefined;
  if (typeof value.actual !== "string") return value.actual;
  const reading = readNumber(value.actual);
  if (asFraction && reading.kind === "number" && reading.writtenAsPercent) return reading.value / 100;
  return value.actual;
}

function rateOf(value: SubmissionValue | undefined, asFraction: boolean): number | undefined {
  if (value?.numerator === undefined || !value.denominator) return undefined;
  const share = value.numerator / value.denominator;
  return asFraction ? share : share * 100;
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/**
 * The binding is JSON in column A of a very hidden sheet: invisible and out of reach of the sheet tabs' "Unhide"
 * menu, yet carried along by every copy and "Save as". A1 holds it all for any real agency; a list of assignments
 * long enough to pass Excel's per-cell limit continues in A2, A3…
 */
function writeBinding(workbook: ExcelJS.Workbook, binding: ReportBinding): void {
  const sheet = workbook.addWorksheet(BINDING_SHEET_NAME, { state: "veryHidden" });
  const json = JSON.stringify(reportBindingSchema.parse(binding));
  for (let start = 0, row = 1; start < json.length; start += EXCEL_CELL_TEXT_LIMIT, row += 1) {
    sheet.getCell(`A${row}`).value = json.slice(start, start + EXCEL_CELL_TEXT_LIMIT);
  }
}

export interface ReportWorkbookReading {
  reading: ReportReading;
  binding?: ReportBinding;
  /** The workbook is the form of another decision, period or agency than the one it is uploaded for. */
  bindingProblem?: string;
}

export async function readReportWorkbook(bytes: Uint8Array, view: PeriodAssignments): Promise<ReportWorkbookReading> {
  const inspection = inspectXlsx(bytes);
  if (!inspection.ok) throw new WorkbookRejectedError(inspection.code, inspection.message);
  let sheets: Awaited<ReturnType<typeof readXlsxSheets>>;
  try {
    sheets = await readXlsxSheets(bytes);
  } catch {
    throw new WorkbookRejectedError(
      "not_xlsx",
      "Không đọc được tệp Excel: cấu trúc bên trong tệp bị hỏng. Hãy mở tệp bằng Excel, lưu lại dưới dạng Excel Workbook (*.xlsx) rồi tải lên lại.",
    );
  }

  const binding = parseBinding(sheets.find((sheet) => sheet.name === BINDING_SHEET_NAME)?.rows);
  const bindingProblem = binding ? describeMismatch(binding, view) : undefined;
  const candidates = sheets.filter((sheet) => sheet.name !== BINDING_SHEET_NAME);
  const named = candidates.find((sheet) => sameSheetName(sheet.name, REPORT_SHEET_NAME));
  const sheet = (named && findHeaderRow(named.rows) ? named : undefined) ?? candidates.find((candidate) => findHeaderRow(candidate.rows)) ?? named;

  // A binding for another report would pair rows with assignment ids that are not this agency's: rows then match by code.
  const usable = binding && !bindingProblem ? binding : undefined;
  // readXlsxSheets starts every grid at A1, so the grid's first cell is the sheet's first cell.
  const reading = readReportRows(sheet?.rows ?? [], view.assignments, { origin: { row: 0, column: 0 }, ...(usable ? { binding: usable } : {}) });
  return { reading, ...(binding ? { binding } : {}), ...(bindingProblem ? { bindingProblem } : {}) };
}

function sameSheetName(a: string, b: string): boolean {
  return a.normalize("NFC").trim().toLocaleLowerCase("vi") === b.normalize("NFC").trim().toLocaleLowerCase("vi");
}

/** A binding that does not parse is ignored rather than reported: the table still reads by indicator code. */
function parseBinding(rows: ReadonlyArray<ReadonlyArray<unknown>> | undefined): ReportBinding | undefined {
  if (!rows) return undefined;
  const json = rows.map((row) => (typeof row[0] === "string" ? row[0] : "")).join("");
  if (json === "") return undefined;
  try {
    const parsed = reportBindingSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function describeMismatch(binding: ReportBinding, view: PeriodAssignments): string | undefined {
  const sameReport =
    binding.decisionId === view.decision.id &&
    binding.period === view.period &&
    binding.agencyId === view.agency.id &&
    binding.province === view.agency.province;
  if (sameReport) return undefined;
  const theirs = `cơ quan "${binding.agencyId}" (${binding.province}), ${periodLabel(binding.period)}, văn bản "${binding.decisionId}"`;
  const ours = `${view.agency.name}, ${view.periodLabel}, văn bản ${view.decision.number}`;
  return `Tệp này là báo cáo của ${theirs}, không phải báo cáo của ${ours}. Hãy tải biểu mẫu đúng kỳ và đúng cơ quan rồi nhập lại số liệu.`;
}

export const workbookMismatchSchema = z.object({
  assignmentId: z.string(),
  field: workbookMismatchFieldSchema,
  workbook: z.unknown().optional(),
  submitted: z.unknown().optional(),
  message: z.string(),
});
export type WorkbookMismatch = z.infer<typeof workbookMismatchSchema>;

const FIELD_WORDS = { actual: "kết quả", numerator: "tử số", denominator: "mẫu số" } as const;

/**
 * Where the uploaded workbook and the submitted values disagree. Shown to the officer and the province, never settled
 * silently: the workbook may have been edited after submitting, or the values submitted from another copy. Pass the
 * period's assignments to name rows by indicator code instead of by assignment id.
 */
export function crossCheckWorkbook(
  workbookValues: readonly SubmissionValue[],
  submitted: readonly SubmissionValue[],
  assignments: readonly PeriodAssignment[] = [],
): WorkbookMismatch[] {
  const names = new Map(assignments.map((assignment) => [assignment.assignmentId, `${assignment.indicatorCode} (STT ${assignment.order})`]));
  const nameOf = (assignmentId: string) => `Chỉ tiêu ${names.get(assignmentId) ?? assignmentId}`;
  const inWorkbook = new Map(workbookValues.map((value) => [value.assignmentId, value]));
  const inSubmission = new Map(submitted.map((value) => [value.assignmentId, value]));
  const ids = [...new Set([...inWorkbook.keys(), ...inSubmission.keys()])];

  const mismatches: WorkbookMismatch[] = [];
  for (const assignmentId of ids) {
    const fromWorkbook = inWorkbook.get(assignmentId);
    const fromSubmission = inSubmission.get(assignmentId);
    if (!fromWorkbook || !fromSubmission) {
      const present = (fromWorkbook ?? fromSubmission)!;
      // An empty row on one side and no row on the other say the same thing: nothing reported.
      if (isEmptyValue(present)) continue;
      mismatches.push(
        fromWorkbook
          ? {
              assignmentId,
              field: "missing_in_submission",
              workbook: fromWorkbook.actual,
              message: `${nameOf(assignmentId)}: tệp Excel có kết quả ${shown(fromWorkbook.actual)} nhưng số liệu đã nộp không có chỉ tiêu này.`,
            }
          : {
              assignmentId,
              field: "missing_in_workbook",
              submitted: fromSubmission!.actual,
              message:
                `${nameOf(assignmentId)}: đã nộp kết quả ${shown(fromSubmission!.actual)} nhưng tệp Excel không có dòng này ` +
                "hoặc dòng này có lỗi nên không đọc được.",
            },
      );
      continue;
    }
    for (const field of ["actual", "numerator", "denominator"] as const) {
      const a = fromWorkbook[field];
      const b = fromSubmission[field];
      if (sameReported(a, b)) continue;
      mismatches.push({
        assignmentId,
        field,
        workbook: a ?? null,
        submitted: b ?? null,
        message: `${nameOf(assignmentId)}: ${FIELD_WORDS[field]} trong tệp Excel là ${shown(a)}, khác số liệu đã nộp là ${shown(b)}.`,
      });
    }
  }
  return mismatches;
}

function isEmptyValue(value: SubmissionValue): boolean {
  return isBlank(value.actual) && value.numerator === undefined && value.denominator === undefined;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function sameReported(a: unknown, b: unknown): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (typeof a === "number" && typeof b === "number") return closeEnough(a, b);
  if (typeof a === "string" && typeof b === "string") return a.trim().normalize("NFC") === b.trim().normalize("NFC");
  // Excel stores a typed "90%" as 0.9 and, in a Vietnamese locale, a typed "0,9" as 0.9: the same value written twice.
  if (typeof a === "number" && typeof b === "string") return sameNumberAsText(a, b);
  if (typeof a === "string" && typeof b === "number") return sameNumberAsText(b, a);
  return a === b;
}

function sameNumberAsText(number: number, text: string): boolean {
  const reading = readNumber(text);
  if (reading.kind !== "number") return false;
  return closeEnough(number, reading.writtenAsPercent ? reading.value / 100 : reading.value);
}

function closeEnough(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function shown(value: unknown): string {
  if (isBlank(value)) return "(để trống)";
  if (typeof value === "string") return `"${value.trim()}"`;
  if (typeof value === "boolean") return value ? "Có" : "Không";
  if (typeof value === "number") return value.toLocaleString("vi-VN", { maximumFractionDigits: 10 });
  return String(value);
}
