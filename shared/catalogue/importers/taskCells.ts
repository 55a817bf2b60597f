import { parseTarget } from "../../target/parse";
import type { Cell } from "./hueLines";

/**
 * Reading the cells of one task in a one-cell-per-line task table: which line is the completion time, and how the
 * lines of the "Phối hợp" cell split into agencies.
 */

/**
 * "Quý II/2025", "Tháng 3/2025", "Năm 2025", "Hàng năm", "Thường xuyên": the target grammar already reads these as
 * deadlines or recurring work, and never reads a task name or an agency that way.
 */
export function isTimeCell(text: string): boolean {
  const parsed = parseTarget(text);
  return parsed.ok && (parsed.target.kind === "deadline" || parsed.target.kind === "recurring");
}

/** A line starting in lower case continues the cell above it: the conversion broke a long cell, not a new one. */
export function joinLowercaseContinuations(cells: readonly Cell[]): Cell[] {
  const joined: Cell[] = [];
  for (const cell of cells) {
    const previous = joined[joined.length - 1];
    if (previous && /^\p{Ll}/u.test(cell.text)) joined[joined.length - 1] = { line: previous.line, text: `${previous.text} ${cell.text}` };
    else joined.push({ ...cell });
  }
  return joined;
}

export interface CoordinatingAgencies {
  agencies: string[];
  /** Lines read as the continuation of the line above (no dash, the line above not closed by ";" or "."). */
  continuations: Array<{ line: number; into: number; text: string }>;
}

/**
 * "- Sở Tư pháp;" / "- Sở Khoa học và Công nghệ." (one agency a line), "Báo Huế ngày nay; Đài PT-TH" / "Huế." (a list
 * broken mid-name) or a single name. Commas stay: "Các quận, thị xã, huyện" is one class of agencies.
 */
export function splitCoordinating(cells: readonly Cell[]): CoordinatingAgencies {
  const items: Array<{ line: number; text: string }> = [];
  const continuations: CoordinatingAgencies["continuations"] = [];
  for (const cell of cells) {
    const dashed = /^[-+•]\s*(.*)$/u.exec(cell.text);
    const previous = items[items.length - 1];
    if (dashed) items.push({ line: cell.line, text: dashed[1]! });
    else if (!previous || /[;.]$/.test(previous.text)) items.push({ line: cell.line, text: cell.text });
    else {
      previous.text = `${previous.text} ${cell.text}`;
      continuations.push({ line: cell.line, into: previous.line, text: cell.text });
    }
  }
  const agencies = items
    .flatMap((item) => item.text.split(";"))
    .map((name) => name.replace(/[\s.;,]+$/u, "").trim())
    .filter((name) => name !== "");
  return { agencies, continuations };
}
