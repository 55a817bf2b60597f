import type { SubmissionValue } from "../model/submissionValue";
import { valueOfReportedResult } from "./matchReportRows";
import type { PeriodAssignments } from "./periodAssignments";
import type { ReportRow } from "./resultsReport";

export interface ConfirmChoices {
  confirm: ReadonlyArray<{ row: number; assignmentId: string }>;
  skip: readonly number[];
}

export type ConfirmOutcome =
  | { ok: true; values: SubmissionValue[]; rows: Array<{ row: number; assignmentId: string }> }
  | { ok: false; problems: ConfirmProblem[] };

/** "unconfirmed": an uncertain row nobody decided on; "invalid": a choice that cannot be applied. */
export interface ConfirmProblem {
  kind: "unconfirmed" | "invalid";
  row?: number;
  message: string;
}

/**
 * The values a confirmed preview submits: every matched row, every row a person assigned, nothing else. An uncertain
 * row must be confirmed or skipped by name, so a row is never taken — or dropped — without someone deciding.
 */
export function valuesOfConfirmedReport(rows: readonly ReportRow[], view: PeriodAssignments, choices: ConfirmChoices): ConfirmOutcome {
  const problems: ConfirmProblem[] = [];
  const byRow = new Map(rows.map((row) => [row.row, row]));
  const assignments = new Map(view.assignments.map((assignment) => [assignment.assignmentId, assignment]));
  const chosen = new Map<number, string>();
  for (const { row, assignmentId } of choices.confirm) {
    const reportRow = byRow.get(row);
    if (!reportRow) problems.push({ kind: "invalid", row, message: `Báo cáo không có dòng ${row}.` });
    else if (reportRow.status === "other_agency") problems.push({ kind: "invalid", row, message: `Dòng ${row} do ${reportRow.leadAgency} chủ trì, không nộp thay được.` });
    else if (!assignments.has(assignmentId)) problems.push({ kind: "invalid", row, message: `Dòng ${row}: chỉ tiêu "${assignmentId}" không được giao cho ${view.agency.name} trong kỳ này.` });
    else if (chosen.has(row)) problems.push({ kind: "invalid", row, message: `Dòng ${row} được xác nhận hai lần.` });
    else chosen.set(row, assignmentId);
  }
  const skipped = new Set<number>();
  for (const row of choices.skip) {
    if (!byRow.has(row)) problems.push({ kind: "invalid", row, message: `Báo cáo không có dòng ${row}.` });
    else if (chosen.has(row)) problems.push({ kind: "invalid", row, message: `Dòng ${row} vừa được xác nhận vừa bị bỏ qua.` });
    else skipped.add(row);
  }
  for (const row of rows) {
    if (row.status === "uncertain" && !chosen.has(row.row) && !skipped.has(row.row)) {
      problems.push({ kind: "unconfirmed", row: row.row, message: `Dòng ${row.row} cần xác nhận: ${row.reason ?? "nội dung chỉ giống chỉ tiêu được giao"}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const taken: Array<{ row: number; assignmentId: string }> = [];
  for (const row of rows) {
    if (skipped.has(row.row)) continue;
    const assignmentId = chosen.get(row.row) ?? (row.status === "matched" ? row.assignmentId : undefined);
    if (assignmentId !== undefined) taken.push({ row: row.row, assignmentId });
  }
  const seen = new Map<string, number>();
  for (const { row, assignmentId } of taken) {
    const first = seen.get(assignmentId);
    if (first !== undefined) problems.push({ kind: "invalid", row, message: `Dòng ${first} và dòng ${row} cùng báo cáo chỉ tiêu "${assignments.get(assignmentId)!.indicatorCode}".` });
    seen.set(assignmentId, row);
  }
  if (taken.length === 0) problems.push({ kind: "invalid", message: "Không có dòng nào của báo cáo được nộp: không dòng nào khớp hoặc được xác nhận." });
  if (problems.length > 0) return { ok: false, problems };
  const values = taken.map(({ row, assignmentId }) => valueOfReportedResult(assignments.get(assignmentId)!, byRow.get(row)!.reportedText));
  return { ok: true, values, rows: taken };
}
