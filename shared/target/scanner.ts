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
/** "31.12.2025", "31-12-2025": dates written with dots or dashes read as "31/12/2025" does. */
const DOTTED_DATE_AT = /(\d{1,2})([.-])(\d{1,2})\2((?:19|20)\d{2})(?!\d)/y;

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
      DOTTED_DATE_AT.lastIndex = position;
      const date = DOTTED_DATE_AT.exec(text);
      if (date) {
        pushDate(tokens, date, position);
        position += date[0].length;
        continue;
      }
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

function pushDate(tokens: Token[], match: RegExpExecArray, position: number): void {
  const [, day, , month, year] = match as unknown as [string, string, string, string, string];
  let offset = position;
  for (const [index, part] of [day, month, year].entries()) {
    if (index > 0) {
      tokens.push({ kind: "slash", offset, length: 1 });
      offset += 1;
    }
    tokens.push({ kind: "number", value: Number(part), raw: part, offset, length: part.length });
    offset += part.length;
  }
}
