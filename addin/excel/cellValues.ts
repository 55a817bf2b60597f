import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { excelSerialToIsoDate, isDateFormat } from "../../shared/period/excelDate";

/**
 * Cells as Excel hands them to an add-in (values, value types, number formats) turned into the SheetCell the shared
 * readers take, the way the server's exceljs reading of an uploaded file gives them: a date-formatted cell is an ISO
 * day, not a day number, so a submitted value and the same workbook read on the server compare equal.
 */

export { isDateFormat } from "../../shared/period/excelDate";

export function sheetCellOf(value: unknown, valueType?: unknown, numberFormat?: unknown): SheetCell {
  if (valueType === "Error") return { error: String(value) };
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    if (isDateFormat(numberFormat) && Number.isInteger(value)) return excelSerialToIsoDate(value) ?? value;
    return value;
  }
  if (typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** The grid of a range read with values, valueTypes and numberFormat (any may be missing). */
export function sheetGrid(values: readonly unknown[][], valueTypes?: readonly unknown[][], numberFormats?: readonly unknown[][]): SheetCell[][] {
  return values.map((row, r) => row.map((value, c) => sheetCellOf(value, valueTypes?.[r]?.[c], numberFormats?.[r]?.[c])));
}

/** The formula of each cell that holds one, else null. */
export function formulaGrid(formulas: readonly unknown[][]): Array<Array<string | null>> {
  return formulas.map((row) => row.map((formula) => (typeof formula === "string" && formula.startsWith("=") ? formula : null)));
}

/** The number format of each cell ("0.0%", "General"), null where Excel gave none. */
export function formatGrid(numberFormats: readonly unknown[][]): Array<Array<string | null>> {
  return numberFormats.map((row) => row.map((format) => (typeof format === "string" ? format : null)));
}

/** The grid as if read from A1: the used range starts wherever the first filled cell is. */
export function fromA1<T>(grid: T[][], origin: { row: number; column: number }, empty: T): T[][] {
  const pad = Array.from({ length: origin.column }, () => empty);
  return [...Array.from({ length: origin.row }, () => [] as T[]), ...grid.map((row) => [...pad, ...row])];
}
