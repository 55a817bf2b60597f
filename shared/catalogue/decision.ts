import type { DraftDecisionHeader, ImportProblem } from "./draft";
import { slugOf } from "./agencyNames";
import { catalogueDecisionSchema, type CatalogueDecision } from "./model";

/** What the person importing may add when the document itself does not say it (a table copied without its header). */
export type DecisionOverrides = Partial<Pick<DraftDecisionHeader, "number" | "date" | "province" | "title" | "year">>;

/**
 * The decision record of an import: from the document's header, completed by what the person importing gave.
 * Its id joins province and number ("phu-tho-1521-qd-ubnd") because numbers repeat across provinces.
 */
export function decisionFromHeader(
  header: DraftDecisionHeader,
  overrides: DecisionOverrides = {},
): { decision: CatalogueDecision } | { problems: ImportProblem[] } {
  const merged = { ...header, ...definedOnly(overrides) };
  const missing: string[] = [];
  if (!merged.number) missing.push("số văn bản (--number)");
  if (!merged.province) missing.push("tỉnh/thành phố (--province)");
  const year = merged.year ?? (merged.date ? Number(merged.date.slice(0, 4)) : undefined);
  if (!year) missing.push("năm thực hiện (--year)");
  if (!merged.date) missing.push("ngày ban hành (--date)");
  if (missing.length > 0 || !merged.number || !merged.province || !year || !merged.date) {
    return {
      problems: [
        {
          code: "missing_decision_header",
          severity: "error",
          message: `Không xác định được ${missing.join(", ")} của văn bản: hãy ghi trong văn bản hoặc cung cấp khi nhập.`,
        },
      ],
    };
  }
  const province = slugOf(merged.province);
  const decision = catalogueDecisionSchema.parse({
    id: `${province}-${slugOf(merged.number)}`,
    number: merged.number,
    date: merged.date,
    province,
    year,
    title: merged.title ?? `Văn bản ${merged.number}`,
    ...(merged.issuer ? { issuer: merged.issuer } : {}),
  });
  return { decision };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
