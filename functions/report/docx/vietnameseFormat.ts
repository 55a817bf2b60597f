import { vietnamDay } from "../../../shared/period/vietnamTime";
import { parsePeriodCode } from "../../../shared/period/period";
import { formatVietnameseNumber } from "../../../shared/text/vietnameseNumber";

/**
 * Numbers and dates as a Vietnamese report prints them: "52,9%", "100.000", "20/12/2025". Shares keep one decimal,
 * as the province's reports do, and drop a trailing ",0" ("100%", not "100,0%").
 */

export function shareText(share: number): string {
  return `${formatVietnameseNumber(Math.round(share * 1000) / 10)}%`;
}

/** "3/5 (60%)": a count of a total with its share, the way the report states each completeness figure. */
export function countOfText(count: number, total: number): string {
  return total > 0 ? `${countText(count)}/${countText(total)} (${shareText(count / total)})` : `${countText(count)}/${countText(total)}`;
}

export function countText(value: number): string {
  return formatVietnameseNumber(value);
}

/** "2025-12-20" → "20/12/2025". */
export function isoDateText(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return year && month && day ? `${day}/${month}/${year}` : isoDate;
}

/** An instant as the day in Vietnam: "20/12/2025". */
export function vietnamDateText(instant: string): string {
  const day = vietnamDay(instant);
  return day ? isoDateText(day) : instant;
}

/** 1 → "I": the numbering of quarters and of the report's parts. */
export function romanNumeral(value: number): string {
  const numerals: Array<[number, string]> = [[10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = value;
  let text = "";
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}

/** The period as a report's title says it: "quý IV năm 2025", "6 tháng đầu năm 2025", "tháng 3 năm 2025", "năm 2025". */
export function periodPhrase(code: string): string {
  const parsed = parsePeriodCode(code);
  if (!parsed.ok) return code;
  const period = parsed.period;
  switch (period.kind) {
    case "year":
      return `năm ${period.year}`;
    case "half":
      return `6 tháng ${period.index === 1 ? "đầu" : "cuối"} năm ${period.year}`;
    case "quarter":
      return `quý ${romanNumeral(period.index)} năm ${period.year}`;
    case "month":
      return `tháng ${period.index} năm ${period.year}`;
  }
}
