import type { Aggregate } from "../report/aggregate";
import type { SheetOp, SheetPlan } from "./plan";
import { matrixPlans, matrixSheetName } from "./report/matrix";
import { SUMMARY_SHEET, summaryPlan } from "./report/summary";

/**
 * What "Lấy tổng hợp" writes into the province's workbook: the sheets "Tổng hợp" and "Ma trận (n)" of report.xlsx,
 * from the same plans the server draws, so the pane and the download never disagree on a column. The workbook has no
 * chart sheets, so the chart of met rates per agency sits under the summary's table.
 */

export const AGGREGATE_SHEET_NAME = SUMMARY_SHEET;

export function aggregateSheetPlan(aggregate: Aggregate): SheetPlan {
  return summaryPlan(aggregate, { chart: true }).plan;
}

export function aggregateOps(aggregate: Aggregate): SheetOp[] {
  return aggregateSheetPlan(aggregate).ops;
}

/** The summary first (the sheet shown after the pull), then the blocks of the agencies × indicators matrix. */
export function aggregateSheetPlans(aggregate: Aggregate): SheetPlan[] {
  return [aggregateSheetPlan(aggregate), ...matrixPlans(aggregate)];
}

/** More blocks than any decision needs: 20 of at most 8 indicators each. */
const MOST_MATRIX_SHEETS = 20;

/**
 * Matrix sheets an earlier pull may have left that this one does not write (the earlier decision had more
 * indicators): removed, so no block of another decision sits beside this summary.
 */
export function staleAggregateSheetNames(plans: readonly SheetPlan[]): string[] {
  const written = new Set(plans.map((plan) => plan.sheetName));
  return Array.from({ length: MOST_MATRIX_SHEETS }, (_, index) => matrixSheetName(index + 1)).filter((name) => !written.has(name));
}
