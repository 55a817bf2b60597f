import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { z } from "zod";
import { importSheetRows, sheetSchema, type Sheet } from "../../shared/catalogue/importers/sheetRows";
import { columnLetter } from "../../shared/report/reportTable";
import { forbiddenXmlCharacter, stripXmlForbidden } from "../../shared/text/xmlText";
import { importPdfText } from "../../shared/catalogue/importers/pdfText";
import { importTableText } from "../../shared/catalogue/importers/tableText";
import { importHuePlan } from "../../shared/catalogue/importers/hue";
import { importMilestoneTables } from "../../shared/catalogue/importers/milestoneTable";
import { importMultiYearTable } from "../../shared/catalogue/importers/multiYear";
import { importResultsReport } from "../../shared/catalogue/importers/resultsReport";
import type { ImportDraft } from "../../shared/catalogue/draft";
import { foldDiacritics } from "../../shared/text/normalize";
import { readXlsxSheets } from "./xlsxSheets";

export const SOURCE_FORMATS = ["xlsx", "sheets", "table-text", "pdf-text", "plan", "milestone-table", "multi-year", "results-report"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A decision appendix larger than this is not a decision appendix. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/**
 * The task pane sends the cells of the workbook open in Excel as JSON (format "sheets"): Office.js reads values, not
 * files, and the same importer then reads them as it reads an uploaded xlsx.
 */
export const sheetsBodySchema = z.object({ sheets: z.array(sheetSchema).min(1, { error: "Không có trang tính nào được gửi." }).max(50) });

const TEXT_IMPORTERS: Record<Exclude<SourceFormat, "xlsx" | "sheets">, (text: string) => ImportDraft> = {
  "table-text": importTableText,
  "pdf-text": importPdfText,
  plan: importHuePlan,
  "milestone-table": importMilestoneTables,
  "multi-year": importMultiYearTable,
  "results-report": importResultsReport,
};

export class SourceError extends Error {}

export async function readSource(path: string, format?: SourceFormat): Promise<{ format: SourceFormat; draft: ImportDraft }> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new SourceError(`Không tìm thấy tệp "${path}".`);
  if (info.size > MAX_SOURCE_BYTES) throw new SourceError(`Tệp "${path}" quá lớn (${Math.round(info.size / 1048576)} MB; tối đa 20 MB).`);
  return readSourceBytes(await readFile(path), path, format);
}

/** The same for bytes that arrived another way (an upload): `name` gives the extension and the messages' wording. */
export async function readSourceBytes(data: Buffer, name: string, format?: SourceFormat): Promise<{ format: SourceFormat; draft: ImportDraft }> {
  if (data.byteLength > MAX_SOURCE_BYTES) throw new SourceError(`Tệp "${name}" quá lớn (${Math.round(data.byteLength / 1048576)} MB; tối đa 20 MB).`);
  const chosen = format ?? guessFormat(name, data);
  if (chosen === "xlsx") {
    // Refusals stay WorkbookRejectedError (stable code, our message); the library's own text is never shown.
    const sheets = await readXlsxSheets(data);
    return { format: chosen, draft: importSheetRows(refuseForbiddenText(sheets, name)) };
  }
  if (chosen === "sheets") return { format: chosen, draft: importSheets(readSheetsBody(data, name), name) };
  // Text converted from PDF or Word carries form feeds and other controls as layout: they are dropped, not refused.
  return { format: chosen, draft: TEXT_IMPORTERS[chosen](stripXmlForbidden(data.toString("utf8"))) };
}

/** The layout of a source, from its extension and a look at its text; `--format` overrides it. */
export function guessFormat(path: string, data: Buffer): SourceFormat {
  const zipMagic = data.length > 4 && data[0] === 0x50 && data[1] === 0x4b;
  if (extname(path).toLowerCase() === ".xlsx" || zipMagic) return "xlsx";
  const text = foldDiacritics(data.toString("utf8", 0, Math.min(data.length, 400_000)));
  const hasMilestones = /chi tieu den \d{1,2}\/\d{1,2}\/\d{4}/.test(text);
  if (hasMilestones && /phu luc i\b/.test(text)) return "plan";
  if (hasMilestones) return "milestone-table";
  if (/ket qua thuc hien/.test(text) && /co quan chu tri/.test(text) && /\t/.test(text)) return "results-report";
  if (/thuc hien nam \d{4}/.test(text) && /dinh huong/.test(text)) return "multi-year";
  if (/so:\s*\S+\/(qd|kh)-/.test(text) || /phu luc/.test(text)) return "pdf-text";
  return "table-text";
}

/** Cells already read (the task pane sends the open workbook's values as JSON) read as an appendix. */
export function importSheets(sheets: Sheet[], name: string): ImportDraft {
  return importSheetRows(refuseForbiddenText(sheets, name));
}

/** A cell no file can hold would end up in every report of the decision: refused, with the cell named. */
function refuseForbiddenText(sheets: Sheet[], name: string): Sheet[] {
  for (const sheet of sheets) {
    const sheetProblem = forbiddenXmlCharacter(sheet.name);
    if (sheetProblem) throw new SourceError(`"${name}": tên trang tính "${stripXmlForbidden(sheet.name)}" chứa ký tự điều khiển không hợp lệ (${sheetProblem}).`);
    for (const [r, row] of sheet.rows.entries()) {
      for (const [c, cell] of row.entries()) {
        const found = typeof cell === "string" ? forbiddenXmlCharacter(cell) : undefined;
        if (found) {
          throw new SourceError(
            `"${name}": trang tính "${sheet.name}", ô ${columnLetter(c)}${r + 1} chứa ký tự điều khiển không hợp lệ (${found}); hãy xóa ký tự đó rồi nhập lại.`,
          );
        }
      }
    }
  }
  return sheets;
}

function readSheetsBody(data: Buffer, name: string) {
  let body: unknown;
  try {
    body = JSON.parse(data.toString("utf8"));
  } catch {
    throw new SourceError(`"${name}" không phải JSON các trang tính ({"sheets": [{"name", "rows"}]}).`);
  }
  const parsed = sheetsBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (tại ${issue.path.join(".")})` : "";
    throw new SourceError(`"${name}" không đúng dạng các trang tính {"sheets": [{"name", "rows"}]}${where}.`);
  }
  return parsed.data.sheets;
}
