import type { AggregateCell } from "../../../shared/report/aggregate";
import { formatVietnameseNumber } from "../../../shared/text/vietnameseNumber";
import type { VerdictCode } from "../../../shared/verdict/schema";

/** The mark beside a verdict the province gave itself, explained in each table's legend. */
export const PERSON_MARK = "(*)";

/** Verdicts in a matrix cell of a few millimetres, with the legend printed under the table. */
export const SHORT_VERDICTS: Record<VerdictCode, string> = {
  met: "Đ",
  not_met: "KĐ",
  pending: "CĐ",
  no_data: "–",
  needs_review: "?",
  invalid_actual: "SL",
};

export const SHORT_VERDICT_LEGEND =
  "Đ: Đạt; KĐ: Không đạt; CĐ: Chưa đạt (chưa đến hạn); –: Chưa có số liệu; ?: Cần đánh giá; SL: Số liệu không hợp lệ; " +
  `${PERSON_MARK}: kết quả do Sở Khoa học và Công nghệ đánh giá; ô để trống: cơ quan không được giao chỉ tiêu.`;

/**
 * The reported value as the report prints it: a rate as "62,43%" (to the hundredth, as the rule's explanation beside
 * it) with its parts when given, a count as "1.250".
 */
export function actualText(cell: AggregateCell): string {
  const actual = cell.actual;
  if (actual === undefined || actual === null) return "";
  if (typeof actual === "boolean") return actual ? "Đã thực hiện" : "Chưa thực hiện";
  if (typeof actual === "string") return actual;
  if (cell.percent) {
    const parts = cell.numerator !== undefined && cell.denominator !== undefined ? ` (${formatVietnameseNumber(cell.numerator)}/${formatVietnameseNumber(cell.denominator)})` : "";
    return `${formatVietnameseNumber(Math.round(actual * 10_000) / 100)}%${parts}`;
  }
  return formatVietnameseNumber(Math.round(actual * 1000) / 1000);
}

/** "Đạt (*)" where the province decided, the rule's label otherwise. */
export function verdictText(cell: AggregateCell): string {
  return cell.decidedBy === "person" ? `${cell.label} ${PERSON_MARK}` : cell.label;
}

export function shortVerdictText(cell: AggregateCell): string {
  return cell.decidedBy === "person" ? `${SHORT_VERDICTS[cell.verdict]}${PERSON_MARK}` : SHORT_VERDICTS[cell.verdict];
}

/** Why: the province's reason where it decided (naming who), the rule's explanation otherwise. */
export function reasonText(cell: AggregateCell): string {
  if (cell.decidedBy === "person" && cell.person) {
    const replaced = cell.person.override ? ` thay cho «${cell.person.automaticLabel}» theo quy tắc` : "";
    return `${cell.person.byLabel} đánh giá${replaced}: ${cell.person.reason.trim().replace(/[.;,]+$/u, "")}`;
  }
  return cell.explanation;
}
