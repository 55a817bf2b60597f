import { parseDateText } from "../../period/excelDate";
import { foldDiacritics } from "../../text/normalize";
import { importDraftSchema, type DraftRow, type DraftSection, type ImportDraft, type ImportProblem } from "../draft";
import { appendixEnd, appendixStartBefore, cellsOf, draftOf, quoted, splitLines, type AppendixRead, type Cell } from "./hueLines";
import { resolveMilestoneDates, type MilestoneHeaderCell } from "./milestoneDates";
import { gridHeaderAt, importMilestoneGrid } from "./milestoneGrid";

/**
 * Tables with one indicator per row and milestone columns, as tab-separated text, are read by milestoneGrid.
 *
 * Two-level target tables converted from PDF one cell per line (Huế 106/KH-UBND, Phụ lục II). Each table has a
 * title ("1. Cấp Sở"), a header — STT, Đơn vị, N indicator names, then N×k "Chỉ tiêu đến dd/mm/yyyy" cells, k per
 * indicator in the order of the names — and one row per agency: STT, the agency, N×k targets. Each agency becomes a
 * section of N rows, each row carrying its k milestones and, as its target, the one due last.
 *
 * Nothing in the layout says which cell is missing when a row is short, so a row whose cell count is not N×k is
 * reported and left out rather than shifted. One indicator name is one line (the conversion keeps header cells
 * whole); a header whose date count is not a multiple of its name count is reported instead of guessed.
 */

export function importMilestoneTables(text: string): ImportDraft {
  const lines = splitLines(text);
  // One indicator per row with milestone columns ("Quý I", "Đến 30/6/2025"): the tab-separated layout.
  const cells = lines.map((line) => line.split("\t"));
  if (cells.some((row, index) => row.length > 1 && gridHeaderAt(cells, index) !== undefined)) return importMilestoneGrid(text);
  const firstMilestone = lines.findIndex((line) => isMilestoneHeader(line.trim()));
  if (firstMilestone < 0) {
    return importDraftSchema.parse({
      format: "milestone_table",
      header: {},
      sections: [],
      problems: [
        {
          code: "no_milestone_table",
          severity: "error",
          message: 'Không tìm thấy bảng chỉ tiêu theo mốc: cần các cột "Chỉ tiêu đến dd/mm/yyyy" sau tên các chỉ tiêu.',
        },
      ],
      stats: { linesRead: 0, linesPlaced: 0, linesSkipped: 0 },
    });
  }
  // Text above the appendix (the plan's body, another appendix) is not this importer's to read.
  const start = appendixStartBefore(lines, firstMilestone) ?? 0;
  const read = readMilestoneAppendix(cellsOf(lines, start, appendixEnd(lines, start)));
  return importDraftSchema.parse(draftOf("milestone_table", {}, [read]));
}

interface Header {
  names: Cell[];
  /** Resolved due dates, `dues[indicator][milestone]`. */
  dues: string[][];
}

interface Table {
  title?: Cell;
  /** Undefined before the header is read; "broken" when it was read but cannot be used. */
  header?: Header | "broken";
  lastOrder?: number;
  agencies: Set<string>;
}

/** Reads the cells of one appendix of milestone tables; every cell is placed or reported. */
export function readMilestoneAppendix(cells: readonly Cell[]): AppendixRead {
  const problems: ImportProblem[] = [];
  const sections: DraftSection[] = [];
  let placed = 0;
  let table: Table | undefined;
  let index = 0;
  while (index < cells.length) {
    const cell = cells[index]!;
    if (isTableTitle(cell.text)) {
      table = { title: cell, agencies: new Set() };
      placed += 1;
      index += 1;
    } else if (isOrderHeader(cell.text)) {
      table ??= { agencies: new Set() };
      const end = headerEnd(cells, index);
      table.header = readHeader(cells.slice(index, end), table.title?.text, problems);
      placed += end - index;
      index = end;
    } else if (isRowStart(cells, index)) {
      const end = rowEnd(cells, index + 2);
      if (readRow(cells.slice(index, end), table, sections, problems)) placed += end - index;
      index = end;
    } else if (table === undefined) {
      // Above the first table: the appendix's own title lines ("PHỤ LỤC II", "GIAO CHỈ TIÊU …", "(Kèm theo …)").
      placed += 1;
      index += 1;
    } else {
      problems.push({
        code: "unplaced_line",
        severity: "error",
        message: `Dòng ${cell.line}: không xác định được dòng này thuộc hàng nào của bảng${table.title ? ` ${quoted(table.title.text)}` : ""}.`,
        text: cell.text,
        source: { line: cell.line },
      });
      index += 1;
    }
  }
  if (table === undefined) {
    problems.push({ code: "no_milestone_table", severity: "error", message: "Không tìm thấy bảng chỉ tiêu theo mốc nào (dòng tiêu đề bắt đầu bằng STT, Đơn vị)." });
  }
  return { sections, problems, linesRead: cells.length, linesPlaced: placed };
}

const MILESTONE_HEADER = /^chi tieu den (?:ngay )?(\d{1,2}\/\d{1,2}\/\d{4})$/;

function isMilestoneHeader(text: string): boolean {
  return MILESTONE_HEADER.test(foldDiacritics(text));
}

/** "1. Cấp Sở": a table of the appendix; rows start with a bare number, never with "1. ". */
function isTableTitle(text: string): boolean {
  return /^\d+\.\s+\p{L}/u.test(text);
}

function isOrderHeader(text: string): boolean {
  return /^(stt|tt)$/.test(foldDiacritics(text));
}

function isAgencyHeader(text: string): boolean {
  return /^(ten )?(don vi|co quan)( thuc hien)?$/.test(foldDiacritics(text));
}

/** A bare number followed by a name: agency names start with a letter, targets with a digit or a comparator. */
function isRowStart(cells: readonly Cell[], index: number): boolean {
  const next = cells[index + 1];
  return /^\d+$/.test(cells[index]!.text) && next !== undefined && /^\p{L}/u.test(next.text) && !isOrderHeader(next.text) && !isMilestoneHeader(next.text);
}

function headerEnd(cells: readonly Cell[], from: number): number {
  let index = from + 1;
  while (index < cells.length && !isMilestoneHeader(cells[index]!.text) && !isRowStart(cells, index) && !isTableTitle(cells[index]!.text)) index += 1;
  while (index < cells.length && isMilestoneHeader(cells[index]!.text)) index += 1;
  return index;
}

function rowEnd(cells: readonly Cell[], from: number): number {
  let index = Math.min(from, cells.length);
  while (index < cells.length && !isRowStart(cells, index) && !isTableTitle(cells[index]!.text) && !isOrderHeader(cells[index]!.text)) index += 1;
  return index;
}

/** `cells`: STT, Đơn vị, the indicator names, the milestone dates. */
function readHeader(cells: readonly Cell[], tableTitle: string | undefined, problems: ImportProblem[]): Header | "broken" {
  const [order, agency, ...rest] = cells;
  const inTable = tableTitle ? ` của bảng ${quoted(tableTitle)}` : "";
  const report = (line: number, message: string) => {
    problems.push({ code: "milestone_header", severity: "error", message: `Dòng ${line}: ${message}`, source: { line } });
    return "broken" as const;
  };
  if (!agency || !isAgencyHeader(agency.text)) {
    return report(order!.line, `dòng tiêu đề${inTable} phải có cột "Đơn vị" ngay sau cột "STT"; các hàng của bảng không được nhập.`);
  }
  const names = rest.filter((cell) => !isMilestoneHeader(cell.text));
  const dates = rest.filter((cell) => isMilestoneHeader(cell.text));
  if (names.length === 0 || dates.length === 0 || dates.length % names.length !== 0) {
    return report(
      order!.line,
      `tiêu đề${inTable} có ${names.length} tên chỉ tiêu và ${dates.length} cột "Chỉ tiêu đến …"; số cột mốc phải là bội số của số chỉ tiêu ` +
        `nên không xác định được mốc nào thuộc chỉ tiêu nào. Các hàng của bảng không được nhập.`,
    );
  }
  const milestoneCells: MilestoneHeaderCell[] = [];
  for (const cell of dates) {
    const due = parseDateText(MILESTONE_HEADER.exec(foldDiacritics(cell.text))![1]!);
    if (!due) return report(cell.line, `"${cell.text}" không phải là ngày hợp lệ; các hàng của bảng${inTable} không được nhập.`);
    milestoneCells.push({ line: cell.line, text: cell.text, due });
  }
  const perIndicator = dates.length / names.length;
  const resolved = resolveMilestoneDates(
    names.map((name, position) => ({ name: name.text, cells: milestoneCells.slice(position * perIndicator, (position + 1) * perIndicator) })),
    tableTitle,
  );
  problems.push(...resolved.problems);
  return { names, dues: resolved.dues };
}

/** `cells`: STT, agency, targets. Returns whether the row was placed. */
function readRow(cells: readonly Cell[], table: Table | undefined, sections: DraftSection[], problems: ImportProblem[]): boolean {
  const [order, agency, ...targets] = cells as [Cell, Cell, ...Cell[]];
  const where = `Dòng ${order.line}: hàng STT ${order.text} (${agency.text})`;
  if (table?.header === undefined) {
    problems.push({
      code: "row_before_header",
      severity: "error",
      message: `${where} nằm trước dòng tiêu đề của bảng (STT, Đơn vị, tên chỉ tiêu, "Chỉ tiêu đến …") nên không biết ô nào thuộc chỉ tiêu nào; hàng không được nhập.`,
      text: agency.text,
      source: { line: order.line },
    });
    return false;
  }
  // The header's own error already says that the rows of this table are not imported.
  if (table.header === "broken") return false;
  const { names, dues } = table.header;
  const perIndicator = dues[0]!.length;
  const expected = names.length * perIndicator;
  const inTable = table.title ? ` của bảng ${quoted(table.title.text)}` : "";
  if (targets.length !== expected) {
    const span = targets.length > 0 ? ` (dòng ${targets[0]!.line}–${targets[targets.length - 1]!.line})` : "";
    problems.push({
      code: targets.length < expected ? "missing_cell" : "extra_cell",
      severity: "error",
      message:
        `${where}${inTable} có ${targets.length} ô chỉ tiêu${span}, bảng có ${expected} cột (${names.length} chỉ tiêu × ${perIndicator} mốc). ` +
        `Không xác định được ô nào ${targets.length < expected ? "bị thiếu" : "bị thừa"} nên hàng không được nhập; hãy sửa theo văn bản gốc.`,
      text: agency.text,
      source: { line: order.line },
    });
    return false;
  }
  checkOrder(order, table, inTable, problems);
  if (table.agencies.has(agency.text)) {
    problems.push({
      code: "duplicate_section",
      severity: "warning",
      message: `${where}: đơn vị ${quoted(agency.text)} xuất hiện lần thứ hai${inTable}; hai hàng được nhập riêng, đề nghị kiểm tra.`,
      text: agency.text,
      source: { line: order.line },
    });
  }
  table.agencies.add(agency.text);
  const rows = names.map((name, indicator): DraftRow => {
    const own = targets.slice(indicator * perIndicator, (indicator + 1) * perIndicator);
    const milestones = own.map((cell, position) => ({ due: dues[indicator]![position]!, targetText: cell.text }));
    const last = latest(milestones.map((milestone) => milestone.due));
    return { order: String(indicator + 1), text: name.text, targetText: own[last]!.text, milestones, source: { line: own[last]!.line } };
  });
  sections.push({
    order: order.text,
    heading: agency.text,
    ...(table.title ? { part: table.title.text } : {}),
    rows,
    source: { line: order.line },
  });
  return true;
}

/** A gap in STT often means a row lost in conversion: say so, without refusing the rows that are there. */
function checkOrder(order: Cell, table: Table, inTable: string, problems: ImportProblem[]): void {
  const value = Number(order.text);
  const expected = (table.lastOrder ?? 0) + 1;
  if (value !== expected) {
    problems.push({
      code: "order_gap",
      severity: "warning",
      message: `Dòng ${order.line}: STT ${order.text}${inTable} đứng sau STT ${table.lastOrder ?? "(đầu bảng)"}; kiểm tra xem có hàng nào bị thiếu không.`,
      text: order.text,
      source: { line: order.line },
    });
  }
  table.lastOrder = value;
}

/** The milestone due last; of equal dates, the one written last. */
function latest(dues: readonly string[]): number {
  let best = 0;
  dues.forEach((due, position) => {
    if (due >= dues[best]!) best = position;
  });
  return best;
}
