import type { ImportProblem } from "../draft";
import { quoted } from "./hueLines";

/**
 * The "Chỉ tiêu đến dd/mm/yyyy" header cells of one indicator in a milestone table, and what to do when one date is
 * written twice. Huế's tables give "30/6/2025, 30/6/2025, 31/12/2025" for one indicator while every other indicator
 * of the same table reads "31/3/2025, 30/6/2025, 31/12/2025", and the targets under it grow like the others'
 * (">25%", ">45%", ">55%"): a typo for 31/3. Two targets due the same day would contradict each other, so the
 * duplicated date is replaced by the date the other indicators of the table use at that position — only when they
 * all agree and the duplicated positions are the only difference — and the officer is told, with both lines.
 * Anything else is kept as written and reported as an error for a person to fix.
 */

export interface MilestoneHeaderCell {
  line: number;
  /** As written: "Chỉ tiêu đến 30/6/2025". */
  text: string;
  /** ISO date read from the text. */
  due: string;
}

export interface IndicatorDates {
  name: string;
  cells: readonly MilestoneHeaderCell[];
}

export function resolveMilestoneDates(indicators: readonly IndicatorDates[], tableTitle: string | undefined): { dues: string[][]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const consensus = agreedDates(indicators);
  const dues = indicators.map(({ name, cells }) => {
    const written = cells.map((cell) => cell.due);
    const duplicated = written.map((due) => written.filter((other) => other === due).length > 1);
    if (!duplicated.some(Boolean)) return written;
    const inTable = tableTitle ? ` (bảng ${quoted(tableTitle)})` : "";
    const fixable =
      consensus !== undefined &&
      consensus.length === written.length &&
      written.every((due, position) => due === consensus[position] || duplicated[position]);
    if (!fixable) {
      const first = cells.find((_, position) => duplicated[position])!;
      problems.push({
        code: "duplicate_milestone_date",
        severity: "error",
        message:
          `Dòng ${first.line}: tiêu đề của chỉ tiêu ${quoted(name)}${inTable} ghi cùng một mốc nhiều lần ` +
          `(dòng ${linesOf(cells, duplicated)}) và không suy ra được mốc đúng từ các chỉ tiêu khác của bảng; ` +
          `các mốc được giữ như văn bản ghi. Hãy sửa tiêu đề theo văn bản gốc rồi nhập lại.`,
        text: first.text,
        source: { line: first.line },
      });
      return written;
    }
    cells.forEach((cell, position) => {
      if (cell.due === consensus[position]) return;
      const twins = cells.filter((other) => other.due === cell.due);
      problems.push({
        code: "duplicate_milestone_date",
        severity: "warning",
        message:
          `Dòng ${cell.line}: tiêu đề của chỉ tiêu ${quoted(name)}${inTable} ghi "${cell.text}" ${twins.length} lần ` +
          `(dòng ${twins.map((twin) => twin.line).join(" và ")}). Các chỉ tiêu khác của bảng có các mốc ` +
          `${consensus.map(dateLabel).join(", ")}, nên cột ở dòng ${cell.line} được hiểu là ` +
          `"Chỉ tiêu đến ${dateLabel(consensus[position]!)}". Đề nghị đối chiếu với văn bản gốc.`,
        text: cell.text,
        source: { line: cell.line },
      });
    });
    return [...consensus];
  });
  return { dues, problems };
}

/** The dates shared by every indicator of the table that has no repeated date, if they all share the same ones. */
function agreedDates(indicators: readonly IndicatorDates[]): readonly string[] | undefined {
  const clean = indicators
    .map(({ cells }) => cells.map((cell) => cell.due))
    .filter((dues) => new Set(dues).size === dues.length);
  const [first] = clean;
  if (!first) return undefined;
  return clean.every((dues) => dues.join() === first.join()) ? first : undefined;
}

function linesOf(cells: readonly MilestoneHeaderCell[], duplicated: readonly boolean[]): string {
  return cells.filter((_, position) => duplicated[position]).map((cell) => cell.line).join(", ");
}

/** "2025-03-31" → "31/3/2025", as the decisions write dates. */
export function dateLabel(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${day}/${month}/${year}`;
}
