import { paragraph, simpleHeader, type DocumentSpec, type SpecBlock } from "./spec";

/**
 * A layout written as text (test/fixtures/layouts/*.txt): lines with tabs are table rows as written — the first
 * row of each run is the table's header, repeated on each page — and other non-blank lines are paragraphs.
 */
export function specFromLayoutText(name: string, text: string): DocumentSpec {
  const blocks: SpecBlock[] = [];
  let table: string[][] = [];
  const flush = () => {
    if (table.length === 0) return;
    const width = Math.max(...table.map((row) => row.length));
    const rows = table.map((row) => [...row, ...Array.from({ length: width - row.length }, () => "")]);
    blocks.push({ kind: "table", widths: rows[0]!.map((_, index) => (index === 1 ? 40 : 12)), header: simpleHeader(rows[0]!), rows: rows.slice(1).map((cells) => ({ cells })) });
    table = [];
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.includes("\t")) {
      table.push(line.split("\t").map((cell) => cell.trim()));
      continue;
    }
    if (line.trim() === "") continue;
    flush();
    blocks.push(paragraph(line.trim()));
  }
  flush();
  return { name, blocks };
}
