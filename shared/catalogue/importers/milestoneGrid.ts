import { normalizeText } from "../../text/normalize";
import { importDraftSchema, type ImportDraft, type ImportProblem } from "../draft";
import { columnMeaning, columnOf, extendHeader, headerColumns, headerLineKey, quarterEnd, type HeaderColumn } from "./columnMeaning";
import { placeItems, type Grid, type Item, type Row } from "./milestoneGridRows";
import { readPreambleHeader } from "./documentHeader";
import { resolveMilestoneDates } from "./milestoneDates";
import { quoted, type SourceLine } from "./sourceLines";

/**
 * Milestone tables with one indicator per row, as tab-separated text (a Word table copied, or a PDF converted with
 * its columns kept): STT | Chỉ tiêu | Đơn vị tính | "Chỉ tiêu giao" over "Đến 30/6/2025 | Đến 31/12/2025" (or
 * "Quý I | Quý II | Quý III | Quý IV") | Đơn vị chủ trì | Ghi chú. Rows are grouped in two levels: agencies as row
 * groups ("I | Sở Tư pháp") under levels ("A | CẤP SỞ, BAN, NGÀNH"), or, when the table has an agency column, groups
 * of indicators ("I. CHỈ TIÊU CHUNG") whose rows belong to the agency named in that column. Each row keeps every
 * milestone as written; its target is the one due last. Huế's appendix II as a Word table is read too: one agency
 * per row (STT | Đơn vị | …), each indicator's name spanning its "Chỉ tiêu đến …" columns; each agency is a section
 * with one row per indicator. A row whose cells go on over the next lines is joined cell by cell; every line is
 * placed or reported. A header line drawn again after a page break (all of the header, or only its first line when
 * only that row repeats) is passed over, and the row cut by the break goes on below it.
 */

const NUMERIC_ORDER = /^\d+(\.\d+)*\.?$/;
/** "I. CHỈ TIÊU CHUNG", "A. CẤP SỞ", "1. Sở Tư pháp", "a) Cấp xã": a heading written in one cell. */
const NUMBERED_HEADING = /^([IVXLC]+|[A-Za-z]|\d{1,3})\s*[.)]\s*(\p{L}.*)$/u;

/** The grid header starting at `index` (its first row and the rows extending it), if it names milestone columns. */
export function gridHeaderAt(lines: readonly string[][], index: number): { columns: HeaderColumn[]; width: number; end: number } | undefined {
  let columns = headerColumns(lines[index]!);
  if (!columnOf(columns, "order") || !columnOf(columns, "text", "agency")) return undefined;
  let width = lines[index]!.length;
  let end = index + 1;
  for (;;) {
    const next = lines[end];
    if (!next) break;
    if (next.every((cell) => normalizeText(cell) === "")) {
      end += 1;
      continue;
    }
    const extended = extendHeader(columns, next);
    if (!extended) break;
    columns = extended;
    width = Math.max(width, next.length);
    end += 1;
  }
  return columns.some((column) => column.meaning?.kind === "milestone") ? { columns, width, end } : undefined;
}

export function importMilestoneGrid(text: string): ImportDraft {
  const raw = text.split(/\r\n|\r|\n/);
  const lines = raw.map((line) => line.split("\t"));
  const problems: ImportProblem[] = [];
  const preamble: SourceLine[] = [];
  let linesRead = 0;
  let linesPlaced = 0;
  const isBlank = (index: number) => lines[index]!.every((cell) => normalizeText(cell) === "");

  const first = lines.findIndex((_, index) => gridHeaderAt(lines, index) !== undefined);
  for (let index = 0; index < (first < 0 ? lines.length : first); index += 1) {
    if (isBlank(index)) continue;
    linesRead += 1;
    const filled = lines[index]!.map((cell) => normalizeText(cell)).filter((cell) => cell !== "");
    if (filled.length > 1 && NUMERIC_ORDER.test(filled[0]!)) {
      problems.push({
        code: "row_before_header",
        severity: "error",
        message: `Dòng ${index + 1}: hàng nằm trước dòng tiêu đề của bảng (STT, Chỉ tiêu, các cột mốc) nên không biết ô nào thuộc cột nào.`,
        text: filled.join(" | "),
        source: { line: index + 1 },
      });
      continue;
    }
    preamble.push({ line: index + 1, text: raw[index]! });
    linesPlaced += 1;
  }
  const document = readPreambleHeader(preamble);
  problems.push(...document.problems);
  if (first < 0) {
    problems.push({ code: "no_milestone_table", severity: "error", message: 'Không tìm thấy bảng chỉ tiêu theo mốc: cần dòng tiêu đề có cột "STT", "Chỉ tiêu" và các cột mốc ("Đến 30/6/2025", "Quý I"…).' });
    return importDraftSchema.parse({ format: "milestone_table", header: document.header, sections: [], problems, stats: { linesRead, linesPlaced, linesSkipped: linesRead - linesPlaced } });
  }

  let grid: Grid | undefined;
  let gridHeader: { line: number; keys: string[] } | undefined;
  const items: Item[] = [];
  let open: Row | undefined;
  const close = () => {
    if (open && grid) items.push({ kind: "row", row: open, grid });
    open = undefined;
  };
  const report = (line: number, code: string, message: string, text?: string) => {
    problems.push({ code, severity: "error", message: `Dòng ${line}: ${message}`, ...(text ? { text } : {}), source: { line } });
  };

  let index = first;
  while (index < lines.length) {
    if (isBlank(index)) {
      index += 1;
      continue;
    }
    const line = index + 1;
    const header = gridHeaderAt(lines, index);
    if (header) {
      const counted = lines.slice(index, header.end).filter((_, offset) => !isBlank(index + offset)).length;
      linesRead += counted;
      const keys = lines.slice(index, header.end).map(headerLineKey);
      if (open && gridHeader && keys.join("\n") === gridHeader.keys.join("\n")) {
        // The same header right after a row (no title of its own above it): a page break in the source, not a new
        // table; the row it cut may go on below it.
        linesPlaced += counted;
        index = header.end;
        continue;
      }
      close();
      // The table's title is the heading right above its header ("1. Cấp Sở"); above the first table it ends the preamble.
      const previous = items[items.length - 1];
      const lastPreamble = items.length === 0 ? preamble[preamble.length - 1]?.text : undefined;
      const title =
        previous?.kind === "heading" ? (previous.order ? `${previous.order}. ${previous.text}` : previous.text) : lastPreamble && NUMBERED_HEADING.test(normalizeText(lastPreamble)) ? normalizeText(lastPreamble) : undefined;
      // The milestone cells are on the header's last line when it has two.
      const datesLine = lines.slice(index, header.end).reduce((last, _, offset) => (isBlank(index + offset) ? last : index + offset + 1), line);
      grid = gridOf(header, document.header.year, line, datesLine, title, problems);
      gridHeader = { line, keys };
      if (grid) linesPlaced += counted;
      index = header.end;
      continue;
    }
    linesRead += 1;
    index += 1;
    const cells = lines[line - 1]!.map((cell) => normalizeText(cell));
    const filled = cells.flatMap((cell, column) => (cell === "" ? [] : [column]));
    if (!grid) continue; // The header's own error says its rows are not read.
    if (gridHeader?.keys.includes(headerLineKey(cells))) {
      linesPlaced += 1;
      continue;
    }
    const orderColumn = columnOf(grid.columns, "order")!.column;
    const textColumn = columnOf(grid.columns, "text", "agency")!.column;
    const order = cells[orderColumn] ?? "";
    if (columnMeaning(order)?.kind === "order") {
      close();
      report(
        line,
        "header_not_read",
        `dòng này là một dòng tiêu đề bảng ("${order}" ở cột số thứ tự) nhưng khác dòng tiêu đề ở dòng ${gridHeader!.line} và không có cột mốc; dòng không được nhập như một chỉ tiêu, các hàng sau vẫn được đọc theo tiêu đề ở dòng ${gridHeader!.line}.`,
        cells.filter(Boolean).join(" | "),
      );
      continue;
    }
    const lone = filled.length === 1 && (filled[0] === 0 || !raw[line - 1]!.includes("\t")) ? cells[filled[0]!]! : undefined;
    if (lone !== undefined && !NUMERIC_ORDER.test(lone)) {
      if (open && /^\p{Ll}/u.test(lone)) {
        report(line, "unaligned_continuation", `dòng này có vẻ là phần tiếp theo của hàng ở dòng ${open.line} nhưng không còn dấu tab nên không biết thuộc ô nào; hãy ghép vào đúng ô theo văn bản gốc.`, lone);
        continue;
      }
      close();
      const numbered = NUMBERED_HEADING.exec(lone);
      items.push({ kind: "heading", line, order: numbered ? numbered[1]! : "", text: numbered ? numbered[2]!.trim() : lone, grid });
      linesPlaced += 1;
      continue;
    }
    if (order !== "" && !NUMERIC_ORDER.test(order) && filled.every((column) => column === orderColumn || column === textColumn)) {
      close();
      items.push({ kind: "heading", line, order: order.replace(/[.)]$/, ""), text: cells[textColumn] ?? "", grid });
      linesPlaced += 1;
      continue;
    }
    const extra = cells.slice(grid.width).filter((cell) => cell !== "");
    if (order === "" && open) {
      if (extra.length > 0) {
        report(line, "extra_cell", `dòng có ô nằm ngoài các cột của dòng tiêu đề (${grid.width} cột); không biết ô thừa thuộc cột nào.`, cells.filter(Boolean).join(" | "));
        continue;
      }
      cells.forEach((cell, column) => {
        if (cell === "") return;
        const before = open!.cells[column] ?? "";
        open!.cells[column] = before === "" ? cell : `${before} ${cell}`;
      });
      open.lastLine = line;
      open.lineCount += 1;
      continue;
    }
    close();
    if (extra.length > 0) {
      report(line, "extra_cell", `hàng có ô nằm ngoài các cột của dòng tiêu đề (${grid.width} cột); không biết ô thừa thuộc cột nào.`, cells.filter(Boolean).join(" | "));
      continue;
    }
    open = { cells: [...cells], line, lastLine: line, lineCount: 1 };
  }
  close();

  const read = placeItems(items, problems);
  linesPlaced += read.placed;
  return importDraftSchema.parse({
    format: "milestone_table",
    header: document.header,
    sections: read.sections,
    problems,
    stats: { linesRead, linesPlaced, linesSkipped: linesRead - linesPlaced },
  });
}


/** The milestone columns' due dates; a quarter with no year anywhere cannot be dated, and the table is not read. */
function gridOf(
  header: { columns: HeaderColumn[]; width: number },
  documentYear: number | undefined,
  line: number,
  datesLine: number,
  title: string | undefined,
  problems: ImportProblem[],
): Grid | undefined {
  const rowsAre = columnOf(header.columns, "text") ? "indicators" : "agencies";
  const dues = new Map<number, string>();
  for (const { column, name, meaning } of header.columns) {
    if (meaning?.kind !== "milestone") continue;
    if (meaning.due) {
      dues.set(column, meaning.due);
      continue;
    }
    const year = meaning.year ?? documentYear;
    if (year === undefined) {
      problems.push({
        code: "milestone_header",
        severity: "error",
        message: `Dòng ${line}: cột ${quoted(name)} không ghi năm và văn bản cũng không nói năm nào, nên không biết hạn của mốc; hãy ghi "Quý I/2025" hoặc cung cấp năm khi nhập. Các hàng của bảng không được nhập.`,
        source: { line },
      });
      return undefined;
    }
    dues.set(column, quarterEnd(year, meaning.quarter!));
  }
  if (rowsAre === "agencies") {
    const milestones = header.columns.filter((column) => column.meaning?.kind === "milestone");
    if (milestones.some((column) => column.group === undefined)) {
      problems.push({
        code: "milestone_header",
        severity: "error",
        message: `Dòng ${line}: bảng có cột "Đơn vị" nhưng có cột mốc không nằm dưới tên chỉ tiêu nào, nên không biết mốc đó thuộc chỉ tiêu nào. Các hàng của bảng không được nhập.`,
        source: { line },
      });
      return undefined;
    }
    // Huế writes one date twice for one indicator; the same rule as for its cell-per-line conversion applies.
    const names = [...new Set(milestones.map((column) => column.group!))];
    const indicators = names.map((name) => ({
      name,
      cells: milestones.filter((column) => column.group === name).map((column) => ({ line: datesLine, text: column.name, due: dues.get(column.column)!, column: column.column })),
    }));
    const resolved = resolveMilestoneDates(indicators, title);
    problems.push(...resolved.problems);
    indicators.forEach((indicator, position) => indicator.cells.forEach((cell, at) => dues.set(cell.column, resolved.dues[position]![at]!)));
  }
  const read = ["order", "text", "unit", "milestone", "lead", "agency", "note"];
  for (const { name } of header.columns.filter(({ meaning }) => !meaning || !read.includes(meaning.kind))) {
    problems.push({
      code: "unknown_column",
      severity: "warning",
      message: `Dòng ${line}: cột ${quoted(name)} không thuộc bảng chỉ tiêu theo mốc (các cột đọc được: STT, Chỉ tiêu, Đơn vị tính, các cột mốc, Đơn vị chủ trì, Ghi chú); nội dung cột này không được nhập.`,
      text: name,
      source: { line },
    });
  }
  return { columns: header.columns, width: header.width, dues, rowsAre, ...(title ? { title } : {}) };
}

