import { normalizeText } from "../../text/normalize";
import { importDraftSchema, type DraftRow, type DraftSection, type ImportDraft, type ImportProblem } from "../draft";
import { continueHeader, headerColumns, headerLineKey, type PendingHeader } from "./columnMeaning";
import { readPreambleHeader } from "./documentHeader";
import { readMultiYearHeader, type MultiYearLayout } from "./multiYearColumns";
import type { SourceLine } from "./sourceLines";

/**
 * Multi-year plan tables pasted as tab-separated text: the plan's header paragraph ("ỦY BAN NHÂN DÂN" / "TỈNH …",
 * "Số: …", the date line, the title), a table header recognised by what its columns mean (STT | Chỉ tiêu | Đơn vị
 * tính | Kế hoạch năm 2024 | Thực hiện năm 2024 | Kế hoạch năm 2025 | Định hướng đến năm 2030 | Cơ quan theo dõi, or
 * "ĐVT", "KH 2025", "Ước TH 2024", "Năm 2025" over "Kế hoạch | Ước thực hiện"), agency headings alone on their line
 * ("1. Sở Khoa học và Công nghệ"), rows. The latest plan year is this year's target; earlier plans and results are
 * history. Every cell is kept as written: "≥ 70" with the unit "%" beside it, "52,9".
 */

/** "1. Sở Y tế" starts an agency section; "I. Chính quyền số" groups the rows of the section below it. */
const SECTION_HEADING = /^(\d+)\s*[.)]\s*(\S.*)$/u;
const GROUP_HEADING = /^([IVXLC]+)\s*[.)]\s*(\S.*)$/u;

interface State {
  layout?: MultiYearLayout;
  /** A header just read, which the next line may still extend (its second row, or its cells' continuations). */
  pending?: PendingHeader;
  /** The lines of the header read last, as compared (see lineKey): a page break draws them again. */
  headerKeys?: string[];
  thisYear?: number;
  section?: DraftSection;
  group?: string;
  preamble: SourceLine[];
  /** The last non-blank line read, and the last line of the row read last: a continuation follows it directly. */
  previousLine?: number;
  rowEnd?: number;
  sections: DraftSection[];
  problems: ImportProblem[];
}

export function importMultiYearTable(text: string): ImportDraft {
  const state: State = { sections: [], problems: [], preamble: [] };
  let linesRead = 0;
  let linesPlaced = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const cells = raw.split("\t").map((cell) => normalizeText(cell));
    const filled = cells.filter((cell) => cell !== "");
    if (filled.length === 0) return;
    linesRead += 1;
    if (readLine(raw, cells, filled, line, state)) linesPlaced += 1;
    state.previousLine = line;
  });
  settleHeader(state);
  if (!state.layout) {
    state.problems.push({
      code: "missing_header",
      severity: "error",
      message: 'Không tìm thấy dòng tiêu đề của bảng: cần các cột "STT", "Chỉ tiêu" và "Kế hoạch năm …", cách nhau bằng dấu tab.',
    });
  }
  const document = readPreambleHeader(state.preamble);
  return importDraftSchema.parse({
    format: "multi_year",
    header: { ...document.header, ...(state.thisYear ? { year: state.thisYear } : {}) },
    sections: state.sections,
    problems: [...document.problems, ...state.problems],
    stats: { linesRead, linesPlaced, linesSkipped: linesRead - linesPlaced },
  });
}

/** Returns whether the line was placed; a line that is not placed is reported. */
function readLine(raw: string, cells: readonly string[], filled: readonly string[], line: number, state: State): boolean {
  if (repeatsHeaderInRow(cells, state)) {
    state.rowEnd = line;
    return true;
  }
  if (state.pending) {
    const continued = continueHeader(state.pending, cells);
    if (continued) {
      state.pending = continued;
      return true;
    }
    settleHeader(state);
  }
  const columns = headerColumns(cells);
  if (readMultiYearHeader(columns, cells.length)) {
    settleHeader(state);
    state.pending = { columns, width: cells.length, line, keys: [headerLineKey(cells)] };
    return true;
  }
  if (!state.layout && !state.pending && !/^\d+$/.test(filled[0]!.replace(/\.$/, ""))) {
    // Above the table: the plan's header paragraph and the table's title ("Biểu 01. Chỉ tiêu …").
    state.preamble.push({ line, text: raw });
    return true;
  }
  if (continueRow(raw, cells, line, state)) return true;
  if (filled.length === 1) {
    const only = filled[0]!;
    // Headings start with their number or a capital; a lone word in lower case is the end of some cell above.
    if (/^\p{Ll}/u.test(only) && !/^\p{L}\s*[.)]\s/u.test(only)) {
      state.problems.push({
        code: "unaligned_continuation",
        severity: "error",
        message: `Dòng ${line}: "${only}" viết thường, có vẻ là phần tiếp theo của một ô ở hàng trên nhưng không nằm ngay dưới hàng đó, nên không biết thuộc hàng nào; hãy ghép vào đúng ô theo văn bản gốc.`,
        text: only,
        source: { line },
      });
      return false;
    }
    // A roman heading groups rows and never names an agency.
    if (GROUP_HEADING.test(only)) {
      state.group = only;
      return true;
    }
    const numbered = SECTION_HEADING.exec(only);
    state.section = {
      order: numbered ? numbered[1]! : String(state.sections.length + 1),
      heading: numbered ? numbered[2]!.trim() : only,
      rows: [],
      source: { line },
    };
    state.sections.push(state.section);
    state.group = undefined;
    return true;
  }
  return readRow(cells, line, state);
}

/** The header read so far becomes the table's layout, its unread columns reported once. */
function settleHeader(state: State): void {
  const pending = state.pending;
  if (!pending) return;
  state.pending = undefined;
  const { line } = pending;
  const layout = readMultiYearHeader(pending.columns, pending.width)!;
  const years = [...layout.plans.keys()];
  if (years.length === 0) {
    state.problems.push({ code: "missing_column", severity: "error", message: `Dòng ${line}: dòng tiêu đề không có cột "Kế hoạch năm …" nên không biết chỉ tiêu năm nào.`, source: { line } });
    return;
  }
  for (const { name } of layout.unknown) {
    state.problems.push({ code: "unknown_column", severity: "warning", message: `Dòng ${line}: cột "${name}" không thuộc bảng kế hoạch nhiều năm; nội dung cột này không được nhập.`, text: name, source: { line } });
  }
  state.layout = layout;
  state.thisYear = Math.max(...years);
  state.headerKeys = pending.keys;
}

/**
 * A PDF converted to text draws the header again at the top of each page, all of it or its first line, sometimes
 * between a row and the rest of its cells: right below a row, a line of the header is passed over and the row may
 * go on below it.
 */
function repeatsHeaderInRow(cells: readonly string[], state: State): boolean {
  if (!state.layout || state.pending || state.rowEnd === undefined || state.rowEnd !== state.previousLine) return false;
  return state.headerKeys?.includes(headerLineKey(cells)) ?? false;
}


function readRow(cells: readonly string[], line: number, state: State): boolean {
  const { layout, section, thisYear } = state;
  const report = (code: string, message: string) => {
    state.problems.push({ code, severity: "error", message: `Dòng ${line}: ${message}`, text: cells.filter((cell) => cell !== "").join(" | "), source: { line } });
    return false;
  };
  if (!layout || thisYear === undefined) return report("row_before_header", 'hàng nằm trước dòng tiêu đề "STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm …" nên không biết ô nào là cột nào.');
  if (!section) return report("row_before_section", 'hàng nằm trước mục cơ quan đầu tiên (một dòng "1. Tên cơ quan").');
  const extra = cells.slice(layout.width).filter((cell) => cell !== "");
  if (extra.length > 0) return report("extra_cell", `hàng có ${layout.width + extra.length} ô, dòng tiêu đề chỉ có ${layout.width} cột; không biết ô thừa thuộc cột nào.`);
  const at = (column: number | undefined) => (column === undefined ? "" : (cells[column] ?? ""));
  const text = at(layout.text);
  if (text === "") return report("missing_indicator_text", "hàng không có nội dung chỉ tiêu.");

  const targetText = at(layout.plans.get(thisYear));
  const row: DraftRow = { order: at(layout.order) || String(section.rows.length + 1), text, targetText, source: { line } };
  const unit = at(layout.unit);
  if (unit) row.unit = unit;
  const history = historyOf(cells, layout, thisYear);
  if (history.length > 0) row.history = history;
  const result = at(layout.results.get(thisYear));
  if (result) row.resultText = result;
  const direction = at(layout.direction);
  if (direction) row.direction = direction;
  const monitoring = at(layout.monitoring);
  if (monitoring) row.monitoringAgency = monitoring;
  const lead = at(layout.lead);
  if (lead) row.leadAgency = lead;
  const note = at(layout.note);
  if (note) row.note = note;
  if (state.group) row.group = state.group;
  if (targetText === "") {
    state.problems.push({
      code: "empty_target",
      severity: "warning",
      message: `Dòng ${line}: chỉ tiêu "${text}" không có kế hoạch năm ${thisYear}; chỉ tiêu được ghi nhận là cần đánh giá.`,
      source: { line },
    });
  }
  section.rows.push(row);
  state.rowEnd = line;
  return true;
}

/**
 * A PDF conversion breaks long cells over several lines: a line right below a row, with no STT, whose cells stay in
 * their columns and hold only text (the indicator, the agency, the note), goes on with that row. A line with values
 * of its own ("Trong đó: …" with its targets) stays a row.
 */
function continueRow(raw: string, cells: readonly string[], line: number, state: State): boolean {
  const { layout, section } = state;
  const row = section?.rows[section.rows.length - 1];
  if (!layout || !row || state.rowEnd === undefined || state.rowEnd !== state.previousLine || !raw.includes("\t")) return false;
  if ((cells[layout.order ?? -1] ?? "") !== "") return false;
  const textColumns = new Map<number, "text" | "monitoringAgency" | "leadAgency" | "note">();
  for (const [column, field] of [[layout.text, "text"], [layout.monitoring, "monitoringAgency"], [layout.lead, "leadAgency"], [layout.note, "note"]] as const) {
    if (column !== undefined) textColumns.set(column, field);
  }
  const filled = cells.flatMap((cell, column) => (cell === "" ? [] : [column]));
  if (filled.length === 0 || !filled.every((column) => textColumns.has(column))) return false;
  // "II. KINH TẾ SỐ" written in the indicator column heads a group; it does not go on with the row above.
  if (filled.some((column) => SECTION_HEADING.test(cells[column]!) || GROUP_HEADING.test(cells[column]!))) return false;
  for (const column of filled) {
    const field = textColumns.get(column)!;
    const before = row[field] ?? "";
    row[field] = before === "" ? cells[column]! : `${before} ${cells[column]!}`;
  }
  state.rowEnd = line;
  return true;
}

/** Earlier years' plans and results, oldest first, with only the cells that are filled. */
function historyOf(cells: readonly string[], layout: MultiYearLayout, thisYear: number): NonNullable<DraftRow["history"]> {
  const years = [...new Set([...layout.plans.keys(), ...layout.results.keys()])].filter((year) => year < thisYear).sort();
  return years.flatMap((year) => {
    const plan = cells[layout.plans.get(year) ?? -1] ?? "";
    const result = cells[layout.results.get(year) ?? -1] ?? "";
    if (plan === "" && result === "") return [];
    return [{ year, ...(plan ? { targetText: plan } : {}), ...(result ? { resultText: result } : {}) }];
  });
}
