import { readFile, stat } from "node:fs/promises";
import * as z from "zod";
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
import { detectLayout } from "../../shared/catalogue/importers/detectLayout";
import { blocksToCellLines, blocksToTabText, type DocumentBlock } from "../documents/blocks";
import { readDocx } from "../documents/docxReader";
import { describeSource } from "../documents/layoutNames";
import { readPdf } from "../documents/pdfReader";
import { SourceError } from "../documents/sourceError";
import { detectSourceKind, type SourceKind } from "../documents/sourceKind";
import { readXlsxSheets } from "./xlsxSheets";

export { SourceError } from "../documents/sourceError";

export const SOURCE_FORMATS = ["xlsx", "sheets", "table-text", "pdf-text", "plan", "milestone-table", "multi-year", "results-report"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
type TextFormat = Exclude<SourceFormat, "xlsx" | "sheets">;

/** A decision appendix larger than this is not a decision appendix. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/**
 * The task pane sends the cells of the workbook open in Excel as JSON (format "sheets"): Office.js reads values, not
 * files, and the same importer then reads them as it reads an uploaded xlsx.
 */
export const sheetsBodySchema = z.object({ sheets: z.array(sheetSchema).min(1, { error: "Không có trang tính nào được gửi." }).max(50) });

const TEXT_IMPORTERS: Record<TextFormat, (text: string) => ImportDraft> = {
  "table-text": importTableText,
  "pdf-text": importPdfText,
  plan: importHuePlan,
  "milestone-table": importMilestoneTables,
  "multi-year": importMultiYearTable,
  "results-report": importResultsReport,
};

/** What a source gave: the kind of file (from its bytes), the layout read (guessed or chosen) and, in words, both. */
export interface SourceRead {
  kind: SourceKind | "sheets";
  format: SourceFormat;
  /** "Tệp Word; bố cục: quyết định giao chỉ tiêu theo cơ quan (…)": printed by `kpi import`, returned by the dry run. */
  layout: string;
  draft: ImportDraft;
}

export async function readSource(path: string, format?: SourceFormat): Promise<SourceRead> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new SourceError(`Không tìm thấy tệp "${path}".`, "file_not_found");
  if (info.size > MAX_SOURCE_BYTES) throw new SourceError(`Tệp "${path}" quá lớn (${Math.round(info.size / 1048576)} MB; tối đa 20 MB).`, "file_too_large");
  return readSourceBytes(await readFile(path), path, format);
}

/**
 * The same for bytes that arrived another way (an upload); `name` is only used in messages. The kind of file comes
 * from the bytes; `format` chooses the layout only ("sheets" is the pane's JSON and is never guessed).
 */
export async function readSourceBytes(data: Buffer, name: string, format?: SourceFormat): Promise<SourceRead> {
  if (data.byteLength > MAX_SOURCE_BYTES) throw new SourceError(`Tệp "${name}" quá lớn (${Math.round(data.byteLength / 1048576)} MB; tối đa 20 MB).`, "file_too_large");
  const chosenByPerson = format !== undefined;
  if (format === "sheets") return { kind: "sheets", format, layout: describeSource("sheets", format, false), draft: importSheets(readSheetsBody(data, name), name) };
  const kind = kindOf(data, name, format);
  if (kind === "xlsx") {
    if (format !== undefined && format !== "xlsx") throw layoutNotForKind(name, "Excel", format);
    // Refusals stay WorkbookRejectedError (stable code, our message); the library's own text is never shown.
    const sheets = await readXlsxSheets(data);
    return { kind, format: "xlsx", layout: describeSource(kind, "xlsx", chosenByPerson), draft: importSheetRows(refuseForbiddenText(sheets, name)) };
  }
  if (format === "xlsx") throw layoutNotForKind(name, kind === "docx" ? "Word" : kind === "pdf" ? "PDF" : "văn bản", format);
  if (kind === "text") {
    // Text converted from PDF or Word carries form feeds and other controls as layout: they are dropped, not refused.
    const text = stripXmlForbidden(data.toString("utf8"));
    const chosen = format ?? guessTextFormat(text);
    return { kind, format: chosen, layout: describeSource(kind, chosen, chosenByPerson), draft: TEXT_IMPORTERS[chosen](text) };
  }
  const blocks: DocumentBlock[] = kind === "docx" ? readDocx(data, name) : await readPdf(data, name);
  const tabText = stripXmlForbidden(blocksToTabText(blocks));
  const chosen = format ?? guessTextFormat(tabText);
  // The plan importer reads tables converted one cell per line (its only known source); the others read tab rows.
  const text = chosen === "plan" ? stripXmlForbidden(blocksToCellLines(blocks)) : tabText;
  return { kind, format: chosen, layout: describeSource(kind, chosen, chosenByPerson), draft: TEXT_IMPORTERS[chosen](text) };
}

/**
 * A file said to be a workbook (by its name or the chosen layout) that is not plainly another kind goes to the guarded
 * workbook reader, which refuses a bomb, macros or bytes that are no workbook with its own codes and words.
 */
function kindOf(data: Buffer, name: string, format: SourceFormat | undefined): SourceKind {
  const saysWorkbook = format === "xlsx" || /\.xlsx$/i.test(name);
  if (!saysWorkbook) return detectSourceKind(data, name);
  try {
    const kind = detectSourceKind(data, name);
    return kind === "docx" || kind === "pdf" ? kind : "xlsx";
  } catch (error) {
    if (error instanceof SourceError) return "xlsx";
    throw error;
  }
}

/** The layout of a decision's text (as written, or rebuilt from a Word or PDF file), recognised by its header cells. */
export function guessTextFormat(source: string): TextFormat {
  return detectLayout(source.slice(0, 400_000)).format;
}

function layoutNotForKind(name: string, kindName: string, format: string): SourceError {
  return new SourceError(`Tệp "${name}" là tệp ${kindName}: không đọc được theo bố cục "${format}". Bỏ lựa chọn bố cục để chương trình tự nhận ra.`, "format_not_for_kind");
}

/** Cells already read (the task pane sends the open workbook's values as JSON) read as an appendix. */
export function importSheets(sheets: Sheet[], name: string): ImportDraft {
  return importSheetRows(refuseForbiddenText(sheets, name));
}

/** A cell no file can hold would end up in every report of the decision: refused, with the cell named. */
function refuseForbiddenText(sheets: Sheet[], name: string): Sheet[] {
  for (const sheet of sheets) {
    const sheetProblem = forbiddenXmlCharacter(sheet.name);
    if (sheetProblem) throw new SourceError(`"${name}": tên trang tính "${stripXmlForbidden(sheet.name)}" chứa ký tự điều khiển không hợp lệ (${sheetProblem}).`, "forbidden_character");
    for (const [r, row] of sheet.rows.entries()) {
      for (const [c, cell] of row.entries()) {
        const found = typeof cell === "string" ? forbiddenXmlCharacter(cell) : undefined;
        if (found) {
          throw new SourceError(
            `"${name}": trang tính "${sheet.name}", ô ${columnLetter(c)}${r + 1} chứa ký tự điều khiển không hợp lệ (${found}); hãy xóa ký tự đó rồi nhập lại.`,
            "forbidden_character",
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
    throw new SourceError(`"${name}" không phải JSON các trang tính ({"sheets": [{"name", "rows"}]}).`, "sheets_body_invalid");
  }
  const parsed = sheetsBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (tại ${issue.path.join(".")})` : "";
    throw new SourceError(`"${name}" không đúng dạng các trang tính {"sheets": [{"name", "rows"}]}${where}.`, "sheets_body_invalid");
  }
  return parsed.data.sheets;
}
