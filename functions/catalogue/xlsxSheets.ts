import ExcelJS from "exceljs";
import { sheetSchema, type Sheet, type SheetCell } from "../../shared/catalogue/importers/sheetRows";

/** Reads an xlsx into plain cell values for the shared importers: text, numbers, booleans, empty, formula errors. */
export async function readXlsxSheets(data: ArrayBuffer | Uint8Array): Promise<Sheet[]> {
  return (await readXlsxSheetsWithFormats(data)).map((sheet) => sheet.sheet);
}

export interface SheetWithFormats {
  sheet: Sheet;
  /** The number format of each cell of `sheet.rows` ("0.0%", "General"): a rate cell's format says how it reads. */
  numberFormats: string[][];
}

/** As readXlsxSheets, with each cell's number format beside its value, from the same single parse. */
export async function readXlsxSheetsWithFormats(data: ArrayBuffer | Uint8Array): Promise<SheetWithFormats[]> {
  const workbook = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const rows: SheetCell[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 1; r <= worksheet.rowCount; r += 1) {
      const row = worksheet.getRow(r);
      const cells: SheetCell[] = [];
      const formats: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, worksheet.columnCount); c += 1) {
        const cell = row.getCell(c);
        cells.push(plainValue(cell.value));
        formats.push(typeof cell.numFmt === "string" && cell.numFmt !== "" ? cell.numFmt : "General");
      }
      rows.push(cells);
      numberFormats.push(formats);
    }
    return { sheet: sheetSchema.parse({ name: worksheet.name, rows }), numberFormats };
  });
}

function plainValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result && typeof result === "object" && "error" in result) return { error: String((result as { error: unknown }).error) };
      return plainValue((result ?? null) as ExcelJS.CellValue);
    }
    if ("text" in value && typeof value.text === "string") return value.text;
  }
  return String(value);
}
