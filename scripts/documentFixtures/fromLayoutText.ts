import { foldDiacritics } from "../../shared/text/normalize";
import { paragraph, simpleHeader, type DocumentSpec, type SpecBlock, type SpecRow, type SpecTable } from "./spec";

/**
 * A layout written as text (test/fixtures/layouts/*.txt) as a document: lines with tabs are table rows as written,
 * other non-blank lines paragraphs. A run of rows starting with a header row ("STT", "TT") starts a table, its first
 * row repeated on each page; lines without tabs between the rows of one table (the next run has no header of its
 * own) are rows merged across the table, as section headings are in Word ("1. Sở Tài chính").
 */
export function specFromLayoutText(name: string, text: string): DocumentSpec {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
  const blocks: SpecBlock[] = [];
  let table: SpecTable | undefined;
  let pending: string[] = [];
  const flushPending = () => {
    blocks.push(...pending.map((line) => paragraph(line.trim())));
    pending = [];
  };
  for (const line of lines) {
    if (!line.includes("\t")) {
      pending.push(line);
      continue;
    }
    const cells = line.split("\t").map((cell) => cell.trim());
    if (table && !isHeaderRow(cells)) {
      table.rows.push(...pending.map((heading): SpecRow => ({ heading: heading.trim() })));
      pending = [];
      table.rows.push({ cells: fit(cells, table.widths.length) });
      continue;
    }
    flushPending();
    table = { kind: "table", widths: cells.map((_, index) => (index === 1 ? 40 : 12)), header: simpleHeader(cells), rows: [] };
    blocks.push(table);
  }
  flushPending();
  return { name, blocks };
}

function isHeaderRow(cells: readonly string[]): boolean {
  return /^(so\s*)?(s?tt|thu tu)$/.test(foldDiacritics(cells[0] ?? "").toLowerCase());
}

/** A row as wide as its table: cells past the last column are joined into it, missing ones left empty. */
function fit(cells: readonly string[], width: number): string[] {
  if (cells.length <= width) return [...cells, ...Array.from({ length: width - cells.length }, () => "")];
  return [...cells.slice(0, width - 1), cells.slice(width - 1).join(" ")];
}
