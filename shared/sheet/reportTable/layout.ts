import { formatIsoDateVi } from "../../period/isoDate";
import type { PeriodAssignments } from "../../report/periodAssignments";
import { VERDICT_LABELS } from "../../verdict/labels";
import { rangeAddress, runs } from "../address";
import type { PlannedCell } from "../cell";
import { DATE_FORMAT, GENERAL_FORMAT, PERCENT_FORMAT } from "../formats";
import { PALETTE } from "../palette";
import { cellsOp, type SheetOp } from "../plan";
import { landscapeA4 } from "../print";
import { rowHeightFor, type WrappedText } from "../rowHeight";
import { HEADER_STYLE, INSTRUCTION_STYLE, MUTED_STYLE, TITLE_STYLE, type CellStyle } from "../style";
import {
  FORM_INSTRUCTION,
  HEADER_ROW,
  REPORT_COLUMN_COUNT,
  TABLE_COLUMN_COUNT,
  TABLE_COLUMNS,
  TABLE_FIRST_ROW,
  TITLE_ROW,
  tableColumn,
} from "./columns";
import type { ReportTableRow } from "./rows";

/** What the report table's layout needs: its title lines, its rows and how much of an older table to clear. */
export interface ReportTableContent {
  /** Up to TITLE_LINES lines, written from A1 down. */
  title: string[];
  rows: ReportTableRow[];
  /**
   * Cells from A1 the previous table covered, cleared before writing so that no row of the old table survives under
   * the new one. Nothing outside is touched.
   */
  clear: { rows: number; columns: number };
}

export function titleLines(view: PeriodAssignments): string[] {
  const decision = `${view.decision.number}${view.decision.title ? ` (${view.decision.title})` : ""}`;
  return [
    "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ",
    `${view.agency.name} — ${view.periodLabel}`,
    `Văn bản giao: ${decision}. Hạn nộp báo cáo: ${formatIsoDateVi(view.reportDueDate)}.`,
    FORM_INSTRUCTION,
  ];
}

export const TABLE_HEADER = TABLE_COLUMNS.map((column) => column.header);

const LAST_COLUMN = TABLE_COLUMN_COUNT - 1;
const TITLE_STYLES: CellStyle[] = [TITLE_STYLE, { bold: true, wrap: true, verticalAlignment: "Center" }, { ...MUTED_STYLE, wrap: true }, INSTRUCTION_STYLE];
/** The title lines span the report's own nine columns; J:K beside them keep room for the receipt. */
const TITLE_WIDTH = TABLE_COLUMNS.slice(0, REPORT_COLUMN_COUNT).reduce((sum, column) => sum + column.width, 0);
const WRAPPED_KEYS = ["text", "target", "verdict", "note", "evidenceNumber", "evidenceSummary", "evidenceUrl"] as const;
/** A verdict is computed after the layout is drawn: its row is sized for the longest label it may show. */
const LONGEST_VERDICT = Object.values(VERDICT_LABELS).reduce((longest, label) => (label.length > longest.length ? label : longest), "");
const INPUT_RUNS = [
  ["numerator", "actual"],
  ["note", "evidenceUrl"],
] as const;

export function reportTableOps(content: ReportTableContent): SheetOp[] {
  const ops: SheetOp[] = [];
  if (content.clear.rows > 0 && content.clear.columns > 0) ops.push({ op: "clear", range: rangeAddress(1, 0, content.clear.rows, content.clear.columns - 1) });

  if (content.title.length > 0) ops.push(cellsOp(TITLE_ROW, 0, content.title.map((line) => [{ text: line }])));
  content.title.forEach((line, index) => {
    const row = TITLE_ROW + index;
    const style = TITLE_STYLES[index] ?? MUTED_STYLE;
    ops.push({ op: "merge", range: rangeAddress(row, 0, row, REPORT_COLUMN_COUNT - 1) });
    ops.push({ op: "style", range: rangeAddress(row, 0, row, 0), style });
    ops.push({ op: "rowHeight", row, points: rowHeightFor([{ text: line, characters: TITLE_WIDTH, ...fontOf(style) }]) });
  });

  const header = TABLE_COLUMNS.map((column): PlannedCell => ({ text: column.header }));
  ops.push(cellsOp(HEADER_ROW, 0, [header, ...content.rows.map((row) => row.cells)], (r, c) => rowFormat(content.rows[r - 1], c)));
  ops.push({ op: "style", range: rangeAddress(HEADER_ROW, 0, HEADER_ROW, LAST_COLUMN), style: HEADER_STYLE });
  ops.push({ op: "rowHeight", row: HEADER_ROW, points: rowHeightFor(TABLE_COLUMNS.map((column) => ({ text: column.header, characters: column.width, bold: true }))) });

  const last = TABLE_FIRST_ROW + content.rows.length - 1;
  if (content.rows.length > 0) {
    const column = (index: number) => rangeAddress(TABLE_FIRST_ROW, index, last, index);
    ops.push({ op: "style", range: rangeAddress(TABLE_FIRST_ROW, 0, last, LAST_COLUMN), style: { borders: true, verticalAlignment: "Top" } });
    for (const key of WRAPPED_KEYS) ops.push({ op: "style", range: column(tableColumn(key)), style: { wrap: true } });
    ops.push({ op: "style", range: rangeAddress(TABLE_FIRST_ROW, tableColumn("order"), last, tableColumn("code")), style: { horizontalAlignment: "Center" } });
    for (const [from, to] of INPUT_RUNS) {
      const range = rangeAddress(TABLE_FIRST_ROW, tableColumn(from), last, tableColumn(to));
      ops.push({ op: "style", range, style: { fill: PALETTE.input } });
      ops.push({ op: "input", range });
    }
    for (const run of runs(content.rows, (row) => (row.assigned ? undefined : "kept"))) {
      ops.push({ op: "style", range: rangeAddress(TABLE_FIRST_ROW + run.first, 0, TABLE_FIRST_ROW + run.last, LAST_COLUMN), style: MUTED_STYLE });
    }
    ops.push(...validations(content.rows, last));
    content.rows.forEach((row, index) => {
      const texts = WRAPPED_KEYS.map((key): WrappedText => ({ text: key === "verdict" ? LONGEST_VERDICT : shownText(row.cells[tableColumn(key)]), characters: TABLE_COLUMNS[tableColumn(key)]!.width }));
      ops.push({ op: "rowHeight", row: TABLE_FIRST_ROW + index, points: rowHeightFor(texts) });
    });
  }
  TABLE_COLUMNS.forEach((column, index) => ops.push({ op: "columnWidth", column: index, characters: column.width }));
  ops.push({ op: "freeze", rows: HEADER_ROW, columns: 0 });
  ops.push({ op: "print", setup: landscapeA4({ first: HEADER_ROW, last: HEADER_ROW }) });
  return ops;
}

function validations(rows: readonly ReportTableRow[], last: number): SheetOp[] {
  const ops: SheetOp[] = [
    {
      op: "validate",
      range: rangeAddress(TABLE_FIRST_ROW, tableColumn("numerator"), last, tableColumn("denominator")),
      rule: { kind: "decimal", min: 0 },
      title: "Số liệu không hợp lệ",
      message: "Tử số và mẫu số phải là số không âm.",
    },
  ];
  for (const run of runs(rows, (row) => (row.percent ? "percent" : undefined))) {
    ops.push({
      op: "validate",
      range: rangeAddress(TABLE_FIRST_ROW + run.first, tableColumn("actual"), TABLE_FIRST_ROW + run.last, tableColumn("actual")),
      rule: { kind: "decimal", min: 0, max: 1 },
      title: "Tỷ lệ không hợp lệ",
      message: "Nhập tỷ lệ từ 0% đến 100%, ví dụ 90% hoặc 0,9.",
    });
  }
  // The bounds: a document cited for a KPI of the 2020s, with room either side.
  ops.push({
    op: "validate",
    range: rangeAddress(TABLE_FIRST_ROW, tableColumn("evidenceDate"), last, tableColumn("evidenceDate")),
    rule: { kind: "date", from: "2000-01-01", to: "2100-12-31" },
    title: "Ngày ban hành không hợp lệ",
    message: "Nhập ngày ban hành dạng dd/mm/yyyy, ví dụ 03/03/2025.",
    prompt: "Ngày ban hành văn bản minh chứng, dạng dd/mm/yyyy.",
  });
  return ops;
}

function rowFormat(row: ReportTableRow | undefined, column: number): string {
  // An empty date cell is formatted already, so a date typed into it shows as one.
  if (row && column === tableColumn("evidenceDate")) return DATE_FORMAT;
  return row?.percent && column === tableColumn("actual") ? PERCENT_FORMAT : GENERAL_FORMAT;
}

function fontOf(style: CellStyle): Pick<WrappedText, "fontSize" | "bold"> {
  return { ...(style.fontSize ? { fontSize: style.fontSize } : {}), ...(style.bold ? { bold: true } : {}) };
}

function shownText(cell: PlannedCell | undefined): string {
  if (!cell) return "";
  if ("text" in cell) return cell.text;
  if ("value" in cell && typeof cell.value === "string") return cell.value;
  if ("formula" in cell) return cell.computes.kind === "officer" && typeof cell.computes.value === "string" ? cell.computes.value : "";
  return "";
}
