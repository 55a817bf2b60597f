import { foldDiacritics, normalizeText } from "../../text/normalize";
import type { DraftMilestone, DraftRow, DraftSection, ImportProblem } from "../draft";
import { columnOf, type HeaderColumn } from "./columnMeaning";
import { quoted } from "./sourceLines";

/**
 * What the rows of a milestone table by rows (see milestoneGrid) become: sections of draft rows, each with its
 * milestones as written.
 */

export interface Row {
  cells: string[];
  line: number;
  lastLine: number;
  lineCount: number;
}

export type Item = { kind: "heading"; line: number; order: string; text: string; grid: Grid } | { kind: "row"; row: Row; grid: Grid };

export interface Grid {
  columns: HeaderColumn[];
  width: number;
  /** One agency per row, its targets under each indicator's milestone columns (Huế's layout), or one indicator per row. */
  rowsAre: "agencies" | "indicators";
  /** The table's title above its header ("1. Cấp Sở"), for messages. */
  title?: string;
  /** Due dates of the milestone columns, by column index. */
  dues: Map<number, string>;
}


/** Words an agency's name starts with (folded): a row group naming one is a section, any other heading is not. */
const AGENCY_START = /^(so|ubnd|uy ban nhan dan|van phong|ban|cong an|thanh tra|cuc|chi cuc|bao hiem|ngan hang|kho bac|dai|bao|trung tam|tinh doan|bo chi huy|vien thong|hoi)\b/;

export function namesAgency(text: string): boolean {
  return AGENCY_START.test(foldDiacritics(normalizeText(text)));
}


/**
 * Sections from headings and rows. One indicator per row: agency groups (or the agency column) own rows, other
 * headings are levels or groups. One agency per row: each row is a section, one row per indicator of the header.
 */
export function placeItems(items: readonly Item[], problems: ImportProblem[]): { sections: DraftSection[]; placed: number } {
  const sections: DraftSection[] = [];
  const byLead = new Map<string, DraftSection>();
  let placed = 0;
  let part: string | undefined;
  let group: string | undefined;
  let section: DraftSection | undefined;
  let grid: Grid | undefined;
  const label = (heading: { order: string; text: string }) => (heading.order ? `${heading.order}. ${heading.text}` : heading.text);

  items.forEach((item, position) => {
    if (item.grid !== grid) {
      grid = item.grid;
      if (grid.rowsAre === "agencies") part = grid.title;
    }
    const leadColumn = columnOf(grid.columns, "lead", "agency")?.column;
    if (item.kind === "heading") {
      if (grid.rowsAre === "agencies") {
        part = label(item);
        return;
      }
      if (leadColumn === undefined && namesAgency(item.text)) {
        section = { order: item.order || String(sections.length + 1), heading: item.text, ...(part ? { part } : {}), rows: [], source: { line: item.line } };
        sections.push(section);
        group = undefined;
        return;
      }
      const next = items[position + 1];
      const levelAbove = leadColumn === undefined && next?.kind === "heading" && namesAgency(next.text);
      if (levelAbove) part = label(item);
      else group = label(item);
      return;
    }
    const { row } = item;
    const at = (kind: "order" | "text" | "unit" | "lead" | "note") => {
      const column = kind === "lead" ? leadColumn : columnOf(grid!.columns, kind)?.column;
      return column === undefined ? "" : (row.cells[column] ?? "");
    };
    const span = row.lastLine > row.line ? ` (dòng ${row.line}–${row.lastLine})` : "";
    const fail = (code: string, message: string) =>
      problems.push({ code, severity: "error", message: `Dòng ${row.line}: ${message}`, text: row.cells.filter(Boolean).join(" | "), source: { line: row.line } });
    const milestonesOf = (columns: readonly HeaderColumn[]): DraftMilestone[] =>
      columns.filter(({ column }) => grid!.dues.has(column) && (row.cells[column] ?? "") !== "").map(({ column }) => ({ due: grid!.dues.get(column)!, targetText: row.cells[column]! }));
    const lastOf = (milestones: readonly DraftMilestone[]) => milestones.reduce<DraftMilestone | undefined>((best, milestone) => (!best || milestone.due >= best.due ? milestone : best), undefined);
    const emptyTarget = (text: string, where: string) =>
      problems.push({ code: "empty_target", severity: "warning", message: `Dòng ${row.line}: ${where}${quoted(text)} không có chỉ tiêu giao ở mốc nào; chỉ tiêu này cần người đánh giá.`, text, source: { line: row.line } });

    if (grid.rowsAre === "agencies") {
      const agency = at("lead");
      if (agency === "") return fail("missing_cell", `hàng${span} không có tên đơn vị nên không biết giao cho ai.`);
      const names = [...new Set(grid.columns.flatMap((column) => (column.group ? [column.group] : [])))];
      const rows = names.map((name, indicator): DraftRow => {
        const milestones = milestonesOf(grid!.columns.filter((column) => column.group === name));
        if (milestones.length === 0) emptyTarget(name, `chỉ tiêu của ${quoted(agency)}: `);
        return { order: String(indicator + 1), text: name, targetText: lastOf(milestones)?.targetText ?? "", ...(milestones.length > 0 ? { milestones } : {}), source: { line: row.line } };
      });
      sections.push({ order: at("order").replace(/\.$/, "") || String(sections.length + 1), heading: agency, ...(part ? { part } : {}), rows, source: { line: row.line } });
      placed += row.lineCount;
      return;
    }

    const text = at("text");
    if (text === "") return fail("missing_indicator_text", `hàng${span} không có nội dung chỉ tiêu.`);
    let owner = section;
    if (leadColumn !== undefined) {
      const lead = at("lead");
      if (lead === "") return fail("missing_cell", `chỉ tiêu ${quoted(text)}${span} không có đơn vị chủ trì nên không xếp được vào mục cơ quan nào.`);
      owner = byLead.get(lead);
      if (!owner) {
        owner = { order: String(byLead.size + 1), heading: lead, rows: [], source: { line: row.line } };
        byLead.set(lead, owner);
        sections.push(owner);
      }
    }
    if (!owner) return fail("row_before_section", `chỉ tiêu ${quoted(text)}${span} nằm trước tên cơ quan đầu tiên (một dòng "I. Tên cơ quan") nên không biết giao cho ai.`);

    const milestones = milestonesOf(grid.columns);
    const draftRow: DraftRow = { order: at("order").replace(/\.$/, "") || String(owner.rows.length + 1), text, targetText: lastOf(milestones)?.targetText ?? "", source: { line: row.line } };
    if (milestones.length > 0) draftRow.milestones = milestones;
    const unit = at("unit");
    if (unit) draftRow.unit = unit;
    if (leadColumn !== undefined) draftRow.leadAgency = at("lead");
    const note = at("note");
    if (note) draftRow.note = note;
    if (group) draftRow.group = group;
    if (milestones.length === 0) emptyTarget(text, "chỉ tiêu ");
    owner.rows.push(draftRow);
    placed += row.lineCount;
  });
  return { sections, placed };
}

