import type { SubmissionValue } from "../../model/submissionValue";
import type { PeriodAssignments } from "../../report/periodAssignments";
import { reportBindingOf, REPORT_SHEET_NAME, type ReportBinding } from "../../report/reportTable";
import type { PlannedCell } from "../cell";
import type { SheetPlan } from "../plan";
import { TABLE_FIRST_ROW, type TypedKey } from "./columns";
import { reportTableOps, titleLines } from "./layout";
import { assignedRow } from "./rows";

/**
 * The offline form: the report table an agency without the add-in downloads, laid out as the add-in lays it out,
 * with verdicts as plain formulas any Excel computes, and the values of a version already sent when there is one.
 */
export function reportFormPlan(view: PeriodAssignments, values: readonly SubmissionValue[] = []): { plan: SheetPlan; binding: ReportBinding } {
  const byAssignment = new Map(values.map((value) => [value.assignmentId, value]));
  const rows = view.assignments.map((assignment, index) =>
    assignedRow(assignment, typedCells(byAssignment.get(assignment.assignmentId)), TABLE_FIRST_ROW + index, view, {
      verdictMode: "formula",
      functionNamespace: "KPI",
    }),
  );
  const binding = reportBindingOf(
    view,
    view.assignments.map((assignment) => assignment.assignmentId),
  );
  const ops = reportTableOps({ title: titleLines(view), rows, clear: { rows: 0, columns: 0 } });
  return { plan: { sheetName: REPORT_SHEET_NAME, ops }, binding };
}

/** What a submitted value puts back in the officer's cells; Kết quả stays the rate formula when the parts are given. */
function typedCells(value: SubmissionValue | undefined): Partial<Record<TypedKey, PlannedCell>> {
  if (!value) return {};
  const cells: Partial<Record<TypedKey, PlannedCell>> = {};
  if (value.numerator !== undefined) cells.numerator = { value: value.numerator };
  if (value.denominator !== undefined) cells.denominator = { value: value.denominator };
  if (value.actual !== null && value.numerator === undefined) {
    cells.actual = typeof value.actual === "string" ? { text: value.actual } : { value: value.actual };
  }
  if (value.note) cells.note = { text: value.note };
  const cited = value.evidence?.[0];
  if (cited?.documentNumber) cells.evidenceNumber = { text: cited.documentNumber };
  if (cited?.issuedOn) cells.evidenceDate = { date: cited.issuedOn };
  if (cited?.summary) cells.evidenceSummary = { text: cited.summary };
  if (cited?.url) cells.evidenceUrl = { text: cited.url };
  return cells;
}
