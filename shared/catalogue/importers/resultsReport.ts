import { extractEmbeddedTarget } from "../../target/embedded";
import { normalizeText } from "../../text/normalize";
import { importDraftSchema, type DraftRow, type DraftSection, type ImportDraft, type ImportProblem } from "../draft";
import { continueHeader, headerColumns, headerLineKey, type HeaderColumn, type PendingHeader } from "./columnMeaning";
import { readPreambleHeader } from "./documentHeader";
import { quoted, type SourceLine } from "./sourceLines";

/**
 * Results reports as tab-separated text: the report's header paragraph, then TT | Chỉ tiêu | Cơ quan chủ trì | Cơ
 * quan phối hợp | Kết quả thực hiện (or "Đơn vị chủ trì", "Ước thực hiện năm 2024", … — see columnMeaning). The
 * report has no target column: the target, when there is one, is written inside the indicator ("… đạt tỷ lệ tối
 * thiểu 60%") and is taken from there. Rows are owned by their lead agency, one section each; a line alone ("I. Chính
 * quyền số") groups the rows below it.
 *
 * A report converted from PDF breaks every cell over several lines: a line with no order number whose cells stay in
 * their columns continues the row above, cell by cell. A line whose column cannot be told (a lone piece of text that
 * lost its tabs) is reported, never attached to a guessed cell. The header drawn again at the top of a page (all of
 * it or its first line) is passed over, and the row the page break cut goes on below it.
 */

type Column = "order" | "text" | "lead" | "coordinating" | "result" | "note";

interface Layout {
  columns: Map<Column, number>;
  width: number;
  year?: number;
}

/** A row being read: its cells so far and the lines they came from. */
interface OpenRow {
  cells: string[];
  firstLine: number;
  lastLine: number;
  /** Lines read into the row (a header drawn again between two of them is not one). */
  lineCount: number;
}

interface State {
  layout?: Layout;
  pending?: PendingHeader;
  /** The lines of the header read last, as compared (see lineKey): a page break draws them again. */
  headerKeys?: string[];
  row?: OpenRow;
  group?: string;
  preamble: SourceLine[];
  sections: Map<string, DraftSection>;
  problems: ImportProblem[];
  linesPlaced: number;
}

/**
 * "Sở Tài chính, Sở Nội vụ" lists two agencies but "Sở Văn hóa, Thể thao và Du lịch" and "UBND các xã, phường" name
 * one: a comma separates agencies only before a word that starts an agency's name.
 */
const AGENCY_SEPARATOR =
  /\s*;\s*|\s*,\s*(?=(?:Sở|UBND|Ủy ban|Văn phòng|Công an|Ban|Bảo hiểm|Ngân hàng|Cục|Chi cục|Thanh tra|Đài|Báo|Trung tâm|Bưu điện|Viettel|VNPT|Các|Tỉnh đoàn|Hội)(?![\p{L}\p{M}]))/u;

/** "I. Chính quyền số", "a) Dịch vụ công", "III. XÃ HỘI SỐ": a group of rows. */
const GROUP_HEADING = /^([IVXLC]+|\p{L})\s*[.)]\s*\S/u;
const NUMERIC_ORDER = /^\d+(\.\d+)*\.?$/;

export function importResultsReport(text: string): ImportDraft {
  const state: State = { sections: new Map(), problems: [], preamble: [], linesPlaced: 0 };
  let linesRead = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const cells = raw.split("\t").map((cell) => normalizeText(cell));
    if (cells.every((cell) => cell === "")) return;
    linesRead += 1;
    if (readLine(raw, cells, index + 1, state)) state.linesPlaced += 1;
  });
  closeRow(state);
  settleHeader(state);
  if (!state.layout) {
    state.problems.push({
      code: "missing_header",
      severity: "error",
      message: 'Không tìm thấy dòng tiêu đề "TT | Chỉ tiêu | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả thực hiện" (các cột cách nhau bằng dấu tab).',
    });
  }
  const document = readPreambleHeader(state.preamble);
  const year = state.layout?.year;
  return importDraftSchema.parse({
    format: "results_report",
    header: { ...document.header, ...(year ? { year } : {}) },
    sections: [...state.sections.values()],
    problems: [...document.problems, ...state.problems],
    stats: { linesRead, linesPlaced: state.linesPlaced, linesSkipped: linesRead - state.linesPlaced },
  });
}

/** Returns whether the line was placed now; lines of a row are counted when the row is (see closeRow). */
function readLine(raw: string, cells: readonly string[], line: number, state: State): boolean {
  if (state.row && !state.pending && state.headerKeys?.includes(headerLineKey(cells))) return true;
  if (state.pending) {
    const continued = continueHeader(state.pending, cells);
    if (continued) {
      state.pending = continued;
      return true;
    }
    settleHeader(state);
  }
  const columns = headerColumns(cells);
  if (isHeader(columns)) {
    closeRow(state);
    settleHeader(state);
    state.pending = { columns, width: cells.length, line, keys: [headerLineKey(cells)] };
    return true;
  }
  const filled = cells.flatMap((cell, column) => (cell === "" ? [] : [column]));
  const layout = state.layout;
  if (!layout) {
    // Above the table: the report's header paragraph and title. A numbered row there cannot be read.
    if (filled.length > 1 && NUMERIC_ORDER.test(cells[filled[0]!]!)) {
      return report(state, line, "row_before_header", 'hàng nằm trước dòng tiêu đề "TT | Chỉ tiêu | Cơ quan chủ trì | …" nên không biết ô nào là cột nào.', cells);
    }
    state.preamble.push({ line, text: raw });
    return true;
  }

  const orderColumn = layout.columns.get("order")!;
  const order = cells[orderColumn] ?? "";
  const lone = filled.length === 1 && (filled[0] === 0 || !raw.includes("\t")) ? cells[filled[0]!]! : undefined;
  if (lone !== undefined && !NUMERIC_ORDER.test(lone)) {
    if (state.row && /^\p{Ll}/u.test(lone) && !GROUP_HEADING.test(lone)) {
      return report(
        state,
        line,
        "unaligned_continuation",
        `dòng này có vẻ là phần tiếp theo của hàng ở dòng ${state.row.firstLine} nhưng không còn dấu tab nên không biết thuộc ô nào; hãy ghép vào đúng ô theo văn bản gốc.`,
        cells,
      );
    }
    closeRow(state);
    state.group = lone;
    return true;
  }
  if (order !== "" && !NUMERIC_ORDER.test(order) && filled.every((column) => column === orderColumn || column === layout.columns.get("text"))) {
    // "I | Chính quyền số": a group written in the table's own columns.
    closeRow(state);
    const text = cells[layout.columns.get("text") ?? -1] ?? "";
    state.group = text ? `${order}${/[.)]$/.test(order) ? "" : "."} ${text}` : order;
    return true;
  }
  const continues = order === "" && state.row !== undefined;
  if (!continues) closeRow(state);
  const extra = cells.slice(layout.width).filter((cell) => cell !== "");
  if (extra.length > 0) {
    return report(state, line, "extra_cell", `hàng có ${layout.width + extra.length} ô, dòng tiêu đề chỉ có ${layout.width} cột; không biết ô thừa thuộc cột nào.`, cells);
  }
  if (continues) {
    continueRow(state.row!, cells, line, layout, state);
    return false;
  }
  state.row = { cells: [...cells], firstLine: line, lastLine: line, lineCount: 1 };
  return false;
}


function isHeader(columns: readonly HeaderColumn[]): boolean {
  const kinds = new Set(columns.map((column) => column.meaning?.kind));
  return kinds.has("order") && kinds.has("text");
}

/** The cells of a continuation line appended to the row's cells, column by column. */
function continueRow(row: OpenRow, cells: readonly string[], line: number, layout: Layout, state: State): void {
  const at = (cells: readonly string[], column: Column) => cells[layout.columns.get(column) ?? -1] ?? "";
  // A line with its own indicator and lead agency that only lacks its number may be a row of its own: say so.
  if (/^\p{Lu}/u.test(at(cells, "text")) && /^\p{Lu}/u.test(at(cells, "lead"))) {
    state.problems.push({
      code: "joined_row",
      severity: "warning",
      message: `Dòng ${line}: dòng không có số thứ tự được nối vào hàng ở dòng ${row.firstLine}; nếu đây là một chỉ tiêu riêng, hãy ghi số thứ tự rồi nhập lại.`,
      text: cells.filter((cell) => cell !== "").join(" | "),
      source: { line },
    });
  }
  cells.forEach((cell, column) => {
    if (cell === "") return;
    const before = row.cells[column] ?? "";
    // "57-" at the end of a line and "NQ/TW" on the next are one word.
    row.cells[column] = before === "" ? cell : /\S-$/u.test(before) ? before + cell : `${before} ${cell}`;
  });
  row.lastLine = line;
  row.lineCount += 1;
}

/** The header read so far becomes the layout, once no further line extends it. */
function settleHeader(state: State): void {
  const pending = state.pending;
  if (!pending) return;
  state.pending = undefined;
  const columns = new Map<Column, number>();
  let year: number | undefined;
  for (const { column, name, meaning } of pending.columns) {
    const kind: Column | undefined =
      meaning?.kind === "order" || meaning?.kind === "text" || meaning?.kind === "lead" || meaning?.kind === "coordinating" || meaning?.kind === "result" || meaning?.kind === "note"
        ? meaning.kind
        : undefined;
    if (kind && !columns.has(kind)) {
      columns.set(kind, column);
      if (meaning?.kind === "result" && meaning.year) year = meaning.year;
      continue;
    }
    state.problems.push({
      code: "unknown_column",
      severity: "warning",
      message: `Dòng ${pending.line}: cột ${quoted(name)} không thuộc báo cáo kết quả (các cột đọc được: TT, Chỉ tiêu, Cơ quan chủ trì, Cơ quan phối hợp, Kết quả thực hiện, Ghi chú); nội dung cột này không được nhập.`,
      text: name,
      source: { line: pending.line },
    });
  }
  const missing = (["text", "lead", "result"] as const).filter((column) => !columns.has(column));
  if (missing.length > 0) {
    const names = { text: "Chỉ tiêu", lead: "Cơ quan chủ trì", result: "Kết quả thực hiện" };
    state.problems.push({
      code: "missing_column",
      severity: "error",
      message: `Dòng ${pending.line}: dòng tiêu đề thiếu cột ${missing.map((column) => `"${names[column]}"`).join(", ")}.`,
      source: { line: pending.line },
    });
    state.linesPlaced -= 1;
    return;
  }
  state.layout = { columns, width: pending.width, ...(year ? { year } : {}) };
  state.headerKeys = pending.keys;
}

function report(state: State, line: number, code: string, message: string, cells: readonly string[]): false {
  state.problems.push({ code, severity: "error", message: `Dòng ${line}: ${message}`, text: cells.filter((cell) => cell !== "").join(" | "), source: { line } });
  return false;
}

/** The open row, once all its lines are read, placed under its lead agency or reported. */
function closeRow(state: State): void {
  const open = state.row;
  const layout = state.layout;
  if (!open || !layout) return;
  state.row = undefined;
  const { cells, firstLine: line, lastLine, lineCount } = open;
  const span = lastLine > line ? ` (dòng ${line}–${lastLine})` : "";
  const at = (column: Column) => cells[layout.columns.get(column) ?? -1] ?? "";
  const text = at("text");
  if (text === "") {
    report(state, line, "missing_indicator_text", `hàng${span} không có nội dung chỉ tiêu.`, cells);
    return;
  }
  const lead = at("lead");
  if (lead === "") {
    report(state, line, "missing_cell", `chỉ tiêu "${text}"${span} không có cơ quan chủ trì nên không xếp được vào mục cơ quan nào.`, cells);
    return;
  }
  state.linesPlaced += lineCount;
  const embedded = extractEmbeddedTarget(text);
  if (!embedded.found) {
    state.problems.push({
      code: "no_embedded_target",
      severity: "warning",
      message: `Dòng ${line}: nội dung chỉ tiêu không ghi mức cần đạt (ví dụ "đạt tối thiểu 60%"); chỉ tiêu được ghi nhận là cần đánh giá.`,
      text,
      source: { line },
    });
  }
  const result = at("result");
  if (result === "") {
    state.problems.push({ code: "empty_result", severity: "warning", message: `Dòng ${line}: chỉ tiêu chưa ghi kết quả thực hiện.`, text, source: { line } });
  }
  const section = sectionOf(state, lead, line);
  const coordinating = at("coordinating").split(AGENCY_SEPARATOR).map((name) => name.replace(/[\s.;,]+$/u, "")).filter(Boolean);
  const note = at("note");
  const row: DraftRow = {
    order: at("order").replace(/\.$/, "") || String(section.rows.length + 1),
    text,
    targetText: embedded.found ? embedded.targetText : "",
    leadAgency: lead,
    ...(coordinating.length > 0 ? { coordinatingAgencies: coordinating } : {}),
    ...(result ? { resultText: result } : {}),
    ...(note ? { note } : {}),
    ...(state.group ? { group: state.group } : {}),
    source: { line },
  };
  section.rows.push(row);
}

function sectionOf(state: State, lead: string, line: number): DraftSection {
  let section = state.sections.get(lead);
  if (!section) {
    section = { order: String(state.sections.size + 1), heading: lead, rows: [], source: { line } };
    state.sections.set(lead, section);
  }
  return section;
}
