import type { SubmissionValue } from "../../shared/model/submissionValue";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";

/**
 * The assignments a submission would leave without a value: rows left empty and rows deleted from the table. The
 * pane names them before sending ("Còn N chỉ tiêu chưa có số liệu: …") and may carry the previous version's values.
 */
export interface Unreported {
  assignmentId: string;
  indicatorCode: string;
  text: string;
}

export function unreportedOf(view: PeriodAssignments, values: readonly SubmissionValue[]): Unreported[] {
  const reported = new Set(values.filter((value) => !isEmpty(value)).map((value) => value.assignmentId));
  return view.assignments
    .filter((assignment) => !reported.has(assignment.assignmentId))
    .map((assignment) => ({ assignmentId: assignment.assignmentId, indicatorCode: assignment.indicatorCode, text: assignment.text }));
}

/** "Còn 2 chỉ tiêu chưa có số liệu: CT03 (Tỷ lệ …), CT07 (…)." */
export function unreportedSentence(unreported: readonly Unreported[], shown = 5): string {
  const named = unreported.slice(0, shown).map((item) => `${item.indicatorCode} (${shorten(item.text, 60)})`);
  const more = unreported.length > shown ? ` và ${unreported.length - shown} chỉ tiêu khác` : "";
  return `Còn ${unreported.length} chỉ tiêu chưa có số liệu: ${named.join(", ")}${more}.`;
}

/**
 * What to send when the officer keeps the previous version's values for the rows left empty: those rows are left
 * out, so the server copies them ("carryForward") instead of storing an empty value over them.
 */
export function valuesForCarryForward(values: readonly SubmissionValue[]): SubmissionValue[] {
  return values.filter((value) => !isEmpty(value));
}

function isEmpty(value: SubmissionValue): boolean {
  return value.actual === null && value.numerator === undefined && value.denominator === undefined;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
