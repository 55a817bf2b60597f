/**
 * What a Word or PDF decision holds, in reading order, before any importer looks at it: paragraphs and tables.
 * A table's rows all have the table's width; a merged cell's value stands once, where it was written (the first
 * column of a horizontal merge, the first row of a vertical one), the cells it covers are "". A cell's paragraphs
 * (or a PDF cell's wrapped lines, when they start a new item such as "- Sở Tư pháp;") are separated by "\n".
 */
export type DocumentBlock = { kind: "paragraph"; text: string } | { kind: "table"; rows: string[][] };

/** One line of text per paragraph, or per table row with its cells separated by tabs: what the text importers read. */
export function blocksToTabText(blocks: readonly DocumentBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      // A tab inside a paragraph aligns text; left as a tab it would read as a table row.
      for (const line of block.text.split("\n")) lines.push(oneLine(line.replace(/\t/g, " ")));
      continue;
    }
    for (const row of block.rows) {
      const cells = row.map(oneLine);
      // A row whose only text is in its first cell (a section heading merged across the table) is a line of its own,
      // as it is in a conversion that lost the table: "1. SỞ TÀI CHÍNH".
      const filled = cells.filter((cell) => cell !== "");
      if (filled.length === 0) continue;
      lines.push(filled.length === 1 && cells[0] !== "" ? cells[0]! : (sectionRowLine(cells) ?? cells.join("\t")));
    }
  }
  return lines.join("\n");
}

/**
 * One line per non-empty cell and per paragraph line, in reading order: the layout of plans converted from PDF one
 * table cell per line (Huế 106/KH-UBND), which the plan importer reads. Cells of a row stay in column order, so the
 * importer sees what a conversion of the same table gives; cells covered by a merge are not repeated.
 */
export function blocksToCellLines(blocks: readonly DocumentBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      for (const line of block.text.split("\n")) lines.push(oneLine(line.replace(/\t/g, " ")));
      continue;
    }
    for (const row of block.rows) for (const cell of row) if (oneLine(cell) !== "") lines.push(...cellLines(cell));
  }
  return lines.join("\n");
}

/** A cell's own line breaks (its paragraphs) kept: the plan importer reads "- Sở Tư pháp;" lists line by line. */
function cellLines(cell: string): string[] {
  return cell
    .split("\n")
    .map(oneLine)
    .filter((line) => line !== "");
}

/**
 * "1 | SỞ TÀI CHÍNH | (empty)": an agency heading written in the number and content cells of its own row, in capitals
 * as decisions write agency headings, is a section heading "1. SỞ TÀI CHÍNH". The same row in ordinary case could be
 * an indicator whose target was left empty, so it stays a row (and its empty target goes to a person).
 */
function sectionRowLine(cells: readonly string[]): string | undefined {
  if (cells.length < 3 || !/^\d{1,3}\.?$/.test(cells[0]!) || cells.slice(2).some((cell) => cell !== "")) return undefined;
  const heading = cells[1]!;
  const letters = heading.replace(/[^\p{L}]/gu, "");
  const capitals = letters.length >= 3 && letters === letters.toLocaleUpperCase("vi") && letters !== letters.toLocaleLowerCase("vi");
  return capitals ? `${cells[0]!.replace(/\.$/, "")}. ${heading}` : undefined;
}

function oneLine(text: string): string {
  return text.replace(/[\t\n\r]+/g, " ").replace(/ {2,}/g, " ").trim();
}
