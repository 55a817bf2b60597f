import type { ParseResult, Target } from "../../shared/target/schema";
import { calendarPointEnd } from "../../shared/period/calendar";

/**
 * One line per target text, as VS Code's when-clause tests print expressions: the reading, or the errors with their
 * positions, so that a reviewer reads hundreds of cases at a glance and a change of reading shows as a diff.
 *   Tối thiểu 90%            ⇒ percent ≥90
 *   vào Top 20 địa phương    ⇒ rank ≤20
 *   = 5%                     ⇒ ERROR equality_comparator@0+1 "="
 */
export function goldenLine(text: string, result: ParseResult): string {
  const input = text.replace(/\s+/g, " ").trim();
  return `${input} ⇒ ${result.ok ? printTarget(result.target) : printErrors(result)}`;
}

const SYMBOLS = { gte: "≥", gt: ">", lte: "≤", lt: "<" } as const;

export function printTarget(target: Target): string {
  const due = "due" in target && target.kind !== "deadline" && target.due ? ` by ${calendarPointEnd(target.due)}` : "";
  switch (target.kind) {
    case "percent":
      return `percent ${SYMBOLS[target.comparator]}${target.value}${target.qualifier ? ` [${target.qualifier}]` : ""}${target.base ? ` of "${target.base}"` : ""}${due}`;
    case "count":
      return `count ${SYMBOLS[target.comparator]}${target.value}${target.unit ? ` "${target.unit}"` : ""}${target.action ? ` action "${target.action}"` : ""}${due}`;
    case "frequency":
      return `frequency ${SYMBOLS[target.comparator]}${target.value} "${target.unit}"/${target.per}${due}`;
    case "deadline":
      return `deadline ${target.mode} ${calendarPointEnd(target.due)}${target.share !== undefined ? ` share ${target.share}%` : ""}${target.subject ? ` of "${target.subject}"` : ""}`;
    case "recurring":
      return `recurring ${target.cadence}`;
    case "document":
      return `document ${target.documentType}${target.subject ? ` "${target.subject}"` : ""}${target.issuer ? ` by "${target.issuer}"` : ""}`;
    case "grade":
      return `grade ${target.grade}`;
    case "rank":
      return `rank ≤${target.top}${due}`;
    case "range":
      return `range ${target.min}..${target.max}${target.measure === "percent" ? "%" : ""}${target.unit ? ` "${target.unit}"` : ""}${due}`;
    case "ratio":
      return `ratio ${SYMBOLS[target.comparator]}${target.value}${target.unit ? ` "${target.unit}"` : ""} per ${target.per} "${target.population}"${due}`;
    case "staged":
      return `staged ${target.stages.map((stage) => `${printTarget(stage.target as Target)} by ${calendarPointEnd(stage.due)}`).join(" | ")}`;
    case "manual":
      return `PERSON (${target.reason})`;
  }
}

function printErrors(result: Extract<ParseResult, { ok: false }>): string {
  return `ERROR ${result.errors
    .map((error) => `${error.code}@${error.offset}+${error.length} "${result.normalized.slice(error.offset, error.offset + error.length)}"`)
    .join(", ")}`;
}
