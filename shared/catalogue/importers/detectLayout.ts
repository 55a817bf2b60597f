import { foldDiacritics, normalizeText } from "../../text/normalize";
import { extendHeader, headerColumns, type ColumnKind, type HeaderColumn } from "./columnMeaning";

/**
 * Which importer reads a text, from its content, and why, in a sentence an officer can check: "Bảng kế hoạch nhiều
 * năm (có cột Đơn vị tính, Kế hoạch năm 2025, Định hướng 2030)". Tables are recognised by what their header cells
 * mean (see columnMeaning), whatever they were converted from: pasted from Word or Excel, or converted from a .docx
 * or a PDF into tab-separated lines. `kpi import --format` overrides the choice.
 */

export const TEXT_LAYOUTS = ["plan", "milestone-table", "multi-year", "results-report", "pdf-text", "table-text"] as const;
export type TextLayout = (typeof TEXT_LAYOUTS)[number];

export interface DetectedLayout {
  format: TextLayout;
  /** Vietnamese, naming what was seen. */
  reason: string;
}

/** Huế's conversion: one header cell per line, "Chỉ tiêu đến 31/3/2025". */
const MILESTONE_CELL = /^chi tieu den (?:ngay )?\d{1,2}\/\d{1,2}\/\d{4}$/;
const TASK_APPENDIX = /^phu luc i\s*[.:]?$/;
const APPENDIX = /^phu luc\b/;
/** "Số: 1521/QĐ-UBND", or a draft's "Số:      /QĐ-UBND". */
const DOCUMENT_NUMBER = /^so\s*:\s*(\S*\/\s*(qd|kh)-\S*)/;

export function detectLayout(text: string): DetectedLayout {
  const lines = text.split(/\r\n|\r|\n/);
  const plain = lines.map((line) => normalizeText(line));
  const folded = plain.map((line) => foldDiacritics(line));

  const milestoneCell = folded.findIndex((line) => MILESTONE_CELL.test(line));
  if (milestoneCell >= 0) {
    const cell = plain[milestoneCell]!;
    if (folded.some((line) => TASK_APPENDIX.test(line))) {
      return { format: "plan", reason: `Kế hoạch có phụ lục nhiệm vụ (PHỤ LỤC I) và bảng chỉ tiêu theo mốc, mỗi ô một dòng (có cột "${cell}")` };
    }
    return { format: "milestone-table", reason: `Bảng chỉ tiêu theo mốc chuyển từ PDF, mỗi ô một dòng (có cột "${cell}")` };
  }

  const table = firstTableHeader(lines);
  // A Word or PDF copy of a plan keeps its milestone tables as tab rows: with a task appendix it is still the plan.
  const taskAppendix = folded.some((line) => TASK_APPENDIX.test(line));
  if (table?.format === "milestone-table" && taskAppendix) {
    return { format: "plan", reason: `Kế hoạch có phụ lục nhiệm vụ (PHỤ LỤC I) và ${table.reason.charAt(0).toLowerCase()}${table.reason.slice(1)}` };
  }
  if (table) return table;

  const number = plain.find((line, index) => DOCUMENT_NUMBER.test(folded[index]!));
  if (number) return { format: "pdf-text", reason: `Văn bản quyết định hoặc kế hoạch chuyển sang chữ (có dòng "${number}")` };
  const appendix = plain.find((line, index) => APPENDIX.test(folded[index]!));
  if (appendix) return { format: "pdf-text", reason: `Văn bản chuyển sang chữ có phụ lục (có dòng "${appendix}")` };
  return { format: "table-text", reason: "Không thấy bảng kế hoạch nhiều năm, báo cáo kết quả hay bảng theo mốc: đọc như bảng chép từ Word/Excel, các cột cách nhau bằng dấu tab" };
}

/** The first tab-separated header (with its second row, if any) that names a layout of its own. */
function firstTableHeader(lines: readonly string[]): DetectedLayout | undefined {
  for (let index = 0; index < lines.length; index += 1) {
    if (!lines[index]!.includes("\t")) continue;
    let columns = headerColumns(lines[index]!.split("\t"));
    if (!has(columns, "order") || (!has(columns, "text") && !has(columns, "agency"))) continue;
    for (let next = index + 1; next < lines.length; next += 1) {
      const extended = extendHeader(columns, lines[next]!.split("\t"));
      if (!extended) break;
      columns = extended;
    }
    const detected = layoutOf(columns);
    if (detected) return detected;
  }
  return undefined;
}

function layoutOf(columns: readonly HeaderColumn[]): DetectedLayout | undefined {
  const named = (...kinds: ColumnKind[]) => columns.filter((column) => column.meaning && kinds.includes(column.meaning.kind)).map((column) => column.name);
  const milestones = [...new Set(named("milestone"))];
  if (milestones.length > 0 && !has(columns, "text")) {
    const indicators = [...new Set(columns.flatMap((column) => (column.group ? [column.group] : [])))];
    return { format: "milestone-table", reason: `Bảng chỉ tiêu theo mốc, mỗi hàng một đơn vị (chỉ tiêu ${indicators.join(", ")}; cột ${milestones.join(", ")})` };
  }
  if (milestones.length > 0) {
    return { format: "milestone-table", reason: `Bảng chỉ tiêu theo mốc, mỗi hàng một chỉ tiêu (có cột ${milestones.join(", ")})` };
  }
  const plans = columns.filter((column) => column.meaning?.kind === "plan" && column.meaning.year !== undefined);
  if (plans.length > 0) {
    return { format: "multi-year", reason: `Bảng kế hoạch nhiều năm (có cột ${named("unit", "plan", "result", "direction").join(", ")})` };
  }
  if (has(columns, "lead") && has(columns, "result") && !has(columns, "target")) {
    return { format: "results-report", reason: `Báo cáo kết quả thực hiện (có cột ${named("lead", "coordinating", "result").join(", ")})` };
  }
  return undefined;
}

function has(columns: readonly HeaderColumn[], kind: ColumnKind): boolean {
  return columns.some((column) => column.meaning?.kind === kind);
}
