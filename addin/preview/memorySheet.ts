import { isoDateToExcelSerial } from "../../shared/period/excelDate";
import { eachCell, insideBox, parseRange, type RangeBox } from "../../shared/sheet/address";
import { vietnamWallClockSerial, type FormulaMeaning } from "../../shared/sheet/cell";
import { GENERAL_FORMAT } from "../../shared/sheet/formats";
import type { ChartRequest, SheetOp, ValidationRule } from "../../shared/sheet/plan";
import type { PrintSetup } from "../../shared/sheet/print";
import type { CellStyle } from "../../shared/sheet/style";
import type { RawValue } from "./previewFormulas";

/**
 * A sheet in memory and the interpreter of sheet plans on it: the preview's counterpart of the Office.js and exceljs
 * interpreters, keeping every operation so that tests can compare what each host was asked to draw.
 */

export interface MemoryCell {
  /** As Excel holds it: dates as day numbers, formula results after the preview computed them. */
  value: RawValue;
  formula?: string;
  computes?: FormulaMeaning;
  numberFormat: string;
  style: CellStyle;
  validation?: { rule: ValidationRule; title: string; message: string };
  /** A cell the officer is expected to fill. */
  input: boolean;
}

export interface MemorySheet {
  name: string;
  /** Keyed by "row,column": 1-based row, zero-based column. */
  cells: Map<string, MemoryCell>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: RangeBox[];
  frozen: { rows: number; columns: number };
  textFills: Array<{ box: RangeBox; text: string; fill: string }>;
  dataBars: Array<{ box: RangeBox; colour: string }>;
  /** Categories and values as single columns of equal rows, on the sheet `request.sourceSheet` names or this one. */
  charts: Array<{ categories: RangeBox; values: RangeBox; request: ChartRequest }>;
  print?: PrintSetup;
}

export const cellKey = (row: number, column: number) => `${row},${column}`;

export function newSheet(name: string): MemorySheet {
  return {
    name,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    merges: [],
    frozen: { rows: 0, columns: 0 },
    textFills: [],
    dataBars: [],
    charts: [],
  };
}

export function blankCell(value: RawValue): MemoryCell {
  return { value, numberFormat: GENERAL_FORMAT, style: {}, input: false };
}

const within = (outer: RangeBox, inner: RangeBox) => insideBox(outer, inner.firstRow, inner.firstColumn) && insideBox(outer, inner.lastRow, inner.lastColumn);

export function applyOps(sheet: MemorySheet, ops: readonly SheetOp[]): void {
  const at = (row: number, column: number): MemoryCell => {
    const id = cellKey(row, column);
    let cell = sheet.cells.get(id);
    if (!cell) {
      cell = blankCell(null);
      sheet.cells.set(id, cell);
    }
    return cell;
  };
  for (const op of ops) {
    switch (op.op) {
      case "clear": {
        const box = parseRange(op.range);
        eachCell(box, (row, column) => sheet.cells.delete(cellKey(row, column)));
        sheet.textFills = sheet.textFills.filter((fill) => !within(box, fill.box));
        sheet.dataBars = sheet.dataBars.filter((bar) => !within(box, bar.box));
        sheet.merges = sheet.merges.filter((merge) => !within(box, merge));
        break;
      }
      case "cells": {
        const box = parseRange(op.range);
        op.cells.forEach((row, r) =>
          row.forEach((planned, c) => {
            const cell = at(box.firstRow + r, box.firstColumn + c);
            delete cell.formula;
            delete cell.computes;
            cell.numberFormat = op.numberFormats[r]?.[c] ?? GENERAL_FORMAT;
            if ("formula" in planned) {
              cell.formula = planned.formula;
              cell.computes = planned.computes;
              cell.value = null;
            } else if ("text" in planned) cell.value = planned.text;
            else if ("date" in planned) cell.value = isoDateToExcelSerial(planned.date);
            else if ("dateTime" in planned) cell.value = vietnamWallClockSerial(planned.dateTime);
            else cell.value = planned.value;
          }),
        );
        break;
      }
      case "style":
        eachCell(parseRange(op.range), (row, column) => {
          const cell = at(row, column);
          cell.style = { ...cell.style, ...op.style };
        });
        break;
      case "merge": {
        const box = parseRange(op.range);
        sheet.merges = [...sheet.merges.filter((merge) => !within(box, merge)), box];
        break;
      }
      case "validate":
        eachCell(parseRange(op.range), (row, column) => {
          at(row, column).validation = { rule: op.rule, title: op.title, message: op.message };
        });
        break;
      case "input":
        eachCell(parseRange(op.range), (row, column) => {
          at(row, column).input = true;
        });
        break;
      case "columnWidth":
        sheet.columnWidths.set(op.column, op.characters);
        break;
      case "rowHeight":
        sheet.rowHeights.set(op.row, op.points);
        break;
      case "freeze":
        sheet.frozen = { rows: op.rows, columns: op.columns };
        break;
      case "textFill":
        sheet.textFills.push({ box: parseRange(op.range), text: op.text, fill: op.fill });
        break;
      case "dataBar":
        sheet.dataBars.push({ box: parseRange(op.range), colour: op.colour });
        break;
      case "chart":
        sheet.charts.push({ ...chartColumns(op.chart), request: op.chart });
        break;
      case "print":
        sheet.print = op.setup;
        break;
    }
  }
}

/** A source block's first column below its header as categories, the next as values; or the series' own columns. */
function chartColumns(chart: ChartRequest): { categories: RangeBox; values: RangeBox } {
  if (chart.series) return { categories: parseRange(chart.series.categories), values: parseRange(chart.series.values) };
  const source = parseRange(chart.source!);
  const column = (at: number): RangeBox => ({ firstRow: source.firstRow + 1, lastRow: source.lastRow, firstColumn: at, lastColumn: at });
  return { categories: column(source.firstColumn), values: column(source.firstColumn + 1) };
}

/** Whether a typed number passes the cell's validation; blank always does. */
export function passesValidation(rule: ValidationRule, value: RawValue): boolean {
  if (value === null) return true;
  if (typeof value !== "number") return false;
  if (rule.kind === "decimal") return value >= rule.min && (rule.max === undefined || value <= rule.max);
  return value >= isoDateToExcelSerial(rule.from) && value <= isoDateToExcelSerial(rule.to);
}

function hasContent(cell: MemoryCell): boolean {
  return cell.formula !== undefined || (cell.value !== null && cell.value !== "");
}

/** The used range as Excel's getUsedRange(true) finds it: cells with a value or a formula. */
export function usedBox(sheet: MemorySheet): RangeBox | undefined {
  let box: RangeBox | undefined;
  for (const [id, cell] of sheet.cells) {
    if (!hasContent(cell)) continue;
    const [row, column] = id.split(",").map(Number) as [number, number];
    box = box
      ? {
          firstRow: Math.min(box.firstRow, row),
          firstColumn: Math.min(box.firstColumn, column),
          lastRow: Math.max(box.lastRow, row),
          lastColumn: Math.max(box.lastColumn, column),
        }
      : { firstRow: row, firstColumn: column, lastRow: row, lastColumn: column };
  }
  return box;
}

/** Up to the last cell holding anything, a style alone included, for the preview grid to draw. */
export function extentOf(sheet: MemorySheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const id of sheet.cells.keys()) {
    const [row, column] = id.split(",").map(Number) as [number, number];
    rows = Math.max(rows, row);
    columns = Math.max(columns, column + 1);
  }
  return { rows, columns };
}
