import * as z from "zod";
import { foldDiacritics, normalizeText } from "../../text/normalize";
import { parseDateText, excelSerialToIsoDate } from "../../period/excelDate";
import { importDraftSchema, type DraftMilestone, type DraftRow, type DraftSection, type ImportDraft, type ImportProblem } from "../draft";

/**
 * An appendix laid out in a workbook: a sheet "Quyết định" of label/value rows (number, date, province, title,
 * year) and a sheet of sections — a row "N. Tên cơ quan", a header row "STT | Nội dung | Chỉ tiêu" (plus optional
 * unit, lead, coordinating and "Chỉ tiêu đến dd/mm/yyyy" milestone columns, found by their names) and the rows.
 * Workbook reading (exceljs, Office.js) happens outside; this sees cells as values.
 */

export const sheetCellSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  /** A formula whose result is an error ("#REF!", "#VALUE!"). */
  z.object({ error: z.string() }),
]);
export type SheetCell = z.infer<typeof sheetCellSchema>;

export const sheetSchema = z.object({ name: z.string(), rows: z.array(z.array(sheetCellSchema)) });
export type Sheet = z.infer<typeof sheetSchema>;

export const DECISION_SHEET = "Quyết định";
export const APPENDIX_SHEET = "Phụ lục";
export const GUIDE_SHEET = "Hướng dẫn";
const NOT_APPENDIX = new Set([DECISION_SHEET, GUIDE_SHEET].map(foldDiacritics));

type Column = "order" | "text" | "target" | "unit" | "lead" | "coordinating" | "note";

const HEADER_NAMES: ReadonlyArray<readonly [Column, RegExp]> = [
  ["order", /^(stt|tt|so tt)$/],
  ["text", /^(noi dung|chi tieu, nhiem vu|ten chi tieu|noi dung chi tieu|noi dung nhiem vu|noi dung chi tieu, nhiem vu)/],
  ["target", /^(chi tieu|giao ket qua|chi tieu giao|ket qua giao|muc tieu)/],
  ["unit", /^(don vi tinh|dvt)/],
  ["lead", /^(co quan chu tri|chu tri|don vi chu tri)/],
  ["coordinating", /^(co quan phoi hop|phoi hop|don vi phoi hop)/],
  ["note", /^(ghi chu)/],
];

const MILESTONE_HEADER = /^chi tieu den (?:ngay )?(\d{1,2}\/\d{1,2}\/\d{4})$/;
/** "1. Sở Tài chính" alone on its row starts an agency section; "I. Hạ tầng số" alone groups rows inside one. */
const SECTION_HEADING = /^([0-9]+)\s*[.)]\s*(\D.*)$/u;

const DECISION_LABELS: ReadonlyArray<readonly [keyof ImportDraft["header"], RegExp]> = [
  ["number", /^so (quyet dinh|hieu|ke hoach|van ban)/],
  ["date", /^ngay ban hanh/],
  ["province", /^(tinh|tinh\/thanh pho|tinh, thanh pho|dia phuong)/],
  ["title", /^(trich yeu|ten van ban|tieu de)/],
  ["issuer", /^(co quan ban hanh)/],
  ["year", /^nam (thuc hien|giao chi tieu)/],
];

function cellText(cell: SheetCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return "";
  return normalizeText(String(cell));
}

function folded(cell: SheetCell | undefined): string {
  return foldDiacritics(cellText(cell)).replace(/\s*:\s*$/, "");
}

function isFormulaError(cell: SheetCell | undefined): cell is { error: string } {
  return typeof cell === "object" && cell !== null;
}

interface Layout {
  columns: Map<Column, number>;
  milestones: Array<{ column: number; due: string }>;
}

export function importSheetRows(sheets: readonly Sheet[]): ImportDraft {
  const problems: ImportProblem[] = [];
  const header = readDecisionSheet(sheets.find((sheet) => folded(sheet.name) === foldDiacritics(DECISION_SHEET)));
  const appendices = sheets.filter((sheet) => !NOT_APPENDIX.has(folded(sheet.name)));
  const sections: DraftSection[] = [];
  let linesRead = 0;
  let linesPlaced = 0;
  for (const sheet of appendices) {
    const result = readAppendixSheet(sheet, problems);
    sections.push(...result.sections);
    linesRead += result.linesRead;
    linesPlaced += result.linesPlaced;
  }
  if (sections.length === 0 && !problems.some((problem) => problem.severity === "error")) {
    problems.push({
      code: "no_sections",
      severity: "error",
      message: `Không tìm thấy mục cơ quan nào: mỗi mục bắt đầu bằng một dòng "1. Tên cơ quan", tiếp theo là dòng tiêu đề "STT | Nội dung | Chỉ tiêu".`,
    });
  }
  return importDraftSchema.parse({
    format: "xlsx",
    header,
    sections,
    problems,
    stats: { linesRead, linesPlaced, linesSkipped: linesRead - linesPlaced },
  });
}

function readDecisionSheet(sheet: Sheet | undefined): ImportDraft["header"] {
  const header: ImportDraft["header"] = {};
  if (!sheet) return header;
  for (const row of sheet.rows) {
    const label = folded(row[0]);
    const value = row[1];
    const entry = DECISION_LABELS.find(([, pattern]) => pattern.test(label));
    if (!entry || value === null || value === undefined || isFormulaError(value)) continue;
    const [field] = entry;
    if (field === "date") {
      const iso = typeof value === "number" ? excelSerialToIsoDate(value) : parseDateText(cellText(value));
      if (iso) header.date = iso;
    } else if (field === "year") {
      const year = Number(cellText(value));
      if (Number.isInteger(year)) header.year = year;
    } else {
      const text = cellText(value);
      if (text) header[field] = text;
    }
  }
  return header;
}

function readAppendixSheet(sheet: Sheet, problems: ImportProblem[]): { sections: DraftSection[]; linesRead: number; linesPlaced: number } {
  const sections: DraftSection[] = [];
  let section: DraftSection | undefined;
  let layout: Layout | undefined;
  let group: string | undefined;
  let linesRead = 0;
  let linesPlaced = 0;
  const at = (row: number) => ({ sheet: sheet.name, row });
  const place = (row: number) => `Trang tính "${sheet.name}", dòng ${row}`;

  sheet.rows.forEach((cells, index) => {
    const rowNumber = index + 1;
    const filled = cells.map((cell, column) => ({ cell, column })).filter(({ cell }) => cellText(cell) !== "" || isFormulaError(cell));
    if (filled.length === 0) return;
    linesRead += 1;

    const headerLayout = readHeader(cells);
    if (headerLayout) {
      if (!headerLayout.columns.has("text") || !headerLayout.columns.has("target")) {
        const missing = [!headerLayout.columns.has("text") ? "Nội dung" : "", !headerLayout.columns.has("target") ? "Chỉ tiêu" : ""].filter(Boolean);
        problems.push({ code: "missing_column", severity: "error", message: `${place(rowNumber)}: thiếu cột ${missing.join(", ")} trong dòng tiêu đề.`, source: at(rowNumber) });
      }
      layout = headerLayout;
      group = undefined;
      linesPlaced += 1;
      return;
    }

    const only = filled.length === 1 ? cellText(filled[0]!.cell) : "";
    const heading = SECTION_HEADING.exec(only);
    if (heading) {
      // The header row above the first section usually serves the following ones too.
      section = { order: heading[1]!, heading: heading[2]!.trim(), rows: [], source: at(rowNumber) };
      sections.push(section);
      group = undefined;
      linesPlaced += 1;
      return;
    }

    if (!section) {
      problems.push({ code: "row_before_section", severity: "error", message: `${place(rowNumber)}: dòng nằm trước mục cơ quan đầu tiên ("1. Tên cơ quan").`, text: filled.map(({ cell }) => cellText(cell)).join(" | "), source: at(rowNumber) });
      return;
    }
    if (!layout) {
      problems.push({ code: "missing_header", severity: "error", message: `${place(rowNumber)}: thiếu dòng tiêu đề "STT | Nội dung | Chỉ tiêu" trước các dòng của mục "${section.heading}".`, source: at(rowNumber) });
      return;
    }

    const orderColumn = layout.columns.get("order");
    const order = orderColumn === undefined ? "" : cellText(cells[orderColumn]);
    const text = cellText(cells[layout.columns.get("text")!]);
    const targetCell = cells[layout.columns.get("target")!];
    // A row with only text in the STT or content column and nothing else groups the rows below it.
    if (filled.length === 1 && !/^\d+$/.test(order) && layout.columns.get("target") !== filled[0]!.column) {
      group = only;
      linesPlaced += 1;
      return;
    }
    if (!text) {
      problems.push({ code: "missing_indicator_text", severity: "error", message: `${place(rowNumber)}: dòng ${order ? `STT ${order} ` : ""}không có nội dung chỉ tiêu.`, source: at(rowNumber) });
      return;
    }
    if (isFormulaError(targetCell)) {
      problems.push({ code: "formula_error", severity: "error", message: `${place(rowNumber)}: ô chỉ tiêu là lỗi công thức ${targetCell.error}; hãy nhập chỉ tiêu dạng văn bản.`, source: at(rowNumber) });
      return;
    }
    const row: DraftRow = { order: order || String(section.rows.length + 1), text, targetText: cellText(targetCell), source: at(rowNumber) };
    const unit = layout.columns.has("unit") ? cellText(cells[layout.columns.get("unit")!]) : "";
    const lead = layout.columns.has("lead") ? cellText(cells[layout.columns.get("lead")!]) : "";
    const coordinating = layout.columns.has("coordinating") ? cellText(cells[layout.columns.get("coordinating")!]) : "";
    const note = layout.columns.has("note") ? cellText(cells[layout.columns.get("note")!]) : "";
    if (unit) row.unit = unit;
    if (lead) row.leadAgency = lead;
    if (coordinating) row.coordinatingAgencies = coordinating.split(/\s*[;\n]\s*|\s*,\s*(?=[A-ZĐ])/u).filter(Boolean);
    if (note) row.note = note;
    if (group) row.group = group;
    const milestones: DraftMilestone[] = [];
    for (const milestone of layout.milestones) {
      const cell = cells[milestone.column];
      if (isFormulaError(cell)) {
        problems.push({ code: "formula_error", severity: "error", message: `${place(rowNumber)}: ô chỉ tiêu đến ${milestone.due} là lỗi công thức ${cell.error}.`, source: at(rowNumber) });
        continue;
      }
      const targetText = cellText(cell);
      if (targetText) milestones.push({ due: milestone.due, targetText });
    }
    if (milestones.length > 0) row.milestones = milestones;
    section.rows.push(row);
    linesPlaced += 1;
  });
  return { sections, linesRead, linesPlaced };
}

function readHeader(cells: readonly SheetCell[]): Layout | undefined {
  const columns = new Map<Column, number>();
  const milestones: Layout["milestones"] = [];
  cells.forEach((cell, column) => {
    const name = folded(cell);
    if (!name) return;
    const milestone = MILESTONE_HEADER.exec(name);
    if (milestone) {
      const due = parseDateText(milestone[1]!);
      if (due) milestones.push({ column, due });
      return;
    }
    for (const [key, pattern] of HEADER_NAMES) {
      if (!columns.has(key) && pattern.test(name)) {
        columns.set(key, column);
        return;
      }
    }
  });
  // A header row names the order column and at least one of content or target.
  if (!columns.has("order") || (!columns.has("text") && !columns.has("target"))) return undefined;
  return { columns, milestones };
}
