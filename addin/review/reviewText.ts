import type { ReviewedValue } from "../../shared/api/review";
import type { EvidenceDocument } from "../../shared/model/evidence";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import type { PeriodAssignment } from "../../shared/report/periodAssignments";
import { formatVietnameseNumber } from "../../shared/text/vietnameseNumber";
import { verdictDisplay } from "../../shared/verdict/finalVerdict";

/**
 * How the pane words one reported value for the province and the agency alike: the value as the officer typed it,
 * the verdict that counts (a person's said as such), the documents that prove it.
 */

type ReportedValue = Pick<ReviewedValue, "actual" | "numerator" | "denominator">;

/** "95% (19/20)", "100.000", "Hoàn thành", "Có"; a value never sent reads "Chưa có số liệu". */
export function actualText(value: ReportedValue | undefined, assignment?: Pick<PeriodAssignment, "indicatorKind" | "unit">): string {
  if (!value || value.actual === null || value.actual === undefined) return "Chưa có số liệu";
  const parts = value.numerator !== undefined && value.denominator !== undefined ? ` (${formatVietnameseNumber(value.numerator)}/${formatVietnameseNumber(value.denominator)})` : "";
  if (typeof value.actual === "boolean") return value.actual ? "Có" : "Không";
  if (typeof value.actual === "string") return value.actual;
  if (assignment?.indicatorKind === "percent") return `${formatVietnameseNumber(Math.round(value.actual * 1000) / 10)}%${parts}`;
  const unit = assignment?.unit ? ` ${assignment.unit}` : "";
  return `${formatVietnameseNumber(value.actual)}${unit}${parts}`;
}

/** "Đạt (đánh giá của Sở KH&CN Phú Thọ: …)" when a person decided, else the rule's label. */
export function finalText(value: Pick<ReviewedValue, "final" | "person">): string {
  return verdictDisplay(value.final, value.person);
}

/** "Số 12/QĐ-UBND ngày 20/10/2025: Kế hoạch chuyển đổi số" — a citation as a document register writes it. */
export function citationText(document: EvidenceDocument): string {
  const number = document.documentNumber ? `Số ${document.documentNumber}` : "";
  const issued = document.issuedOn ? `ngày ${formatIsoDateVi(document.issuedOn)}` : "";
  const head = [number, issued].filter(Boolean).join(" ");
  return head ? `${head}: ${document.summary}` : document.summary;
}

/** "12,3 KB", "1,5 MB": a file's size as the officer compares it with the 10 MB limit. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatVietnameseNumber(Math.max(0.1, Math.round(bytes / 102.4) / 10))} KB`;
  return `${formatVietnameseNumber(Math.round(bytes / (1024 * 104.8576)) / 10)} MB`;
}
