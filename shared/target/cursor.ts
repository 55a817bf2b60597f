import type { Token } from "./scanner";

/**
 * Keywords whose folded spelling other words share: "tu" is "từ" (from) but also "tử" (in "điện tử"), "tự", "tư".
 * Such a keyword matches only as written with its diacritics, or typed with none at all.
 */
const AMBIGUOUS_FOLDS: Readonly<Record<string, readonly string[]>> = { tu: ["từ", "tu"] };

function foldsOntoOtherWord(raw: string, folded: string): boolean {
  const spellings = AMBIGUOUS_FOLDS[folded];
  return spellings !== undefined && !spellings.includes(raw.toLowerCase());
}

/** A position in the token list with the look-ahead helpers the recursive-descent parsers share. */
export class TokenCursor {
  constructor(
    readonly tokens: readonly Token[],
    readonly text: string,
    public index = 0,
    /** The decision's year, for dates written without one ("đến 30/6"). */
    readonly defaultYear?: number,
  ) {}

  get atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.index + ahead];
  }

  next(): Token | undefined {
    const token = this.tokens[this.index];
    if (token) this.index += 1;
    return token;
  }

  fork(): TokenCursor {
    return new TokenCursor(this.tokens, this.text, this.index, this.defaultYear);
  }

  /**
   * Consumes the words (or plain numbers: "6 thang") of a folded phrase if they come next; returns whether they did.
   * Numbers match by value, so "06 tháng" is "6 tháng".
   */
  acceptPhrase(phrase: readonly string[]): boolean {
    for (let i = 0; i < phrase.length; i += 1) {
      const token = this.peek(i);
      const part = phrase[i]!;
      const matches =
        token?.kind === "word"
          ? token.folded === part && !foldsOntoOtherWord(token.raw, part)
          : token?.kind === "number" && /^\d+$/.test(part) && token.value === Number(part);
      if (!matches) return false;
    }
    this.index += phrase.length;
    return true;
  }

  /** The longest phrase of a table that comes next, consumed, with its value. */
  acceptOneOf<T>(table: ReadonlyArray<readonly [readonly string[], T]>): T | undefined {
    for (const [phrase, value] of table) {
      if (this.acceptPhrase(phrase)) return value;
    }
    return undefined;
  }

  acceptPunct(chars: string): boolean {
    const token = this.peek();
    if (token?.kind === "punct" && chars.includes(token.raw)) {
      this.index += 1;
      return true;
    }
    return false;
  }

  acceptKind<K extends Token["kind"]>(kind: K): Extract<Token, { kind: K }> | undefined {
    const token = this.peek();
    if (token?.kind !== kind) return undefined;
    this.index += 1;
    return token as Extract<Token, { kind: K }>;
  }

  /** The text as written from token `from` up to (not including) the current token. */
  textSince(from: number): string {
    const first = this.tokens[from];
    const last = this.tokens[this.index - 1];
    if (!first || !last || this.index <= from) return "";
    return this.text.slice(first.offset, last.offset + last.length).trim();
  }

  /** The text as written from the current token to the end. */
  rest(): string {
    const token = this.peek();
    return token ? this.text.slice(token.offset).trim() : "";
  }

  /** Offset of the current token, or the end of the text. */
  get offset(): number {
    return this.peek()?.offset ?? this.text.length;
  }
}
