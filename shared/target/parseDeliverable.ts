import type { DeadlineTarget, RecurringTarget } from "./schema";
import type { TokenCursor } from "./cursor";
import type { Token } from "./scanner";
import { atCleanEnd, type Attempt } from "./attempt";
import { parseCalendarPoint } from "./parseCalendar";
import {
  COMPLETION_LEADS,
  DEADLINE_PREPOSITIONS,
  DOCUMENT_LEADS,
  DOCUMENT_TYPES,
  GRADE_LEADS,
  RANK_LEADS,
  RECURRING_PHRASES,
  START_LEADS,
} from "./keywords";

/**
 * Targets met by doing something rather than by a number:
 *   recurring = ("hàng" | "hằng") ("năm" | "quý" | "tháng") | "thường xuyên" | "định kỳ" …
 *   start     = ("bắt đầu" ["từ"] | "từ") calendarPoint
 *   deadline  = ["hoàn thành" [NUMBER "%" {WORD}]] [preposition] calendarPoint
 *   document  = [lead] documentType {WORD} ["của" {WORD}]
 *   grade     = ("xếp hạng" | "xếp loại" | "loại" | "hạng") LETTER
 *   rank      = [lead] "top" NUMBER
 */

/** "Định kỳ 6 tháng/lần", "3 tháng một lần": once every so many months. */
const CADENCE_BY_MONTHS: Readonly<Record<number, RecurringTarget["cadence"]>> = { 1: "monthly", 3: "quarterly", 6: "half_yearly", 12: "yearly" };

export function parseRecurring(cursor: TokenCursor): Attempt {
  const every = everyMonths(cursor.fork());
  if (every) {
    cursor.index = every.end;
    if (!atCleanEnd(cursor)) return undefined;
    return { target: { kind: "recurring", cadence: every.cadence } };
  }
  const cadence = cursor.acceptOneOf(RECURRING_PHRASES);
  if (!cadence || !atCleanEnd(cursor)) return undefined;
  return { target: { kind: "recurring", cadence } };
}

function everyMonths(cursor: TokenCursor): { cadence: RecurringTarget["cadence"]; end: number } | undefined {
  cursor.acceptPhrase(["dinh", "ky"]);
  const months = cursor.acceptKind("number");
  if (!months || !cursor.acceptPhrase(["thang"])) return undefined;
  if (!cursor.acceptKind("slash") && !cursor.acceptPhrase(["mot"]) && !cursor.acceptPhrase(["1"])) return undefined;
  if (!cursor.acceptPhrase(["lan"])) return undefined;
  const cadence = CADENCE_BY_MONTHS[months.value];
  return cadence ? { cadence, end: cursor.index } : undefined;
}

export function parseStart(cursor: TokenCursor): Attempt {
  if (!cursor.acceptOneOf(START_LEADS)) return undefined;
  const calendar = parseCalendarPoint(cursor);
  if (!calendar) return undefined;
  if ("error" in calendar) return { errors: [calendar.error] };
  if (!atCleanEnd(cursor)) return undefined;
  return { target: { kind: "deadline", mode: "start", due: calendar.point } };
}

export function parseDeadline(cursor: TokenCursor): Attempt {
  const completion = cursor.acceptOneOf(COMPLETION_LEADS) === true;
  let share: number | undefined;
  let subject: string | undefined;
  if (completion) {
    const shareToken = cursor.peek();
    if (shareToken?.kind === "number" && cursor.peek(1)?.kind === "percent") {
      cursor.index += 2;
      share = shareToken.value;
      const subjectStart = cursor.index;
      while (cursor.peek()?.kind === "word" && !startsDeadlineClause(cursor)) cursor.next();
      subject = cursor.textSince(subjectStart) || undefined;
    }
  }
  cursor.acceptOneOf(DEADLINE_PREPOSITIONS);
  const calendar = parseCalendarPoint(cursor);
  if (!calendar) return undefined;
  if ("error" in calendar) return { errors: [calendar.error] };
  if (!atCleanEnd(cursor)) return undefined;
  if (share !== undefined && share > 100) return undefined;
  const target: DeadlineTarget = { kind: "deadline", mode: "complete", due: calendar.point };
  if (share !== undefined) target.share = share;
  if (subject) target.subject = subject;
  return { target };
}

/** A preposition or a calendar word ends the subject of "Hoàn thành 30% dữ liệu trong năm 2022". */
function startsDeadlineClause(cursor: TokenCursor): boolean {
  const probe = cursor.fork();
  probe.acceptOneOf(DEADLINE_PREPOSITIONS);
  return parseCalendarPoint(probe) !== undefined;
}

export function parseDocument(cursor: TokenCursor): Attempt {
  cursor.acceptOneOf(DOCUMENT_LEADS);
  const documentType = cursor.acceptOneOf(DOCUMENT_TYPES);
  if (!documentType) return undefined;
  const subjectStart = cursor.index;
  while (!cursor.atEnd && !isWord(cursor, "cua") && !onlyClosingPunctuationLeft(cursor)) {
    const token = cursor.peek();
    if (token?.kind === "percent" || token?.kind === "comparator") return undefined;
    // "Kế hoạch 2 doanh nghiệp" is a count framed by "kế hoạch", not a document ("Đề án 06", "Quyết định 12/QĐ-UBND" are).
    if (token?.kind === "number" && isUnitWord(cursor.peek(1))) return undefined;
    cursor.next();
  }
  const subject = cursor.textSince(subjectStart);
  let issuer = "";
  if (cursor.acceptPhrase(["cua"])) {
    issuer = cursor.rest().replace(/[\s.;]+$/, "");
    // "Kế hoạch của ." names no issuer: not a document target.
    if (!/\p{L}/u.test(issuer)) return undefined;
    cursor.index = cursor.tokens.length;
  }
  return {
    target: {
      kind: "document",
      documentType,
      ...(subject ? { subject } : {}),
      ...(issuer ? { issuer } : {}),
    },
  };
}

export function parseGrade(cursor: TokenCursor): Attempt {
  if (!cursor.acceptOneOf(GRADE_LEADS)) return undefined;
  const letter = cursor.acceptKind("word");
  if (!letter || !/^[a-f]$/.test(letter.folded) || !atCleanEnd(cursor)) return undefined;
  return { target: { kind: "grade", grade: letter.folded.toUpperCase() } };
}

export function parseRank(cursor: TokenCursor): Attempt {
  cursor.acceptOneOf(RANK_LEADS);
  if (!cursor.acceptPhrase(["top"])) return undefined;
  const top = cursor.acceptKind("number");
  if (!top || !Number.isInteger(top.value) || top.value < 1 || !atCleanEnd(cursor)) return undefined;
  return { target: { kind: "rank", top: top.value } };
}

/** "Kế hoạch ." ends at the full stop: closing punctuation is not the subject (see atCleanEnd). */
function onlyClosingPunctuationLeft(cursor: TokenCursor): boolean {
  return cursor.tokens.slice(cursor.index).every((token) => token.kind === "punct" && ".;".includes(token.raw));
}

function isUnitWord(token: Token | undefined): boolean {
  return token?.kind === "word" && token.folded !== "cua";
}

function isWord(cursor: TokenCursor, folded: string): boolean {
  const token = cursor.peek();
  return token?.kind === "word" && token.folded === folded;
}
