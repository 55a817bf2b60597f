import type { Sheet } from "../../shared/catalogue/importers/sheetRows";
import type { Aggregate } from "../../shared/report/aggregate";
import type { SubmissionReceipt } from "../../shared/report/receipt";
import { columnLetter, REPORT_SHEET_NAME, reportBindingSchema, type ReportBinding } from "../../shared/report/reportTable";
import { AGGREGATE_SHEET_NAME, aggregateOps } from "../report/planAggregateSheet";
import { receiptOps } from "../report/planReceipt";
import type { ReportTablePlan } from "../report/planReportTable";
import {
  archiveNames,
  cellInput,
  parseRange,
  PERCENT_FORMAT,
  rangeAddress,
  reportTableOps,
  timeStampedSheetName,
  type CellStyle,
  type SheetOp,
} from "../report/sheetOps";
import { formatGrid, formulaGrid, fromA1, sheetGrid } from "./cellValues";
import { BINDING_SETTING, type PercentAnswer, type ReportTableReading, type WorkbookPort, type WriteReportResult } from "./workbookPort";

/**
 * The workbook port on Office.js. Each method queues all its commands and syncs a fixed number of times (one to
 * learn whether a sheet exists, one to write or read), so a 200-row table costs what a 5-row one does.
 *
 * The binding lives in the document settings (Office.context.document.settings, key "kpi.binding"): they travel
 * inside the file, are out of the officer's sight with nothing to unhide, sort or delete, and are a JSON value the
 * add-in reads back without parsing XML. A custom XML part would carry the same with more code, and the server reads
 * neither: an uploaded workbook is matched by indicator code, as readReportRows does when a binding is missing.
 *
 * isNullObject needs no load, only a sync; the null-object proxies load "name" so that the sync has something to
 * fetch for them.
 *
 * Enumerations are passed as their string values ("All", "BeginsWith"…), so this file needs no Excel global until
 * `Excel.run` itself is called; tests hand in the office-addin-mock context through `run`.
 */

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { message?: string } | undefined;
}

export interface DocumentFile {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: AsyncResultLike<{ data: unknown }>) => void): void;
  closeAsync(callback?: (result: AsyncResultLike<void>) => void): void;
}

/** The little of `Office` the adapter uses, replaceable in tests. */
export interface OfficeHost {
  settings: {
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    saveAsync(callback: (result: AsyncResultLike<void>) => void): void;
  };
  getFileAsync(fileType: unknown, options: { sliceSize: number }, callback: (result: AsyncResultLike<DocumentFile>) => void): void;
  /** Office.FileType.Compressed. */
  compressedFileType: unknown;
  /** Office.AsyncResultStatus.Failed. */
  failedStatus: unknown;
  isExcelApiSupported(version: string): boolean;
}

export interface ExcelWorkbookOptions {
  run?: ExcelRun;
  host?: () => OfficeHost;
}

/** Office caps a slice at 4 MiB; the largest slice means the fewest round trips. */
export const SLICE_SIZE = 4 * 1024 * 1024;
const BORDER_COLOR = "#B4B4B4";

function officeHost(): OfficeHost {
  const document = Office.context.document;
  return {
    settings: document.settings,
    getFileAsync: (fileType, options, callback) =>
      document.getFileAsync(fileType as Office.FileType, options, callback as unknown as (result: Office.AsyncResult<Office.File>) => void),
    compressedFileType: Office.FileType.Compressed,
    failedStatus: Office.AsyncResultStatus.Failed,
    isExcelApiSupported: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

export class ExcelWorkbook implements WorkbookPort {
  readonly kind = "excel" as const;
  private readonly run: ExcelRun;
  private readonly host: () => OfficeHost;
  /**
   * Whether the last readReportTable found the sheet "Báo cáo". Pull and submit read the table and then write, so
   * the write can address the sheet at once (1 sync) instead of looking it up again; used once, and if the sheet
   * changed in between, the write falls back to looking it up.
   */
  private reportSheetSeen: boolean | undefined;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.run = options.run ?? ((batch) => Excel.run(batch));
    this.host = options.host ?? officeHost;
  }

  async writeReportTable(plan: ReportTablePlan): Promise<WriteReportResult> {
    const ops = reportTableOps(plan);
    const supports = this.supports();
    const seen = this.takeReportSheetSeen();
    if (seen !== undefined && !plan.archive) {
      const written = await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const sheet = seen ? sheets.getItem(plan.sheetName) : sheets.add(plan.sheetName);
        applyOps(sheet, ops, supports);
        sheet.activate();
        await context.sync();
        return true;
      }).catch(() => false);
      if (written) {
        await this.saveBinding(plan.binding);
        return {};
      }
    }
    const archivedAs = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const current = sheets.getItemOrNullObject(plan.sheetName);
      current.load("name");
      const candidates = plan.archive ? archiveNames(plan.archive.sheetName).map((name) => ({ name, sheet: sheets.getItemOrNullObject(name) })) : [];
      for (const candidate of candidates) candidate.sheet.load("name");
      await context.sync();

      let sheet = current;
      let archived: string | undefined;
      if (current.isNullObject) {
        sheet = sheets.add(plan.sheetName);
      } else if (plan.archive) {
        archived = candidates.find((candidate) => candidate.sheet.isNullObject)?.name ?? timeStampedSheetName(plan.archive.sheetName);
        current.name = archived;
        sheet = sheets.add(plan.sheetName);
      }
      applyOps(sheet, ops, supports);
      sheet.activate();
      await context.sync();
      return archived;
    });
    await this.saveBinding(plan.binding);
    return archivedAs ? { archivedAs } : {};
  }

  async readReportTable(): Promise<ReportTableReading | undefined> {
    const reading = await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET_NAME);
      sheet.load("name");
      await context.sync();
      this.reportSheetSeen = !sheet.isNullObject;
      if (sheet.isNullObject) return undefined;
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(["values", "formulas", "valueTypes", "numberFormat", "rowIndex", "columnIndex"]);
      await context.sync();
      if (used.isNullObject) return { grid: [], formulas: [], numberFormats: [], origin: { row: 0, column: 0 } };
      return {
        grid: sheetGrid(used.values, used.valueTypes, used.numberFormat),
        formulas: formulaGrid(used.formulas),
        // Loaded with the values in the same sync: a rate typed into a General cell reads differently (percentCell).
        numberFormats: formatGrid(used.numberFormat),
        origin: { row: used.rowIndex, column: used.columnIndex },
      };
    });
    if (!reading) return undefined;
    const binding = this.binding();
    return binding ? { ...reading, binding } : reading;
  }

  async writePercentAnswers(answers: readonly PercentAnswer[]): Promise<void> {
    if (answers.length === 0) return;
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(REPORT_SHEET_NAME);
      for (const answer of answers) {
        const range = sheet.getRange(answer.cell);
        // The format first, so the fraction shows as the percentage the officer chose.
        range.numberFormat = [[PERCENT_FORMAT]];
        range.values = [[answer.fraction]];
      }
      await context.sync();
    }).catch((error: unknown) => {
      // The sheet renamed or a cell being edited: nothing was sent, so saying what failed is enough.
      throw new Error(`Chưa ghi được câu trả lời vào trang "${REPORT_SHEET_NAME}": ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  async writeReceipt(receipt: SubmissionReceipt, binding: ReportBinding): Promise<void> {
    const ops = receiptOps(receipt, binding);
    const supports = this.supports();
    if (this.takeReportSheetSeen()) {
      const written = await this.run(async (context) => {
        applyOps(context.workbook.worksheets.getItem(REPORT_SHEET_NAME), ops, supports);
        await context.sync();
        return true;
      }).catch(() => false);
      if (written) return;
    }
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET_NAME);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) throw new Error(`Không tìm thấy trang "${REPORT_SHEET_NAME}" để ghi biên nhận: hãy lấy lại bảng báo cáo.`);
      applyOps(sheet, ops, supports);
      await context.sync();
    });
  }

  private takeReportSheetSeen(): boolean | undefined {
    const seen = this.reportSheetSeen;
    this.reportSheetSeen = undefined;
    return seen;
  }

  async writeAggregate(aggregate: Aggregate): Promise<void> {
    const ops = aggregateOps(aggregate);
    const supports = this.supports();
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const old = sheets.getItemOrNullObject(AGGREGATE_SHEET_NAME);
      old.load("name");
      await context.sync();
      // Renamed first and deleted last: the new sheet takes the name, and the workbook never lacks a sheet to show.
      if (!old.isNullObject) old.name = timeStampedSheetName("_kpi");
      const sheet = sheets.add(AGGREGATE_SHEET_NAME);
      applyOps(sheet, ops, supports);
      sheet.activate();
      if (!old.isNullObject) old.delete();
      await context.sync();
    });
  }

  async readActiveSheet(): Promise<Sheet> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(["values", "valueTypes", "numberFormat", "rowIndex", "columnIndex"]);
      await context.sync();
      if (used.isNullObject) return { name: sheet.name, rows: [] };
      const origin = { row: used.rowIndex, column: used.columnIndex };
      return { name: sheet.name, rows: fromA1(sheetGrid(used.values, used.valueTypes, used.numberFormat), origin, null) };
    });
  }

  async readDocumentBytes(onProgress: (done: number, total: number) => void): Promise<Uint8Array | undefined> {
    const host = this.host();
    const file = await new Promise<DocumentFile>((resolve, reject) =>
      host.getFileAsync(host.compressedFileType, { sliceSize: SLICE_SIZE }, (result) =>
        result.status === host.failedStatus ? reject(officeError("Không đọc được tệp Excel đang mở", result)) : resolve(result.value),
      ),
    );
    try {
      const chunks: Uint8Array[] = [];
      let done = 0;
      onProgress(0, file.size);
      for (let index = 0; index < file.sliceCount; index += 1) {
        const slice = await new Promise<{ data: unknown }>((resolve, reject) =>
          file.getSliceAsync(index, (result) =>
            result.status === host.failedStatus ? reject(officeError(`Không đọc được phần ${index + 1}/${file.sliceCount} của tệp`, result)) : resolve(result.value),
          ),
        );
        const chunk = Uint8Array.from(slice.data as ArrayLike<number>);
        chunks.push(chunk);
        done += chunk.length;
        onProgress(done, file.size);
      }
      const bytes = new Uint8Array(done);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      return bytes;
    } finally {
      // Office keeps at most two files open per document; one left open makes the next submission fail.
      await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
    }
  }

  private binding(): ReportBinding | undefined {
    const stored = this.host().settings.get(BINDING_SETTING);
    const parsed = reportBindingSchema.safeParse(typeof stored === "string" ? safeJson(stored) : stored);
    return parsed.success ? parsed.data : undefined;
  }

  private async saveBinding(binding: ReportBinding): Promise<void> {
    const { settings, failedStatus } = this.host();
    settings.set(BINDING_SETTING, binding);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        result.status === failedStatus ? reject(officeError("Đã ghi bảng nhưng chưa lưu được liên kết của bảng với máy chủ", result)) : resolve(),
      ),
    );
  }

  private supports(): (version: string) => boolean {
    const host = this.host();
    return (version) => host.isExcelApiSupported(version);
  }
}

function officeError(what: string, result: AsyncResultLike<unknown>): Error {
  return new Error(`${what}${result.error?.message ? `: ${result.error.message}` : ""}.`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}


/** Excel's column width unit is the point; REPORT_COLUMNS counts characters of about 7 pixels plus 5 of padding. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function applyOps(sheet: Excel.Worksheet, ops: readonly SheetOp[], supports: (version: string) => boolean): void {
  // Data validation came with ExcelApi 1.8, frozen panes with 1.7, conditional formats with 1.6: older Excel gets
  // the table without them rather than an error.
  const validation = supports("1.8");
  const freezing = supports("1.7");
  const conditional = supports("1.6");
  for (const op of ops) {
    switch (op.op) {
      case "clear": {
        const range = sheet.getRange(op.range);
        range.clear("All");
        if (validation) range.dataValidation.clear();
        if (conditional) range.conditionalFormats.clearAll();
        break;
      }
      case "cells": {
        const range = sheet.getRange(op.range);
        // The format first: a cell formatted as text keeps "=…", "1.10" or "3/4" exactly as written.
        range.numberFormat = op.numberFormats;
        range.formulas = op.cells.map((row) => row.map(cellInput));
        break;
      }
      case "style":
        applyStyle(sheet.getRange(op.range), op.range, op.style);
        break;
      case "validate": {
        if (!validation) break;
        const range = sheet.getRange(op.range);
        range.dataValidation.clear();
        range.dataValidation.rule = {
          decimal:
            op.max === undefined
              ? { formula1: op.min, operator: "GreaterThanOrEqualTo" }
              : { formula1: op.min, formula2: op.max, operator: "Between" },
        };
        range.dataValidation.ignoreBlanks = true;
        range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: op.title, message: op.message };
        break;
      }
      case "input":
        break;
      case "columnWidth": {
        const letter = columnLetter(op.column);
        sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(op.characters);
        break;
      }
      case "freeze":
        if (!freezing) break;
        if (op.columns > 0) sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress(1, 0, op.rows, op.columns - 1)));
        else sheet.freezePanes.freezeRows(op.rows);
        break;
      case "textFill": {
        if (!conditional) break;
        const format = sheet.getRange(op.range).conditionalFormats.add("ContainsText");
        format.textComparison.format.fill.color = op.fill;
        format.textComparison.rule = { operator: "BeginsWith", text: op.text };
        break;
      }
      case "chart": {
        const chart = sheet.charts.add("BarClustered", sheet.getRange(op.source), "Columns");
        chart.title.text = op.title;
        chart.legend.visible = false;
        chart.setPosition(op.topLeft, op.bottomRight);
        if (op.percentAxis) {
          chart.axes.valueAxis.minimum = 0;
          chart.axes.valueAxis.maximum = 1;
        }
        break;
      }
    }
  }
}

function applyStyle(range: Excel.Range, address: string, style: CellStyle): void {
  const format = range.format;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.verticalAlignment !== undefined) format.verticalAlignment = style.verticalAlignment;
  if (style.horizontalAlignment !== undefined) format.horizontalAlignment = style.horizontalAlignment;
  if (style.borders) {
    const box = parseRange(address);
    const edges: Array<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical"> = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    // Inside edges of a single row or column do not exist, and Excel rejects them.
    if (box.lastRow > box.firstRow) edges.push("InsideHorizontal");
    if (box.lastColumn > box.firstColumn) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = BORDER_COLOR;
    }
  }
}
