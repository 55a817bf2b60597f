import * as z from "zod";
import type { CalendarPoint } from "../target/schema";
import { calendarPointEnd, calendarPointLabel, calendarPointStart } from "./calendar";
import { isIsoDate } from "./isoDate";
import { memoizeFirst } from "../memo/memoizeFirst";

/**
 * Reporting periods as codes: "2025" (year), "2025-H1" (half), "2025-Q3" (quarter), "2025-M03" (month). Codes sort
 * and group as plain strings, so they key submissions and files; months are zero-padded for that reason.
 */

const PERIOD_CODE = /^([12]\d{3})(?:-(?:H([12])|Q([1-4])|M(0[1-9]|1[0-2])))?$/;

export const periodCodeSchema = z
  .string({ error: "Kỳ báo cáo phải là chuỗi ký tự." })
  .regex(PERIOD_CODE, {
    error: "Kỳ báo cáo không hợp lệ: dùng dạng 2025 (năm), 2025-H1/2025-H2 (6 tháng), 2025-Q1…2025-Q4 (quý) hoặc 2025-M01…2025-M12 (tháng).",
  });
export type PeriodCode = z.infer<typeof periodCodeSchema>;

export const periodKindSchema = z.enum(["year", "half", "quarter", "month"]);
export type PeriodKind = z.infer<typeof periodKindSchema>;

export const periodSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("year"), year: z.number().int() }),
  z.object({ kind: z.literal("half"), year: z.number().int(), index: z.number().int().min(1).max(2) }),
  z.object({ kind: z.literal("quarter"), year: z.number().int(), index: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal("month"), year: z.number().int(), index: z.number().int().min(1).max(12) }),
]);
export type Period = z.infer<typeof periodSchema>;

export type PeriodParseResult = { ok: true; period: Period } | { ok: false; error: string };

const COUNT_PER_YEAR: Record<Exclude<PeriodKind, "year">, number> = { half: 2, quarter: 4, month: 12 };

export function parsePeriodCode(code: string): PeriodParseResult {
  const match = typeof code === "string" ? PERIOD_CODE.exec(code) : null;
  if (!match) return { ok: false, error: `"${String(code)}" không phải mã kỳ báo cáo hợp lệ (ví dụ 2025, 2025-H1, 2025-Q2, 2025-M06).` };
  const year = Number(match[1]);
  if (match[2]) return { ok: true, period: { kind: "half", year, index: Number(match[2]) } };
  if (match[3]) return { ok: true, period: { kind: "quarter", year, index: Number(match[3]) } };
  if (match[4]) return { ok: true, period: { kind: "month", year, index: Number(match[4]) } };
  return { ok: true, period: { kind: "year", year } };
}

export function formatPeriodCode(period: Period): PeriodCode {
  switch (period.kind) {
    case "year":
      return String(period.year);
    case "half":
      return `${period.year}-H${period.index}`;
    case "quarter":
      return `${period.year}-Q${period.index}`;
    case "month":
      return `${period.year}-M${String(period.index).padStart(2, "0")}`;
  }
}

/** A period is the calendar point a decision would write for it, so deadlines and periods share one day arithmetic. */
export function periodToCalendarPoint(period: Period): CalendarPoint {
  switch (period.kind) {
    case "year":
      return { precision: "year", year: period.year };
    case "half":
      return { precision: "half", year: period.year, half: period.index };
    case "quarter":
      return { precision: "quarter", year: period.year, quarter: period.index };
    case "month":
      return { precision: "month", year: period.year, month: period.index };
  }
}

/**
 * Codes reach these functions after validation at the boundary (periodCodeSchema); an invalid one here is a
 * programming error, so it throws rather than leaking an undefined date into comparisons.
 */
function periodOf(code: PeriodCode): Period {
  const parsed = parsePeriodCode(code);
  if (!parsed.ok) throw new RangeError(parsed.error);
  return parsed.period;
}

/** A period's first and last days, computed once: every value of every submission is judged as of the last. */
const boundsOf = memoizeFirst(512, (code) => {
  const point = periodToCalendarPoint(periodOf(code));
  return { start: calendarPointStart(point), end: calendarPointEnd(point) };
});

/** First day of the period, "YYYY-MM-DD". */
export function periodStart(code: PeriodCode): string {
  return boundsOf(code).start;
}

/** Last day of the period, inclusive: "2024-Q1" ends "2024-03-31", "2024-M02" ends "2024-02-29". */
export function periodEnd(code: PeriodCode): string {
  return boundsOf(code).end;
}

/** As a report heading writes it: "Năm 2025", "6 tháng đầu năm 2025", "Quý I/2025", "Tháng 3/2025". */
export function periodLabel(code: PeriodCode): string {
  const label = calendarPointLabel(periodToCalendarPoint(periodOf(code)));
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Every period of one kind in a year, in calendar order. */
export function periodsOfYear(year: number, kind: PeriodKind): PeriodCode[] {
  if (kind === "year") return [formatPeriodCode({ kind, year })];
  return Array.from({ length: COUNT_PER_YEAR[kind] }, (_, i) => formatPeriodCode({ kind, year, index: i + 1 }));
}

/** The period of a kind that holds a day: "2025-05-15" is in "2025-Q2", "2025-H1", "2025-M05". Undefined for a bad date. */
export function periodContaining(isoDate: string, kind: PeriodKind): PeriodCode | undefined {
  if (!isIsoDate(isoDate)) return undefined;
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  if (!PERIOD_CODE.test(String(year))) return undefined;
  switch (kind) {
    case "year":
      return formatPeriodCode({ kind, year });
    case "half":
      return formatPeriodCode({ kind, year, index: month <= 6 ? 1 : 2 });
    case "quarter":
      return formatPeriodCode({ kind, year, index: Math.ceil(month / 3) });
    case "month":
      return formatPeriodCode({ kind, year, index: month });
  }
}
