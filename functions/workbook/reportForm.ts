import ExcelJS from "exceljs";
import type { SubmissionValue } from "../../shared/model/submissionValue";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import { BINDING_SHEET_NAME } from "../../shared/report/reportTable";
import { reportFormPlan } from "../../shared/sheet/reportTable/form";
import { applySheetPlan } from "./applySheetPlan";
import { writeXlsxBuffer } from "./writeXlsx";

export { WorkbookRejectedError } from "./workbookRejection";
export { readFormBinding, readReportWorkbook, type ReportWorkbookReading } from "./reportFormReader";
export { FORM_INSTRUCTION } from "../../shared/sheet/reportTable/columns";
/** The number format of a rate's Kết quả: the cell holds a fraction (0,92) and shows it as 92,0%. */
export { PERCENT_FORMAT as RATE_FORMAT } from "../../shared/sheet/formats";

/**
 * The report form as an xlsx: what an agency without the add-in downloads, fills in any Excel (2010 or later, no
 * custom functions) and uploads. It is the add-in's report table, drawn from the same plan with exceljs, with the
 * binding on a very hidden sheet instead of the document settings.
 */
export async function buildReportWorkbook(view: PeriodAssignments, options: { values?: readonly SubmissionValue[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI chuyển đổi số";
  const { plan, binding } = reportFormPlan(view, options.values);
  applySheetPlan(workbook.addWorksheet(plan.sheetName), plan.ops);
  const hidden = workbook.addWorksheet(BINDING_SHEET_NAME, { state: "veryHidden" });
  hidden.getCell("A1").value = JSON.stringify(binding);
  return writeXlsxBuffer(workbook);
}
