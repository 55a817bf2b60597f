import type { SourceLine } from "./sourceLines";

/**
 * Tab-separated rows as Word, Excel and browsers put them on the clipboard. Excel wraps a cell holding a line break
 * in double quotes (doubling the quotes inside), so one row can span several source lines; PDF conversions never
 * quote, and a quote there is part of the text.
 */

export interface TableRecord {
  /** The line the row starts on (1-based). */
  line: number;
  /** How many source lines the row spans: each counts as read. */
  lineCount: number;
  /** Cells as written, untrimmed; a line without tabs is one cell. */
  cells: string[];
}

export interface RecordOptions {
  quotedCells: boolean;
}

/** The rows of `lines`, blank lines left out. */
export function tableRecords(lines: readonly SourceLine[], options: RecordOptions): TableRecord[] {
  const records: TableRecord[] = [];
  let index = 0;
  while (index < lines.length) {
    const start = lines[index]!;
    if (start.text.trim() === "") {
      index += 1;
      continue;
    }
    const quotedRow = options.quotedCells ? readQuotedRow(lines, index) : undefined;
    if (quotedRow) {
      records.push({ line: start.line, lineCount: quotedRow.lineCount, cells: quotedRow.cells });
      index += quotedRow.lineCount;
    } else {
      records.push({ line: start.line, lineCount: 1, cells: start.text.split("\t") });
      index += 1;
    }
  }
  return records;
}

/**
 * The row starting at `lines[from]` when one of its cells is quoted and the quotes close properly; otherwise
 * undefined, and the line is read as plain cells (a stray quote is text, not a cell that swallows the next lines).
 */
function readQuotedRow(lines: readonly SourceLine[], from: number): { cells: string[]; lineCount: number } | undefined {
  if (!/(^|\t)"/.test(lines[from]!.text)) return undefined;
  const cells: string[] = [];
  let lineIndex = from;
  let text = lines[from]!.text;
  let position = 0;
  for (;;) {
    if (text[position] === '"') {
      let cell = "";
      let cursor = position + 1;
      for (;;) {
        if (cursor >= text.length) {
          // The quoted cell goes on past the end of this line.
          lineIndex += 1;
          if (lineIndex >= lines.length) return undefined;
          cell += "\n";
          text = lines[lineIndex]!.text;
          cursor = 0;
          continue;
        }
        if (text[cursor] === '"') {
          if (text[cursor + 1] === '"') {
            cell += '"';
            cursor += 2;
            continue;
          }
          cursor += 1;
          break;
        }
        cell += text[cursor];
        cursor += 1;
      }
      if (cursor < text.length && text[cursor] !== "\t") return undefined;
      cells.push(cell);
      position = cursor;
    } else {
      const tab = text.indexOf("\t", position);
      const end = tab < 0 ? text.length : tab;
      cells.push(text.slice(position, end));
      position = end;
    }
    if (position >= text.length) return { cells, lineCount: lineIndex - from + 1 };
    position += 1; // past the tab
    if (position >= text.length) {
      cells.push("");
      return { cells, lineCount: lineIndex - from + 1 };
    }
  }
}
