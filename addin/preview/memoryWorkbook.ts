import type { Sheet, SheetCell } from "../../shared/catalogue/importers/sheetRows";
import type { Aggregate } from "../../shared/report/aggregate";
import type { SubmissionReceipt } from "../../shared/report/receipt";
import { REPORT_SHEET_NAME, type ReportBinding } from "../../shared/report/reportTable";
import { boxAddress, cellAddress, insideBox, parseRange } from "../../shared/sheet/address";
import { aggregateSheetPlans, staleAggregateSheetNames } from "../../shared/sheet/aggregate";
import { GENERAL_FORMAT, PERCENT_FORMAT } from "../../shared/sheet/formats";
import type { SheetPlan } from "../../shared/sheet/plan";
import type { PrintSetup } from "../../shared/sheet/print";
import { receiptOps } from "../../shared/sheet/receipt";
import { reportTableOps } from "../../shared/sheet/reportTable/layout";
import type { CellStyle } from "../../shared/sheet/style";
import type { PercentAnswer, ReportTableReading, WorkbookPort, WriteReportResult } from "../excel/workbookPort";
import type { ReportTablePlan } from "../report/planReportTable";
import { archiveNames, timeStampedSheetName } from "../report/sheetNames";
import { applyOps, blankCell, cellKey as key, extentOf, newSheet, passesValidation, usedBox, type MemoryCell, type MemorySheet } from "./memorySheet";
import { displayOf, readValue, typedInput } from "./memoryValues";
import { previewResult, type RawValue } from "./previewFormulas";

export type { MemoryCell } from "./memorySheet";

/**
 * The workbook port on sheets in memory: what the browser preview of the task pane renders and lets a person type
 * into, and what tests write and read without Excel. It applies the same sheet operations as ExcelWorkbook. It is a
 * preview, not a spreadsheet: only the formulas the planner writes are computed (see previewFormulas), a formula
 * typed into a cell stays text, and there is no file to upload.
 */

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
  /** Row heights in points where a plan set them. */
  rowHeights: Record<number, number>;
  /** Merged ranges, "A1:I1". */
  merges: string[];
  print?: PrintSetup;
}

export type SetCellResult = { ok: true } | { ok: false; message: string };

const DEFAULT_WIDTH = 9;

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
        charts: sheet.charts.map((chart) => chartOf((chart.request.sourceSheet && this.sheet(chart.request.sourceSheet)) || sheet, chart)),
        rowHeights: Object.fromEntries(sheet.rowHeights),
        merges: sheet.merges.map((merge) => boxAddress(merge)),
        ...(sheet.print ? { print: sheet.print } : {}),
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
    const rule = sheet.textFills.find((fill) => insideBox(fill.box, box.firstRow, box.firstColumn) && display.startsWith(fill.text));
    return {
      address: cellAddress(box.firstRow, box.firstColumn),
      value,
      display,
      ...(cell.formula ? { formula: cell.formula } : {}),
      numberFormat: cell.numberFormat,
      style: rule ? { ...cell.style, fill: rule.fill } : cell.style,
      input: cell.input,
    };
  }

  /** The style a plan gave the cell itself, without the fill of any conditional rule. */
  ownStyle(sheetName: string, address: string): CellStyle | undefined {
    const box = parseRange(address);
    return this.sheet(sheetName)?.cells.get(key(box.firstRow, box.firstColumn))?.style;
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
    if (cell.validation && !passesValidation(cell.validation.rule, typed.value)) {
      return { ok: false, message: cell.validation.message };
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

  /** Draws any sheet plan on the sheet of its name, made first when missing: what the interpreter tests compare. */
  applyPlan(plan: SheetPlan): void {
    const sheet = this.sheet(plan.sheetName) ?? this.addSheet(plan.sheetName);
    applyOps(sheet, plan.ops);
    this.recompute(sheet);
    this.notify();
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
    const plans = aggregateSheetPlans(aggregate);
    const stale = new Set(staleAggregateSheetNames(plans));
    for (let index = this.book.length - 1; index >= 0; index -= 1) if (stale.has(this.book[index]!.name)) this.book.splice(index, 1);
    for (const plan of plans) {
      const index = this.book.findIndex((sheet) => sheet.name === plan.sheetName);
      const sheet = newSheet(plan.sheetName);
      if (index >= 0) this.book.splice(index, 1, sheet);
      else this.book.push(sheet);
      applyOps(sheet, plan.ops);
    }
    this.active = plans[0]!.sheetName;
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

function chartOf(sheet: MemorySheet, chart: MemorySheet["charts"][number]): PreviewChart {
  const categories: string[] = [];
  const values: Array<number | null> = [];
  for (let offset = 0; offset <= chart.values.lastRow - chart.values.firstRow; offset += 1) {
    const category = sheet.cells.get(key(chart.categories.firstRow + offset, chart.categories.firstColumn))?.value;
    const value = sheet.cells.get(key(chart.values.firstRow + offset, chart.values.firstColumn))?.value;
    categories.push(category === null || category === undefined || typeof category === "object" ? "" : String(category));
    values.push(typeof value === "number" ? value : null);
  }
  return { title: chart.request.title, categories, values };
}
