import ExcelJS from "exceljs";
import { writeXlsxBuffer } from "./writeXlsx";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import type { SubmissionValue } from "../../shared/model/submissionValue";
import { compileFormula } from "../../shared/formula/compile";
import type { PeriodAssignment, PeriodAssignments } from "../../shared/report/periodAssignments";
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
  type ReportReading,
} from "../../shared/report/reportTable";
import { EVIDENCE_COLUMNS, EVIDENCE_INSTRUCTION, type EvidenceColumnKey } from "../../shared/report/evidenceColumns";
import { isoDateToExcelSerial } from "../../shared/period/excelDate";
import { readXlsxSheets, readXlsxSheetsWithFormats } from "../catalogue/xlsxSheets";
import { WorkbookRejectedError } from "./workbookRejection";

export { WorkbookRejectedError } from "./workbookRejection";

/**
 * The report form as an xlsx: what an agency without the add-in downloads, fills in any Excel (2010 or later, no
 * custom functions) and uploads; and how the server reads any workbook that carries the report table.
 */

const HEADER_ROW = 6;
/** The number format of a rate's Kết quả: the cell holds a fraction (0,92) and shows it as 92,0%. */
export const RATE_FORMAT = "0.0%";
/**
 * Says exactly what the form does: Tử số / Mẫu số fill Kết quả with their quotient, a fraction shown as a percentage
 * (46 over 50 shows 92,0%); a rate typed straight into Kết quả goes into a percent-formatted cell, where 92% and 0,92
 * are the same value.
 */
export const FORM_INSTRUCTION =
  "Tỷ lệ: nhập Tử số và Mẫu số, Kết quả tự tính (46 trên 50 là 92,0%); hoặc nhập thẳng Kết quả dạng phần trăm: 92% (hoặc 0,92). " +
  "Cột Đánh giá tự tính. Không đổi cột Mã. " +
  EVIDENCE_INSTRUCTION;
/** The form's columns: the report table's nine, then the evidence; the note column is a plain "Ghi chú" here. */
const FORM_COLUMNS = [
  ...REPORT_COLUMNS.map((column) => (column.key === "note" ? { ...column, header: "Ghi chú", width: 24 } : column)),
  ...EVIDENCE_COLUMNS,
];
const EVIDENCE_DATE_FORMAT = "dd/mm/yyyy";
/** The date validation's bounds: a document cited for a KPI of the 2020s, with room either side. */
const EARLIEST_ISSUED_ON = "2000-01-01";
const LATEST_ISSUED_ON = "2100-12-31";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF9E5" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFB4B4B4" } },
  left: { style: "thin", color: { argb: "FFB4B4B4" } },
  bottom: { style: "thin", color: { argb: "FFB4B4B4" } },
  right: { style: "thin", color: { argb: "FFB4B4B4" } },
};

export async function buildReportWorkbook(view: PeriodAssignments, options: { values?: readonly SubmissionValue[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI chuyển đổi số";
  const sheet = workbook.addWorksheet(REPORT_SHEET_NAME, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  sheet.columns = FORM_COLUMNS.map((column) => ({ width: column.width }));

  sheet.getCell("A1").value = "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = `${view.agency.name} — ${view.periodLabel}`;
  sheet.getCell("A2").font = { bold: true };
  sheet.getCell("A3").value = `Văn bản giao: ${view.decision.number}${view.decision.title ? ` (${view.decision.title})` : ""}. Hạn nộp: ${formatIsoDateVi(view.reportDueDate)}.`;
  sheet.getCell("A4").value = FORM_INSTRUCTION;
  sheet.getCell("A4").font = { italic: true, color: { argb: "FF555555" } };

  const header = sheet.getRow(HEADER_ROW);
  FORM_COLUMNS.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });

  const values = new Map(options.values?.map((value) => [value.assignmentId, value]));
  view.assignments.forEach((assignment, index) => {
    writeRow(sheet.getRow(HEADER_ROW + 1 + index), assignment, values.get(assignment.assignmentId), view);
  });

  const binding: ReportBinding = reportBindingSchema.parse({
    decisionId: view.decision.id,
    period: view.period,
    province: view.decision.province,
    agencyId: view.agency.id,
    catalogueVersion: view.catalogueVersion,
    assignmentIds: view.assignments.map((assignment) => assignment.assignmentId),
  });
  const hidden = workbook.addWorksheet(BINDING_SHEET_NAME, { state: "veryHidden" });
  hidden.getCell("A1").value = JSON.stringify(binding);
  return writeXlsxBuffer(workbook);
}

function writeRow(row: ExcelJS.Row, assignment: PeriodAssignment, value: SubmissionValue | undefined, view: PeriodAssignments): void {
  const at = (key: Parameters<typeof reportColumnIndex>[0]) => row.getCell(reportColumnIndex(key) + 1);
  const ref = (key: Parameters<typeof reportColumnIndex>[0]) => `${columnLetter(reportColumnIndex(key))}${row.number}`;
  // Plain strings: exceljs writes them as text, so a name starting with "=" never becomes a formula.
  at("order").value = assignment.order;
  at("code").value = assignment.indicatorCode;
  at("text").value = assignment.text;
  at("target").value = assignment.targetText;
  const isRate = assignment.indicatorKind === "percent";
  if (value?.numerator !== undefined) at("numerator").value = value.numerator;
  if (value?.denominator !== undefined) at("denominator").value = value.denominator;
  if (value && value.actual !== null && value.numerator === undefined) {
    at("actual").value = value.actual;
  } else if (isRate) {
    // A fraction with a percent format, whatever the unit column says: never multiplied by 100.
    const numerator = ref("numerator");
    const denominator = ref("denominator");
    at("actual").value = { formula: `IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator}),${denominator}>0),${numerator}/${denominator},"")` };
  }
  if (value?.note) at("note").value = value.note;
  writeEvidence(row, value);
  if (isRate) at("actual").numFmt = RATE_FORMAT;

  const compiled = compileFormula(assignment.target, ref("actual"), {
    unit: assignment.unit,
    dueDate: assignment.milestoneDue ?? `${view.decision.year}-12-31`,
  });
  if (compiled.ok) at("verdict").value = { formula: compiled.formula.slice(1) };

  for (const key of ["numerator", "denominator"] as const) {
    at(key).dataValidation = {
      type: "decimal",
      operator: "greaterThanOrEqual",
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorTitle: "Số liệu không hợp lệ",
      error: `${key === "numerator" ? "Tử số" : "Mẫu số"} phải là số không âm.`,
    };
  }
  for (const key of ["numerator", "denominator", "actual", "note"] as const) at(key).fill = INPUT_FILL;
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.border = THIN;
    cell.alignment = { vertical: "top", wrapText: true };
  });
}

function evidenceCell(row: ExcelJS.Row, key: EvidenceColumnKey): ExcelJS.Cell {
  return row.getCell(REPORT_COLUMNS.length + EVIDENCE_COLUMNS.findIndex((column) => column.key === key) + 1);
}

/** The first document a value cites, and the cells' input style: a date cell shown and checked as dd/mm/yyyy. */
function writeEvidence(row: ExcelJS.Row, value: SubmissionValue | undefined): void {
  const cited = value?.evidence?.[0];
  if (cited?.documentNumber) evidenceCell(row, "evidenceNumber").value = cited.documentNumber;
  if (cited?.issuedOn) evidenceCell(row, "evidenceDate").value = isoDateToExcelSerial(cited.issuedOn);
  if (cited?.summary) evidenceCell(row, "evidenceSummary").value = cited.summary;
  if (cited?.url) evidenceCell(row, "evidenceUrl").value = cited.url;
  const date = evidenceCell(row, "evidenceDate");
  date.numFmt = EVIDENCE_DATE_FORMAT;
  date.dataValidation = {
    type: "date",
    operator: "between",
    allowBlank: true,
    formulae: [isoDateToExcelSerial(EARLIEST_ISSUED_ON), isoDateToExcelSerial(LATEST_ISSUED_ON)],
    showErrorMessage: true,
    errorTitle: "Ngày ban hành không hợp lệ",
    error: "Nhập ngày ban hành dạng dd/mm/yyyy, ví dụ 03/03/2025.",
    showInputMessage: true,
    promptTitle: "Ngày ban hành",
    prompt: "Ngày ban hành văn bản minh chứng, dạng dd/mm/yyyy.",
  };
  for (const column of EVIDENCE_COLUMNS) evidenceCell(row, column.key).fill = INPUT_FILL;
}

export interface ReportWorkbookReading {
  reading: ReportReading;
  binding?: ReportBinding;
  /** Set when the workbook says it reports another decision, period or agency than the one it was sent for. */
  bindingProblem?: string;
}

export async function readReportWorkbook(bytes: Uint8Array, view: PeriodAssignments): Promise<ReportWorkbookReading> {
  // The guarded reader refuses what is not a sane workbook (bomb, macros, too large) with its own code.
  const sheets = await readXlsxSheetsWithFormats(bytes);
  const bindingSheet = sheets.find(({ sheet }) => sheet.name === BINDING_SHEET_NAME)?.sheet;
  const binding = bindingOf(bindingSheet?.rows[0]?.[0]);
  const report =
    sheets.find(({ sheet }) => sheet.name === REPORT_SHEET_NAME && findHeaderRow(sheet.rows)) ??
    sheets.find(({ sheet }) => sheet.name !== BINDING_SHEET_NAME && findHeaderRow(sheet.rows));
  // The number formats say how a rate cell reads: percent-formatted is a fraction, General may need the officer.
  const reading = readReportRows(report?.sheet.rows ?? [], view.assignments, {
    ...(binding ? { binding } : {}),
    ...(report ? { numberFormats: report.numberFormats } : {}),
  });
  const bindingProblem =
    binding && (binding.decisionId !== view.decision.id || binding.period !== view.period || binding.agencyId !== view.agency.id)
      ? `Tệp này là báo cáo của cơ quan "${binding.agencyId}", kỳ ${binding.period}, văn bản ${binding.decisionId}; không phải của ${view.agency.name}, kỳ ${view.period}.`
      : undefined;
  return { reading, ...(binding ? { binding } : {}), ...(bindingProblem ? { bindingProblem } : {}) };
}

/** The binding of a form downloaded from the system, or undefined for any other workbook (or bytes that are none). */
export async function readFormBinding(bytes: Uint8Array): Promise<ReportBinding | undefined> {
  // A refused file has no binding; the server names the reason when the file is sent.
  const sheets = await readXlsxSheets(bytes).catch((error: unknown) => {
    if (error instanceof WorkbookRejectedError) return [];
    throw error;
  });
  return bindingOf(sheets.find((sheet) => sheet.name === BINDING_SHEET_NAME)?.rows[0]?.[0]);
}

function bindingOf(cell: unknown): ReportBinding | undefined {
  if (typeof cell !== "string") return undefined;
  try {
    const parsed = reportBindingSchema.safeParse(JSON.parse(cell));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
