import { foldDiacritics } from "../../shared/text/normalize";
import { paragraph, simpleHeader, type DocumentSpec, type HeaderCell, type SpecBlock, type SpecRow, type SpecTable } from "./spec";

/**
 * A layout written as text (test/fixtures/layouts/*.txt) as the document it was typed from: lines with tabs are table
 * rows, other non-blank lines paragraphs. A run of rows starting with a header row ("STT", "TT") starts a table, its
 * header repeated on each page; lines without tabs between the rows of one table (the next run has no header of its
 * own) are rows merged across the table, as section headings are in Word ("1. Sở Tài chính").
 *
 * A tab line with an empty first cell is not a row of its own in the document: the text shows a cell that did not
 * fit its line. Right after the header it is the header's second line: either a header cell broken over two lines
 * (one Word cell, its lines kept as paragraphs) or, when it fills columns whose first line is empty, the second level
 * of a two-level header ("Chỉ tiêu giao năm 2025" over "Quý I … Quý IV"). After a body row it is that row's cells
 * wrapped (one Word paragraph per cell, the words joined again).
 */
export function specFromLayoutText(name: string, text: string): DocumentSpec {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
  const blocks: SpecBlock[] = [];
  let table: SpecTable | undefined;
  let headerLines: string[][] = [];
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
      const width = table.widths.length;
      const previous = table.rows.at(-1);
      if (isContinuation(cells) && pending.length === 0) {
        if (table.rows.length === 0) {
          headerLines.push(fit(cells, width));
          table.header = headerFromLines(headerLines);
          continue;
        }
        if (previous && "cells" in previous) {
          previous.cells = previous.cells.map((cell, index) => [cell, fit(cells, width)[index]!].filter((part) => part !== "").join(" "));
          continue;
        }
      }
      table.rows.push(...pending.map((heading): SpecRow => ({ heading: heading.trim() })));
      pending = [];
      table.rows.push({ cells: fit(cells, width) });
      continue;
    }
    flushPending();
    headerLines = [cells];
    table = { kind: "table", widths: cells.map((_, index) => (index === 1 ? 40 : 12)), header: simpleHeader(cells), rows: [] };
    blocks.push(table);
  }
  flushPending();
  return { name, blocks };
}

function isHeaderRow(cells: readonly string[]): boolean {
  return /^(so\s*)?(s?tt|thu tu)$/.test(foldDiacritics(cells[0] ?? "").toLowerCase());
}

/** A line of cells that did not fit the line above: no number of its own, some text further right. */
function isContinuation(cells: readonly string[]): boolean {
  return cells[0] === "" && cells.some((cell) => cell !== "");
}

/**
 * The header rows of the lines written for it. Lines below the first that only continue cells of the first are the
 * same cells broken over lines; a line with text under an empty cell of the first is a second header row, the cell
 * to the left of the empty ones spanning the columns it groups and the cells without a second line merged down.
 */
function headerFromLines(lines: readonly string[][]): HeaderCell[][] {
  const [first, ...rest] = lines;
  const width = first!.length;
  const below = Array.from({ length: width }, (_, column) =>
    rest
      .map((line) => line[column] ?? "")
      .filter((cell) => cell !== "")
      .join("\n"),
  );
  const twoLevel = below.some((text, column) => text !== "" && first![column] === "");
  if (!twoLevel) return [first!.map((text, column) => ({ text: [text, below[column]!].filter((part) => part !== "").join("\n") }))];
  const top: HeaderCell[] = [];
  const bottom: HeaderCell[] = [];
  for (let column = 0; column < width; ) {
    let span = 1;
    while (column + span < width && first![column + span] === "" && below[column + span] !== "") span += 1;
    if (span === 1 && below[column] === "") {
      top.push({ text: first![column]!, mergeDown: true });
      bottom.push({ text: "", covered: true });
    } else {
      top.push({ text: first![column]!, ...(span > 1 ? { span } : {}) });
      bottom.push(...below.slice(column, column + span).map((text) => ({ text })));
    }
    column += span;
  }
  return [top, bottom];
}

/** A row as wide as its table: cells past the last column are joined into it, missing ones left empty. */
function fit(cells: readonly string[], width: number): string[] {
  if (cells.length <= width) return [...cells, ...Array.from({ length: width - cells.length }, () => "")];
  return [...cells.slice(0, width - 1), cells.slice(width - 1).join(" ")];
}
