import type { ParseError, Target } from "./schema";
import type { Token } from "./scanner";
import type { CalendarSpan } from "./calendarSpans";
import { inSpans } from "./calendarSpans";
import { RANK_WORDS } from "./keywords";
import { anyPhraseAt, containsPhrase, phraseAt } from "./tokenPhrases";
import type { ManualReason } from "./schema";

/**
 * Rank targets written in words, as plans write them:
 *   "Top 20", "vào Top 20 địa phương CĐS", "nằm trong nhóm Top 20", "thuộc nhóm 25 tỉnh, thành phố dẫn đầu",
 *   "1 trong 20 địa phương dẫn đầu", "thuộc 5 địa phương đứng đầu", "đứng thứ 9", "xếp hạng 12/34".
 * A rank is met by a rank of N or better (smaller). Once a text speaks of ranking, its numbers are never read as a
 * count: a group without its size ("nhóm dẫn đầu"), two group sizes, or a number whose role is unclear go to a person.
 */

export type RankReading = { target: Target } | { manual: ManualReason } | { errors: ParseError[] };

const PLACE_WORDS = ["dia phuong", "tinh thanh pho", "tinh thanh", "tinh", "thanh pho", "don vi", "quoc gia", "nuoc"];
const LEADING_WORDS = ["dan dau", "dung dau", "di dau", "tot nhat"];
const POSITION_LEADS = ["xep hang thu", "xep hang", "xep thu", "dung thu", "vi tri thu", "hang thu", "thu hang"];
/** Words that open a ranking group; each must come with its size. */
const GROUP_OPENERS = ["top", "nhom", "mot trong", "1 trong"];

/** Words that also name things other than a ranking group: "100% nhóm hộ nghèo", "chất lượng tốt nhất". */
const WEAK_RANK_WORDS = ["nhom", "tot nhat"];

/**
 * Whether a text speaks of ranking. Beside a percentage only a word that can mean nothing else counts: "100% nhóm hộ
 * nghèo" is a share (and any stray number beside it still goes to a person in the sentence reader).
 */
export function mentionsRank(tokens: readonly Token[]): boolean {
  if (!tokens.some((token) => token.kind === "percent")) return containsPhrase(tokens, RANK_WORDS);
  return containsPhrase(tokens, RANK_WORDS.filter((word) => !WEAK_RANK_WORDS.includes(word)));
}

export function readRankPhrase(tokens: readonly Token[], spans: readonly CalendarSpan[]): RankReading {
  const sizes: number[] = [];
  const used = new Set<number>();
  let unsizedGroups = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    if (used.has(index) || inSpans(spans, index)) continue;
    const found = sizeAt(tokens, index);
    if (found === "unsized") unsizedGroups += 1;
    if (found === undefined || found === "unsized") continue;
    sizes.push(found.size);
    for (let i = index; i < found.end; i += 1) used.add(i);
    index = found.end - 1;
  }
  const strayNumber = tokens.some((token, index) => token.kind === "number" && !used.has(index) && !inSpans(spans, index));
  if (strayNumber || token(tokens, "percent")) return { manual: "unclear_number" };
  const distinct = [...new Set(sizes)];
  if (distinct.length === 0) return { manual: "rank_without_size" };
  if (distinct.length > 1 || unsizedGroups > 0) return { manual: "multiple_thresholds" };
  const dues = spans.filter((span) => span.role === "due");
  if (spans.length > 1 || dues.length !== spans.length) return { manual: "several_dates" };
  const top = distinct[0]!;
  if (!Number.isInteger(top) || top < 1) return { manual: "unclear_number" };
  return { target: { kind: "rank", top, ...(dues[0] ? { due: dues[0].point } : {}) } };
}

type Size = { size: number; end: number } | "unsized" | undefined;

/** A group size or a position starting at `index`. */
function sizeAt(tokens: readonly Token[], index: number): Size {
  // "nhóm Top 20": one group.
  if (phraseAt(tokens, index, "nhom") && phraseAt(tokens, index + 1, "top")) return numberAfter(tokens, index + 2) ?? "unsized";
  const opener = anyPhraseAt(tokens, index, GROUP_OPENERS);
  if (opener > 0) {
    let at = index + opener;
    if (opener === 2 || phraseAt(tokens, index, "nhom")) at += anyPhraseAt(tokens, at, ["so", "top", "cac"]);
    return numberAfter(tokens, at) ?? "unsized";
  }
  const position = anyPhraseAt(tokens, index, POSITION_LEADS);
  if (position > 0) return numberAfter(tokens, index + position, true);
  // "thuộc 5 địa phương đứng đầu": a count of places followed by a word of leadership.
  const count = tokens[index];
  if (count?.kind === "number") {
    const place = anyPhraseAt(tokens, index + 1, PLACE_WORDS);
    if (place > 0) {
      for (let i = index + 1 + place; i < Math.min(tokens.length, index + 1 + place + 6); i += 1) {
        if (anyPhraseAt(tokens, i, LEADING_WORDS) > 0) return { size: count.value, end: index + 1 };
      }
    }
  }
  return undefined;
}

/** The size right after a group word; "12/34" keeps 12 and consumes the total. */
function numberAfter(tokens: readonly Token[], index: number, allowTotal = false): { size: number; end: number } | undefined {
  const size = tokens[index];
  if (size?.kind !== "number") return undefined;
  if (allowTotal && tokens[index + 1]?.kind === "slash" && tokens[index + 2]?.kind === "number") return { size: size.value, end: index + 3 };
  return { size: size.value, end: index + 1 };
}

function token(tokens: readonly Token[], kind: Token["kind"]): boolean {
  return tokens.some((candidate) => candidate.kind === kind);
}
