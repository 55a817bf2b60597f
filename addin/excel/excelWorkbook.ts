import type { Sheet } from "../../shared/catalogue/importers/sheetRows";
import type { Aggregate } from "../../shared/report/aggregate";
import type { SubmissionReceipt } from "../../shared/report/receipt";
import { REPORT_SHEET_NAME, reportBindingSchema, type ReportBinding } from "../../shared/report/reportTable";
import { aggregateSheetPlans, staleAggregateSheetNames } from "../../shared/sheet/aggregate";
import { PERCENT_FORMAT } from "../../shared/sheet/formats";
import { receiptOps } from "../../shared/sheet/receipt";
import { reportTableOps } from "../../shared/sheet/reportTable/layout";
import type { ReportTablePlan } from "../report/planReportTable";
import { archiveNames, timeStampedSheetName } from "../report/sheetNames";
import { applyOps } from "./applySheetOps";
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
    const plans = aggregateSheetPlans(aggregate);
    const supports = this.supports();
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const olds = plans.map((plan) => {
        const old = sheets.getItemOrNullObject(plan.sheetName);
        old.load("name");
        return old;
      });
      const stale = staleAggregateSheetNames(plans).map((name) => sheets.getItemOrNullObject(name));
      await context.sync();
      const added = plans.map((plan, index) => {
        const old = olds[index]!;
        // Renamed first and deleted last: the new sheet takes the name, and the workbook never lacks a sheet to show.
        if (!old.isNullObject) old.name = timeStampedSheetName(`_kpi${index}`);
        const sheet = sheets.add(plan.sheetName);
        applyOps(sheet, plan.ops, supports);
        return sheet;
      });
      added[0]!.activate();
      for (const old of [...olds, ...stale]) if (!old.isNullObject) old.delete();
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

export { columnWidthPoints } from "./applySheetOps";
