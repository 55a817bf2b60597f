import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { isoDateToExcelSerial, parseDateText } from "../../shared/period/excelDate";
import { DATE_FORMAT, displayNumber, GENERAL_FORMAT, PERCENT_FORMAT, TEXT_FORMAT } from "../../shared/sheet/formats";
import { readNumber } from "../../shared/verdict/actual";
import { sheetCellOf } from "../excel/cellValues";
import type { MemoryCell } from "./memorySheet";
import type { RawValue } from "./previewFormulas";

/** A memory cell's value as WorkbookPort reads it: dates as ISO days, errors as they are. */
export function readValue(cell: MemoryCell): SheetCell {
  const value = cell.value;
  if (value !== null && typeof value === "object") return { error: value.error };
  return sheetCellOf(value, undefined, cell.numberFormat);
}

/** As a Vietnamese Excel shows the cell: "75,0%", "20/12/2025", "100.000". */
export function displayOf(cell: MemoryCell): string {
  const value = cell.value;
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  return displayNumber(value, cell.numberFormat);
}

/** What a person types, read roughly as Excel in a Vietnamese locale would ("0,9", "90%", "30/6/2025"). */
export function typedInput(input: string | number | boolean | null, numberFormat: string): { value: RawValue; numberFormat?: string } {
  if (input === null) return { value: null };
  if (typeof input !== "string") return { value: input };
  const text = input.trim();
  if (text === "") return { value: null };
  if (numberFormat === TEXT_FORMAT) return { value: input };
  const date = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) ? parseDateText(text) : undefined;
  if (date) return { value: isoDateToExcelSerial(date), numberFormat: DATE_FORMAT };
  const number = readNumber(text);
  if (number.kind === "number") {
    if (!number.writtenAsPercent) return { value: number.value };
    return { value: number.value / 100, ...(numberFormat === GENERAL_FORMAT ? { numberFormat: PERCENT_FORMAT } : {}) };
  }
  return { value: input };
}
