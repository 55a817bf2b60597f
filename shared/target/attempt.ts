import type { ParseError, Target } from "./schema";
import type { TokenCursor } from "./cursor";

/** What one form's parser makes of a text: a target, errors, or "not this form" (undefined). */
export type Attempt = { target: Target } | { errors: ParseError[] } | undefined;

/** A form matches only when nothing but closing punctuation is left after it. */
export function atCleanEnd(cursor: TokenCursor): boolean {
  while (cursor.acceptPunct(".;")) {
    /* closing punctuation is not part of the target */
  }
  return cursor.atEnd;
}

export function errorAt(code: string, message: string, offset: number, length: number, hint?: string): { errors: ParseError[] } {
  return { errors: [{ code, message, offset, length, ...(hint ? { hint } : {}) }] };
}
