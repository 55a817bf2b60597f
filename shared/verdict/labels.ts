import type { VerdictCode } from "./schema";

/**
 * The words written in verdict columns. One set for every kind of target so that a province can count and colour
 * verdicts across agencies; the compiled Excel formulas write the same words.
 */
export const VERDICT_LABELS: Record<VerdictCode, string> = {
  met: "Đạt",
  not_met: "Không đạt",
  pending: "Chưa đạt",
  no_data: "Chưa có số liệu",
  needs_review: "Cần đánh giá",
  invalid_actual: "Số liệu không hợp lệ",
};

const CODE_BY_LABEL = new Map(Object.entries(VERDICT_LABELS).map(([code, label]) => [label, code as VerdictCode]));

/** The verdict code of a label read back from a workbook, or undefined for any other text. */
export function verdictCodeOfLabel(label: string): VerdictCode | undefined {
  return CODE_BY_LABEL.get(label.normalize("NFC").trim());
}
