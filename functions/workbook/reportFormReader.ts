import { readXlsxSheets, readXlsxSheetsWithFormats } from "../catalogue/xlsxSheets";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import {
  BINDING_SHEET_NAME,
  findHeaderRow,
  readReportRows,
  REPORT_SHEET_NAME,
  reportBindingSchema,
  type ReportBinding,
  type ReportReading,
} from "../../shared/report/reportTable";
import { WorkbookRejectedError } from "./workbookRejection";

/**
 * How the server reads any workbook that carries the report table: the offline form in any of its layouts, the
 * add-in's workbook, or a table copied elsewhere (the header row is found by its names).
 */

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
