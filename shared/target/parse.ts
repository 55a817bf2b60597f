import type { ManualReason, ParseError, ParseResult, Target } from "./schema";
import { normalizeText, foldDiacritics } from "../text/normalize";
import { scan, type Token } from "./scanner";
import { TokenCursor } from "./cursor";
import { atCleanEnd, type Attempt } from "./attempt";
import { VAGUE_WORDS } from "./keywords";
import { parseDeadline, parseDocument, parseGrade, parseRank, parseRecurring, parseStart } from "./parseDeliverable";
import { parseMeasure } from "./parseMeasure";
import { applyUnitColumn } from "./unitColumn";

export interface ParseOptions {
  /**
   * The unit written in a column of its own, as multi-year tables do ("%" beside "≥ 70"): a bare number is then a
   * percentage.
   */
  unit?: string | undefined;
}

type FormParser = (cursor: TokenCursor) => Attempt;

/** Order matters: the specific forms first, the numeric measure last. */
const FORMS: readonly FormParser[] = [parseRecurring, parseGrade, parseRank, parseDocument, parseStart, parseDeadline, parseMeasure];

/**
 * Reads a target as a decision writes it. Never throws: a text no rule can judge becomes a manual target
 * (a person decides), a text that looks like a rule but is wrong gets errors with positions.
 */
export function parseTarget(text: string, options: ParseOptions = {}): ParseResult {
  const normalized = normalizeText(typeof text === "string" ? text : "");
  if (normalized === "" || /^[-–—.…\s]*$/.test(normalized)) return manual("empty", normalized);
  if (hasVagueWord(normalized)) return manual("vague", normalized);

  const { tokens, errors: scanErrors } = scan(normalized);
  for (const form of FORMS) {
    const cursor = new TokenCursor(tokens, normalized);
    const attempt = form(cursor);
    if (attempt === undefined) continue;
    if ("errors" in attempt) return { ok: false, errors: attempt.errors, normalized };
    if (atCleanEnd(cursor)) {
      if (scanErrors.length > 0 && (looksNumeric(tokens) || isNumeric(attempt.target))) return { ok: false, errors: scanErrors, normalized };
      return { ok: true, target: applyUnitColumn(attempt.target, options.unit), normalized };
    }
    return manual(hasThreshold(tokens.slice(cursor.index)) ? "multiple_thresholds" : "free_text", normalized);
  }
  if (scanErrors.length > 0 && looksNumeric(tokens)) return { ok: false, errors: scanErrors, normalized };
  return manual(countThresholds(tokens) > 1 ? "multiple_thresholds" : "free_text", normalized);
}

function manual(reason: ManualReason, text: string): ParseResult {
  return { ok: true, target: { kind: "manual", reason, text }, normalized: text };
}

/** "khoảng", "phấn đấu", "tăng"…: words that make any threshold in the text an estimate, not a rule. */
/** One pattern per spelling, built once: the server parses every target of every import. */
const wholeWords = (words: readonly string[]) =>
  new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${words.join("|")})(?:$|[^\\p{L}\\p{M}])`, "u");
const VAGUE_WITH_DIACRITICS = wholeWords(VAGUE_WORDS);
const VAGUE_FOLDED = wholeWords(VAGUE_WORDS.map(foldDiacritics));

export function hasVagueWord(text: string): boolean {
  const lower = text.toLowerCase();
  // Without diacritics "tang" could be "tăng" (increase) or "tầng" (layer): only then compare folded words.
  const typedWithoutDiacritics = foldDiacritics(text) === lower;
  return (typedWithoutDiacritics ? VAGUE_FOLDED : VAGUE_WITH_DIACRITICS).test(lower);
}

function hasThreshold(tokens: readonly Token[]): boolean {
  return tokens.some((token) => token.kind === "number" || token.kind === "percent" || token.kind === "comparator");
}

function countThresholds(tokens: readonly Token[]): number {
  return tokens.filter((token, i) => token.kind === "percent" || (token.kind === "comparator" && tokens[i + 1]?.kind === "number"))
    .length;
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
