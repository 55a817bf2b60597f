import type { Comparator, ParseError, PeriodUnit, Target } from "./schema";
import type { TokenCursor } from "./cursor";
import type { Token } from "./scanner";
import { errorAt, type Attempt } from "./attempt";
import { foldDiacritics } from "../text/normalize";
import { ACHIEVE_FILLERS, COMPARATOR_WORDS, PER_UNIT_WORDS, TRAILING_COMPARATOR_WORDS } from "./keywords";

/**
 * Targets met by a number:
 *   measure    = [qualifier] [action] [comparator] NUMBER rest
 *   qualifier  = "mức" NUMBER                      ("Mức 4 ≥ 80%")
 *   comparator = SYMBOL | words ("tối thiểu", "không vượt quá" …) | "đạt" {filler} [comparator] | "từ"
 *   rest       = "%" [trailing] {WORD}              → percent, the words naming its base
 *              | {WORD [","]} [("/" | "mỗi") PER]   → frequency when PER is given, else count
 * Without a comparator the number is a floor ("100%" means at least 100%).
 */

export const MAX_ACTION_WORDS = 3;

export function parseMeasure(cursor: TokenCursor): Attempt {
  for (let actionWords = 0; actionWords <= MAX_ACTION_WORDS; actionWords += 1) {
    const probe = cursor.fork();
    if (!skipActionWords(probe, actionWords)) return undefined;
    const action = actionWords > 0 ? probe.textSince(cursor.index) : undefined;
    const attempt = parseCore(probe, action);
    if (attempt === undefined) continue;
    cursor.index = probe.index;
    return attempt;
  }
  return undefined;
}

function skipActionWords(cursor: TokenCursor, count: number): boolean {
  for (let i = 0; i < count; i += 1) {
    const token = cursor.peek();
    if (token?.kind !== "word") return false;
    if (startsComparator(cursor)) return false;
    cursor.next();
  }
  return true;
}

function startsComparator(cursor: TokenCursor): boolean {
  const probe = cursor.fork();
  return probe.acceptOneOf(COMPARATOR_WORDS) !== undefined || probe.acceptPhrase(["dat"]) || probe.acceptPhrase(["tu"]);
}

export interface ComparatorReading {
  comparator: Comparator | undefined;
  explicit: boolean;
  /** Where the comparator was written, for errors about it. */
  offset: number;
  length: number;
  error?: ParseError;
  /** "từ": "từ 90% trở lên" and "từ 90% trở xuống" both exist; the word after the number decides. */
  fromWord?: boolean;
}

function parseCore(cursor: TokenCursor, action: string | undefined): Attempt {
  const qualifier = readQualifier(cursor);
  const reading = readComparator(cursor);
  if (reading.error) return { errors: [reading.error] };
  const number = cursor.peek();
  if (!action && (reading.explicit || cursor.index === 0) && isMinusBeforeNumber(cursor)) {
    const minus = cursor.peek()!;
    const digits = cursor.peek(1)!;
    return errorAt("negative_threshold", "Ngưỡng của chỉ tiêu không thể là số âm.", minus.offset, digits.offset + digits.length - minus.offset);
  }
  if (number?.kind !== "number") {
    if (reading.explicit && !action && !qualifier && startsWithSymbol(reading)) {
      return errorAt("missing_number", "Thiếu con số sau dấu so sánh.", reading.offset, reading.length, "Ví dụ: ≥ 90%");
    }
    return undefined;
  }
  // An action only makes sense before a comparator written in words or a number with a unit; a bare "Hoàn thành"
  // or a qualifier followed by free words is not a measure.
  cursor.next();
  if (cursor.peek()?.kind === "percent") {
    if (action) return undefined;
    return readPercent(cursor, number, reading, qualifier);
  }
  if (qualifier) return undefined;
  return readCountOrFrequency(cursor, number, reading, action);
}

/** "-5%", "≥ -5": a sign right before the number (a dash between two numbers is a range, read elsewhere). */
function isMinusBeforeNumber(cursor: TokenCursor): boolean {
  const minus = cursor.peek();
  const digits = cursor.peek(1);
  return minus?.kind === "punct" && minus.raw === "-" && digits?.kind === "number" && digits.offset === minus.offset + 1;
}

function startsWithSymbol(reading: ComparatorReading): boolean {
  return reading.length === 1;
}

function readQualifier(cursor: TokenCursor): string | undefined {
  const probe = cursor.fork();
  if (!probe.acceptPhrase(["muc"])) return undefined;
  const level = probe.acceptKind("number");
  if (!level) return undefined;
  const next = probe.peek();
  const followedByComparator = next?.kind === "comparator" || startsComparator(probe);
  if (!followedByComparator) return undefined;
  const text = probe.textSince(cursor.index);
  cursor.index = probe.index;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readComparator(cursor: TokenCursor): ComparatorReading {
  const start = cursor.peek();
  const offset = start?.offset ?? cursor.text.length;
  if (start?.kind === "comparator") {
    cursor.next();
    if (start.comparator === "eq") {
      return {
        comparator: undefined,
        explicit: true,
        offset,
        length: 1,
        error: {
          code: "equality_comparator",
          message: "Chỉ tiêu không dùng dấu \"=\": kết quả hiếm khi đúng bằng một con số.",
          offset,
          length: 1,
          hint: "Dùng ≥ (tối thiểu) hoặc ≤ (tối đa).",
        },
      };
    }
    return { comparator: start.comparator, explicit: true, offset, length: 1 };
  }
  const fromWords = cursor.index;
  if (cursor.acceptPhrase(["dat"])) {
    while (cursor.acceptOneOf(ACHIEVE_FILLERS)) {
      /* "đạt tỷ lệ", "đạt mức": words that do not change the comparison */
    }
    const inner = readComparator(cursor);
    return { ...inner, explicit: true, offset, length: Math.max(1, cursor.offset - offset) };
  }
  if (cursor.acceptPhrase(["tu"])) {
    return { comparator: "gte", explicit: true, offset, length: cursor.offset - offset, fromWord: true };
  }
  const comparator = cursor.acceptOneOf(COMPARATOR_WORDS);
  if (comparator) return { comparator, explicit: true, offset, length: Math.max(1, cursor.textSince(fromWords).length) };
  return { comparator: undefined, explicit: false, offset, length: 0 };
}

type TrailingReading = { comparator: Comparator } | { error: ParseError };

/**
 * "X% trở lên" / "X trở xuống" after the number; otherwise the comparator read before it, or "at least" when none
 * was written. A trailing word pointing the other way ("≥ 90% trở xuống") is a contradiction an officer must fix.
 */
function readTrailingComparator(cursor: TokenCursor, reading: ComparatorReading): TrailingReading {
  const at = cursor.offset;
  const trailing = cursor.acceptOneOf(TRAILING_COMPARATOR_WORDS);
  if (!trailing) return { comparator: reading.comparator ?? "gte" };
  if (reading.fromWord) return { comparator: trailing };
  if (reading.comparator && isUpward(reading.comparator) !== isUpward(trailing)) {
    const length = cursor.textSince(cursor.index - 2).length;
    return {
      error: {
        code: "conflicting_comparators",
        message: "Hai cách so sánh trái ngược nhau trong cùng một chỉ tiêu.",
        offset: at,
        length,
        hint: "Giữ một cách viết, ví dụ: ≥ 90% hoặc từ 90% trở lên.",
      },
    };
  }
  return { comparator: trailing };
}

function isUpward(comparator: Comparator): boolean {
  return comparator === "gte" || comparator === "gt";
}

export function readPercent(
  cursor: TokenCursor,
  number: Extract<Token, { kind: "number" }>,
  reading: ComparatorReading,
  qualifier: string | undefined,
): Attempt {
  cursor.next();
  const trailing = readTrailingComparator(cursor, reading);
  if ("error" in trailing) return { errors: [trailing.error] };
  const comparator = trailing.comparator;
  if (number.value > 100) {
    return errorAt(
      "percent_out_of_range",
      `Tỷ lệ ${number.raw}% vượt quá 100%.`,
      number.offset,
      number.length + 1,
      "Tỷ lệ phải từ 0% đến 100%.",
    );
  }
  const baseStart = cursor.index;
  while (cursor.peek()?.kind === "word") cursor.next();
  const base = cursor.textSince(baseStart);
  const target: Target = { kind: "percent", comparator, value: number.value };
  if (qualifier) target.qualifier = qualifier;
  if (base) target.base = base;
  return { target };
}

export function readCountOrFrequency(
  cursor: TokenCursor,
  number: Extract<Token, { kind: "number" }>,
  reading: ComparatorReading,
  action: string | undefined,
): Attempt {
  const unitStart = cursor.index;
  while (!cursor.atEnd) {
    const token = cursor.peek()!;
    if (token.kind === "word") {
      if (isPerLead(cursor) || isTrailingComparator(cursor)) break;
      cursor.next();
      continue;
    }
    // "tin, bài": a comma joins two unit words, never a unit word and "/năm" or "trở lên" (the unit would end in ",").
    if (token.kind === "punct" && token.raw === "," && cursor.index > unitStart && continuesUnit(cursor)) {
      cursor.next();
      continue;
    }
    break;
  }
  const unit = cursor.textSince(unitStart);
  const per = readPer(cursor);
  const trailing = readTrailingComparator(cursor, reading);
  if ("error" in trailing) return { errors: [trailing.error] };
  const comparator = trailing.comparator;
  if (action && !reading.explicit && !unit) return undefined;
  // "Tháng 12 hằng năm", "Trước ngày 15 hàng tháng": a number with no unit and no comparator before a period is a day
  // or a month of it, not how many times.
  if (per && !unit && !reading.explicit) return undefined;
  // "6 tháng/lần" is once every six months (a cadence), not six months.
  if (per === undefined && isPeriodWord(unit) && cursor.peek()?.kind === "slash") return undefined;
  if (per) {
    const target: Target = { kind: "frequency", comparator, value: number.value, unit: unit || "lần", per };
    if (action) target.action = action;
    return { target };
  }
  const target: Target = { kind: "count", comparator, value: number.value };
  if (unit) target.unit = unit;
  if (action) target.action = action;
  return { target };
}

function isPeriodWord(unit: string): boolean {
  return ["thang", "nam", "quy", "tuan", "ngay"].includes(foldDiacritics(unit));
}

/** After a comma: another unit word follows, not the period or a trailing comparator. */
function continuesUnit(cursor: TokenCursor): boolean {
  const probe = cursor.fork();
  probe.next();
  return probe.peek()?.kind === "word" && !isPerLead(probe) && !isTrailingComparator(probe);
}

function isPerLead(cursor: TokenCursor): boolean {
  const token = cursor.peek();
  return token?.kind === "word" && (token.folded === "moi" || token.folded === "hang");
}

function isTrailingComparator(cursor: TokenCursor): boolean {
  return cursor.fork().acceptOneOf(TRAILING_COMPARATOR_WORDS) !== undefined;
}

/** "/năm", "/ năm", "mỗi quý", "hằng tháng". */
function readPer(cursor: TokenCursor): PeriodUnit | undefined {
  const probe = cursor.fork();
  if (!probe.acceptKind("slash") && !probe.acceptPhrase(["moi"]) && !probe.acceptPhrase(["hang"])) return undefined;
  probe.acceptPhrase(["mot"]);
  const one = probe.peek();
  if (one?.kind === "number" && one.value === 1) probe.next();
  const per = probe.acceptOneOf(PER_UNIT_WORDS);
  if (!per) return undefined;
  cursor.index = probe.index;
  return per;
}
