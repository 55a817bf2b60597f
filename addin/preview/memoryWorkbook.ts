import type { Sheet, SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { excelSerialToIsoDate, isoDateToExcelSerial, parseDateText } from "../../shared/period/excelDate";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import type { Aggregate } from "../../shared/report/aggregate";
import type { SubmissionReceipt } from "../../shared/report/receipt";
import { columnLetter, REPORT_SHEET_NAME, type ReportBinding } from "../../shared/report/reportTable";
import { readNumber } from "../../shared/verdict/actual";
import { sheetCellOf } from "../excel/cellValues";
import type { PercentAnswer, ReportTableReading, WorkbookPort, WriteReportResult } from "../excel/workbookPort";
import { AGGREGATE_SHEET_NAME, aggregateOps } from "../report/planAggregateSheet";
import { receiptOps } from "../report/planReceipt";
import type { FormulaMeaning, ReportTablePlan } from "../report/planReportTable";
import {
  archiveNames,
  DATE_FORMAT,
  GENERAL_FORMAT,
  parseRange,
  PERCENT_FORMAT,
  reportTableOps,
  TEXT_FORMAT,
  timeStampedSheetName,
  type CellStyle,
  type RangeBox,
  type SheetOp,
} from "../report/sheetOps";
import { previewResult, type RawValue } from "./previewFormulas";

/**
 * The workbook port on sheets in memory: what the browser preview of the task pane renders and lets a person type
 * into, and what tests write and read without Excel. It applies the same sheet operations as ExcelWorkbook. It is a
 * preview, not a spreadsheet: only the formulas the planner writes are computed (see previewFormulas), a formula
 * typed into a cell stays text, and there is no file to upload.
 */

export interface MemoryCell {
  /** As Excel holds it: dates as day numbers, formula results after the preview computed them. */
  value: RawValue;
  formula?: string;
  computes?: FormulaMeaning;
  numberFormat: string;
  style: CellStyle;
  validation?: { min: number; max?: number; title: string; message: string };
  /** A cell the officer is expected to fill. */
  input: boolean;
}

export interface PreviewCell {
  address: string;
  /** As WorkbookPort reads it: dates as ISO days, "" as empty. */
  value: SheetCell;
  /** As the cell shows: "75,0%", "20/12/2025", "Đạt". */
  display: string;
  formula?: string;
  numberFormat: string;
  /** The cell's style with the fill of any matching conditional rule. */
  style: CellStyle;
  input: boolean;
}

export interface PreviewChart {
  title: string;
  categories: string[];
  values: Array<number | null>;
}

export interface PreviewSheet {
  name: string;
  /** Rows and columns up to the last cell holding anything, styles included. */
  rowCount: number;
  columnCount: number;
  frozenRows: number;
  frozenColumns: number;
  /** Width of each column in characters; 9 where none was set. */
  columnWidths: number[];
  charts: PreviewChart[];
}

export type SetCellResult = { ok: true } | { ok: false; message: string };

interface MemorySheet {
  name: string;
  /** Keyed by "row,column": 1-based row, zero-based column. */
  cells: Map<string, MemoryCell>;
  columnWidths: Map<number, number>;
  frozen: { rows: number; columns: number };
  textFills: Array<{ box: RangeBox; text: string; fill: string }>;
  charts: Array<{ source: RangeBox; title: string }>;
}

const DEFAULT_WIDTH = 9;
const key = (row: number, column: number) => `${row},${column}`;

export class MemoryWorkbook implements WorkbookPort {
  readonly kind = "preview" as const;
  private readonly book: MemorySheet[] = [];
  private active: string | undefined;
  private storedBinding: ReportBinding | undefined;
  private readonly listeners = new Set<() => void>();
  private changes = 0;

  /** Optionally seeded with sheets of plain values (a decision to import, say); the first becomes active. */
  constructor(initial: { sheets?: readonly Sheet[] } = {}) {
    for (const sheet of initial.sheets ?? []) this.fillSheet(sheet);
    this.active = this.book[0]?.name;
  }

  /** Bumped on every change: lets a UI tell a changed workbook from the same one. */
  get revision(): number {
    return this.changes;
  }

  /** A sheet of plain values (replacing one of that name), made the active sheet: the preview's "open a file". */
  openSheet(sheet: Sheet): void {
    const index = this.book.findIndex((existing) => existing.name === sheet.name);
    if (index >= 0) this.book.splice(index, 1);
    this.fillSheet(sheet);
    this.active = sheet.name;
    this.notify();
  }

  private fillSheet(sheet: Sheet): void {
    const memory = this.addSheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((value, column) => {
        if (value !== null) memory.cells.set(key(r + 1, column), blankCell(value));
      }),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // What the preview UI renders and edits

  sheets(): PreviewSheet[] {
    return this.book.map((sheet) => {
      const extent = extentOf(sheet);
      const columnCount = Math.max(extent.columns, ...[...sheet.columnWidths.keys()].map((column) => column + 1), 0);
      return {
        name: sheet.name,
        rowCount: extent.rows,
        columnCount,
        frozenRows: sheet.frozen.rows,
        frozenColumns: sheet.frozen.columns,
        columnWidths: Array.from({ length: columnCount }, (_, column) => sheet.columnWidths.get(column) ?? DEFAULT_WIDTH),
        charts: sheet.charts.map((chart) => chartOf(sheet, chart)),
      };
    });
  }

  activeSheet(): string | undefined {
    return this.active;
  }

  activate(name: string): void {
    if (!this.sheet(name)) return;
    this.active = name;
    this.notify();
  }

  cell(sheetName: string, address: string): PreviewCell | undefined {
    const sheet = this.sheet(sheetName);
    const box = parseRange(address);
    const cell = sheet?.cells.get(key(box.firstRow, box.firstColumn));
    if (!sheet || !cell) return undefined;
    const value = readValue(cell);
    const display = displayOf(cell);
    const rule = sheet.textFills.find((fill) => inside(fill.box, box.firstRow, box.firstColumn) && display.startsWith(fill.text));
    return {
      address: `${columnLetter(box.firstColumn)}${box.firstRow}`,
      value,
      display,
      ...(cell.formula ? { formula: cell.formula } : {}),
      numberFormat: cell.numberFormat,
      style: rule ? { ...cell.style, fill: rule.fill } : cell.style,
      input: cell.input,
    };
  }

  /**
   * What a person types, read roughly as Excel in a Vietnamese locale would ("0,9", "90%", "30/6/2025"); refused
   * with the cell's validation message as Excel refuses it. A typed formula is kept as text.
   */
  setCell(sheetName: string, address: string, input: string | number | boolean | null): SetCellResult {
    const sheet = this.sheet(sheetName);
    if (!sheet) return { ok: false, message: `Không có trang "${sheetName}".` };
    const box = parseRange(address);
    const id = key(box.firstRow, box.firstColumn);
    const cell = sheet.cells.get(id) ?? blankCell(null);
    const typed = typedInput(input, cell.numberFormat);
    if (cell.validation && typed.value !== null) {
      const { min, max } = cell.validation;
      if (typeof typed.value !== "number" || typed.value < min || (max !== undefined && typed.value > max)) {
        return { ok: false, message: cell.validation.message };
      }
    }
    // Typing over a formula replaces it, as in Excel.
    const replaced: MemoryCell = { ...cell, value: typed.value, numberFormat: typed.numberFormat ?? cell.numberFormat };
    delete replaced.formula;
    delete replaced.computes;
    sheet.cells.set(id, replaced);
    this.recompute(sheet);
    this.notify();
    return { ok: true };
  }

  /** Called after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // -------------------------------------------------------------------------------------------------------------
  // WorkbookPort

  async writeReportTable(plan: ReportTablePlan): Promise<WriteReportResult> {
    let sheet = this.sheet(plan.sheetName);
    let archivedAs: string | undefined;
    if (sheet && plan.archive) {
      archivedAs = archiveNames(plan.archive.sheetName).find((name) => !this.sheet(name)) ?? timeStampedSheetName(plan.archive.sheetName);
      sheet.name = archivedAs;
      sheet = undefined;
    }
    sheet ??= this.addSheet(plan.sheetName);
    applyOps(sheet, reportTableOps(plan));
    this.storedBinding = structuredClone(plan.binding);
    this.active = sheet.name;
    this.recompute(sheet);
    this.notify();
    return archivedAs ? { archivedAs } : {};
  }

  async readReportTable(): Promise<ReportTableReading | undefined> {
    const sheet = this.sheet(REPORT_SHEET_NAME);
    if (!sheet) return undefined;
    const used = usedBox(sheet);
    const binding = this.storedBinding ? { binding: structuredClone(this.storedBinding) } : {};
    if (!used) return { grid: [], formulas: [], numberFormats: [], origin: { row: 0, column: 0 }, ...binding };
    const grid: SheetCell[][] = [];
    const formulas: Array<Array<string | null>> = [];
    const numberFormats: Array<Array<string | null>> = [];
    for (let row = used.firstRow; row <= used.lastRow; row += 1) {
      const values: SheetCell[] = [];
      const rowFormulas: Array<string | null> = [];
      const rowFormats: Array<string | null> = [];
      for (let column = used.firstColumn; column <= used.lastColumn; column += 1) {
        const cell = sheet.cells.get(key(row, column));
        values.push(cell ? readValue(cell) : null);
        rowFormulas.push(cell?.formula ?? null);
        rowFormats.push(cell?.numberFormat ?? GENERAL_FORMAT);
      }
      grid.push(values);
      formulas.push(rowFormulas);
      numberFormats.push(rowFormats);
    }
    return { grid, formulas, numberFormats, origin: { row: used.firstRow - 1, column: used.firstColumn }, ...binding };
  }

  async writePercentAnswers(answers: readonly PercentAnswer[]): Promise<void> {
    if (answers.length === 0) return;
    const sheet = this.sheet(REPORT_SHEET_NAME);
    if (!sheet) throw new Error(`Không tìm thấy trang "${REPORT_SHEET_NAME}".`);
    for (const answer of answers) {
      const box = parseRange(answer.cell);
      const id = key(box.firstRow, box.firstColumn);
      const cell: MemoryCell = { ...(sheet.cells.get(id) ?? blankCell(null)), value: answer.fraction, numberFormat: PERCENT_FORMAT };
      delete cell.formula;
      delete cell.computes;
      sheet.cells.set(id, cell);
    }
    this.recompute(sheet);
    this.notify();
  }

  async writeReceipt(receipt: SubmissionReceipt, binding: ReportBinding): Promise<void> {
    const sheet = this.sheet(REPORT_SHEET_NAME);
    if (!sheet) throw new Error(`Không tìm thấy trang "${REPORT_SHEET_NAME}" để ghi biên nhận: hãy lấy lại bảng báo cáo.`);
    applyOps(sheet, receiptOps(receipt, binding));
    this.recompute(sheet);
    this.notify();
  }

  async writeAggregate(aggregate: Aggregate): Promise<void> {
    const index = this.book.findIndex((sheet) => sheet.name === AGGREGATE_SHEET_NAME);
    const sheet = newSheet(AGGREGATE_SHEET_NAME);
    if (index >= 0) this.book.splice(index, 1, sheet);
    else this.book.push(sheet);
    applyOps(sheet, aggregateOps(aggregate));
    this.active = sheet.name;
    this.notify();
  }

  async readActiveSheet(): Promise<Sheet> {
    const sheet = this.active ? this.sheet(this.active) : undefined;
    if (!sheet) return { name: this.active ?? "", rows: [] };
    const used = usedBox(sheet);
    if (!used) return { name: sheet.name, rows: [] };
    const rows: SheetCell[][] = [];
    for (let row = 1; row <= used.lastRow; row += 1) {
      const values: SheetCell[] = [];
      for (let column = 0; column <= used.lastColumn; column += 1) {
        const cell = sheet.cells.get(key(row, column));
        values.push(cell ? readValue(cell) : null);
      }
      rows.push(values);
    }
    return { name: sheet.name, rows };
  }

  /**
   * No file in the preview: building an xlsx here would pull exceljs (about a megabyte) into the browser bundle for
   * a file nobody needs, and the server accepts the submitted values without one.
   */
  async readDocumentBytes(onProgress: (done: number, total: number) => void): Promise<Uint8Array | undefined> {
    void onProgress;
    return undefined;
  }

  /** The binding written with the last table, as Excel keeps it in the document settings. */
  binding(): ReportBinding | undefined {
    return this.storedBinding ? structuredClone(this.storedBinding) : undefined;
  }

  // -------------------------------------------------------------------------------------------------------------

  private sheet(name: string): MemorySheet | undefined {
    return this.book.find((sheet) => sheet.name === name);
  }

  private addSheet(name: string): MemorySheet {
    const sheet = newSheet(name);
    this.book.push(sheet);
    return sheet;
  }

  /** Rates before verdicts: a verdict reads the rate written in Kết quả. */
  private recompute(sheet: MemorySheet): void {
    const valueAt = (address: string): RawValue => {
      const box = parseRange(address);
      return sheet.cells.get(key(box.firstRow, box.firstColumn))?.value ?? null;
    };
    const formulas = [...sheet.cells.values()].filter((cell) => cell.computes);
    for (const pass of [["rate", "officer"], ["status", "verdict"]]) {
      for (const cell of formulas) {
        if (pass.includes(cell.computes!.kind)) cell.value = previewResult(cell.computes!, valueAt);
      }
    }
  }

  private notify(): void {
    this.changes += 1;
    for (const listener of [...this.listeners]) listener();
  }
}

function newSheet(name: string): MemorySheet {
  return { name, cells: new Map(), columnWidths: new Map(), frozen: { rows: 0, columns: 0 }, textFills: [], charts: [] };
}

function blankCell(value: RawValue): MemoryCell {
  return { value, numberFormat: GENERAL_FORMAT, style: {}, input: false };
}

function inside(box: RangeBox, row: number, column: number): boolean {
  return row >= box.firstRow && row <= box.lastRow && column >= box.firstColumn && column <= box.lastColumn;
}

function cellsOf(box: RangeBox, visit: (row: number, column: number) => void): void {
  for (let row = box.firstRow; row <= box.lastRow; row += 1) {
    for (let column = box.firstColumn; column <= box.lastColumn; column += 1) visit(row, column);
  }
}

function applyOps(sheet: MemorySheet, ops: readonly SheetOp[]): void {
  const at = (row: number, column: number): MemoryCell => {
    const id = key(row, column);
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
        cellsOf(box, (row, column) => sheet.cells.delete(key(row, column)));
        sheet.textFills = sheet.textFills.filter((fill) => !(inside(box, fill.box.firstRow, fill.box.firstColumn) && inside(box, fill.box.lastRow, fill.box.lastColumn)));
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
            else cell.value = planned.value;
          }),
        );
        break;
      }
      case "style":
        cellsOf(parseRange(op.range), (row, column) => {
          const cell = at(row, column);
          cell.style = { ...cell.style, ...op.style };
        });
        break;
      case "validate":
        cellsOf(parseRange(op.range), (row, column) => {
          at(row, column).validation = { min: op.min, ...(op.max !== undefined ? { max: op.max } : {}), title: op.title, message: op.message };
        });
        break;
      case "input":
        cellsOf(parseRange(op.range), (row, column) => {
          at(row, column).input = true;
        });
        break;
      case "columnWidth":
        sheet.columnWidths.set(op.column, op.characters);
        break;
      case "freeze":
        sheet.frozen = { rows: op.rows, columns: op.columns };
        break;
      case "textFill":
        sheet.textFills.push({ box: parseRange(op.range), text: op.text, fill: op.fill });
        break;
      case "chart":
        sheet.charts.push({ source: parseRange(op.source), title: op.title });
        break;
    }
  }
}

function hasContent(cell: MemoryCell): boolean {
  return cell.formula !== undefined || (cell.value !== null && cell.value !== "");
}

/** The used range as Excel's getUsedRange(true) finds it: cells with a value or a formula. */
function usedBox(sheet: MemorySheet): RangeBox | undefined {
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
function extentOf(sheet: MemorySheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const id of sheet.cells.keys()) {
    const [row, column] = id.split(",").map(Number) as [number, number];
    rows = Math.max(rows, row);
    columns = Math.max(columns, column + 1);
  }
  return { rows, columns };
}

function readValue(cell: MemoryCell): SheetCell {
  const value = cell.value;
  if (value !== null && typeof value === "object") return { error: value.error };
  return sheetCellOf(value, undefined, cell.numberFormat);
}

function displayOf(cell: MemoryCell): string {
  const value = cell.value;
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (cell.numberFormat === DATE_FORMAT) {
    const iso = excelSerialToIsoDate(value);
    return iso ? formatIsoDateVi(iso) : String(value);
  }
  const percent = /^0(?:\.(0+))?%$/.exec(cell.numberFormat);
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0).replace(".", ",")}%`;
  return String(Math.round(value * 1e10) / 1e10).replace(".", ",");
}

function typedInput(input: string | number | boolean | null, numberFormat: string): { value: RawValue; numberFormat?: string } {
  if (input === null) return { value: null };
  if (typeof input !== "string") return { value: input };
  const text = input.trim();
  if (text === "") return { value: null };
  if (numberFormat === TEXT_FORMAT) return { value: input };
  const date = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) ? parseDateText(text) : undefined;
  if (date) return { value: isoDateToExcelSerial(date), numberFormat: DATE_FORMAT };
  const number = readNumber(text);
  if (number.kind === "number") {
    if (!number.writtenAsPercent) return { value: number.value };
    return { value: number.value / 100, ...(numberFormat === GENERAL_FORMAT ? { numberFormat: PERCENT_FORMAT } : {}) };
  }
  return { value: input };
}

function chartOf(sheet: MemorySheet, chart: { source: RangeBox; title: string }): PreviewChart {
  const categories: string[] = [];
  const values: Array<number | null> = [];
  for (let row = chart.source.firstRow + 1; row <= chart.source.lastRow; row += 1) {
    const category = sheet.cells.get(key(row, chart.source.firstColumn))?.value;
    const value = sheet.cells.get(key(row, chart.source.firstColumn + 1))?.value;
    categories.push(category === null || category === undefined || typeof category === "object" ? "" : String(category));
    values.push(typeof value === "number" ? value : null);
  }
  return { title: chart.title, categories, values };
}
