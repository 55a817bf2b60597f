/**
 * What a generated fixture document holds, written once and drawn twice (Word and PDF): paragraphs, and tables
 * with header rows (repeated on each page) and body rows. A body row is either cells or a heading merged across the
 * whole row ("1. SỞ TÀI CHÍNH"). A cell's "\n" separates its paragraphs.
 */
export interface HeaderCell {
  text: string;
  /** Grid columns covered (horizontal merge). */
  span?: number;
  /** A cell merged with the one below it in the next header row ("STT" over two header rows). */
  mergeDown?: boolean;
  /** Covered by the cell above (drawn empty, written as a vertical-merge continuation). */
  covered?: boolean;
}

export type SpecRow = { cells: string[] } | { heading: string };

export interface SpecTable {
  kind: "table";
  /** Relative column widths. */
  widths: number[];
  header: HeaderCell[][];
  rows: SpecRow[];
}

/** Text set side by side without borders (the decision's heading: issuer and number | national motto and date). */
export interface SpecColumns {
  kind: "columns";
  columns: string[][];
}

export type SpecBlock = { kind: "paragraph"; text: string; bold?: boolean; center?: boolean } | SpecTable | SpecColumns;

export interface DocumentSpec {
  /** File name without extension. */
  name: string;
  blocks: SpecBlock[];
}

export function paragraph(text: string, options: { bold?: boolean; center?: boolean } = {}): SpecBlock {
  return { kind: "paragraph", text, ...options };
}

export function simpleHeader(names: readonly string[]): HeaderCell[][] {
  return [names.map((text) => ({ text }))];
}
