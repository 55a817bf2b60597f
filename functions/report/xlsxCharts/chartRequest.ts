/**
 * What a sheet asks to be drawn as a chart, independent of who draws it: the cells it reads and where it sits. The
 * cached labels and values travel with the request so a reader that does not recalculate (a viewer, a preview) shows
 * the same bars as Excel does after reading the ranges.
 */

/** A block of one column on a sheet, 1-based and inclusive. */
export interface ColumnRange {
  sheet: string;
  column: number;
  firstRow: number;
  lastRow: number;
}

/** A cell corner a chart is pinned to; 0-based as DrawingML counts (column 0 is A). */
export interface ChartCorner {
  column: number;
  row: number;
}

export interface ChartRequest {
  /** Bars run left to right, one per category, first category on top. */
  type: "bar";
  title: string;
  /** The sheet the chart is drawn on. */
  sheet: string;
  categories: ColumnRange & { cached: readonly string[] };
  values: ColumnRange & { cached: ReadonlyArray<number | null>; name: string };
  /** Number format of the values axis and labels: "0%" for shares. */
  valueFormat: string;
  /** Where the value axis ends: a little past 100% for shares, so the label of a full bar is not cut off. */
  maximum?: number;
  /** The step between the value axis's labels: 0,2 for 0%, 20%, … 100%. */
  majorUnit?: number;
  anchor: { from: ChartCorner; to: ChartCorner };
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
