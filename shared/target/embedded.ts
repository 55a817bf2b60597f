import type { Target } from "./schema";
import { normalizeText } from "../text/normalize";
import { scan, type Token } from "./scanner";
import { TokenCursor } from "./cursor";
import { parseTarget } from "./parse";
import { ACHIEVE_FILLERS, COMPARATOR_WORDS } from "./keywords";

/**
 * Results reports often write the target inside the indicator: "Tỷ lệ hồ sơ … đạt tỷ lệ tối thiểu 60%".
 * The extraction finds each percentage with the comparator words written before it; several different ones
 * make the indicator a matter for a person.
 */
export type EmbeddedTarget =
  | { found: false }
  | { found: true; target: Target; targetText: string; offset: number; length: number };

export function extractEmbeddedTarget(indicatorText: string): EmbeddedTarget {
  const text = normalizeText(indicatorText);
  const { tokens } = scan(text);
  const candidates: Array<{ target: Target; targetText: string; offset: number; length: number }> = [];
  tokens.forEach((token, index) => {
    if (token.kind !== "percent" || tokens[index - 1]?.kind !== "number") return;
    const start = leadStart(tokens, text, index - 1);
    const end = trailingEnd(tokens, index);
    const first = tokens[start]!;
    const last = tokens[end]!;
    const targetText = text.slice(first.offset, last.offset + last.length);
    const parsed = parseTarget(targetText);
    if (parsed.ok && parsed.target.kind === "percent") {
      candidates.push({ target: parsed.target, targetText, offset: first.offset, length: targetText.length });
    }
  });
  if (candidates.length === 0) return { found: false };
  const distinct = new Set(candidates.map((candidate) => JSON.stringify(candidate.target)));
  if (distinct.size === 1) return { found: true, ...candidates[0]! };
  const first = candidates[0]!;
  const last = candidates[candidates.length - 1]!;
  const span = text.slice(first.offset, last.offset + last.length);
  return {
    found: true,
    target: { kind: "manual", reason: "multiple_thresholds", text: span },
    targetText: span,
    offset: first.offset,
    length: span.length,
  };
}

/** Walks back from the number over comparator words, "đạt", "tỷ lệ" and symbols that belong to the threshold. */
function leadStart(tokens: readonly Token[], text: string, numberIndex: number): number {
  let start = numberIndex;
  for (;;) {
    const before = tokens[start - 1];
    if (before?.kind === "comparator") {
      start -= 1;
      continue;
    }
    const phraseStart = phraseEndingAt(tokens, text, start);
    if (phraseStart === undefined) return start;
    start = phraseStart;
  }
}

const LEAD_PHRASES: ReadonlyArray<readonly string[]> = [
  ...COMPARATOR_WORDS.map(([phrase]) => phrase),
  ...ACHIEVE_FILLERS.map(([phrase]) => phrase),
  ["dat"],
  ["tu"],
];

function phraseEndingAt(tokens: readonly Token[], text: string, end: number): number | undefined {
  for (const phrase of LEAD_PHRASES) {
    const from = end - phrase.length;
    if (from < 0) continue;
    const cursor = new TokenCursor(tokens, text, from);
    if (cursor.acceptPhrase(phrase) && cursor.index === end) return from;
  }
  return undefined;
}

function trailingEnd(tokens: readonly Token[], percentIndex: number): number {
  const next = tokens[percentIndex + 1];
  const after = tokens[percentIndex + 2];
  if (next?.kind === "word" && after?.kind === "word" && next.folded === "tro" && (after.folded === "len" || after.folded === "xuong")) {
    return percentIndex + 2;
  }
  return percentIndex;
}
