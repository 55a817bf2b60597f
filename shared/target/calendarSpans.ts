import type { CalendarPoint, ParseError } from "./schema";
import type { Token } from "./scanner";
import { TokenCursor } from "./cursor";
import { DEADLINE_PREPOSITIONS, START_PREPOSITIONS } from "./keywords";
import { MAX_YEAR, MIN_YEAR, parseCalendarPoint } from "./parseCalendar";

/**
 * Calendar points inside a sentence, with the words that say what they are: "vào năm 2025", "Đến năm 2026,",
 * "trước ngày 30/6/2025", "từ ngày 1/6/2022". A point led by "từ" is a start; any other is a deadline.
 */
export interface CalendarSpan {
  /** Token indexes: [start, end). */
  start: number;
  end: number;
  point: CalendarPoint;
  role: "due" | "start";
  /** Written after a word that makes it a time ("trong", "đến", "trước", "từ"…), not bare ("năm 2024"). */
  led: boolean;
}

export type SpanScan = { spans: CalendarSpan[] } | { errors: ParseError[] };

export function findCalendarSpans(tokens: readonly Token[], text: string, defaultYear: number | undefined): SpanScan {
  const spans: CalendarSpan[] = [];
  let index = 0;
  while (index < tokens.length) {
    const found = calendarAt(tokens, text, index, defaultYear);
    if (found && "errors" in found) return found;
    if (found) {
      spans.push(found);
      index = found.end;
    } else {
      index += 1;
    }
  }
  return { spans };
}

function calendarAt(tokens: readonly Token[], text: string, index: number, defaultYear: number | undefined): CalendarSpan | { errors: ParseError[] } | undefined {
  const cursor = new TokenCursor(tokens, text, index, defaultYear);
  const starts = cursor.acceptOneOf(START_PREPOSITIONS) === true;
  const led = starts || cursor.acceptOneOf(DEADLINE_PREPOSITIONS) === true;
  const role = starts ? "start" : "due";
  const parsed = parseCalendarPoint(cursor);
  if (parsed && "error" in parsed) return { errors: [parsed.error] };
  if (parsed) return { start: index, end: cursor.index, point: parsed.point, role, led };
  // "đến 2025": a bare year counts only after a word that makes it a time, or set apart as one: "(2025)", "2025:".
  const year = cursor.peek();
  const after = cursor.peek(1);
  if (year?.kind !== "number" || !/^\d{4}$/.test(year.raw) || year.value < MIN_YEAR || year.value > MAX_YEAR || after?.kind === "percent") return undefined;
  const before = tokens[cursor.index - 1];
  const setApart = !led && ((isPunct(before, "(") && isPunct(after, ")")) || isPunct(after, ":"));
  if (!led && !setApart) return undefined;
  return { start: index, end: cursor.index + 1, point: { precision: "year", year: year.value }, role, led };
}

/** "đến 30/6" with no year and no decision year known: a date a person must complete. */
export function hasYearlessDate(tokens: readonly Token[], spans: readonly CalendarSpan[]): boolean {
  return tokens.some((token, index) => {
    if (token.kind !== "number" || inSpans(spans, index)) return false;
    const slash = tokens[index + 1];
    const month = tokens[index + 2];
    const after = tokens[index + 3];
    return (
      slash?.kind === "slash" &&
      month?.kind === "number" &&
      Number.isInteger(token.value) &&
      token.value >= 1 &&
      token.value <= 31 &&
      Number.isInteger(month.value) &&
      month.value >= 1 &&
      month.value <= 12 &&
      after?.kind !== "slash"
    );
  });
}

export function inSpans(spans: readonly CalendarSpan[], index: number): boolean {
  return spans.some((span) => index >= span.start && index < span.end);
}

function isPunct(token: Token | undefined, raw: string): boolean {
  return token?.kind === "punct" && token.raw === raw;
}
