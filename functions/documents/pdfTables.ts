import { foldDiacritics } from "../../shared/text/normalize";
import type { PdfChunk } from "./pdfItems";
import { lineText, type PdfLine } from "./pdfLines";

/**
 * A table rebuilt from text positions. It starts at a header line whose first cell is "STT"/"TT"; its columns are
 * where the texts of its lines start (x positions shared by several lines, or written in the header); it ends at
 * a line left of its first column, a centred title, or another table's header. Rows:
 * - a row starts where the first column has text (the number, or a section heading merged across the row), or
 *   after a gap taller than a line (the cell padding between rows); the other lines wrap the row's cells and are
 *   joined with a space — a wrapped line starting with "- " or "+ " starts a new item of the cell ("\n");
 * - at a page break the header lines drawn again on the new page (all of them, or the first ones) are dropped, and
 *   lines without a number continue the row of the previous page;
 * - header rows are told apart by the same gap, or by a line writing into two or more columns the header row above
 *   left empty (the milestone tables' second header row under titles spanning three columns).
 * Merged cells come out as in Word: the text once, in the column where it starts.
 */
export interface PdfTable {
  rows: string[][];
  /** Index of the first line after the table. */
  end: number;
}

const SAME_X = 2.5;

/** "STT", "TT", "Số TT": how every table of a decision seen so far starts. */
export function isHeaderStart(line: PdfLine): boolean {
  return line.segments.length >= 2 && isHeaderWord(line.segments[0]!.text);
}

function isHeaderWord(text: string): boolean {
  return /^(so\s*)?(tt|stt|thu tu)$/.test(foldDiacritics(text).toLowerCase().trim());
}

export function readPdfTable(lines: readonly PdfLine[], start: number, pageWidth: (page: number) => number): PdfTable {
  const first = lines[start]!;
  const left = first.segments[0]!.x;
  const headerTexts = headerLines(lines, start).map(lineText);
  const headerXs = lines.slice(start, start + headerTexts.length).flatMap((line) => line.segments.map((segment) => segment.x));

  // Which lines belong to the table (repeated headers after page breaks left out).
  const member: PdfLine[] = [];
  let index = start;
  let page = first.page;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.page !== page) {
      page = line.page;
      const repeated = repeatedHeaderLines(lines, index, headerTexts);
      if (repeated > 0) {
        index += repeated;
        continue;
      }
    }
    if (index > start && endsTable(line, left, headerXs, pageWidth(line.page), headerTexts[0]!)) break;
    member.push(line);
    index += 1;
  }
  const columns = columnStarts(member, headerXs);
  const header = member.slice(0, headerTexts.length);
  const body = member.slice(headerTexts.length);
  return { rows: [...toRows(header, columns, false), ...toRows(body, columns, true)], end: index };
}

/**
 * How many lines at the top of a new page repeat the header: all of its lines, or only the first ones when only the
 * first header row is marked to repeat in Word (the quarters' row of a two-level header is then printed once).
 */
function repeatedHeaderLines(lines: readonly PdfLine[], index: number, headerTexts: readonly string[]): number {
  const page = lines[index]!.page;
  let count = 0;
  while (count < headerTexts.length && lines[index + count]?.page === page && lineText(lines[index + count]!) === headerTexts[count]) count += 1;
  return count;
}

/** The header: its first line and the lines after it up to the first line with a row number in the first column. */
function headerLines(lines: readonly PdfLine[], start: number): PdfLine[] {
  const first = lines[start]!;
  const left = first.segments[0]!.x;
  const header = [first];
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.page !== first.page) break;
    const lead = line.segments[0]!;
    if (Math.abs(lead.x - left) <= SAME_X && !isHeaderWord(lead.text)) break;
    header.push(line);
  }
  return header;
}

function endsTable(line: PdfLine, left: number, headerXs: readonly number[], pageWidth: number, headerText: string): boolean {
  const lead = line.segments[0]!;
  if (lead.x < left - SAME_X) return true;
  if (isHeaderStart(line) && lineText(line) !== headerText) return true;
  const centred = line.segments.length === 1 && Math.abs(lead.x + lead.width / 2 - pageWidth / 2) < 3;
  return centred && !headerXs.some((x) => Math.abs(x - lead.x) <= SAME_X);
}

/** Left edges of the columns: x positions where text starts on two lines or more, or in the header. */
function columnStarts(lines: readonly PdfLine[], headerXs: readonly number[]): number[] {
  const xs = lines.flatMap((line) => line.segments.map((segment) => segment.x)).sort((a, b) => a - b);
  const clusters: Array<{ x: number; count: number }> = [];
  for (const x of xs) {
    const last = clusters.at(-1);
    if (last && x - last.x <= SAME_X) last.count += 1;
    else clusters.push({ x, count: 1 });
  }
  return clusters.filter(({ x, count }) => count >= 2 || headerXs.some((headerX) => Math.abs(headerX - x) <= SAME_X)).map(({ x }) => x);
}

function columnOf(segment: PdfChunk, columns: readonly number[]): number {
  let column = 0;
  columns.forEach((x, index) => {
    if (segment.x >= x - SAME_X) column = index;
  });
  return column;
}

function toRows(lines: readonly PdfLine[], columns: readonly number[], body: boolean): string[][] {
  const rows: string[][] = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    const cells = Array.from({ length: columns.length }, () => "");
    for (const segment of line.segments) {
      const column = columnOf(segment, columns);
      cells[column] = cells[column] === "" ? segment.text : `${cells[column]} ${segment.text}`;
    }
    const current = rows.at(-1);
    const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
    const afterPadding = gap > 1.45 * line.height;
    const numbered = body && cells[0] !== "";
    // Header rows without padding between them: the next one writes into columns the current one left empty
    // ("Chỉ tiêu đến 31/3/2025" under each milestone, below a title spanning three of them).
    const newHeaderRow = !body && current !== undefined && cells.filter((text, column) => text !== "" && current[column] === "").length >= 2;
    const wrappedHeading = current !== undefined && numbered && !afterPadding && isHeadingOnly(current) && isHeadingOnly(cells) && !/^[\dIVXLC]+[.)]?(\s|$)/.test(cells[0]!);
    if (!current || afterPadding || newHeaderRow || (numbered && !wrappedHeading)) rows.push(cells);
    else cells.forEach((text, column) => (current[column] = joinCellLine(current[column]!, text)));
    previous = line;
  }
  return rows;
}

function isHeadingOnly(cells: readonly string[]): boolean {
  return cells[0] !== "" && cells.slice(1).every((cell) => cell === "");
}

/** A wrapped line continues the cell's text, unless it starts an item of a list ("- Sở Tư pháp;"). */
function joinCellLine(cell: string, line: string): string {
  if (line === "") return cell;
  if (cell === "") return line;
  return /^[-+•–]\s/.test(line) ? `${cell}\n${line}` : `${cell} ${line}`;
}
