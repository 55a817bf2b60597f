import { percentFormat } from "../formats";

/**
 * The number format of a rate's result: as many decimals as the target writes ("Tối thiểu 65%" → 0%, "≥ 52,9%" →
 * 0.0%), and one more (up to three) where that rounding would show a result equal to the target when it is not: 64,6%
 * against 65% reads "64,6%", never "65%" beside "Không đạt".
 */
export function resultPercentFormat(targetText: string, fraction: number): string {
  const threshold = firstPercent(targetText);
  if (!threshold) return formatWithDecimals(1);
  let decimals = threshold.decimals;
  const shown = (value: number, places: number) => Math.round(value * 10 ** places);
  const points = fraction * 100;
  while (decimals < 3 && points !== threshold.value && shown(points, decimals) === shown(threshold.value, decimals)) decimals += 1;
  return formatWithDecimals(decimals);
}

const formatWithDecimals = percentFormat;

/** "Tối thiểu 52,9%" → 52.9 with 1 decimal; the first number written with a percent sign. */
function firstPercent(text: string): { value: number; decimals: number } | undefined {
  const match = /(\d+(?:[.,]\d+)?)\s*%/.exec(text);
  if (!match) return undefined;
  const written = match[1]!.replace(",", ".");
  return { value: Number(written), decimals: written.includes(".") ? written.split(".")[1]!.length : 0 };
}
