import { cellAddress, eachCell, parseRange } from "../address";
import type { SheetOp } from "../plan";
import { DEFAULT_FONT_SIZE } from "../style";
import { rowHeightFor, type MeasuredCell } from "./textFit";

/** Excel's width of a column never given one, in characters. */
const DEFAULT_COLUMN_WIDTH = 9;

interface Drawn {
  text?: string;
  wrap: boolean;
  fontSize: number;
  bold: boolean;
}

/**
 * The row heights a plan's wrapped text needs, read from the plan itself (its texts, styles, merges and column
 * widths), so that every host gets the same heights without measuring anything. Merged cells are left out: their
 * rows are sized where they are written (the title lines). Numbers and dates keep to one line; only text wraps.
 */
export function fitRowOps(ops: readonly SheetOp[], firstRow: number, lastRow: number): SheetOp[] {
  const cells = new Map<string, Drawn>();
  const widths = new Map<number, number>();
  const merged = new Set<string>();
  const at = (row: number, column: number) => {
    const id = cellAddress(row, column);
    const found = cells.get(id) ?? { wrap: false, fontSize: DEFAULT_FONT_SIZE, bold: false };
    cells.set(id, found);
    return found;
  };
  for (const op of ops) {
    if (op.op === "columnWidth") widths.set(op.column, op.characters);
    if (op.op === "merge") eachCell(parseRange(op.range), (row, column) => merged.add(cellAddress(row, column)));
    if (op.op === "style") {
      eachCell(parseRange(op.range), (row, column) => {
        const cell = at(row, column);
        if (op.style.wrap !== undefined) cell.wrap = op.style.wrap;
        if (op.style.fontSize !== undefined) cell.fontSize = op.style.fontSize;
        if (op.style.bold !== undefined) cell.bold = op.style.bold;
      });
    }
    if (op.op === "cells") {
      const box = parseRange(op.range);
      op.cells.forEach((row, r) =>
        row.forEach((planned, c) => {
          const text = "text" in planned ? planned.text : "value" in planned && typeof planned.value === "string" ? planned.value : undefined;
          at(box.firstRow + r, box.firstColumn + c).text = text;
        }),
      );
    }
  }
  const heights: SheetOp[] = [];
  for (let row = firstRow; row <= lastRow; row += 1) {
    const measured: MeasuredCell[] = [];
    for (const [id, cell] of cells) {
      const match = /^([A-Z]+)(\d+)$/.exec(id)!;
      if (Number(match[2]) !== row || !cell.wrap || cell.text === undefined || merged.has(id)) continue;
      const column = parseRange(id).firstColumn;
      measured.push({ text: cell.text, width: widths.get(column) ?? DEFAULT_COLUMN_WIDTH, fontSize: cell.fontSize, bold: cell.bold });
    }
    const points = rowHeightFor(measured);
    if (points !== undefined) heights.push({ op: "rowHeight", row, points });
  }
  return heights;
}
