import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { isIsoDate } from "../../shared/period/isoDate";
import type { PeriodAssignment } from "../../shared/report/periodAssignments";
import { findHeaderRow, type NumberFormatGrid, type ReportBinding, type ReportGridOrigin, type TableColumnKey } from "../../shared/report/reportTable";
import type { PlannedCell } from "../../shared/sheet/cell";
import { TYPED_KEYS, type TypedKey } from "../../shared/sheet/reportTable/columns";

/**
 * Reading the report table already in the sheet before a new pull: which rows hold what the officer typed, so that
 * the new table carries it over. Any layout the reader knows is read (the add-in's older table with its header on
 * row 4, the offline form's on row 6, today's), since the header row is found by its names.
 */

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

export interface ExistingRow {
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

export interface ExistingRows {
  rows: ExistingRow[];
  /** Cells from A1 the old table reached: rows through its last table row, columns through the verdict column. */
  lastRow: number;
  lastColumn: number;
}

/**
 * A formula the planner writes into Kết quả, whatever the row and columns it was written for; the "*100" of tables
 * written before rates were fractions everywhere is recognised too, so a new pull replaces it.
 */
const RATE_FORMULA = /^=IF\(AND\(ISNUMBER\(\$?([A-Z]{1,3})\$?(\d+)\),ISNUMBER\(\$?([A-Z]{1,3})\$?(\d+)\),\$?\3\$?\4>0\),\$?\1\$?\2\/\$?\3\$?\4(\*100)?,""\)$/i;

export function hasContent(cell: SheetCell): boolean {
  return cell !== null && (typeof cell !== "string" || cell.trim() !== "");
}

export function readExisting(existing: ExistingTable): ExistingRows | undefined {
  const header = findHeaderRow(existing.grid);
  if (!header) return undefined;
  const origin = existing.origin ?? { row: 0, column: 0 };
  const at = (row: number, key: TableColumnKey): SheetCell => {
    const column = header.columns.get(key);
    return column === undefined ? null : (existing.grid[row]?.[column] ?? null);
  };
  const formulaAt = (row: number, key: TableColumnKey): string | null => {
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
    rows.push({ sheetRow, code, id, order: at(row, "order"), text: plainText(at(row, "text")), target: plainText(at(row, "target")), typed, hasTyped, computed });
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
export function claimRows(rows: readonly ExistingRow[], assignments: readonly PeriodAssignment[]): Map<string, ExistingRow> {
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

/**
 * A typed cell written back at `toRow`: a formula the officer wrote stays a formula only where its row stays, since
 * its references would point at another row after a move; elsewhere its last value is kept.
 */
export function writtenBack(row: ExistingRow | undefined, key: TypedKey, toRow: number): PlannedCell | undefined {
  const typed = row?.typed[key];
  if (!row || !typed) return undefined;
  if (typed.formula !== undefined && row.sheetRow + 1 === toRow) {
    return { formula: typed.formula, computes: { kind: "officer", value: typed.last ?? null } };
  }
  return typed.cell;
}

/** Every typed cell of a row as written back at `toRow`. */
export function typedCells(row: ExistingRow | undefined, toRow: number): Partial<Record<TypedKey, PlannedCell>> {
  const cells: Partial<Record<TypedKey, PlannedCell>> = {};
  for (const key of TYPED_KEYS) {
    const cell = writtenBack(row, key, toRow);
    if (cell) cells[key] = cell;
  }
  return cells;
}

export function plainText(cell: SheetCell): string {
  if (cell === null || typeof cell === "object") return "";
  return String(cell).trim();
}
