import { DEFAULT_FONT_SIZE } from "./style";

/**
 * How tall a row must be for its wrapped text to show whole, estimated from the text's length and its column's
 * width: no host measures text for us (exceljs cannot, Excel only autofits rows it was asked to, LibreOffice keeps a
 * height it is given), and a row too short overprints the next one on paper.
 */

export interface WrappedText {
  text: string;
  /** Width of the cell (merged cells: their sum) in characters of the default font. */
  characters: number;
  fontSize?: number;
  bold?: boolean;
}

/** Excel's default row: one line of 11 pt. */
export const DEFAULT_ROW_HEIGHT = 15;

/**
 * A line of Vietnamese needs room above for stacked marks (ế, ặ, Ỗ): 1.3 times the font size, as Excel gives 11 pt
 * Calibri a 15 pt row.
 */
export function lineHeight(fontSize: number = DEFAULT_FONT_SIZE): number {
  return fontSize * 1.3;
}

/** Room above the first line and below the last, growing with the font so that a 14 pt line gets 24 pt in all. */
function padding(fontSize: number): number {
  return fontSize * 0.45;
}

/** Lines a text takes in a column, breaking at spaces as Excel does and at line breaks the text holds. */
export function wrappedLines(cell: WrappedText): number {
  const size = cell.fontSize ?? DEFAULT_FONT_SIZE;
  // A character of the default font is about the width of "0"; text averages a little narrower, bold a little wider,
  // and a cell keeps a character's worth of padding.
  const perLine = Math.max(1, Math.floor(((cell.characters - 1) * DEFAULT_FONT_SIZE * (cell.bold ? 1.05 : 1.2)) / size));
  let lines = 0;
  for (const paragraph of cell.text.split("\n")) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = [...word].length;
      if (line === 0) {
        line = length;
      } else if (line + 1 + length <= perLine) {
        line += 1 + length;
      } else {
        lines += 1;
        line = length;
      }
      // A word longer than a line is broken inside it.
      while (line > perLine) {
        lines += 1;
        line -= perLine;
      }
    }
  }
  return lines;
}

/** Points for a row holding these cells: the tallest of them, never less than the default row. */
export function rowHeightFor(cells: readonly WrappedText[], minimum: number = DEFAULT_ROW_HEIGHT): number {
  const heights = cells.map((cell) => wrappedLines(cell) * lineHeight(cell.fontSize) + padding(cell.fontSize ?? DEFAULT_FONT_SIZE));
  return Math.round(Math.max(minimum, ...heights) * 4) / 4;
}
