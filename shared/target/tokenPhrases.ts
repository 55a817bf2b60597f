import type { Token } from "./scanner";
import { TokenCursor } from "./cursor";

/** Phrase look-ups over a token list that the sentence and rank readers share. */

export function phraseAt(tokens: readonly Token[], index: number, phrase: string): boolean {
  return new TokenCursor(tokens, "", index).acceptPhrase(phrase.split(" "));
}

/** Length in tokens of the first of `phrases` that starts at `index`, or 0. */
export function anyPhraseAt(tokens: readonly Token[], index: number, phrases: readonly string[]): number {
  for (const phrase of phrases) if (phraseAt(tokens, index, phrase)) return phrase.split(" ").length;
  return 0;
}

/** Whether any of `phrases` (folded words) occurs anywhere in the tokens. */
export function containsPhrase(tokens: readonly Token[], phrases: readonly string[]): boolean {
  return tokens.some((_, index) => anyPhraseAt(tokens, index, phrases) > 0);
}

/** Whether a phrase of folded words ends right before `index` (exclusive); returns its first token or -1. */
export function phraseEndingBefore(tokens: readonly Token[], index: number, phrases: readonly string[]): number {
  for (const phrase of phrases) {
    const length = phrase.split(" ").length;
    const start = index - length;
    if (start >= 0 && phraseAt(tokens, start, phrase)) return start;
  }
  return -1;
}
