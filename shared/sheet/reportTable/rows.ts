import { compileFormula } from "../../formula/compile";
import type { PeriodAssignment, PeriodAssignments } from "../../report/periodAssignments";
import type { TableColumnKey } from "../../report/reportTable";
import { normalizeText } from "../../text/normalize";
import { VERDICT_LABELS } from "../../verdict/labels";
import { cellAddress } from "../address";
import { EMPTY_CELL, type PlannedCell } from "../cell";
import { TABLE_COLUMNS, tableColumn, type TypedKey } from "./columns";

/** One row of the report table: its cells in TABLE_COLUMNS order and what decides its formats. */
export interface ReportTableRow {
  cells: PlannedCell[];
  /** Kết quả is a share (0..1) shown as a percentage, whatever the decision's unit column says. */
  percent: boolean;
  /** False for rows kept at the end only because they hold typed values. */
  assigned: boolean;
}

export interface VerdictOptions {
  /**
   * "kpi": the add-in's custom function reading the target text in the sheet (a corrected target re-judges);
   * "formula": a plain formula compiled from the target, for an Excel without the add-in (the offline form).
   */
  verdictMode: "kpi" | "formula";
  /** The custom functions' namespace: "KPI", or "KPIDEV" for a development manifest. */
  functionNamespace: string;
}

export const address = (key: TableColumnKey, row: number) => cellAddress(row, tableColumn(key));

export function isRate(assignment: PeriodAssignment): boolean {
  return assignment.indicatorKind === "percent" || (assignment.numeratorLabel !== undefined && assignment.denominatorLabel !== undefined);
}

/** An assignment's row at `sheetRow`, carrying what the officer typed (from the sheet or a submitted version). */
export function assignedRow(
  assignment: PeriodAssignment,
  typed: Partial<Record<TypedKey, PlannedCell>>,
  sheetRow: number,
  view: PeriodAssignments,
  options: VerdictOptions,
): ReportTableRow {
  const cells: Partial<Record<TableColumnKey, PlannedCell>> = {
    ...typed,
    order: { text: assignment.order },
    code: { text: assignment.indicatorCode },
    text: { text: rowText(assignment) },
    target: { text: assignment.targetText },
    actual: typed.actual ?? (isRate(assignment) ? rateFormula(sheetRow) : EMPTY_CELL),
    verdict: verdictCell(assignment, sheetRow, view, options),
  };
  return { cells: TABLE_COLUMNS.map((column) => cells[column.key] ?? EMPTY_CELL), percent: assignment.indicatorKind === "percent", assigned: true };
}

/** The indicator as worded, with what to count for a rate and the year's target beside a milestone. */
export function rowText(assignment: PeriodAssignment): string {
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
export function rateFormula(sheetRow: number): PlannedCell {
  const numerator = address("numerator", sheetRow);
  const denominator = address("denominator", sheetRow);
  return {
    formula: `=IF(AND(ISNUMBER(${numerator}),ISNUMBER(${denominator}),${denominator}>0),${numerator}/${denominator},"")`,
    computes: { kind: "rate", numerator, denominator },
  };
}

export function verdictCell(assignment: PeriodAssignment, sheetRow: number, view: PeriodAssignments, options: VerdictOptions): PlannedCell {
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
