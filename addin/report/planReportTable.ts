import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { compileFormula } from "../../shared/formula/compile";
import { formatIsoDateVi, isIsoDate } from "../../shared/period/isoDate";
import type { PeriodAssignment, PeriodAssignments } from "../../shared/report/periodAssignments";
import {
  columnLetter,
  findHeaderRow,
  REPORT_COLUMNS,
  REPORT_SHEET_NAME,
  reportBindingSchema,
  reportColumnIndex,
  type ReportBinding,
  type ReportColumnKey,
  type NumberFormatGrid,
  type ReportGridOrigin,
} from "../../shared/report/reportTable";
import type { Target } from "../../shared/target/schema";
import { normalizeText } from "../../shared/text/normalize";
import { VERDICT_LABELS } from "../../shared/verdict/labels";

/**
 * What the task pane writes into the sheet "Báo cáo" when an officer pulls the period's assignments, decided here
 * without Excel so that the merge with a table already filled is tested in Node and both workbook adapters (Excel and
 * the browser preview) write exactly the same thing.
 *
 * Layout, fixed so that formulas and the binding can name rows without reading the sheet first:
 *   rows 1–3  title lines (decision, agency and period, due date)
 *   row 4     the column names of REPORT_COLUMNS in A:I
 *   row 5…    one row per assignment, then the rows kept only because they hold typed values
 *   column J  "Đánh giá của tỉnh", written from a submission receipt
 *   L1:M4     the receipt block
 */

/** 1-based sheet row of the first title line. */
export const TITLE_ROW = 1;
/** Title lines reserved above the header, whether or not all are used, so the header never moves. */
export const TITLE_LINES = 3;
/** 1-based sheet row of the column names. */
export const HEADER_ROW = TITLE_ROW + TITLE_LINES;
/** 1-based sheet row of the first assignment row. */
export const TABLE_FIRST_ROW = HEADER_ROW + 1;
/** Columns A:I. */
export const TABLE_COLUMN_COUNT = REPORT_COLUMNS.length;
/** Zero-based column of "Đánh giá của tỉnh" (J), right of the table. */
export const PROVINCE_VERDICT_COLUMN = TABLE_COLUMN_COUNT;
/** Zero-based column of the receipt block's labels (L), one blank column after J. */
export const RECEIPT_COLUMN = PROVINCE_VERDICT_COLUMN + 2;

export const UNASSIGNED_MARK = "(không còn được giao)";
export const DUPLICATE_MARK = "(dòng trùng)";
export const UNKNOWN_ROW_MARK = "(không rõ chỉ tiêu)";

/**
 * What a planned formula computes, so that the browser preview can show its result without a spreadsheet engine.
 * Excel ignores it.
 */
export type FormulaMeaning =
  /** numerator / denominator, a fraction, or "" until both parts are numbers and the denominator is positive. */
  | { kind: "rate"; numerator: string; denominator: string }
  /** NS.STATUS(actual, targetCell,, unit): the custom function on the target text in the sheet. */
  | { kind: "status"; actual: string; target: string; unit?: string }
  /** A plain formula compiled from the target: it agrees with evaluate without an "as of" date. */
  | { kind: "verdict"; actual: string; target: Target; unit?: string; dueDate?: string }
  /** A formula the officer wrote, kept where it was: the preview shows its last value. */
  | { kind: "officer"; value: SheetCell };

/**
 * One cell to write.
 * - `value`: a number, yes/no, empty (null) or a string Excel may interpret as it would typed input.
 * - `text`: a string that must stay text whatever it looks like ("1.10", "3/4", "=…", "- …", "+84…", "@…"): the
 *   adapter gives the cell the text format "@" before writing it, which is how Excel keeps typed text from becoming
 *   a number, a date or a formula. Every text from the decision is written this way, and every typed string
 *   starting with = + - @.
 * - `date`: an ISO day, written as Excel's day number with a day/month/year format, so it stays a date in any locale.
 * - `formula`: a formula, with what it computes for the preview.
 */
export type PlannedCell =
  | { value: string | number | boolean | null }
  | { text: string }
  | { date: string }
  | { formula: string; computes: FormulaMeaning };

export interface PlannedRow {
  /** Undefined only for a kept row no assignment id is known for (an unbound table's leftover). */
  assignmentId: string | undefined;
  code: string;
  /** The nine cells of REPORT_COLUMNS, in that order. */
  cells: PlannedCell[];
  /** Kết quả is a share (0..1) shown as a percentage, whatever the decision's unit column says. */
  percent: boolean;
  /** False for rows kept at the end only because they hold typed values. */
  assigned: boolean;
}

/** The report table as read from the sheet (what WorkbookPort.readReportTable returns). */
export interface ExistingTable {
  /** Values, header row included. */
  grid: SheetCell[][];
  /** The formula of each cell of `grid` that holds one, else null; lets typed results be told from computed ones. */
  formulas?: ReadonlyArray<ReadonlyArray<string | null>>;
  /** The number format of each cell of `grid`: a rate typed into a General cell is read differently (percentCell). */
  numberFormats?: NumberFormatGrid;
  /** Zero-based position of grid[0][0] in the sheet. */
  origin?: ReportGridOrigin;
  binding?: ReportBinding;
}

export interface ReportTableChanges {
  /** Assignment ids that had no row. On a first pull, every assignment. */
  added: string[];
  /** Rows of assignments no longer assigned (or of no known assignment): kept at the end when they hold values. */
  removed: Array<{ assignmentId?: string; code: string; hadValue: boolean }>;
  targetChanged: Array<{ assignmentId: string; code: string; from: string; to: string }>;
  /** Assigned rows whose typed values were carried over. */
  kept: number;
  /** Second rows of one assignment holding typed values, kept at the end rather than dropped. */
  duplicates: Array<{ assignmentId: string; code: string }>;
}

export interface ReportTablePlan {
  sheetName: string;
  /** Up to TITLE_LINES lines, written from A1 down. */
  title: string[];
  header: string[];
  rows: PlannedRow[];
  binding: ReportBinding;
  changes: ReportTableChanges;
  summary: string;
  /**
   * Cells from A1 the previous table covered (its title, header, rows and the province's verdict column), cleared
   * before writing so that no row of the old table survives under the new one. Nothing outside is touched.
   */
  clear: { rows: number; columns: number };
  /**
   * Set when the sheet holds a filled report of another decision, period or agency, or content with no report
   * header to merge by: the adapter renames that sheet (this name, or with " (2)"… when taken) and writes the new
   * table on a fresh sheet, so nothing typed is lost.
   */
  archive?: {
    sheetName: string;
    reason: "other_report" | "unrecognised";
    previous?: Pick<ReportBinding, "decisionId" | "period" | "agencyId">;
  };
}

export interface PlanOptions {
  verdictMode: "kpi" | "formula";
  /** The custom functions' namespace: "KPI", or "KPIDEV" for a development manifest. */
  functionNamespace: string;
}

const col = (key: ReportColumnKey) => reportColumnIndex(key);
const letter = (key: ReportColumnKey) => columnLetter(col(key));
const address = (key: ReportColumnKey, row: number) => `${letter(key)}${row}`;
const TYPED_KEYS = ["numerator", "denominator", "actual", "note"] as const;
type TypedKey = (typeof TYPED_KEYS)[number];

/**
 * A formula the planner writes into Kết quả, whatever the row and columns it was written for; the "*100" of tables
 * written before rates were fractions everywhere is recognised too, so a new pull replaces it.
 */
const RATE_FORMULA = /^=IF\(AND\(ISNUMBER\(\$?([A-Z]{1,3})\$?(\d+)\),ISNUMBER\(\$?([A-Z]{1,3})\$?(\d+)\),\$?\3\$?\4>0\),\$?\1\$?\2\/\$?\3\$?\4(\*100)?,""\)$/i;

export function planReportTable(view: PeriodAssignments, existing: ExistingTable | undefined, options: PlanOptions): ReportTablePlan {
  if (!/^[A-Z][A-Z0-9_]{0,31}$/i.test(options.functionNamespace)) {
    throw new Error(`Tên nhóm hàm "${options.functionNamespace}" không hợp lệ (ví dụ KPI).`);
  }
  const title = titleLines(view);
  const header = REPORT_COLUMNS.map((column) => column.header);
  const table = existing ? readExisting(existing) : undefined;
  const otherReport = existing?.binding && !sameReport(existing.binding, view) ? existing.binding : undefined;
  const unrecognised = existing !== undefined && table === undefined && existing.grid.some((row) => row.some(hasContent));
  const archive: ReportTablePlan["archive"] =
    otherReport && table?.rows.some((row) => row.hasTyped)
      ? { sheetName: `${REPORT_SHEET_NAME} ${otherReport.period}`, reason: "other_report", previous: pick(otherReport) }
      : unrecognised
        ? { sheetName: `${REPORT_SHEET_NAME} cũ`, reason: "unrecognised" }
        : undefined;
  // A filled table of another report is moved aside whole; an empty one is simply replaced. Neither is merged.
  const merging = table && !otherReport ? table : undefined;

  const claims = merging ? claimRows(merging.rows, view.assignments) : new Map<string, ExistingRow>();
  const rows: PlannedRow[] = [];
  const changes: ReportTableChanges = { added: [], removed: [], targetChanged: [], kept: 0, duplicates: [] };
  view.assignments.forEach((assignment) => {
    const sheetRow = TABLE_FIRST_ROW + rows.length;
    const found = claims.get(assignment.assignmentId);
    if (!found) changes.added.push(assignment.assignmentId);
    if (found && Object.values(found.typed).some((cell) => cell !== undefined)) changes.kept += 1;
    if (found && found.target !== "" && normalizeText(found.target) !== normalizeText(assignment.targetText)) {
      changes.targetChanged.push({ assignmentId: assignment.assignmentId, code: assignment.indicatorCode, from: found.target, to: assignment.targetText });
    }
    rows.push(assignedRow(assignment, found, sheetRow, view, options));
  });

  if (merging) {
    const claimed = new Set(claims.values());
    const inView = new Set(view.assignments.map((assignment) => assignment.assignmentId));
    const codesInView = new Set(view.assignments.map((assignment) => assignment.indicatorCode));
    for (const row of merging.rows) {
      if (claimed.has(row)) continue;
      // The code is what the officer sees, so it decides; the bound id only speaks for a row whose code was emptied.
      const duplicate = row.code !== "" ? codesInView.has(row.code) : row.id !== undefined && inView.has(row.id);
      if (duplicate) {
        if (!row.hasTyped) continue;
        const assignment = view.assignments.find((a) => (row.code !== "" ? a.indicatorCode === row.code : a.assignmentId === row.id))!;
        changes.duplicates.push({ assignmentId: assignment.assignmentId, code: assignment.indicatorCode });
        rows.push(leftoverRow(row, DUPLICATE_MARK, TABLE_FIRST_ROW + rows.length));
        continue;
      }
      changes.removed.push({ ...(row.id ? { assignmentId: row.id } : {}), code: row.code, hadValue: row.hasTyped });
      if (row.hasTyped) {
        rows.push(leftoverRow(row, row.code === "" && !row.id ? UNKNOWN_ROW_MARK : UNASSIGNED_MARK, TABLE_FIRST_ROW + rows.length));
      }
    }
  }

  const binding = reportBindingSchema.parse({
    decisionId: view.decision.id,
    period: view.period,
    province: view.decision.province,
    agencyId: view.agency.id,
    catalogueVersion: view.catalogueVersion,
    // readReportRows pairs ids with rows by position, so the list stops at the first row no id is known for; the
    // rows after it (all leftovers) are then matched by code.
    assignmentIds: idsUntilUnknown(rows),
  });
  const clear = {
    rows: Math.max(TABLE_FIRST_ROW - 1 + rows.length, archive ? 0 : (table?.lastRow ?? 0)),
    columns: Math.max(PROVINCE_VERDICT_COLUMN + 1, archive ? 0 : (table?.lastColumn ?? 0)),
  };
  return {
    sheetName: REPORT_SHEET_NAME,
    title,
    header,
    rows,
    binding,
    changes,
    summary: summarize(view, changes, merging !== undefined, archive),
    clear,
    ...(archive ? { archive } : {}),
  };
}

function hasContent(cell: SheetCell): boolean {
  return cell !== null && (typeof cell !== "string" || cell.trim() !== "");
}

function titleLines(view: PeriodAssignments): string[] {
  return [
    "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ",
    `${view.agency.name} — ${view.periodLabel}`,
    `Văn bản giao: ${view.decision.number}. Hạn nộp báo cáo: ${formatIsoDateVi(view.reportDueDate)}.`,
  ];
}

function sameReport(binding: ReportBinding, view: PeriodAssignments): boolean {
  return binding.decisionId === view.decision.id && binding.period === view.period && binding.agencyId === view.agency.id;
}

function pick(binding: ReportBinding): Pick<ReportBinding, "decisionId" | "period" | "agencyId"> {
  return { decisionId: binding.decisionId, period: binding.period, agencyId: binding.agencyId };
}

function idsUntilUnknown(rows: readonly PlannedRow[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    if (row.assignmentId === undefined) break;
    ids.push(row.assignmentId);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the table already in the sheet

interface ExistingRow {
  /** Zero-based sheet row. */
  sheetRow: number;
  code: string;
  /** The assignment id the binding gives this row's position, when the binding is of this report. */
  id: string | undefined;
  order: SheetCell;
  text: string;
  target: string;
  typed: Partial<Record<TypedKey, Typed>>;
  hasTyped: boolean;
  /** Kết quả held the planner's own rate formula (or its result). */
  computed: boolean;
}

interface Typed {
  cell?: PlannedCell;
  formula?: string;
  last?: SheetCell;
}

interface ExistingRows {
  rows: ExistingRow[];
  /** Cells from A1 the old table reached: rows through its last table row, columns through the verdict column. */
  lastRow: number;
  lastColumn: number;
}

function readExisting(existing: ExistingTable): ExistingRows | undefined {
  const header = findHeaderRow(existing.grid);
  if (!header) return undefined;
  const origin = existing.origin ?? { row: 0, column: 0 };
  const at = (row: number, key: ReportColumnKey): SheetCell => {
    const column = header.columns.get(key);
    return column === undefined ? null : (existing.grid[row]?.[column] ?? null);
  };
  const formulaAt = (row: number, key: ReportColumnKey): string | null => {
    const column = header.columns.get(key);
    const formula = column === undefined ? null : (existing.formulas?.[row]?.[column] ?? null);
    return typeof formula === "string" && formula.startsWith("=") ? formula : null;
  };
  const rows: ExistingRow[] = [];
  let lastGridRow = header.row;
  for (let row = header.row + 1; row < existing.grid.length; row += 1) {
    const code = plainText(at(row, "code"));
    const id = existing.binding?.assignmentIds[row - header.row - 1];
    const sheetRow = origin.row + row;
    const typed: ExistingRow["typed"] = {};
    for (const key of TYPED_KEYS) {
      const cell = typedCell(at(row, key), formulaAt(row, key));
      if (cell) typed[key] = cell;
    }
    const computed = isPlannedRate(
      at(row, "actual"),
      existing.formulas ? formulaAt(row, "actual") : undefined,
      at(row, "numerator"),
      at(row, "denominator"),
    );
    if (computed) delete typed.actual;
    const hasTyped = Object.keys(typed).length > 0;
    if (code === "" && id === undefined && !hasTyped) continue;
    lastGridRow = row;
    rows.push({
      sheetRow,
      code,
      id,
      order: at(row, "order"),
      text: plainText(at(row, "text")),
      target: plainText(at(row, "target")),
      typed,
      hasTyped,
      computed,
    });
  }
  const lastHeaderColumn = Math.max(...header.columns.values());
  return { rows, lastRow: origin.row + lastGridRow + 1, lastColumn: origin.column + lastHeaderColumn + 2 };
}

/**
 * What the officer put in an input cell: its value as it must be written back, and the formula behind it if any.
 * Error values cannot be written back; a formula showing one survives only where its row stays.
 */
function typedCell(value: SheetCell, formula: string | null): Typed | undefined {
  const cell = value !== null && typeof value === "object" ? undefined : typedValue(value);
  if (formula !== null) return { ...(cell ? { cell } : {}), formula, last: value };
  return cell ? { cell } : undefined;
}

function typedValue(value: string | number | boolean | null): PlannedCell | undefined {
  if (value === null) return undefined;
  if (typeof value !== "string") return { value };
  if (value.trim() === "") return undefined;
  if (isIsoDate(value)) return { date: value };
  return /^[=+\-@]/.test(value) ? { text: value } : { value };
}

/**
 * True when Kết quả holds the rate the planner computes rather than a value the officer typed: told by its formula
 * when the formulas were read (null: no formula), else by a result equal to numerator / denominator (or a hundred
 * times it, from an older table) — a typed value equal to it loses nothing when the formula is written again.
 */
function isPlannedRate(actual: SheetCell, formula: string | null | undefined, numerator: SheetCell, denominator: SheetCell): boolean {
  if (formula === null) return false;
  if (formula !== undefined) return RATE_FORMULA.test(formula.replace(/\s+/g, ""));
  if (typeof actual !== "number" || typeof numerator !== "number" || typeof denominator !== "number" || denominator <= 0) return false;
  const share = numerator / denominator;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return close(actual, share) || close(actual, share * 100);
}

/**
 * Which existing row each assignment takes over: first by the binding's id at the row's position when the row's
 * code agrees (or the code cell was emptied), then by indicator code — the same rule readReportRows reads by.
 */
function claimRows(rows: readonly ExistingRow[], assignments: readonly PeriodAssignment[]): Map<string, ExistingRow> {
  const byId = new Map(assignments.map((assignment) => [assignment.assignmentId, assignment]));
  const byCode = new Map(assignments.map((assignment) => [assignment.indicatorCode, assignment]));
  const claims = new Map<string, ExistingRow>();
  for (const row of rows) {
    const bound = row.id === undefined ? undefined : byId.get(row.id);
    if (bound && (row.code === "" || row.code === bound.indicatorCode) && !claims.has(bound.assignmentId)) claims.set(bound.assignmentId, row);
  }
  const claimed = new Set(claims.values());
  for (const row of rows) {
    if (claimed.has(row)) continue;
    const assignment = byCode.get(row.code);
    if (assignment && !claims.has(assignment.assignmentId)) {
      claims.set(assignment.assignmentId, row);
      claimed.add(row);
    }
  }
  return claims;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing rows

function isRate(assignment: PeriodAssignment): boolean {
  return assignment.indicatorKind === "percent" || (assignment.numeratorLabel !== undefined && assignment.denominatorLabel !== undefined);
}

function assignedRow(
  assignment: PeriodAssignment,
  found: ExistingRow | undefined,
  sheetRow: number,
  view: PeriodAssignments,
  options: PlanOptions,
): PlannedRow {
  const typed = (key: TypedKey) => writtenBack(found, key, sheetRow);
  const actual: PlannedCell = typed("actual") ?? (isRate(assignment) ? rateFormula(sheetRow) : { value: null });
  const cells: Record<ReportColumnKey, PlannedCell> = {
    order: { text: assignment.order },
    code: { text: assignment.indicatorCode },
    text: { text: rowText(assignment) },
    target: { text: assignment.targetText },
    numerator: typed("numerator") ?? { value: null },
    denominator: typed("denominator") ?? { value: null },
    actual,
    verdict: verdictCell(assignment, sheetRow, view, options),
    note: typed("note") ?? { value: null },
  };
  return {
    assignmentId: assignment.assignmentId,
    code: assignment.indicatorCode,
    cells: REPORT_COLUMNS.map((column) => cells[column.key]),
    percent: assignment.indicatorKind === "percent",
    assigned: true,
  };
}

/** The indicator as worded, with what to count for a rate and the year's target beside a milestone. */
/**
 * A typed cell written back at `toRow`: a formula the officer wrote stays a formula only where its row stays, since
 * its references would point at another row after a move; elsewhere its last value is kept.
 */
function writtenBack(row: ExistingRow | undefined, key: TypedKey, toRow: number): PlannedCell | undefined {
  const typed = row?.typed[key];
  if (!row || !typed) return undefined;
  if (typed.formula !== undefined && row.sheetRow + 1 === toRow) {
    return { formula: typed.formula, computes: { kind: "officer", value: typed.last ?? null } };
  }
  return typed.cell;
}

function rowText(assignment: PeriodAssignment): string {
  const lines = [assignment.text];
  if (assignment.numeratorLabel && assignment.denominatorLabel) {
    lines.push(`(Tử số: ${assignment.numeratorLabel}; mẫu số: ${assignment.denominatorLabel})`);
  }
  if (assignment.milestoneDue && normalizeText(assignment.yearTargetText) !== normalizeText(assignment.targetText)) {
    lines.push(`(Chỉ tiêu cả năm: ${assignment.yearTargetText})`);
  }
  return lines.join("\n");
}

/** A fraction, shown through the row's percent format: never multiplied by 100, whatever the unit column says. */
function rateFormula(sheetRow: number): PlannedCell {
  const numerator = address("numerator", sheetRow);
  const denominator = address("denominator", sheetRow);
  return {
    formula: `=IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator}),${denominator}>0),${numerator}/${denominator},"")`,
    computes: { kind: "rate", numerator, denominator },
  };
}

function verdictCell(assignment: PeriodAssignment, sheetRow: number, view: PeriodAssignments, options: PlanOptions): PlannedCell {
  const actual = address("actual", sheetRow);
  const unit = assignment.unit?.trim() ? assignment.unit : undefined;
  if (options.verdictMode === "kpi") {
    const target = address("target", sheetRow);
    // KPI.STATUS(actual, target, [asOf], [unit]): the target is read from column D so a corrected target re-judges.
    const unitArgument = unit ? `,,"${unit.replace(/"/g, '""')}"` : "";
    return {
      formula: `=${options.functionNamespace}.STATUS(${actual},${target}${unitArgument})`,
      computes: { kind: "status", actual, target, ...(unit ? { unit } : {}) },
    };
  }
  // The server judges a target with no date of its own against the milestone or the decision's year end.
  const dueDate = assignment.milestoneDue ?? `${view.decision.year}-12-31`;
  const compiled = compileFormula(assignment.target, actual, { unit, dueDate });
  if (!compiled.ok) return { value: VERDICT_LABELS.needs_review };
  return { formula: compiled.formula, computes: { kind: "verdict", actual, target: assignment.target, ...(unit ? { unit } : {}), dueDate } };
}

function leftoverRow(row: ExistingRow, mark: string, sheetRow: number): PlannedRow {
  const text = row.text.includes(mark) ? row.text : `${row.text} ${mark}`.trim();
  const typed = (key: TypedKey) => writtenBack(row, key, sheetRow);
  const parts = row.typed.numerator !== undefined && row.typed.denominator !== undefined;
  const actual: PlannedCell =
    typed("actual") ?? (row.computed && parts ? rateFormula(sheetRow) : { value: null });
  const order = row.order === null || typeof row.order === "object" ? "" : String(row.order);
  const cells: Record<ReportColumnKey, PlannedCell> = {
    order: { text: order },
    code: { text: row.code },
    text: { text },
    target: { text: row.target },
    numerator: typed("numerator") ?? { value: null },
    denominator: typed("denominator") ?? { value: null },
    actual,
    // No verdict: the row is no longer judged.
    verdict: { value: null },
    note: typed("note") ?? { value: null },
  };
  return {
    assignmentId: row.id,
    code: row.code,
    cells: REPORT_COLUMNS.map((column) => cells[column.key]),
    percent: row.computed,
    assigned: false,
  };
}

function plainText(cell: SheetCell): string {
  if (cell === null || typeof cell === "object") return "";
  return String(cell).trim();
}

// ---------------------------------------------------------------------------------------------------------------
// The sentence the task pane shows

function summarize(view: PeriodAssignments, changes: ReportTableChanges, merged: boolean, archive: ReportTablePlan["archive"]): string {
  const total = view.assignments.length;
  if (archive?.previous) {
    return (
      `Trang "${REPORT_SHEET_NAME}" đang chứa báo cáo kỳ ${archive.previous.period} (${archive.previous.agencyId}, văn bản ${archive.previous.decisionId}) ` +
      `đã có số liệu, nên được đổi tên thành "${archive.sheetName}" để giữ nguyên; đã tạo bảng mới gồm ${total} chỉ tiêu.`
    );
  }
  if (archive) {
    return (
      `Trang "${REPORT_SHEET_NAME}" có nội dung nhưng không có dòng tiêu đề của bảng báo cáo, nên được đổi tên thành ` +
      `"${archive.sheetName}" để giữ nguyên; đã tạo bảng mới gồm ${total} chỉ tiêu.`
    );
  }
  if (!merged) return `Đã tạo bảng báo cáo gồm ${total} chỉ tiêu.`;
  const removedKept = changes.removed.filter((row) => row.hadValue).length;
  const removedDropped = changes.removed.length - removedKept;
  const main = [
    changes.added.length > 0 ? `đã thêm ${changes.added.length} chỉ tiêu` : undefined,
    changes.kept > 0 ? `giữ nguyên số liệu đã nhập của ${changes.kept} chỉ tiêu` : undefined,
  ].filter(Boolean);
  const others = [
    removedKept > 0 ? `${removedKept} chỉ tiêu không còn được giao nhưng có số liệu đã nhập được giữ ở cuối bảng, ghi "${UNASSIGNED_MARK}"` : undefined,
    removedDropped > 0 ? `bỏ ${removedDropped} dòng trống của chỉ tiêu không còn được giao` : undefined,
    changes.duplicates.length > 0 ? `${changes.duplicates.length} dòng trùng có số liệu được giữ ở cuối bảng` : undefined,
    changes.targetChanged.length > 0 ? `${changes.targetChanged.length} chỉ tiêu đổi chỉ tiêu giao` : undefined,
  ].filter(Boolean);
  const clauses = [main.join(", "), ...others].filter((clause) => clause !== "");
  if (clauses.length === 0) return `Bảng đã khớp với ${total} chỉ tiêu được giao, không có thay đổi.`;
  const sentence = clauses.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
