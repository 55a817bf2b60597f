/**
 * A1 addressing as every host names cells: rows 1-based as Excel shows them, columns zero-based as arrays index them.
 */

/** "A".."Z", "AA"… for a zero-based column. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The zero-based column of "A".."XFD". */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeAddress(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  const start = cellAddress(firstRow, firstColumn);
  const end = cellAddress(lastRow, lastColumn);
  return start === end ? start : `${start}:${end}`;
}

export interface RangeBox {
  /** 1-based rows, zero-based columns, as rangeAddress takes them. */
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

/** "B5" or "A4:I204" (and whole columns "A:A") into its corners; throws on anything else. */
export function parseRange(range: string): RangeBox {
  const match = /^([A-Z]{1,3})(\d*)(?::([A-Z]{1,3})(\d*))?$/.exec(range.toUpperCase().replace(/\$/g, ""));
  if (!match) throw new Error(`"${range}" không phải địa chỉ vùng ô.`);
  const firstColumn = columnIndex(match[1]!);
  const lastColumn = match[3] ? columnIndex(match[3]) : firstColumn;
  const firstRow = match[2] ? Number(match[2]) : 1;
  const lastRow = match[3] ? (match[4] ? Number(match[4]) : 1_048_576) : match[2] ? firstRow : 1_048_576;
  return { firstRow, firstColumn, lastRow, lastColumn };
}

export function boxAddress(box: RangeBox): string {
  return rangeAddress(box.firstRow, box.firstColumn, box.lastRow, box.lastColumn);
}

export function insideBox(box: RangeBox, row: number, column: number): boolean {
  return row >= box.firstRow && row <= box.lastRow && column >= box.firstColumn && column <= box.lastColumn;
}

/** Every cell of a box, row by row. */
export function eachCell(box: RangeBox, visit: (row: number, column: number) => void): void {
  for (let row = box.firstRow; row <= box.lastRow; row += 1) {
    for (let column = box.firstColumn; column <= box.lastColumn; column += 1) visit(row, column);
  }
}

/** Consecutive items sharing a key, as [first, last] indexes, so one validation or style covers each run. */
export function runs<T>(items: readonly T[], key: (item: T) => string | undefined): Array<{ key: string; first: number; last: number }> {
  const found: Array<{ key: string; first: number; last: number }> = [];
  items.forEach((item, index) => {
    const value = key(item);
    const previous = found[found.length - 1];
    if (value === undefined) return;
    if (previous && previous.key === value && previous.last === index - 1) previous.last = index;
    else found.push({ key: value, first: index, last: index });
  });
  return found;
}
