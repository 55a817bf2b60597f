import { columnMeaning } from "./columnMeaning";
import { folded } from "./sourceLines";

/**
 * The header row of an assignment table, read by column names rather than positions: tables copied from Word or a
 * web page put the columns in any order and add some ("Đơn vị tính", "Cơ quan chủ trì", "Ghi chú").
 */

export type Column = "order" | "text" | "target" | "unit" | "lead" | "coordinating" | "note";

/** Folded names; the content column first, so that "Chỉ tiêu, nhiệm vụ" is the content, not the target. */
const COLUMN_NAMES: ReadonlyArray<readonly [Column, RegExp]> = [
  ["order", /^(stt|tt|so tt|so thu tu)\.?$/],
  ["text", /^(noi dung|ten chi tieu|chi tieu, nhiem vu|chi tieu nhiem vu|nhiem vu|ten nhiem vu)/],
  ["target", /^(chi tieu|giao ket qua|ket qua giao|muc tieu|gia tri chi tieu)/],
  ["unit", /^(don vi tinh|dvt)\b/],
  ["lead", /^(co quan chu tri|don vi chu tri|chu tri)/],
  ["coordinating", /^(co quan phoi hop|don vi phoi hop|phoi hop)/],
  ["note", /^ghi chu/],
];

export interface TableLayout {
  columns: Map<Column, number>;
  /** Named cells the importer does not know ("Tiến độ"): reported once, their contents not imported. */
  unknown: Array<{ column: number; name: string }>;
}

/** The layout named by a header row, or undefined when the row is not a header (it must name the STT column). */
export function readHeaderRow(cells: readonly string[]): TableLayout | undefined {
  const columns = new Map<Column, number>();
  const unknown: TableLayout["unknown"] = [];
  cells.forEach((cell, column) => {
    const name = folded(cell);
    if (name === "") return;
    const known = COLUMN_NAMES.find(([key, pattern]) => !columns.has(key) && pattern.test(name))?.[0] ?? byMeaning(cell);
    if (known && !columns.has(known)) columns.set(known, column);
    else unknown.push({ column, name: cell.trim() });
  });
  if (!columns.has("order") || (!columns.has("text") && !columns.has("target"))) return undefined;
  return { columns, unknown };
}

/**
 * Names the patterns above do not know but the shared classifier does ("Đơn vị thực hiện", "Kế hoạch năm 2025"):
 * this year's plan is the assigned target of an assignment table.
 */
function byMeaning(cell: string): Column | undefined {
  const meaning = columnMeaning(cell);
  switch (meaning?.kind) {
    case "order":
    case "text":
    case "unit":
    case "lead":
    case "coordinating":
    case "note":
    case "target":
      return meaning.kind;
    case "plan":
      return meaning.year !== undefined ? "target" : undefined;
    default:
      return undefined;
  }
}

/** The Vietnamese names of required columns missing from a layout, for the error message. */
export function missingColumns(layout: TableLayout): string[] {
  const missing: string[] = [];
  if (!layout.columns.has("text")) missing.push("Nội dung");
  if (!layout.columns.has("target")) missing.push("Chỉ tiêu");
  return missing;
}
