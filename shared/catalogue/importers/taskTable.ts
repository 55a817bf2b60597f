import { foldDiacritics } from "../../text/normalize";
import { importDraftSchema, type DraftRow, type DraftSection, type ImportDraft, type ImportProblem } from "../draft";
import { appendixEnd, appendixStartBefore, cellsOf, draftOf, quoted, splitLines, type AppendixRead, type Cell } from "./hueLines";
import { isTimeCell, joinLowercaseContinuations, splitCoordinating } from "./taskCells";

/**
 * Task tables converted from PDF one cell per line (Huế 106/KH-UBND, Phụ lục I): a header TT | Tên nhiệm vụ | Chủ trì
 * | Phối hợp | Thời gian hoàn thành | Ghi chú, groups "I" / "Thể chế, chính sách", and tasks: the number, the name,
 * the lead agency, the coordinating agencies (none, one, or several lines), the completion time, the note.
 *
 * Empty cells leave no line, so the cells are told apart by what they are, not by position alone: the time is the
 * first line the target grammar reads as a deadline or recurring work; before it come the name, the lead agency
 * (one line) and the coordinating agencies; after it, the note. A task is owned by its lead agency, so each lead
 * agency becomes a section; every guess the layout forces (an empty "Phối hợp", a missing time, a cell broken over
 * lines) is reported as a warning naming the line.
 */

export const TASK_APPENDIX_PART = "Phụ lục I";

export function importTaskTable(text: string): ImportDraft {
  const lines = splitLines(text);
  const header = lines.findIndex((line, index) => isOrderHeader(line.trim()) && columnOf(lines[index + 1]?.trim() ?? "") === "text");
  if (header < 0) {
    return importDraftSchema.parse({
      format: "pdf_text",
      header: {},
      sections: [],
      problems: [{ code: "no_task_table", severity: "error", message: 'Không tìm thấy bảng nhiệm vụ: cần dòng tiêu đề "TT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành".' }],
      stats: { linesRead: 0, linesPlaced: 0, linesSkipped: 0 },
    });
  }
  const start = appendixStartBefore(lines, header) ?? header;
  const read = readTaskAppendix(cellsOf(lines, start, appendixEnd(lines, start)), TASK_APPENDIX_PART);
  return importDraftSchema.parse(draftOf("pdf_text", {}, [read]));
}

type Column = "order" | "text" | "lead" | "coordinating" | "time" | "note";

/** The order the reading below relies on; a header in another order is refused, not misread. */
const COLUMN_ORDER: readonly Column[] = ["order", "text", "lead", "coordinating", "time", "note"];

const COLUMN_NAMES: ReadonlyArray<readonly [Column, RegExp]> = [
  ["order", /^(stt|tt)$/],
  ["text", /^(ten nhiem vu|nhiem vu|noi dung|noi dung nhiem vu|noi dung cong viec|ten nhiem vu, hoat dong)$/],
  ["lead", /^((co quan|don vi) )?chu tri$/],
  ["coordinating", /^((co quan|don vi) )?phoi hop$/],
  ["time", /^(thoi gian|thoi gian hoan thanh|thoi gian thuc hien|thoi han|tien do|tien do thuc hien)$/],
  ["note", /^(ghi chu|kinh phi|nguon kinh phi|ghi chu\s*\/\s*kinh phi)$/],
];

function columnOf(text: string): Column | undefined {
  const folded = foldDiacritics(text);
  return COLUMN_NAMES.find(([, pattern]) => pattern.test(folded))?.[0];
}

function isOrderHeader(text: string): boolean {
  return columnOf(text) === "order";
}

const TASK_ORDER = /^(\d+)\.?$/;
const GROUP_ALONE = /^([IVXLC]+)\.?$/;
const GROUP_WITH_TITLE = /^([IVXLC]+)[.)]\s+(\S.*)$/u;

interface State {
  columns?: Set<Column> | "broken";
  group?: { numeral: string; heading: string };
  sections: Map<string, DraftSection>;
  problems: ImportProblem[];
  part: string;
}

/** Reads the cells of one appendix of tasks; every cell is placed or reported. */
export function readTaskAppendix(cells: readonly Cell[], part: string): AppendixRead {
  const state: State = { sections: new Map(), problems: [], part };
  let placed = 0;
  let index = 0;
  while (index < cells.length) {
    const cell = cells[index]!;
    // Page breaks in the PDF repeat the header: read again, it replaces the one before.
    if (isOrderHeader(cell.text)) {
      let end = index + 1;
      while (end < cells.length && columnOf(cells[end]!.text) !== undefined) end += 1;
      state.columns = readHeader(cells.slice(index, end), state.problems);
      placed += end - index;
      index = end;
      continue;
    }
    const groupSpan = groupAt(cells, index);
    if (groupSpan > 0 && state.columns !== undefined) {
      const alone = GROUP_ALONE.exec(cell.text);
      state.group = alone
        ? { numeral: alone[1]!, heading: `${alone[1]}. ${cells[index + 1]!.text}` }
        : { numeral: GROUP_WITH_TITLE.exec(cell.text)![1]!, heading: cell.text };
      placed += groupSpan;
      index += groupSpan;
      continue;
    }
    if (TASK_ORDER.test(cell.text) && cells[index + 1] !== undefined) {
      const end = taskEnd(cells, index + 1);
      if (readTask(cells.slice(index, end), state)) placed += end - index;
      index = end;
      continue;
    }
    if (state.columns === undefined) {
      // Above the header: the appendix's own title lines ("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ …", "(Kèm theo …)").
      placed += 1;
    } else {
      state.problems.push({
        code: "unplaced_line",
        severity: "error",
        message: `Dòng ${cell.line}: không xác định được dòng này thuộc nhiệm vụ nào (mỗi nhiệm vụ bắt đầu bằng số thứ tự trên một dòng riêng).`,
        text: cell.text,
        source: { line: cell.line },
      });
    }
    index += 1;
  }
  if (state.columns === undefined) {
    state.problems.push({ code: "no_task_table", severity: "error", message: `Không tìm thấy dòng tiêu đề của bảng nhiệm vụ ${part} ("TT", "Tên nhiệm vụ", "Chủ trì", …).` });
  }
  return { sections: [...state.sections.values()], problems: state.problems, linesRead: cells.length, linesPlaced: placed };
}

/** How many lines the group heading at `index` takes: "I" + "Thể chế, chính sách" (2), "I. Thể chế…" (1), or 0. */
function groupAt(cells: readonly Cell[], index: number): number {
  const text = cells[index]!.text;
  if (GROUP_WITH_TITLE.test(text)) return 1;
  const title = cells[index + 1];
  return GROUP_ALONE.test(text) && title !== undefined && !TASK_ORDER.test(title.text) && !GROUP_ALONE.test(title.text) ? 2 : 0;
}

function taskEnd(cells: readonly Cell[], from: number): number {
  let index = from;
  while (index < cells.length && !TASK_ORDER.test(cells[index]!.text) && groupAt(cells, index) === 0 && !isOrderHeader(cells[index]!.text)) index += 1;
  return index;
}

function readHeader(cells: readonly Cell[], problems: ImportProblem[]): Set<Column> | "broken" {
  const columns = cells.map((cell) => columnOf(cell.text)!);
  const line = cells[0]!.line;
  const missing = (["text", "lead", "time"] as const).filter((column) => !columns.includes(column));
  const ordered = columns.every((column, position) => position === 0 || COLUMN_ORDER.indexOf(column) > COLUMN_ORDER.indexOf(columns[position - 1]!));
  if (missing.length > 0 || !ordered) {
    const names: Record<Column, string> = { order: "TT", text: "Tên nhiệm vụ", lead: "Chủ trì", coordinating: "Phối hợp", time: "Thời gian hoàn thành", note: "Ghi chú" };
    problems.push({
      code: "missing_column",
      severity: "error",
      message:
        missing.length > 0
          ? `Dòng ${line}: bảng nhiệm vụ thiếu cột ${missing.map((column) => `"${names[column]}"`).join(", ")}; các nhiệm vụ không được nhập.`
          : `Dòng ${line}: các cột của bảng nhiệm vụ không theo thứ tự TT, Tên nhiệm vụ, Chủ trì, Phối hợp, Thời gian hoàn thành, Ghi chú; các nhiệm vụ không được nhập.`,
      source: { line },
    });
    return "broken";
  }
  return new Set(columns);
}

/** `cells`: the task number and every line up to the next task or group. Returns whether the task was placed. */
function readTask(cells: readonly Cell[], state: State): boolean {
  const [orderCell, ...rest] = cells as [Cell, ...Cell[]];
  const number = TASK_ORDER.exec(orderCell.text)![1]!;
  const order = state.group ? `${state.group.numeral}.${number}` : number;
  const line = orderCell.line;
  const problems = state.problems;
  const report = (code: string, severity: ImportProblem["severity"], at: number, message: string) =>
    problems.push({ code, severity, message: `Dòng ${at}: nhiệm vụ ${order}${message}`, source: { line: at } });

  if (state.columns === undefined) {
    report("row_before_header", "error", line, " nằm trước dòng tiêu đề của bảng (TT, Tên nhiệm vụ, Chủ trì, …) nên không biết ô nào là cột nào; nhiệm vụ không được nhập.");
    return false;
  }
  // The header's own error already says that no task is imported.
  if (state.columns === "broken") return false;
  const columns = state.columns;

  const joined = joinLowercaseContinuations(rest);
  const timeAt = joined.findIndex((cell, position) => position > 0 && isTimeCell(cell.text));
  const [name, lead, ...coordinatingCells] = timeAt < 0 ? joined : joined.slice(0, timeAt);
  const time = timeAt < 0 ? undefined : joined[timeAt];
  const after = timeAt < 0 ? [] : joined.slice(timeAt + 1);
  if (!name || !lead) {
    report("missing_cell", "error", line, `${name ? ` (${quoted(name.text, 60)})` : ""} không có cơ quan chủ trì nên không xếp được vào mục cơ quan nào; nhiệm vụ không được nhập.`);
    return false;
  }
  if (coordinatingCells.length > 0 && !columns.has("coordinating")) {
    report("extra_cell", "error", coordinatingCells[0]!.line, ` có ô thừa sau cơ quan chủ trì ${quoted(lead.text)} mà bảng không có cột "Phối hợp"; nhiệm vụ không được nhập.`);
    return false;
  }
  if (after.length > 0 && !columns.has("note")) {
    report("extra_cell", "error", after[0]!.line, ` có ô thừa sau thời gian hoàn thành mà bảng không có cột "Ghi chú"; nhiệm vụ không được nhập.`);
    return false;
  }

  if (!time) {
    const last = joined[joined.length - 1]!;
    report(
      "missing_cell",
      "warning",
      line,
      ` (${quoted(name.text, 60)}) không có ô "Thời gian hoàn thành": sau cơ quan chủ trì ${quoted(lead.text, 60)} ` +
        `${coordinatingCells.length > 0 ? "chỉ có các dòng phối hợp" : "không còn ô nào"} (dòng ${last.line} là dòng cuối của nhiệm vụ). ` +
        `Nhiệm vụ được ghi nhận với thời gian để trống; cần bổ sung theo văn bản gốc.`,
    );
  } else if (coordinatingCells.length === 0 && columns.has("coordinating")) {
    report("empty_cell", "warning", lead.line, ` chỉ có một cơ quan trước thời gian hoàn thành: ${quoted(lead.text)} được hiểu là cơ quan chủ trì, ô "Phối hợp" để trống.`);
  }
  const coordinating = splitCoordinating(coordinatingCells);
  for (const continuation of coordinating.continuations) {
    report(
      "joined_cell_lines",
      "warning",
      continuation.line,
      `: dòng ${quoted(continuation.text)} được hiểu là phần tiếp theo của ô "Phối hợp" ở dòng ${continuation.into} (cơ quan phối hợp: ${coordinating.agencies.join("; ")}).`,
    );
  }
  if (after.length > 1) {
    report("joined_cell_lines", "warning", after[1]!.line, `: ${after.length} dòng sau thời gian hoàn thành được ghép thành ô "Ghi chú" (từ dòng ${after[0]!.line}).`);
  }

  const row: DraftRow = {
    order,
    text: name.text,
    targetText: time?.text ?? "",
    ...(time ? { deadlineText: time.text } : {}),
    leadAgency: lead.text,
    ...(coordinating.agencies.length > 0 ? { coordinatingAgencies: coordinating.agencies } : {}),
    ...(after.length > 0 ? { note: after.map((cell) => cell.text).join(" ") } : {}),
    ...(state.group ? { group: state.group.heading } : {}),
    source: { line },
  };
  sectionOf(state, lead).rows.push(row);
  return true;
}

/** The section of a lead agency, as written; created where the agency first leads a task. */
function sectionOf(state: State, lead: Cell): DraftSection {
  let section = state.sections.get(lead.text);
  if (!section) {
    section = { order: String(state.sections.size + 1), heading: lead.text, part: state.part, rows: [], source: { line: lead.line } };
    state.sections.set(lead.text, section);
  }
  return section;
}
