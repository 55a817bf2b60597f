import type { Sheet } from "../../shared/catalogue/importers/sheetRows";
import type { Aggregate } from "../../shared/report/aggregate";
import type { SubmissionReceipt } from "../../shared/report/receipt";
import type { ReportBinding } from "../../shared/report/reportTable";
import type { ExistingTable, ReportTablePlan } from "../report/planReportTable";

/**
 * Everything the task pane asks of a workbook. ExcelWorkbook is the only code that touches `Excel.*` and `Office.*`;
 * MemoryWorkbook does the same on cells in memory for the browser preview and the tests. Every method is one
 * round trip's worth of work: a constant number of `context.sync()` calls whatever the number of rows.
 */
export interface WorkbookPort {
  readonly kind: "excel" | "preview";

  /**
   * Writes the planned table on the sheet "Báo cáo" (created if missing; renamed aside first when the plan says so)
   * with its formats, validation and widths, and keeps the binding where the officer cannot break it.
   */
  writeReportTable(plan: ReportTablePlan): Promise<WriteReportResult>;

  /** The report table as it stands (values, formulas, where it sits, the binding), or undefined without the sheet. */
  readReportTable(): Promise<ReportTableReading | undefined>;

  /**
   * The officer's answers to "0,92 nghĩa là 92% hay 0,92%?": each cell of the sheet "Báo cáo" ("G7") gets the chosen
   * fraction and a percent format, so it reads the same everywhere after (the uploaded file included).
   */
  writePercentAnswers(answers: readonly PercentAnswer[]): Promise<void>;

  /** The receipt block beside the title and the province's verdict of each row, rows paired by the binding. */
  writeReceipt(receipt: SubmissionReceipt, binding: ReportBinding): Promise<void>;

  /** Replaces the sheet "Tổng hợp" with the matrix, the share row, the indicator table and its chart. */
  writeAggregate(aggregate: Aggregate): Promise<void>;

  /** The used cells of the active sheet from A1, dates as ISO days: what the decision importers read. */
  readActiveSheet(): Promise<Sheet>;

  /**
   * The workbook file as saved bytes, for uploading beside the values; `onProgress` gets bytes read and the total.
   * Undefined where there is no file to give (the preview): the server accepts values without a workbook.
   */
  readDocumentBytes(onProgress: (done: number, total: number) => void): Promise<Uint8Array | undefined>;
}

/** What `planReportTable` needs as `existing`, plus nothing the task pane has to assemble. */
export interface ReportTableReading extends ExistingTable {
  origin: { row: number; column: number };
  formulas: Array<Array<string | null>>;
  numberFormats: Array<Array<string | null>>;
}

export interface PercentAnswer {
  /** "G7" on the sheet "Báo cáo". */
  cell: string;
  /** 0.92 for 92%. */
  fraction: number;
}

export interface WriteReportResult {
  /** The name the previous report's sheet was given, when the plan moved it aside. */
  archivedAs?: string;
}

/** The document settings key of the binding. */
export const BINDING_SETTING = "kpi.binding";
