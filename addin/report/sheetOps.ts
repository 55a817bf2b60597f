import { HEADER_COLOUR, VERDICT_COLOURS } from "../../shared/verdict/colours";
import { isoDateToExcelSerial } from "../../shared/period/excelDate";
import { columnLetter, REPORT_COLUMNS } from "../../shared/report/reportTable";
import type { VerdictCode } from "../../shared/verdict/schema";
import {
  HEADER_ROW,
  TABLE_COLUMN_COUNT,
  TABLE_FIRST_ROW,
  TITLE_ROW,
  type PlannedCell,
  type PlannedRow,
  type ReportTablePlan,
} from "./planReportTable";

/**
 * The writes of one sheet as data: both workbook adapters apply the same list (Excel in one batch, the preview on
 * its cells), so layout and styling are decided once, here, and tested without Excel. Ranges are A1 addresses.
 */

export interface CellStyle {
  /** "#RRGGBB". */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  verticalAlignment?: "Top" | "Center";
  horizontalAlignment?: "Left" | "Center";
  /** Thin grey lines around and between the cells. */
  borders?: boolean;
}

export type SheetOp =
  /** Contents, formats and data validation. */
  | { op: "clear"; range: string }
  /** A rectangle of cells; numberFormats has the same shape and is applied before the values. */
  | { op: "cells"; range: string; cells: PlannedCell[][]; numberFormats: string[][] }
  | { op: "style"; range: string; style: CellStyle }
  /** Only decimals from min (to max) are accepted; blank stays allowed. */
  | { op: "validate"; range: string; min: number; max?: number; title: string; message: string }
  /** Cells the officer is expected to fill: a hint for the preview, styled by a "style" op like any other. */
  | { op: "input"; range: string }
  /** Width in characters of the default font, as REPORT_COLUMNS gives it. */
  | { op: "columnWidth"; column: number; characters: number }
  | { op: "freeze"; rows: number; columns: number }
  /** A conditional fill on cells whose text begins with `text`. */
  | { op: "textFill"; range: string; text: string; fill: string }
  | { op: "chart"; kind: "barClustered"; source: string; title: string; topLeft: string; bottomRight: string; percentAxis: boolean };

export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "dd/mm/yyyy";
export const PERCENT_FORMAT = "0.0%";
export const GENERAL_FORMAT = "General";

export const HEADER_FILL = HEADER_COLOUR;
export const INPUT_FILL = "#FFF9E5";
export const MUTED_FONT = "#7F7F7F";

/** One colour per verdict, the same in the report's province column and the province's matrix. */
export const VERDICT_FILLS: Record<VerdictCode, string> = VERDICT_COLOURS;

export const HEADER_STYLE: CellStyle = {
  fill: HEADER_FILL,
  bold: true,
  wrap: true,
  verticalAlignment: "Center",
  horizontalAlignment: "Center",
  borders: true,
};

/** What Excel receives for a cell through Range.formulas: "" empties it. */
export function cellInput(cell: PlannedCell): string | number | boolean {
  if ("formula" in cell) return cell.formula;
  if ("text" in cell) return cell.text;
  if ("date" in cell) return isoDateToExcelSerial(cell.date);
  return cell.value ?? "";
}

/** The number format a cell needs before its value is written; `fallback` for plain values and formulas. */
export function cellNumberFormat(cell: PlannedCell, fallback: string = GENERAL_FORMAT): string {
  if ("text" in cell) return TEXT_FORMAT;
  if ("date" in cell) return DATE_FORMAT;
  // A plain string that Excel would read as a formula is kept as text all the same.
  if ("value" in cell && typeof cell.value === "string" && /^[=+\-@]/.test(cell.value)) return TEXT_FORMAT;
  return fallback;
}

export function rangeAddress(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  const start = `${columnLetter(firstColumn)}${firstRow}`;
  const end = `${columnLetter(lastColumn)}${lastRow}`;
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
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const firstColumn = column(match[1]!);
  const lastColumn = match[3] ? column(match[3]) : firstColumn;
  const firstRow = match[2] ? Number(match[2]) : 1;
  const lastRow = match[3] ? (match[4] ? Number(match[4]) : 1_048_576) : match[2] ? firstRow : 1_048_576;
  return { firstRow, firstColumn, lastRow, lastColumn };
}

/** Excel refuses longer sheet names. */
export const SHEET_NAME_LIMIT = 31;

/** Names to move a sheet aside under, first free one wins: "Báo cáo 2025-Q4", then "Báo cáo 2025-Q4 (2)" … */
export function archiveNames(base: string): string[] {
  const fit = (suffix: string) => `${base.slice(0, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
  return [fit(""), ...Array.from({ length: 8 }, (_, index) => fit(` (${index + 2})`))];
}

/** A name no sheet has, for when every archive name is taken or a sheet must step aside for a moment. */
export function timeStampedSheetName(base: string): string {
  const suffix = ` ${Date.now().toString(36)}`;
  return `${base.slice(0, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
}

export function cellsOp(firstRow: number, firstColumn: number, cells: PlannedCell[][], fallback?: (row: number, column: number) => string): SheetOp {
  const width = Math.max(1, ...cells.map((row) => row.length));
  const rows = cells.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? { value: null }));
  return {
    op: "cells",
    range: rangeAddress(firstRow, firstColumn, firstRow + rows.length - 1, firstColumn + width - 1),
    cells: rows,
    numberFormats: rows.map((row, r) => row.map((cell, c) => cellNumberFormat(cell, fallback?.(r, c)))),
  };
}

/** Consecutive rows sharing a key, as [first, last] indexes, so one validation or style covers each run. */
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

const ACTUAL_COLUMN = REPORT_COLUMNS.findIndex((column) => column.key === "actual");
const NUMERATOR_COLUMN = REPORT_COLUMNS.findIndex((column) => column.key === "numerator");
const DENOMINATOR_COLUMN = REPORT_COLUMNS.findIndex((column) => column.key === "denominator");
const NOTE_COLUMN = REPORT_COLUMNS.findIndex((column) => column.key === "note");
const TEXT_COLUMN = REPORT_COLUMNS.findIndex((column) => column.key === "text");
const LAST_TABLE_COLUMN = TABLE_COLUMN_COUNT - 1;

export function reportTableOps(plan: ReportTablePlan): SheetOp[] {
  const ops: SheetOp[] = [];
  if (plan.clear.rows > 0 && plan.clear.columns > 0) ops.push({ op: "clear", range: rangeAddress(1, 0, plan.clear.rows, plan.clear.columns - 1) });

  ops.push(cellsOp(TITLE_ROW, 0, plan.title.map((line) => [{ text: line }])));
  if (plan.title.length > 0) ops.push({ op: "style", range: `A${TITLE_ROW}`, style: { bold: true, fontSize: 14 } });
  if (plan.title.length > 1) ops.push({ op: "style", range: `A${TITLE_ROW + 1}`, style: { bold: true } });
  if (plan.title.length > 2) ops.push({ op: "style", range: `A${TITLE_ROW + 2}`, style: { italic: true, fontColor: MUTED_FONT } });

  const header = plan.header.map((text): PlannedCell => ({ text }));
  ops.push(cellsOp(HEADER_ROW, 0, [header, ...plan.rows.map((row) => row.cells)], (r, c) => rowFormat(plan.rows[r - 1], c)));
  ops.push({ op: "style", range: rangeAddress(HEADER_ROW, 0, HEADER_ROW, LAST_TABLE_COLUMN), style: HEADER_STYLE });

  const last = TABLE_FIRST_ROW + plan.rows.length - 1;
  if (plan.rows.length > 0) {
    const column = (index: number) => rangeAddress(TABLE_FIRST_ROW, index, last, index);
    ops.push({ op: "style", range: rangeAddress(TABLE_FIRST_ROW, 0, last, LAST_TABLE_COLUMN), style: { borders: true, verticalAlignment: "Top" } });
    ops.push({ op: "style", range: column(TEXT_COLUMN), style: { wrap: true } });
    for (const range of [rangeAddress(TABLE_FIRST_ROW, NUMERATOR_COLUMN, last, ACTUAL_COLUMN), column(NOTE_COLUMN)]) {
      ops.push({ op: "style", range, style: { fill: INPUT_FILL } });
      ops.push({ op: "input", range });
    }
    ops.push({ op: "style", range: column(NOTE_COLUMN), style: { wrap: true } });
    for (const run of runs(plan.rows, (row) => (row.assigned ? undefined : "kept"))) {
      ops.push({
        op: "style",
        range: rangeAddress(TABLE_FIRST_ROW + run.first, 0, TABLE_FIRST_ROW + run.last, LAST_TABLE_COLUMN),
        style: { italic: true, fontColor: MUTED_FONT },
      });
    }
    ops.push({
      op: "validate",
      range: rangeAddress(TABLE_FIRST_ROW, NUMERATOR_COLUMN, last, DENOMINATOR_COLUMN),
      min: 0,
      title: "Số liệu không hợp lệ",
      message: "Tử số và mẫu số phải là số không âm.",
    });
    for (const run of runs(plan.rows, (row) => (row.percent ? "percent" : undefined))) {
      const range = rangeAddress(TABLE_FIRST_ROW + run.first, ACTUAL_COLUMN, TABLE_FIRST_ROW + run.last, ACTUAL_COLUMN);
      ops.push({ op: "validate", range, min: 0, max: 1, title: "Tỷ lệ không hợp lệ", message: "Nhập tỷ lệ từ 0% đến 100%, ví dụ 90% hoặc 0,9." });
    }
  }
  REPORT_COLUMNS.forEach((column, index) => ops.push({ op: "columnWidth", column: index, characters: column.width }));
  ops.push({ op: "freeze", rows: HEADER_ROW, columns: 0 });
  return ops;
}

function rowFormat(row: PlannedRow | undefined, column: number): string {
  return row?.percent && column === ACTUAL_COLUMN ? PERCENT_FORMAT : GENERAL_FORMAT;
}
