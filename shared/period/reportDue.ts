import { isoDateOf } from "./isoDate";
import { periodEnd, type PeriodCode } from "./period";
import { vietnamDay } from "./vietnamTime";

/**
 * Provincial reporting rules set the period's report due on a day of the period's last month (figures are cut off
 * mid-month and the standing agency compiles before the month ends). Day 20 unless a province configures another;
 * a day past the month's end means the month's last day.
 */
export const DEFAULT_REPORT_DUE_DAY = 20;

export function reportDueDate(period: PeriodCode, dueDay: number = DEFAULT_REPORT_DUE_DAY): string {
  const end = periodEnd(period);
  const [year, month, lastDay] = end.split("-").map(Number) as [number, number, number];
  return isoDateOf(year, month, Math.min(Math.max(1, Math.trunc(dueDay)), lastDay));
}

/** Late when submitted after the due day ends in Vietnam (UTC+7), whatever the server's clock zone. */
export function isLate(submittedAt: string, dueDate: string): boolean {
  const day = vietnamDay(submittedAt);
  return day !== undefined && day > dueDate;
}
