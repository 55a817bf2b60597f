import type { Sheet } from "../../shared/catalogue/importers/sheetRows";
import { readWorkbookSheets, readWorkbookSheetsWithFormats, type SheetWithFormats } from "../workbook/workbookReader";

/**
 * Reads an xlsx into plain cell values for the shared importers: text, numbers, booleans, empty, formula errors.
 * Refusals (not a workbook, bomb, macros, external links, too large) are WorkbookRejectedError with a stable code.
 */
export async function readXlsxSheets(data: ArrayBuffer | Uint8Array): Promise<Sheet[]> {
  return readWorkbookSheets(data instanceof Uint8Array ? data : new Uint8Array(data));
}

export type { SheetWithFormats };

/** As readXlsxSheets, with each cell's number format beside its value, from the same guarded read. */
export async function readXlsxSheetsWithFormats(data: ArrayBuffer | Uint8Array): Promise<SheetWithFormats[]> {
  return readWorkbookSheetsWithFormats(data instanceof Uint8Array ? data : new Uint8Array(data));
}
