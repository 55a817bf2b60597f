import type { Comparator } from "../target/schema";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { VERDICT_LABELS } from "./labels";
import type { Verdict, VerdictCode } from "./schema";

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };
/** The symbol that is true when the comparison fails: 89% < 90% explains a miss of "≥ 90%". */
export const NEGATED_SYMBOLS: Record<Comparator, string> = { gte: "<", gt: "≤", lte: ">", lt: "≥" };

/** Numbers as an officer reads them: at most two decimals, decimal comma. */
export function showNumber(value: number): string {
  return formatVietnameseNumber(Math.round(value * 100) / 100);
}

/** ISO date "2025-06-30" as "30/6/2025". */
export function showDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${day}/${month}/${year}`;
}

export function verdict(code: VerdictCode, explanation: string, gap: number | null = null, gapUnit: string | null = null): Verdict {
  return { verdict: code, label: VERDICT_LABELS[code], gap, gapUnit, explanation };
}
