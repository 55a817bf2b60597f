import type { Target } from "./schema";
import { normalizeText } from "../text/normalize";
import { scan, type Token } from "./scanner";
import { TokenCursor } from "./cursor";
import { hasRelativeWord, hasVagueWord, parseTarget } from "./parse";
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
    const lead = vagueLeadOffset(tokens, text, start);
    if (lead !== undefined) {
      // "… tăng 10% so với năm 2024", "… khoảng 90%": a change or an estimate, not a floor to judge.
      const vagueText = text.slice(lead.offset, last.offset + last.length);
      const target: Target = { kind: "manual", reason: lead.reason, text: vagueText };
      candidates.push({ target, targetText: vagueText, offset: lead.offset, length: vagueText.length });
      return;
    }
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

/**
 * Walks back from the number over comparator words, "đạt", "tỷ lệ" and symbols that belong to the threshold.
 * "tỷ lệ", "mức", "được" belong to it only between "đạt" and the number ("đạt tỷ lệ tối thiểu 60%"); in
 * "Tỷ lệ ≥ 30%" they are the indicator's own words, so the threshold starts at the last comparator or "đạt".
 */
function leadStart(tokens: readonly Token[], text: string, numberIndex: number): number {
  let start = numberIndex;
  let anchored = numberIndex;
  for (;;) {
    const before = tokens[start - 1];
    if (before?.kind === "comparator") {
      start -= 1;
      anchored = start;
      continue;
    }
    const phrase = phraseEndingAt(tokens, text, start);
    if (phrase === undefined) return anchored;
    start = phrase.from;
    if (phrase.anchor) anchored = start;
  }
}

/** Lead phrases; an anchor (a comparator, "đạt", "từ") can start a threshold, a filler cannot. */
const LEAD_PHRASES: ReadonlyArray<{ phrase: readonly string[]; anchor: boolean }> = [
  ...COMPARATOR_WORDS.map(([phrase]) => ({ phrase, anchor: true })),
  ...ACHIEVE_FILLERS.map(([phrase]) => ({ phrase, anchor: false })),
  { phrase: ["dat"], anchor: true },
  { phrase: ["tu"], anchor: true },
];

function phraseEndingAt(tokens: readonly Token[], text: string, end: number): { from: number; anchor: boolean } | undefined {
  for (const { phrase, anchor } of LEAD_PHRASES) {
    const from = end - phrase.length;
    if (from < 0) continue;
    const cursor = new TokenCursor(tokens, text, from);
    if (cursor.acceptPhrase(phrase) && cursor.index === end) return { from, anchor };
  }
  return undefined;
}

const VAGUE_LEAD_WORDS = 2;

/** Where a vague or change word ("khoảng", "tăng") written right before the threshold starts, if one is. */
function vagueLeadOffset(tokens: readonly Token[], text: string, start: number): { offset: number; reason: "vague" | "relative_change" } | undefined {
  for (let count = 1; count <= VAGUE_LEAD_WORDS; count += 1) {
    const words = tokens.slice(Math.max(0, start - count), start);
    if (words.length < count || words.some((word) => word.kind !== "word")) return undefined;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const lead = text.slice(first.offset, last.offset + last.length);
    if (hasVagueWord(lead)) return { offset: first.offset, reason: "vague" };
    if (hasRelativeWord(lead)) return { offset: first.offset, reason: "relative_change" };
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
