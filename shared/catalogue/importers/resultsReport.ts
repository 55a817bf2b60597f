import { extractEmbeddedTarget } from "../../target/embedded";
import { foldDiacritics, normalizeText } from "../../text/normalize";
import { importDraftSchema, type DraftRow, type DraftSection, type ImportDraft, type ImportProblem } from "../draft";

/**
 * Results reports pasted as tab-separated text: TT | Chỉ tiêu | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả thực
 * hiện. The report has no target column: the target, when there is one, is written inside the indicator ("… đạt
 * tỷ lệ tối thiểu 60%") and is taken from there. Rows are owned by their lead agency, one section each; a line
 * alone ("I. Chính quyền số") groups the rows below it.
 */

type Column = "order" | "text" | "lead" | "coordinating" | "result" | "note";

const COLUMN_NAMES: ReadonlyArray<readonly [Column, RegExp]> = [
  ["order", /^(stt|tt)$/],
  ["text", /^(chi tieu|ten chi tieu|noi dung|noi dung chi tieu)$/],
  ["lead", /^((co quan|don vi) )?chu tri$/],
  ["coordinating", /^((co quan|don vi) )?phoi hop$/],
  ["result", /^(ket qua|ket qua thuc hien|ket qua dat duoc)( nam (\d{4}))?$/],
  ["note", /^ghi chu$/],
];

/**
 * "Sở Tài chính, Sở Nội vụ" lists two agencies but "Sở Văn hóa, Thể thao và Du lịch" and "UBND các xã, phường" name
 * one: a comma separates agencies only before a word that starts an agency's name.
 */
const AGENCY_SEPARATOR =
  /\s*;\s*|\s*,\s*(?=(?:Sở|UBND|Ủy ban|Văn phòng|Công an|Ban|Bảo hiểm|Ngân hàng|Cục|Chi cục|Thanh tra|Đài|Báo|Trung tâm|Bưu điện|Viettel|VNPT|Các|Tỉnh đoàn|Hội)(?![\p{L}\p{M}]))/u;

interface Layout {
  columns: Map<Column, number>;
  width: number;
  year?: number;
}

interface State {
  layout?: Layout;
  group?: string;
  sections: Map<string, DraftSection>;
  problems: ImportProblem[];
}

export function importResultsReport(text: string): ImportDraft {
  const state: State = { sections: new Map(), problems: [] };
  let linesRead = 0;
  let linesPlaced = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const cells = raw.split("\t").map((cell) => normalizeText(cell));
    const filled = cells.filter((cell) => cell !== "");
    if (filled.length === 0) return;
    linesRead += 1;
    if (readLine(cells, filled, index + 1, state)) linesPlaced += 1;
  });
  if (!state.layout) {
    state.problems.push({
      code: "missing_header",
      severity: "error",
      message: 'Không tìm thấy dòng tiêu đề "TT | Chỉ tiêu | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả thực hiện" (các cột cách nhau bằng dấu tab).',
    });
  }
  return importDraftSchema.parse({
    format: "results_report",
    header: state.layout?.year ? { year: state.layout.year } : {},
    sections: [...state.sections.values()],
    problems: state.problems,
    stats: { linesRead, linesPlaced, linesSkipped: linesRead - linesPlaced },
  });
}

function readLine(cells: readonly string[], filled: readonly string[], line: number, state: State): boolean {
  const layout = readHeader(cells);
  if (layout) {
    const missing = (["text", "lead", "result"] as const).filter((column) => !layout.columns.has(column));
    if (missing.length > 0) {
      const names = { text: "Chỉ tiêu", lead: "Cơ quan chủ trì", result: "Kết quả thực hiện" };
      state.problems.push({ code: "missing_column", severity: "error", message: `Dòng ${line}: dòng tiêu đề thiếu cột ${missing.map((column) => `"${names[column]}"`).join(", ")}.`, source: { line } });
      return false;
    }
    state.layout = layout;
    return true;
  }
  if (filled.length === 1) {
    // Above the header: the report's title; below it: a group of rows.
    if (state.layout) state.group = filled[0];
    return true;
  }
  return readRow(cells, filled, line, state);
}

function readHeader(cells: readonly string[]): Layout | undefined {
  const columns = new Map<Column, number>();
  let year: number | undefined;
  cells.forEach((name, column) => {
    const folded = foldDiacritics(name).replace(/\s+/g, " ").trim();
    for (const [kind, pattern] of COLUMN_NAMES) {
      const match = pattern.exec(folded);
      if (!match || columns.has(kind)) continue;
      columns.set(kind, column);
      if (kind === "result" && match[3]) year = Number(match[3]);
      return;
    }
  });
  if (!columns.has("order") || !columns.has("text")) return undefined;
  return { columns, width: cells.length, ...(year ? { year } : {}) };
}

function readRow(cells: readonly string[], filled: readonly string[], line: number, state: State): boolean {
  const report = (code: string, message: string) => {
    state.problems.push({ code, severity: "error", message: `Dòng ${line}: ${message}`, text: filled.join(" | "), source: { line } });
    return false;
  };
  const layout = state.layout;
  if (!layout) return report("row_before_header", 'hàng nằm trước dòng tiêu đề "TT | Chỉ tiêu | Cơ quan chủ trì | …" nên không biết ô nào là cột nào.');
  const extra = cells.slice(layout.width).filter((cell) => cell !== "");
  if (extra.length > 0) return report("extra_cell", `hàng có ${layout.width + extra.length} ô, dòng tiêu đề chỉ có ${layout.width} cột; không biết ô thừa thuộc cột nào.`);
  const at = (column: Column) => {
    const index = layout.columns.get(column);
    return index === undefined ? "" : (cells[index] ?? "");
  };
  const text = at("text");
  if (text === "") return report("missing_indicator_text", "hàng không có nội dung chỉ tiêu.");
  const lead = at("lead");
  if (lead === "") return report("missing_cell", `chỉ tiêu "${text}" không có cơ quan chủ trì nên không xếp được vào mục cơ quan nào.`);

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
    order: at("order") || String(section.rows.length + 1),
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
  return true;
}

function sectionOf(state: State, lead: string, line: number): DraftSection {
  let section = state.sections.get(lead);
  if (!section) {
    section = { order: String(state.sections.size + 1), heading: lead, rows: [], source: { line } };
    state.sections.set(lead, section);
  }
  return section;
}
