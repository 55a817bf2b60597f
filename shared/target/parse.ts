import type { ManualReason, ParseError, ParseResult, Target } from "./schema";
import { normalizeText, foldDiacritics } from "../text/normalize";
import { scan, type Token } from "./scanner";
import { TokenCursor } from "./cursor";
import { atCleanEnd, type Attempt } from "./attempt";
import { COMPARATOR_WORDS, LEVEL_PHRASES, RELATIVE_WORDS, VAGUE_WORDS } from "./keywords";
import { parseDeadline, parseDocument, parseGrade, parseRank, parseRecurring, parseStart } from "./parseDeliverable";
import { parseMeasure } from "./parseMeasure";
import { findCalendarSpans } from "./calendarSpans";
import { mentionsRank, readRankPhrase } from "./parseRankPhrase";
import { quantityUnitProblem, readSentence, type SentenceReading } from "./parseSentence";
import { applyUnitColumn } from "./unitColumn";
import { containsPhrase } from "./tokenPhrases";

export interface ParseOptions {
  /**
   * The unit written in a column of its own, as multi-year tables do ("%" beside "≥ 70"): a bare number is then a
   * percentage.
   */
  unit?: string | undefined;
  /** The decision's year: a date written without one ("đến 30/6") falls in it. */
  year?: number | undefined;
  /**
   * Only the short forms of an appendix cell, read whole, without framing words around them: for finding where a
   * target starts in text run together with its indicator, where any word could otherwise pass for framing.
   */
  cellFormsOnly?: boolean | undefined;
}

type FormParser = (cursor: TokenCursor) => Attempt;

/** Forms that must take the whole text: the short cells of an appendix ("Hoàn thành năm 2022", "Hàng năm"). */
const WHOLE_TEXT_FORMS: readonly FormParser[] = [parseRecurring, parseGrade, parseDocument, parseStart, parseDeadline];

/**
 * Reads a target as a decision writes it. Never throws: a text no rule can judge becomes a manual target (a person
 * decides), a text that looks like a rule but is wrong gets errors with positions.
 *
 * Order: the short forms of an appendix cell, read whole; then, when the text speaks of ranking, the rank reader
 * (which never reads a count); then a measure read whole ("Tối thiểu 90%", ">240 tin, bài/năm"); then the sentence
 * reader for thresholds with framing words, years and deadlines around them.
 */
export function parseTarget(text: string, options: ParseOptions = {}): ParseResult {
  const normalized = normalizeText(typeof text === "string" ? text : "");
  if (normalized === "" || /^[-–—.…\s]*$/.test(normalized)) return manual("empty", normalized);
  if (/\d\s*(?:…|\.\.\.)/.test(normalized)) return manual("truncated", normalized);
  if (hasVagueWord(normalized)) return manual("vague", normalized);

  const { tokens, errors: scanErrors } = scan(normalized);
  const numericScanErrors = scanErrors.length > 0 && looksNumeric(tokens) ? scanErrors : [];
  const cursorAt = () => new TokenCursor(tokens, normalized, 0, options.year);

  for (const form of WHOLE_TEXT_FORMS) {
    const cursor = cursorAt();
    const attempt = form(cursor);
    if (attempt === undefined) continue;
    if ("errors" in attempt) return failed(attempt.errors, normalized);
    if (atCleanEnd(cursor)) {
      if (scanErrors.length > 0 && (looksNumeric(tokens) || isNumeric(attempt.target))) return failed(scanErrors, normalized);
      return { ok: true, target: attempt.target, normalized };
    }
  }
  if (numericScanErrors.length > 0) return failed(numericScanErrors, normalized);

  if (options.cellFormsOnly) {
    const rank = cursorAt();
    const ranked = parseRank(rank);
    if (ranked && "target" in ranked && atCleanEnd(rank)) return { ok: true, target: ranked.target, normalized };
    const cursor = cursorAt();
    const measure = parseMeasure(cursor);
    if (measure && "errors" in measure) return failed(measure.errors, normalized);
    return measure && atCleanEnd(cursor) ? finish(measure.target, normalized, tokens, options, scanErrors) : manual("free_text", normalized);
  }

  if (mentionsRank(tokens)) {
    const spans = findCalendarSpans(tokens, normalized, options.year);
    if ("errors" in spans) return failed(spans.errors, normalized);
    return fromReading(readRankPhrase(tokens, spans.spans), normalized, options);
  }

  const cursor = cursorAt();
  const measure = parseMeasure(cursor);
  if (measure && "errors" in measure) return failed(measure.errors, normalized);
  if (measure && atCleanEnd(cursor)) return finish(measure.target, normalized, tokens, options, scanErrors);

  return fromReading(readSentence(tokens, normalized, options.year), normalized, options, tokens, scanErrors);
}

function fromReading(
  reading: SentenceReading,
  normalized: string,
  options: ParseOptions,
  tokens?: readonly Token[],
  scanErrors: readonly ParseError[] = [],
): ParseResult {
  if ("errors" in reading) return failed(reading.errors, normalized);
  if ("manual" in reading) return manual(reading.manual, normalized);
  return tokens ? finish(reading.target, normalized, tokens, options, scanErrors) : { ok: true, target: reading.target, normalized };
}

/**
 * A threshold that is a change from a baseline the text does not give ("giảm 20%", "tăng 10% so với năm 2024") is not
 * a floor: read as one, a reduction to 20% would be judged as a reduction by 20%.
 */
function finish(target: Target, normalized: string, tokens: readonly Token[], options: ParseOptions, scanErrors: readonly ParseError[]): ParseResult {
  if (scanErrors.length > 0 && isNumeric(target)) return failed([...scanErrors], normalized);
  if (target.kind !== "deadline" && hasRelativeChange(normalized, tokens, target)) return manual("relative_change", normalized);
  const unitProblem = quantityUnitProblem(target);
  if (unitProblem) return manual(unitProblem, normalized);
  return { ok: true, target: applyUnitColumn(target, options.unit), normalized };
}

function manual(reason: ManualReason, text: string): ParseResult {
  return { ok: true, target: { kind: "manual", reason, text }, normalized: text };
}

function failed(errors: ParseError[], normalized: string): ParseResult {
  return { ok: false, errors, normalized };
}

/** One pattern per spelling, built once: the server parses every target of every import. */
const wholeWords = (words: readonly string[]) =>
  new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${words.join("|")})(?:$|[^\\p{L}\\p{M}])`, "u");
const VAGUE_WITH_DIACRITICS = wholeWords(VAGUE_WORDS);
const VAGUE_FOLDED = wholeWords(VAGUE_WORDS.map(foldDiacritics));
const RELATIVE_WITH_DIACRITICS = wholeWords(RELATIVE_WORDS);
const RELATIVE_FOLDED = wholeWords(RELATIVE_WORDS.map(foldDiacritics));
const COMPARATOR_PHRASES = COMPARATOR_WORDS.map(([phrase]) => phrase.join(" "));

/** "khoảng", "gần", "có thể", "tăng dần"…: words that make any threshold in the text an estimate, not a rule. */
export function hasVagueWord(text: string): boolean {
  return matchesWords(text, VAGUE_WITH_DIACRITICS, VAGUE_FOLDED);
}

/** "tăng", "giảm", "so với", "gấp"… outside "tăng lên"/"nâng lên" (a level to reach). */
export function hasRelativeWord(text: string): boolean {
  const withoutLevels = LEVEL_PHRASES.reduce((rest, phrase) => rest.replace(new RegExp(phrase, "giu"), " "), text);
  return matchesWords(withoutLevels, RELATIVE_WITH_DIACRITICS, RELATIVE_FOLDED);
}

function hasRelativeChange(text: string, tokens: readonly Token[], target: Target): boolean {
  if (!hasRelativeWord(text)) return false;
  // "tăng 10 - 20%": a range names no direction of its own to tell a level from a change.
  if (target.kind === "range") return true;
  if (/(?:^|[^\p{L}\p{M}])(?:so với|so voi)(?:$|[^\p{L}\p{M}])/iu.test(text)) return true;
  const explicit = tokens.some((token) => token.kind === "comparator") || containsPhrase(tokens, COMPARATOR_PHRASES);
  return !explicit;
}

function matchesWords(text: string, withDiacritics: RegExp, folded: RegExp): boolean {
  const lower = text.toLowerCase();
  // Without diacritics "tang" could be "tăng" (increase) or "tầng" (layer): only then compare folded words.
  const typedWithoutDiacritics = foldDiacritics(text) === lower;
  return (typedWithoutDiacritics ? folded : withDiacritics).test(lower);
}

/**
 * Targets read from numbers: an unreadable number anywhere in them ("≥ 25 doanh nghiệp 1.2.3") is a typo to fix, not
 * a word of the unit. Documents keep numbers as written ("Kế hoạch 1.2.3 của UBND tỉnh" names a document).
 */
function isNumeric(target: Target): boolean {
  return target.kind !== "document" && target.kind !== "manual" && target.kind !== "recurring";
}

function looksNumeric(tokens: readonly Token[]): boolean {
  return tokens.some((token) => token.kind === "percent" || token.kind === "comparator");
}

export type { ParseError };
