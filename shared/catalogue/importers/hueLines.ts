import { foldDiacritics, normalizeText } from "../../text/normalize";
import type { DraftSection, ImportDraft, ImportProblem } from "../draft";

/**
 * The layout of a plan converted from PDF one table cell per line, as the Huế 106/KH-UBND conversion is: appendices
 * start at a line "PHỤ LỤC I", "PHỤ LỤC II" and the converted page ends with the site's footer. The milestone and
 * task importers read such appendices cell by cell; these are the pieces they share.
 */

/** One non-blank line of the source: its 1-based line number and its normalised text. */
export interface Cell {
  line: number;
  text: string;
}

/** What reading one appendix produced; `linesRead − linesPlaced` lines were skipped, each of them reported. */
export interface AppendixRead {
  sections: DraftSection[];
  problems: ImportProblem[];
  linesRead: number;
  linesPlaced: number;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The non-blank lines of `lines[start..end)`; blank lines separate nothing in this layout, so they are not read. */
export function cellsOf(lines: readonly string[], start: number, end: number): Cell[] {
  const cells: Cell[] = [];
  for (let index = start; index < end; index += 1) {
    const text = normalizeText(lines[index] ?? "");
    if (text !== "") cells.push({ line: index + 1, text });
  }
  return cells;
}

/** "PHỤ LỤC II" → "II"; undefined for any other line. */
export function appendixNumeral(line: string): string | undefined {
  const match = /^phu luc\s+([ivxlc]+|\d+)\s*[.:]?$/.exec(foldDiacritics(normalizeText(line)));
  return match ? match[1]!.toUpperCase() : undefined;
}

/** "Nguồn tra cứu: vanban…": the converting site's footer, not part of any appendix. */
export function isSourceFooter(line: string): boolean {
  return /^nguon tra cuu\b/.test(foldDiacritics(normalizeText(line)));
}

/** Where the appendix starting at `from` ends (exclusive): the next appendix title, the site's footer or the end. */
export function appendixEnd(lines: readonly string[], from: number): number {
  for (let index = from + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    if (appendixNumeral(line) !== undefined || isSourceFooter(line)) return index;
  }
  return lines.length;
}

/** The nearest "PHỤ LỤC …" line at or before `index`, if any. */
export function appendixStartBefore(lines: readonly string[], index: number): number | undefined {
  for (let at = index; at >= 0; at -= 1) {
    if (appendixNumeral(lines[at] ?? "") !== undefined) return at;
  }
  return undefined;
}

/** "Thanh toán trực tuyến trên cổng DVCQG" — a long cell quoted in a message, cut to stay readable. */
export function quoted(text: string, max = 80): string {
  if (text.length <= max) return `"${text}"`;
  // Cut between words: half a word reads like a typo in the source.
  const cut = text.slice(0, max).replace(/[\s,;:]+\S*$/u, "");
  return `"${cut}…"`;
}

export function draftOf(format: ImportDraft["format"], header: ImportDraft["header"], reads: readonly AppendixRead[]): ImportDraft {
  const linesRead = reads.reduce((sum, read) => sum + read.linesRead, 0);
  const linesPlaced = reads.reduce((sum, read) => sum + read.linesPlaced, 0);
  return {
    format,
    header,
    sections: reads.flatMap((read) => read.sections),
    problems: reads.flatMap((read) => read.problems),
    stats: { linesRead, linesPlaced, linesSkipped: linesRead - linesPlaced },
  };
}
