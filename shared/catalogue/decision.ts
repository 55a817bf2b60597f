import type { DraftDecisionHeader, ImportProblem } from "./draft";
import { slugOf } from "./agencyNames";
import { catalogueDecisionSchema, type CatalogueDecision } from "./model";

/** What the person importing may add when the document itself does not say it (a table copied without its header). */
export type DecisionOverrides = Partial<Pick<DraftDecisionHeader, "number" | "date" | "province" | "title" | "year">>;

/** A header field the person importing can give. */
export type HeaderField = keyof DecisionOverrides;

/**
 * How the person importing gives a field: `kpi import`'s flags ("--number 123/QĐ-UBND"), or the import route's
 * query parameters ("number=123/QĐ-UBND"). The same names either way.
 */
export type OverrideSyntax = "flags" | "parameters";

const FIELD_LABELS: Record<Exclude<HeaderField, "title">, { label: string; example: string }> = {
  number: { label: "số văn bản", example: "123/QĐ-UBND" },
  date: { label: "ngày ban hành", example: "2025-10-24" },
  province: { label: "tỉnh/thành phố", example: '"Phú Thọ"' },
  year: { label: "năm thực hiện", example: "2025" },
};

function howToGive(field: Exclude<HeaderField, "title">, syntax: OverrideSyntax): string {
  const { example } = FIELD_LABELS[field];
  return syntax === "flags" ? `--${field} ${example}` : `${field}=${example.replace(/"/g, "")}`;
}

/**
 * The decision record of an import: from the document's header, completed by what the person importing gave.
 * Its id joins province and number ("phu-tho-1521-qd-ubnd") because numbers repeat across provinces. Each field
 * still missing (a draft's blank "Số:    /QĐ-UBND", a table pasted without its header) is one "missing_header_field"
 * error naming the flag or parameter that gives it.
 */
export function decisionFromHeader(
  header: DraftDecisionHeader,
  overrides: DecisionOverrides = {},
  syntax: OverrideSyntax = "flags",
): { decision: CatalogueDecision } | { problems: ImportProblem[] } {
  const merged = { ...header, ...definedOnly(overrides) };
  const missing: Array<Exclude<HeaderField, "title">> = [];
  if (!merged.number) missing.push("number");
  if (!merged.province) missing.push("province");
  const year = merged.year ?? (merged.date ? Number(merged.date.slice(0, 4)) : undefined);
  if (!year) missing.push("year");
  if (!merged.date) missing.push("date");
  if (missing.length > 0 || !merged.number || !merged.province || !year || !merged.date) {
    return {
      problems: missing.map((field) => ({
        code: "missing_header_field",
        severity: "error" as const,
        field,
        message: `Không xác định được ${FIELD_LABELS[field].label} của văn bản: hãy ghi trong văn bản hoặc cho biết khi nhập (${howToGive(field, syntax)}).`,
      })),
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

/**
 * One sentence asking for every missing header field at once, or undefined when none is missing:
 * "Văn bản chưa có số văn bản, ngày ban hành. Hãy cho biết khi nhập: --number 123/QĐ-UBND --date 2025-10-24."
 */
export function askForHeaderFields(problems: readonly ImportProblem[], syntax: OverrideSyntax = "flags"): string | undefined {
  const fields = problems.flatMap((problem) => (problem.code === "missing_header_field" && problem.severity === "error" && problem.field && problem.field !== "title" ? [problem.field] : []));
  if (fields.length === 0) return undefined;
  const labels = fields.map((field) => FIELD_LABELS[field].label).join(", ");
  return `Văn bản chưa có ${labels}. Hãy cho biết khi nhập: ${fields.map((field) => howToGive(field, syntax)).join(syntax === "flags" ? " " : "&")}.`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
