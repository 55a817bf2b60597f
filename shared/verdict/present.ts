import type { Comparator } from "../target/schema";
import { memoizeFirst } from "../memo/memoizeFirst";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { VERDICT_LABELS } from "./labels";
import { COMPARISON_DECIMALS, LARGEST_ROUNDED, roundForComparison } from "./compare";
import type { Verdict, VerdictCode } from "./schema";

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };
/** The symbol that is true when the comparison fails: 89% < 90% explains a miss of "≥ 90%". */
export const NEGATED_SYMBOLS: Record<Comparator, string> = { gte: "<", gt: "≤", lte: ">", lt: "≥" };

/** Numbers as an officer reads them: at most two decimals, decimal comma. */
export function showNumber(value: number): string {
  return formatVietnameseNumber(roundTo(value, 2));
}

/**
 * Two numbers shown with as many decimals as it takes to tell them apart (two at least, nine at most): a miss of
 * 99,9999999% against 100% must not read "100% < 100%".
 */
export function showDistinct(value: number, other: number): [string, string] {
  const a = roundForComparison(value);
  const b = roundForComparison(other);
  for (let decimals = 2; decimals < COMPARISON_DECIMALS; decimals += 1) {
    const shownA = roundTo(a, decimals);
    const shownB = roundTo(b, decimals);
    if ((shownA === shownB) === (a === b)) return [formatVietnameseNumber(shownA), formatVietnameseNumber(shownB)];
  }
  return [formatVietnameseNumber(a), formatVietnameseNumber(b)];
}

function roundTo(value: number, decimals: number): number {
  // Scaling a huge value up would overflow to Infinity; it has no decimals to round anyway.
  if (Math.abs(value) >= LARGEST_ROUNDED) return value;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** ISO date "2025-06-30" as "30/6/2025". Every pending value of a report names the same few due dates. */
export const showDate = memoizeFirst(512, (isoDate) => {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${day}/${month}/${year}`;
});

export function verdict(code: VerdictCode, explanation: string, gap: number | null = null, gapUnit: string | null = null): Verdict {
  return { verdict: code, label: VERDICT_LABELS[code], gap, gapUnit, explanation };
}
