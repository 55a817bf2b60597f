import type ExcelJS from "exceljs";
import { stripXmlForbidden } from "../../shared/text/xmlText";

/**
 * Every xlsx the server writes goes out through here. Text was checked where it came in, but a record stored before
 * that check, or a name from an imported document, must still not make the file unreadable: characters XML cannot
 * carry are dropped from every sheet name and cell on the way out.
 */
export async function writeXlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  for (const sheet of workbook.worksheets) {
    const name = stripXmlForbidden(sheet.name);
    if (name !== sheet.name) sheet.name = name;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const cleaned = cleanValue(cell.value);
        if (cleaned !== cell.value) cell.value = cleaned;
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cleanValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (typeof value === "string") return stripXmlForbidden(value);
  if (!value || typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value && Array.isArray(value.richText)) {
    return { ...value, richText: value.richText.map((part) => ({ ...part, text: stripXmlForbidden(part.text) })) };
  }
  if ("formula" in value && typeof value.formula === "string") {
    const result = typeof value.result === "string" ? stripXmlForbidden(value.result) : value.result;
    return { ...value, formula: stripXmlForbidden(value.formula), ...(result === undefined ? {} : { result }) } as ExcelJS.CellValue;
  }
  if ("hyperlink" in value && typeof value.text === "string") return { ...value, text: stripXmlForbidden(value.text) };
  return value;
}
