import type { Comparator, ManualReason, ParseError, Stage, Target } from "./schema";
import type { Token } from "./scanner";
import { foldDiacritics } from "../text/normalize";
import { TokenCursor } from "./cursor";
import { type CalendarSpan, findCalendarSpans, hasYearlessDate, inSpans } from "./calendarSpans";
import { AGGREGATE_UNITS, COMPARATOR_WORDS, LABEL_LEADS, MONEY_UNITS, POPULATION_WORDS } from "./keywords";
import { type ComparatorReading, readCountOrFrequency, readPercent } from "./parseMeasure";
import { anyPhraseAt, containsPhrase, phraseAt, phraseEndingBefore } from "./tokenPhrases";

/**
 * Targets written as sentences, the way plans and news write them: a threshold with framing words around it
 * ("phấn đấu đến năm 2025, tỉ trọng kinh tế số của tỉnh đạt 20% GDP", "Đạt 100% trước 30/6/2025", "năm 2030 chiếm
 * 15% đến 20% GRDP", "trên 0,7/1.000 dân"), or a piece of work with a deadline ("… trong năm 2025").
 *   sentence  = {framing} measure {subject} [deadline] | {framing} deadline {framing} measure {subject}
 *             | measure "(" deadline ")" {"và" measure "(" deadline ")"}          → staged
 *             | {words} deadline {words}                                             → deadline (complete/start)
 *   measure   = [comparator {filler}] NUMBER ("%" | {unit}) | range | ratio
 * Framing words never change the threshold; what could (a relative change, money, a second threshold, a second date,
 * a number whose role is unclear) makes the sentence a matter for a person.
 */

export type SentenceReading = { target: Target } | { manual: ManualReason } | { errors: ParseError[] };

interface Measure {
  /** Token indexes [start, end) of the measure, comparator words included. */
  start: number;
  end: number;
  target: Target;
  explicitComparator: boolean;
}

/** Words between a comparator (or "đạt") and its number that do not change it: "tối thiểu có 04 người", "là 51%". */
const FILLERS = ["dat duoc", "dat", "duoc", "la", "co", "o muc", "muc", "len", "o", "ty le", "ti le", "ty trong", "ti trong"];

export function readSentence(tokens: readonly Token[], text: string, defaultYear: number | undefined): SentenceReading {
  const scan = findCalendarSpans(tokens, text, defaultYear);
  if ("errors" in scan) return scan;
  const { spans } = scan;
  if (hasYearlessDate(tokens, spans)) return { manual: defaultYear === undefined ? "missing_year" : "several_dates" };

  const measures = findMeasures(tokens, text, spans);
  if ("errors" in measures) return measures;
  if ("manual" in measures) return measures;
  const found = measures.list;
  if (found.length === 0) return deadlineOnly(tokens, spans);
  if (strayNumber(tokens, spans, found)) return { manual: "unclear_number" };
  if (found.length === 1) return withDeadline(found[0]!, spans);
  return staged(found, spans);
}

/** Words that make a date a baseline to compare with ("bằng hoặc cao hơn năm 2024"), not a deadline. */
const BASELINE_WORDS = ["bang", "so voi", "cung ky", "hon", "vuot", "toi thieu", "it nhat", "toi da", "khong qua", "khong duoi"];
/** "Thời hạn: Quý III/2025", "Thời gian thực hiện: …": a bare date named as the deadline. */
const DEADLINE_LABELS = ["thoi han", "thoi gian thuc hien", "thoi gian hoan thanh", "han", "du kien", "ke hoach"];

/**
 * No threshold: a piece of work done by (or started from) the one date written — when the words say it is a time
 * ("trong năm 2025", "trước 30/9/2025", "Thời hạn: Quý III/2025"), never when the date is a baseline ("cao hơn năm 2024").
 */
function deadlineOnly(tokens: readonly Token[], spans: readonly CalendarSpan[]): SentenceReading {
  if (spans.length === 0) return { manual: "free_text" };
  if (spans.length > 1) return { manual: "several_dates" };
  const span = spans[0]!;
  const outside = tokens.filter((_, index) => !inSpans(spans, index));
  if (containsPhrase(outside, BASELINE_WORDS)) return { manual: "free_text" };
  const onlyTheDate = outside.every((token) => token.kind === "punct");
  if (!span.led && !onlyTheDate && !labelledAsDeadline(tokens, span.start)) return { manual: "free_text" };
  return { target: { kind: "deadline", mode: span.role === "start" ? "start" : "complete", due: span.point } };
}

function withDeadline(measure: Measure, spans: readonly CalendarSpan[]): SentenceReading {
  if (spans.length === 0) return { target: measure.target };
  if (spans.length > 1 || spans[0]!.role !== "due") return { manual: "several_dates" };
  if (measure.target.kind === "staged" || measure.target.kind === "manual") return { target: measure.target };
  return { target: { ...measure.target, due: spans[0]!.point } as Target };
}

/**
 * "Có tối thiểu 50% (năm 2025) và 80% (năm 2030)", "năm 2025 chiếm 10% GRDP; năm 2030 chiếm 15% đến 20% GRDP": each
 * threshold with its own year, the years all different. Anything else with two thresholds goes to a person.
 */
function staged(measures: readonly Measure[], spans: readonly CalendarSpan[]): SentenceReading {
  if (spans.length !== measures.length || spans.some((span) => span.role !== "due")) return { manual: "multiple_thresholds" };
  const spanFirst = spans[0]!.start < measures[0]!.start;
  const stages: Stage[] = [];
  for (let i = 0; i < measures.length; i += 1) {
    const measure = measures[i]!;
    const span = spans[i]!;
    const ordered = spanFirst ? span.end <= measure.start : measure.end <= span.start;
    const nextMeasure = measures[i + 1];
    const beforeNext = !nextMeasure || (spanFirst ? true : span.end <= nextMeasure.start);
    const afterPrevious = i === 0 || (spanFirst ? span.start >= measures[i - 1]!.end : true);
    if (!ordered || !beforeNext || !afterPrevious) return { manual: "multiple_thresholds" };
    const stageTarget = measure.target;
    if (stageTarget.kind !== "percent" && stageTarget.kind !== "count" && stageTarget.kind !== "range") return { manual: "multiple_thresholds" };
    const { due: _due, ...withoutDue } = stageTarget;
    stages.push({ due: span.point, target: withoutDue as Stage["target"] });
  }
  const years = new Set(stages.map((stage) => JSON.stringify(stage.due)));
  if (years.size !== stages.length) return { manual: "multiple_thresholds" };
  return { target: { kind: "staged", stages } };
}

type MeasureScan = { list: Measure[] } | { manual: ManualReason } | { errors: ParseError[] };

function findMeasures(tokens: readonly Token[], text: string, spans: readonly CalendarSpan[]): MeasureScan {
  const list: Measure[] = [];
  const hasPercent = tokens.some((token, index) => token.kind === "percent" && !inSpans(spans, index));
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.kind !== "number" || inSpans(spans, index) || list.some((m) => index >= m.start && index < m.end)) continue;
    if (isLabel(tokens, index)) continue;
    const limit = nextSpanStart(spans, index, tokens.length);
    const attempt = measureAt(tokens, text, index, limit, hasPercent, list.length > 0 ? list[list.length - 1]!.end : 0);
    if (attempt === undefined) continue;
    if ("errors" in attempt || "manual" in attempt) return attempt;
    list.push(attempt);
    index = attempt.end - 1;
  }
  return { list };
}

type MeasureAttempt = Measure | { manual: ManualReason } | { errors: ParseError[] } | undefined;

function measureAt(tokens: readonly Token[], text: string, index: number, limit: number, hasPercent: boolean, lowerBound: number): MeasureAttempt {
  const bounded = tokens.slice(0, limit);
  const comparator = comparatorBefore(bounded, index, lowerBound);
  // "không …", "chưa …" right before a threshold turn it around in ways the tables may not list: a person reads it.
  if (isNegation(bounded[comparator.start - 1])) return { manual: "free_text" };
  const ratio = ratioAt(bounded, text, index, comparator);
  if (ratio) return ratio;
  const range = rangeAt(bounded, text, index, comparator.start);
  if (range) return range;
  const cursor = new TokenCursor(bounded, text, index);
  const number = cursor.next() as Extract<Token, { kind: "number" }>;
  if (cursor.peek()?.kind === "percent") {
    const attempt = readPercent(cursor, number, comparator.reading, undefined);
    if (!attempt || "errors" in attempt) return attempt;
    const target = widenBase(attempt.target, bounded, text, index + 1);
    return { start: comparator.start, end: cursor.index, target, explicitComparator: comparator.reading.explicit };
  }
  // Counts only where no percentage is written: "đạt 80% (có 10 đơn vị)" is one threshold with a note, for a person.
  if (hasPercent) return undefined;
  const attempt = readCountOrFrequency(cursor, number, comparator.reading, undefined);
  if (!attempt || "errors" in attempt) return attempt;
  const target = attempt.target;
  if (target.kind === "count" && !target.unit && !comparator.reading.explicit) return undefined;
  const unitProblem = quantityUnitProblem(target);
  if (unitProblem) return { manual: unitProblem };
  return { start: comparator.start, end: cursor.index, target, explicitComparator: comparator.reading.explicit };
}

interface ComparatorFound {
  start: number;
  reading: ComparatorReading;
}

/**
 * The comparator written before a number, skipping words that do not change it ("đạt tỷ lệ tối thiểu", "tối thiểu
 * có", "là"): "≥", "tối thiểu", "không dưới", "trên", "hơn", "từ" … Without one the number is a floor.
 */
function comparatorBefore(tokens: readonly Token[], numberIndex: number, lowerBound: number): ComparatorFound {
  let start = numberIndex;
  let comparator: Comparator | undefined;
  let explicit = false;
  let fromWord = false;
  let fillers = 0;
  while (start > lowerBound) {
    const previous = tokens[start - 1]!;
    if (previous.kind === "comparator" && previous.comparator !== "eq" && comparator === undefined) {
      comparator = previous.comparator;
      explicit = true;
      start -= 1;
      continue;
    }
    if (previous.kind !== "word") break;
    if (comparator === undefined) {
      const words = phraseEndingBeforeWithValue(tokens, start);
      if (words) {
        comparator = words.comparator;
        explicit = true;
        start = words.start;
        continue;
      }
      const from = phraseEndingBefore(tokens, start, ["tu"]);
      if (from >= lowerBound && from >= 0) {
        comparator = "gte";
        explicit = true;
        fromWord = true;
        start = from;
        continue;
      }
    }
    const filler = phraseEndingBefore(tokens, start, FILLERS);
    if (filler >= lowerBound && filler >= 0 && fillers < 3) {
      fillers += 1;
      start = filler;
      continue;
    }
    break;
  }
  const first = tokens[start];
  const offset = first?.offset ?? 0;
  const length = Math.max(1, (tokens[numberIndex]?.offset ?? offset) - offset);
  return { start: explicit ? start : numberIndex, reading: { comparator, explicit, offset, length, ...(fromWord ? { fromWord } : {}) } };
}

function phraseEndingBeforeWithValue(tokens: readonly Token[], index: number): { start: number; comparator: Comparator } | undefined {
  for (const [phrase, comparator] of COMPARATOR_WORDS) {
    const start = index - phrase.length;
    if (start >= 0 && phraseAt(tokens, start, phrase.join(" "))) {
      // "trên" in "128 thuê bao trên 100 dân" means "per"; ratioAt reads it before we get here.
      return { start, comparator };
    }
  }
  return undefined;
}

/** "15 - 20%", "15% - 20%", "từ 50% đến 70%", "15% đến 20% GRDP", "15 - 20 doanh nghiệp". */
function rangeAt(tokens: readonly Token[], text: string, index: number, comparatorStart: number): MeasureAttempt {
  const low = tokens[index] as Extract<Token, { kind: "number" }>;
  let at = index + 1;
  const lowPercent = tokens[at]?.kind === "percent";
  if (lowPercent) at += 1;
  const dash = tokens[at];
  const joiner = dash?.kind === "punct" && dash.raw === "-" ? 1 : anyPhraseAt(tokens, at, ["den", "toi"]);
  if (joiner === 0) return undefined;
  at += joiner;
  const high = tokens[at];
  if (high?.kind !== "number") return undefined;
  at += 1;
  const highPercent = tokens[at]?.kind === "percent";
  if (lowPercent && !highPercent) return undefined;
  if (highPercent) at += 1;
  if (!(low.value < high.value)) return { manual: "multiple_thresholds" };
  if (highPercent && high.value > 100) return undefined;
  const unitStart = at;
  while (tokens[at]?.kind === "word") at += 1;
  const unit = textBetween(tokens, text, unitStart, at);
  const fromWord = comparatorStart < index && phraseAt(tokens, comparatorStart, "tu") ? comparatorStart : index;
  if (!highPercent && !unit) return undefined;
  return {
    start: fromWord,
    end: at,
    target: { kind: "range", measure: highPercent ? "percent" : "count", min: low.value, max: high.value, ...(unit ? { unit } : {}) },
    explicitComparator: true,
  };
}

/** "0,7/1.000 dân", "95/100 người trưởng thành", "128 thuê bao/100 dân", "128 thuê bao trên 100 dân". */
function ratioAt(tokens: readonly Token[], text: string, index: number, comparator: ComparatorFound): MeasureAttempt {
  const value = tokens[index] as Extract<Token, { kind: "number" }>;
  let at = index + 1;
  const unitStart = at;
  while (tokens[at]?.kind === "word" && !phraseAt(tokens, at, "tren") && at - unitStart < 4) at += 1;
  const unit = textBetween(tokens, text, unitStart, at);
  const per = tokens[at]?.kind === "slash" ? 1 : phraseAt(tokens, at, "tren") ? 1 : 0;
  if (per === 0) return undefined;
  const base = tokens[at + 1];
  if (base?.kind !== "number" || !isPowerOfTen(base.value)) return undefined;
  const populationStart = at + 2;
  if (anyPhraseAt(tokens, populationStart, POPULATION_WORDS) === 0) return undefined;
  let end = populationStart;
  while (tokens[end]?.kind === "word") end += 1;
  const population = textBetween(tokens, text, populationStart, end);
  return {
    start: comparator.start,
    end,
    target: {
      kind: "ratio",
      comparator: comparator.reading.comparator ?? "gte",
      value: value.value,
      per: base.value,
      population,
      ...(unit ? { unit } : {}),
    },
    explicitComparator: comparator.reading.explicit,
  };
}

/**
 * Everything written after a percentage, up to the deadline or the end, is what it is a share of: the base keeps its
 * commas and brackets ("xã, phường, thị trấn", "tổng sản phẩm trên địa bàn tỉnh (GRDP)").
 */
function widenBase(target: Target, tokens: readonly Token[], text: string, percentIndex: number): Target {
  if (target.kind !== "percent") return target;
  let baseStart = percentIndex + 1;
  baseStart += anyPhraseAt(tokens, baseStart, ["tro len", "tro xuong"]);
  const base = textBetween(tokens, text, baseStart, tokens.length).replace(/[\s.,;:(]+$/, "");
  if (!/\p{L}/u.test(base)) return target;
  return { ...target, base };
}

function textBetween(tokens: readonly Token[], text: string, from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first || !last || to <= from) return "";
  return text.slice(first.offset, last.offset + last.length).trim();
}

/** "mức độ 4", "cấp 3", "Đề án 06", "4G", "Top" (read elsewhere): a number that names something. */
function isLabel(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index + 1];
  // "ở mức 70%": a percentage is never a label.
  if (next?.kind === "percent") return false;
  if (phraseEndingBefore(tokens, index, LABEL_LEADS) >= 0) return true;
  return next?.kind === "word" && next.offset === tokens[index]!.offset + tokens[index]!.length && /^[a-z]$/.test(next.folded);
}

/** Numbers outside every measure, date and label: their role is unknown, so the threshold's could be too. */
function strayNumber(tokens: readonly Token[], spans: readonly CalendarSpan[], measures: readonly Measure[]): boolean {
  return tokens.some(
    (token, index) =>
      token.kind === "number" && !inSpans(spans, index) && !isLabel(tokens, index) && !measures.some((m) => index >= m.start && index < m.end),
  );
}

function labelledAsDeadline(tokens: readonly Token[], spanStart: number): boolean {
  let at = spanStart;
  if (tokens[at - 1]?.kind === "punct" && (tokens[at - 1] as { raw: string }).raw === ":") at -= 1;
  return phraseEndingBefore(tokens, at, DEADLINE_LABELS) >= 0;
}

function isNegation(token: Token | undefined): boolean {
  return token?.kind === "word" && (token.folded === "khong" || token.folded === "chua");
}

function nextSpanStart(spans: readonly CalendarSpan[], index: number, end: number): number {
  return spans.find((span) => span.start > index)?.start ?? end;
}

/** Money ("2.300 tỷ đồng") and counts of targets ("15 chỉ tiêu") are not thresholds a rule can judge. */
export function quantityUnitProblem(target: Target): ManualReason | undefined {
  if (target.kind !== "count" && target.kind !== "frequency") return undefined;
  if (target.unit === undefined) return undefined;
  const folded = foldDiacritics(target.unit);
  const startsWith = (phrases: readonly string[]) => phrases.some((phrase) => folded === phrase || folded.startsWith(`${phrase} `));
  if (startsWith(MONEY_UNITS)) return "money";
  // "Cải thiện ít nhất 3 bậc": places gained in a ranking, a change from last year's rank the text does not give.
  if (target.unit.toLowerCase().startsWith("bậc")) return "relative_change";
  if (startsWith(AGGREGATE_UNITS)) return "aggregate";
  return undefined;
}

function isPowerOfTen(value: number): boolean {
  return value >= 10 && Number.isInteger(Math.log10(value));
}

