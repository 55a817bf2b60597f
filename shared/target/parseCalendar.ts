import type { CalendarPoint, ParseError } from "./schema";
import type { TokenCursor } from "./cursor";
import type { Token } from "./scanner";
import { ROMAN_NUMERALS } from "./keywords";

/**
 * calendarPoint = "năm" YEAR
 *               | ("quý" | "quí") (ROMAN | NUMBER) ("/" | "năm") YEAR
 *               | "6 tháng" ("đầu" | "cuối") "năm" YEAR
 *               | "tháng" NUMBER ("/" | "năm") YEAR
 *               | ["ngày"] DAY "/" MONTH "/" YEAR
 *               | "ngày" DAY "tháng" MONTH "năm" YEAR
 *               | ["ngày"] DAY "/" MONTH            (the decision's year, when the cursor knows it)
 * Returns undefined (cursor untouched) when no calendar point starts here.
 */
export type CalendarParse = { point: CalendarPoint } | { error: ParseError } | undefined;

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export function parseCalendarPoint(cursor: TokenCursor): CalendarParse {
  const start = cursor.index;
  const attempt = parseAt(cursor);
  if (attempt === undefined) cursor.index = start;
  return attempt;
}

function parseAt(cursor: TokenCursor): CalendarParse {
  const startOffset = cursor.offset;
  if (cursor.acceptPhrase(["nam"])) return yearAt(cursor, (year) => ({ precision: "year", year }));

  if (cursor.acceptPhrase(["quy"]) || cursor.acceptPhrase(["qui"])) {
    const quarterToken = cursor.next();
    let quarter: number | undefined;
    if (quarterToken?.kind === "word") quarter = romanValue(quarterToken.folded);
    else if (quarterToken?.kind === "number") quarter = quarterToken.value;
    if (quarter === undefined) return undefined;
    // Only "quý V/2025" or "quý 5 năm 2025" is a quarter written wrong; "quý vị" is not a quarter at all.
    if (!cursor.acceptKind("slash") && !cursor.acceptPhrase(["nam"])) return undefined;
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
      return outOfRange(startOffset, quarterToken!, "invalid_quarter", "Quý phải từ I đến IV.", "Ví dụ: Quý II/2025");
    }
    const q = quarter;
    return yearAt(cursor, (year) => ({ precision: "quarter", year, quarter: q }));
  }

  const sixMonths = cursor.peek();
  if (sixMonths?.kind === "number" && sixMonths.value === 6) {
    const probe = cursor.fork();
    probe.next();
    const half = probe.acceptPhrase(["thang", "dau", "nam"]) ? 1 : probe.acceptPhrase(["thang", "cuoi", "nam"]) ? 2 : 0;
    if (half > 0) {
      cursor.index = probe.index;
      return yearAt(cursor, (year) => ({ precision: "half", year, half }));
    }
  }

  if (cursor.acceptPhrase(["thang"])) {
    const monthToken = cursor.acceptKind("number");
    if (!monthToken) return undefined;
    if (!cursor.acceptKind("slash") && !cursor.acceptPhrase(["nam"])) return undefined;
    if (!Number.isInteger(monthToken.value) || monthToken.value < 1 || monthToken.value > 12) {
      return outOfRange(startOffset, monthToken, "invalid_month", "Tháng phải từ 1 đến 12.", "Ví dụ: Tháng 3/2025");
    }
    const month = monthToken.value;
    return yearAt(cursor, (year) => ({ precision: "month", year, month }));
  }

  const withDayWord = cursor.acceptPhrase(["ngay"]);
  const day = cursor.acceptKind("number");
  if (!day) return undefined;
  if (cursor.acceptPhrase(["thang"])) return withDayWord ? dayInWords(cursor, startOffset, day) : undefined;
  if (!cursor.acceptKind("slash")) return undefined;
  const month = cursor.acceptKind("number");
  if (!month) return undefined;
  if (!cursor.acceptKind("slash")) return dayWithoutYear(cursor, startOffset, day, month);
  const year = cursor.acceptKind("number");
  if (!year) return undefined;
  return dayPoint(startOffset, day, month, year);
}

/** "ngày 31 tháng 12 năm 2025", as the decision's own date line writes it. */
function dayInWords(cursor: TokenCursor, startOffset: number, day: NumberToken): CalendarParse {
  const month = cursor.acceptKind("number");
  if (!month || !cursor.acceptPhrase(["nam"])) return undefined;
  const year = cursor.acceptKind("number");
  if (!year) return undefined;
  return dayPoint(startOffset, day, month, year);
}

/** "đến 30/6": the decision's year when known; otherwise not a calendar point (the sentence reader asks a person). */
function dayWithoutYear(cursor: TokenCursor, startOffset: number, day: NumberToken, month: NumberToken): CalendarParse {
  const next = cursor.peek();
  if (cursor.defaultYear === undefined || next?.kind === "number" || next?.kind === "percent") return undefined;
  // "95/100 người" is a ratio, not a day.
  if (!isValidDate(cursor.defaultYear, month.value, day.value)) return undefined;
  const year: NumberToken = { kind: "number", value: cursor.defaultYear, raw: String(cursor.defaultYear), offset: month.offset, length: month.length };
  return dayPoint(startOffset, day, month, year);
}

type NumberToken = Extract<Token, { kind: "number" }>;

function dayPoint(startOffset: number, day: NumberToken, month: NumberToken, year: NumberToken): CalendarParse {
  if (!isValidYear(year.value)) return outOfRange(startOffset, year, "invalid_year", yearMessage());
  if (!isValidDate(year.value, month.value, day.value)) {
    return outOfRange(startOffset, year, "invalid_date", `Ngày ${day.raw}/${month.raw}/${year.raw} không có thật.`);
  }
  return { point: { precision: "day", year: year.value, month: month.value, day: day.value } };
}

function yearAt(cursor: TokenCursor, build: (year: number) => CalendarPoint): CalendarParse {
  const yearToken = cursor.acceptKind("number");
  if (!yearToken) return undefined;
  if (!isValidYear(yearToken.value)) {
    return {
      error: {
        code: "invalid_year",
        message: yearMessage(),
        offset: yearToken.offset,
        length: yearToken.length,
      },
    };
  }
  return { point: build(yearToken.value) };
}

function isValidYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function yearMessage(): string {
  return `Năm phải là số có bốn chữ số, từ ${MIN_YEAR} đến ${MAX_YEAR}.`;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An error covering the calendar point from its first word to `last`: "Quý V", "Tháng 13", "31/2/2025". */
function outOfRange(offset: number, last: Token, code: string, message: string, hint?: string): CalendarParse {
  const length = Math.max(1, last.offset + last.length - offset);
  return { error: { code, message, offset, length, ...(hint ? { hint } : {}) } };
}

/** "i" … "xii" as folded words; undefined for anything else. */
function romanValue(folded: string): number | undefined {
  return ROMAN_NUMERALS[folded];
}
