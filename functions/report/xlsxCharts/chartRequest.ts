/**
 * What a sheet asks to be drawn as a chart, independent of who draws it: the cells it reads and where it sits. The
 * cached labels and values travel with the request so a reader that does not recalculate (a viewer, a preview) shows
 * the same bars as Excel does after reading the ranges.
 *
 * Made from a plan's chart operation (shared/sheet/plan.ts) by fromPlan.ts, with what a package writer needs and a
 * plan does not say: the sheet the chart is drawn on, the ranges as columns of a named sheet, and the values themselves.
 */

/** A block of one column on a sheet, 1-based and inclusive. */
export interface ColumnRange {
  sheet: string;
  column: number;
  firstRow: number;
  lastRow: number;
}

export interface ChartRequest {
  /** barClustered: bars left to right, first category on top; columnClustered: columns bottom up, first on the left. */
  kind: "barClustered" | "columnClustered";
  title: string;
  /** The sheet the chart is drawn on. */
  sheet: string;
  categories: ColumnRange & { cached: readonly string[] };
  values: ColumnRange & { cached: ReadonlyArray<number | null>; name: string };
  /** Where the chart sits: its top-left and bottom-right cells ("A4", "L40"), both covered. */
  topLeft: string;
  bottomRight: string;
  /** Values are shares: labelled as percentages on an axis from 0% to 100%. */
  percentAxis: boolean;
}

/** "L40" → column 12, row 40 (1-based). */
export function cellOf(address: string): { column: number; row: number } {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address);
  if (!match) throw new Error(`not a cell address: ${address}`);
  const column = [...match[1]!].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
  return { column, row: Number(match[2]) };
}

/** "'Theo chỉ tiêu'!$C$7:$C$39": quoted always, so a sheet called "=1+2" or "Sở Y tế" is one name. */
export function rangeFormula(range: ColumnRange): string {
  const letters = columnLetters(range.column);
  return `'${range.sheet.replace(/'/g, "''")}'!$${letters}$${range.firstRow}:$${letters}$${range.lastRow}`;
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
