import type { SubmissionValue } from "../model/submissionValue";
import { periodEnd, type PeriodCode } from "../period/period";
import { evaluate } from "../verdict/evaluate";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { describeActual } from "../verdict/actual";
import { verdict } from "../verdict/present";
import { readReportedResult } from "../verdict/reportedResult";
import type { Verdict } from "../verdict/schema";
import type { PeriodAssignment } from "./periodAssignments";

/**
 * The verdict of one reported value for the period it reports: judged as of the period's last day, so the same report
 * gets the same verdict whenever it is read, and a year target short of its threshold in Q2 is only "Chưa đạt". A
 * target with no date of its own is due at the milestone's date or at the end of the decision's year.
 */
export function judgePeriodValue(
  assignment: PeriodAssignment,
  value: Pick<SubmissionValue, "actual" | "reportedText">,
  period: PeriodCode,
  decisionYear: number,
): Verdict {
  // A value taken from a report's prose is judged only when the prose said one comparable thing ("95%"); a bare
  // "Đạt" against 90% is the agency's own verdict, which a person checks.
  if (value.reportedText !== undefined) {
    const reading = readReportedResult(assignment.target, value.reportedText, assignment.unit);
    if (reading.kind === "review") return verdict("needs_review", reading.reason);
    // The value must be the one the report states: a figure beside other prose is for a person to reconcile.
    if (reading.kind === "value" && !sameValue(reading.actual, value.actual)) {
      return verdict("needs_review", `Giá trị nộp (${typeof value.actual === "number" ? formatVietnameseNumber(value.actual) : describeActual(value.actual)}) khác với kết quả báo cáo ghi «${value.reportedText}»: cần người đánh giá`);
    }
  }
  return evaluate(assignment.target, value.actual, {
    asOf: periodEnd(period),
    dueDate: assignment.milestoneDue ?? `${decisionYear}-12-31`,
    ...(assignment.unit ? { unit: assignment.unit } : {}),
  });
}

function sameValue(read: unknown, given: unknown): boolean {
  if (typeof read === "number" && typeof given === "number") return Math.abs(read - given) <= 1e-9 * Math.max(1, Math.abs(read));
  return read === given;
}
