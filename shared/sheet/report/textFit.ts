/**
 * How tall a row must be for its wrapped text, estimated: no renderer is at hand on the server, and LibreOffice and
 * Excel both keep a height written in the file instead of growing the row. The estimate errs a little tall, since a
 * cut-off line hides words while a spare line only costs paper.
 */

export interface MeasuredCell {
  text: string;
  /** Column width in Excel's units (the width of a "0" in the default 11-point font). */
  width: number;
  fontSize: number;
  bold?: boolean;
}

const DEFAULT_HEIGHT = 15;
const MAX_HEIGHT = 409;

/** Lines the text takes in a column: each explicit line wraps at the characters that fit. */
export function linesOf(cell: MeasuredCell): number {
  // A column unit is a "0" of the default 11-point Calibri; 11-point Times New Roman sets about 1,4 letters of mixed
  // Vietnamese text in it (measured in LibreOffice with its metric twin), capitals a third fewer, bold a tenth fewer;
  // the cell's padding eats about one unit.
  const letters = [...cell.text].filter((character) => /\p{L}/u.test(character));
  const capitals = letters.filter((character) => character !== character.toLocaleLowerCase("vi")).length;
  const shape = capitals > letters.length / 2 ? 1.35 : 1;
  const perLine = Math.max(1, Math.floor(((cell.width - 1) * 1.4 * 11) / cell.fontSize / (cell.bold ? 1.1 : 1) / shape));
  return cell.text.split("\n").reduce((total, line) => total + Math.max(1, wrappedLines(line, perLine)), 0);
}

/** Lines a paragraph takes when broken at spaces, a word longer than the line being cut. */
function wrappedLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = [...word].length;
    if (used === 0) {
      lines += Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
    } else if (used + 1 + length <= perLine) {
      used += 1 + length;
    } else {
      lines += 1 + Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
    }
  }
  return lines;
}

/** The height in points that shows every cell's text; undefined when one line of default text is enough. */
export function rowHeightFor(cells: readonly MeasuredCell[]): number | undefined {
  const needed = Math.max(0, ...cells.map((cell) => linesOf(cell) * cell.fontSize * 1.3 + 3));
  if (cells.every((cell) => linesOf(cell) === 1 && cell.fontSize <= 11)) return undefined;
  return Math.min(MAX_HEIGHT, Math.max(DEFAULT_HEIGHT, Math.ceil(needed)));
}
