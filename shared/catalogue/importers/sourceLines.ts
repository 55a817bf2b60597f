import { foldDiacritics, normalizeText } from "../../text/normalize";
import type { DraftSection, ImportProblem } from "../draft";

/**
 * What the text importers (PDF-converted decisions, tables copied from Word or a web page) share: numbered source
 * lines, the tolerant comparison key, quoting in messages, and what reading an appendix produced.
 */

/** One line of the source: 1-based number and text in NFC, without the line break and otherwise as written. */
export interface SourceLine {
  line: number;
  text: string;
}

export function sourceLines(text: string): SourceLine[] {
  return text
    .normalize("NFC")
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ line: index + 1, text: line }));
}

/** Blank lines separate nothing in converted text: they are neither read nor counted. */
export function isBlank(text: string): boolean {
  return normalizeText(text) === "";
}

/** "Giao kết quả  thực hiện" → "giao ket qua thuc hien": the key for recognising headers and headings. */
export function folded(text: string): string {
  return foldDiacritics(normalizeText(text));
}

/** A long text quoted in a message, cut between words to stay readable. */
export function quoted(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return `"${clean}"`;
  const cut = clean.slice(0, max).replace(/[\s,;:]+\S*$/u, "");
  return `"${cut}…"`;
}

/** A section as read, with the number of source lines placed under it (heading, table headers, rows). */
export interface ReadSection {
  section: DraftSection;
  lines: number;
  /** Rows left out with a problem of their own: the numbering check counts them, so as not to report them twice. */
  rejected?: Array<{ order: string; line: number }>;
}

/** What reading an appendix produced; `linesRead − linesPlaced` lines were skipped, each of them reported. */
export interface AppendixRead {
  sections: ReadSection[];
  problems: ImportProblem[];
  linesRead: number;
  linesPlaced: number;
}

/** "1", "10", "2." → 2; undefined for "I", "a", "1.2": only plain numbers take part in order checks. */
export function plainNumber(order: string): number | undefined {
  const match = /^(\d{1,4})\.?$/.exec(order.trim());
  return match ? Number(match[1]) : undefined;
}
