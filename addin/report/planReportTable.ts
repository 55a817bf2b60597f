import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import { REPORT_SHEET_NAME, reportBindingOf, type ReportBinding } from "../../shared/report/reportTable";
import { EMPTY_CELL, type PlannedCell } from "../../shared/sheet/cell";
import { PROVINCE_VERDICT_COLUMN, TABLE_COLUMNS, TABLE_FIRST_ROW, type TypedKey } from "../../shared/sheet/reportTable/columns";
import { TABLE_HEADER, titleLines, type ReportTableContent } from "../../shared/sheet/reportTable/layout";
import { assignedRow, rateFormula, type ReportTableRow, type VerdictOptions } from "../../shared/sheet/reportTable/rows";
import { normalizeText } from "../../shared/text/normalize";
import { claimRows, hasContent, readExisting, typedCells, type ExistingRow, type ExistingTable } from "./existingTable";
import { DUPLICATE_MARK, summarize, UNASSIGNED_MARK, UNKNOWN_ROW_MARK } from "./tableSummary";

/**
 * What the task pane writes into the sheet "Báo cáo" when an officer pulls the period's assignments, merged with the
 * table already there, decided without Excel so that the merge is tested in Node. The layout (shared/sheet/
 * reportTable) is the offline form's, and every host draws it from the same operations.
 */

export type { FormulaMeaning, PlannedCell } from "../../shared/sheet/cell";
export type { ExistingTable } from "./existingTable";
export { DUPLICATE_MARK, UNASSIGNED_MARK, UNKNOWN_ROW_MARK } from "./tableSummary";
export {
  HEADER_ROW,
  PROVINCE_VERDICT_COLUMN,
  RECEIPT_COLUMN,
  TABLE_COLUMN_COUNT,
  TABLE_FIRST_ROW,
  TITLE_LINES,
  TITLE_ROW,
} from "../../shared/sheet/reportTable/columns";

export interface PlannedRow extends ReportTableRow {
  /** Undefined only for a kept row no assignment id is known for (an unbound table's leftover). */
  assignmentId: string | undefined;
  code: string;
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

export interface ReportTablePlan extends ReportTableContent {
  sheetName: string;
  header: string[];
  rows: PlannedRow[];
  binding: ReportBinding;
  changes: ReportTableChanges;
  summary: string;
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

export type PlanOptions = VerdictOptions;

export function planReportTable(view: PeriodAssignments, existing: ExistingTable | undefined, options: PlanOptions): ReportTablePlan {
  if (!/^[A-Z][A-Z0-9_]{0,31}$/i.test(options.functionNamespace)) {
    throw new Error(`Tên nhóm hàm "${options.functionNamespace}" không hợp lệ (ví dụ KPI).`);
  }
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
    const row = assignedRow(assignment, typedCells(found, sheetRow), sheetRow, view, options);
    rows.push({ ...row, assignmentId: assignment.assignmentId, code: assignment.indicatorCode });
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

  // readReportRows pairs ids with rows by position, so the list stops at the first row no id is known for; the
  // rows after it (all leftovers) are then matched by code.
  const binding = reportBindingOf(view, idsUntilUnknown(rows));
  const clear = {
    rows: Math.max(TABLE_FIRST_ROW - 1 + rows.length, archive ? 0 : (table?.lastRow ?? 0)),
    columns: Math.max(PROVINCE_VERDICT_COLUMN + 1, archive ? 0 : (table?.lastColumn ?? 0)),
  };
  return {
    sheetName: REPORT_SHEET_NAME,
    title: titleLines(view),
    header: [...TABLE_HEADER],
    rows,
    binding,
    changes,
    summary: summarize(view, changes, merging !== undefined, archive),
    clear,
    ...(archive ? { archive } : {}),
  };
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

/** A row no longer assigned (or a second row of one), kept at the end for the values typed in it; not judged. */
function leftoverRow(row: ExistingRow, mark: string, sheetRow: number): PlannedRow {
  const text = row.text.includes(mark) ? row.text : `${row.text} ${mark}`.trim();
  const typed: Partial<Record<TypedKey, PlannedCell>> = typedCells(row, sheetRow);
  const parts = row.typed.numerator !== undefined && row.typed.denominator !== undefined;
  const order = row.order === null || typeof row.order === "object" ? "" : String(row.order);
  const cells: Record<string, PlannedCell> = {
    ...typed,
    order: { text: order },
    code: { text: row.code },
    text: { text },
    target: { text: row.target },
    actual: typed.actual ?? (row.computed && parts ? rateFormula(sheetRow) : EMPTY_CELL),
    verdict: EMPTY_CELL,
  };
  return {
    assignmentId: row.id,
    code: row.code,
    cells: TABLE_COLUMNS.map((column) => cells[column.key] ?? EMPTY_CELL),
    percent: row.computed,
    assigned: false,
  };
}
