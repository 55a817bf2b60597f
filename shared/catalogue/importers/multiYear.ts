import { normalizeText } from "../../text/normalize";
import { importDraftSchema, type DraftRow, type DraftSection, type ImportDraft, type ImportProblem } from "../draft";
import { readMultiYearHeader, type MultiYearLayout } from "./multiYearColumns";

/**
 * Multi-year plan tables pasted as tab-separated text: a header recognised by column names (STT | Chỉ tiêu | Đơn vị
 * tính | Kế hoạch năm 2024 | Thực hiện năm 2024 | Kế hoạch năm 2025 | Định hướng đến năm 2030 | Cơ quan theo
 * dõi/chủ trì), agency headings alone on their line ("1. Sở Khoa học và Công nghệ"), rows. The latest "Kế hoạch"
 * year is this year's target; earlier plans and results are history. Every cell is kept as written: "≥ 70" with the
 * unit "%" beside it, "52,9".
 */

/** "1. Sở Y tế" starts an agency section; "I. Chính quyền số" groups the rows of the section below it. */
const SECTION_HEADING = /^(\d+)\s*[.)]\s*(\S.*)$/u;
const GROUP_HEADING = /^([IVXLC]+)\s*[.)]\s*(\S.*)$/u;

interface State {
  layout?: MultiYearLayout;
  thisYear?: number;
  section?: DraftSection;
  group?: string;
  sections: DraftSection[];
  problems: ImportProblem[];
}

export function importMultiYearTable(text: string): ImportDraft {
  const state: State = { sections: [], problems: [] };
  let linesRead = 0;
  let linesPlaced = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const cells = raw.split("\t").map((cell) => normalizeText(cell));
    const filled = cells.filter((cell) => cell !== "");
    if (filled.length === 0) return;
    linesRead += 1;
    if (readLine(cells, filled, line, state)) linesPlaced += 1;
  });
  if (!state.layout) {
    state.problems.push({
      code: "missing_header",
      severity: "error",
      message: 'Không tìm thấy dòng tiêu đề của bảng: cần các cột "STT", "Chỉ tiêu" và "Kế hoạch năm …", cách nhau bằng dấu tab.',
    });
  }
  return importDraftSchema.parse({
    format: "multi_year",
    header: state.thisYear ? { year: state.thisYear } : {},
    sections: state.sections,
    problems: state.problems,
    stats: { linesRead, linesPlaced, linesSkipped: linesRead - linesPlaced },
  });
}

/** Returns whether the line was placed; a line that is not placed is reported. */
function readLine(cells: readonly string[], filled: readonly string[], line: number, state: State): boolean {
  const layout = readMultiYearHeader(cells);
  if (layout) return readHeader(layout, line, state);
  if (filled.length === 1) {
    const only = filled[0]!;
    // A roman heading groups rows and never names an agency, even above the first section.
    if (GROUP_HEADING.test(only)) {
      state.group = only;
      return true;
    }
    const numbered = SECTION_HEADING.exec(only);
    // Above the header, a line that is not "N. Tên cơ quan" is the table's title ("Biểu 01. Chỉ tiêu …").
    if (!state.layout && !numbered) return true;
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

function readHeader(layout: MultiYearLayout, line: number, state: State): boolean {
  const years = [...layout.plans.keys()];
  if (years.length === 0) {
    state.problems.push({ code: "missing_column", severity: "error", message: `Dòng ${line}: dòng tiêu đề không có cột "Kế hoạch năm …" nên không biết chỉ tiêu năm nào.`, source: { line } });
    return false;
  }
  for (const { name } of layout.unknown) {
    state.problems.push({ code: "unknown_column", severity: "warning", message: `Dòng ${line}: cột "${name}" không thuộc bảng kế hoạch nhiều năm; nội dung cột này không được nhập.`, text: name, source: { line } });
  }
  state.layout = layout;
  state.thisYear = Math.max(...years);
  return true;
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
