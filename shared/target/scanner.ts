import type { Comparator, ParseError } from "./schema";
import { foldDiacritics } from "../text/normalize";
import { readVietnameseNumber } from "../text/vietnameseNumber";

/**
 * Splits a normalised target text into tokens with offsets. Words keep their text as written and a folded form
 * ("Tối" → "toi") so that keywords match whatever the case or the diacritics.
 */

export type Token =
  | { kind: "number"; value: number; raw: string; offset: number; length: number }
  | { kind: "percent"; offset: number; length: number }
  | { kind: "comparator"; comparator: Comparator | "eq"; offset: number; length: number }
  | { kind: "word"; raw: string; folded: string; offset: number; length: number }
  | { kind: "slash"; offset: number; length: number }
  | { kind: "punct"; raw: string; offset: number; length: number };

export interface ScanResult {
  tokens: Token[];
  errors: ParseError[];
}

const SYMBOL_COMPARATORS: Record<string, Comparator | "eq"> = {
  "≥": "gte",
  ">": "gt",
  "≤": "lte",
  "<": "lt",
  "=": "eq",
};

const WORD_CHAR = /[\p{L}\p{M}]/u;
const DIGIT = /\d/;
const NUMBER_AT = /\d+(?:[.,]\d+)*/y;

export function scan(text: string): ScanResult {
  const tokens: Token[] = [];
  const errors: ParseError[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text[position]!;
    if (char === " ") {
      position += 1;
      continue;
    }
    if (DIGIT.test(char)) {
      NUMBER_AT.lastIndex = position;
      const raw = NUMBER_AT.exec(text)![0];
      const reading = readVietnameseNumber(raw);
      if (reading.ok) {
        tokens.push({ kind: "number", value: reading.value, raw, offset: position, length: raw.length });
      } else {
        errors.push({ code: "invalid_number", message: reading.message, offset: position, length: raw.length });
      }
      position += raw.length;
      continue;
    }
    if (WORD_CHAR.test(char)) {
      let end = position + 1;
      while (end < text.length && WORD_CHAR.test(text[end]!)) end += 1;
      const raw = text.slice(position, end);
      tokens.push({ kind: "word", raw, folded: foldDiacritics(raw), offset: position, length: end - position });
      position = end;
      continue;
    }
    const comparator = SYMBOL_COMPARATORS[char];
    if (comparator) tokens.push({ kind: "comparator", comparator, offset: position, length: 1 });
    else if (char === "%") tokens.push({ kind: "percent", offset: position, length: 1 });
    else if (char === "/") tokens.push({ kind: "slash", offset: position, length: 1 });
    else tokens.push({ kind: "punct", raw: char, offset: position, length: 1 });
    position += 1;
  }
  return { tokens, errors };
}
