import type { Comparator } from "../target/schema";

/**
 * Binary fractions make 0.57 × 100 = 56.99999999999999; Excel users expect 57. Both sides are rounded to nine
 * decimals before comparing, which is what the compiled formulas do with ROUND(…, 9).
 */
export const COMPARISON_DECIMALS = 9;

/** Beyond this size a double has no decimals left to round (and scaling it up could overflow to Infinity). */
export const LARGEST_ROUNDED = 1e15;

const COMPARISON_FACTOR = 10 ** COMPARISON_DECIMALS;

export function roundForComparison(value: number): number {
  if (Math.abs(value) >= LARGEST_ROUNDED) return value;
  return Math.round(value * COMPARISON_FACTOR) / COMPARISON_FACTOR;
}

export function compare(actual: number, comparator: Comparator, threshold: number): boolean {
  const a = roundForComparison(actual);
  const t = roundForComparison(threshold);
  switch (comparator) {
    case "gte":
      return a >= t;
    case "gt":
      return a > t;
    case "lte":
      return a <= t;
    case "lt":
      return a < t;
  }
}

/** Positive when the actual is on the right side of the threshold, negative when short of it. */
export function margin(actual: number, comparator: Comparator, threshold: number): number {
  const difference = roundForComparison(actual) - roundForComparison(threshold);
  return roundForComparison(comparator === "gte" || comparator === "gt" ? difference : -difference);
}
