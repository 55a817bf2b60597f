import type { SheetCell } from "../catalogue/importers/sheetRows";
import { applyUnitColumn } from "../target/unitColumn";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { readNumber } from "../verdict/actual";
import { evaluate } from "../verdict/evaluate";
import type { PeriodAssignment } from "./periodAssignments";

/**
 * How the Kết quả cell of a rate row reads. One convention, end to end: a workbook cell holds a percentage as a
 * fraction (92% is 0,92), whatever the decision's unit column says. The line between reading and asking:
 *
 * 1. A percent-formatted cell ("0.0%", "0%"…) holds a fraction and is never ambiguous: Excel shows 0,92 as 92%, and
 *    typing 92 into it stores 0,92. So does a rate computed from Tử số / Mẫu số (the reader recomputes it).
 * 2. Text with "%" ("92%", "90,5%") says what it means.
 * 3. A number in any other format (General, "0.00", or a format the reader could not learn), or a bare number typed
 *    as text ("0,92"), is ambiguous when its two readings differ in a way that matters:
 *    - 0 < v ≤ 1: v as a fraction (0,92 → 92%) or v as points (0,92 → 0,92%). Asked when the target's threshold is
 *      above 1%, when the target has no percent threshold to compare with, or when the two readings get different
 *      verdicts (a "≥ 1%" target: 0,5 is 50% met, or 0,5% not met). Otherwise (a "0%" target) both readings agree
 *      and it reads as a fraction.
 *    - 1 < v ≤ 100: as a fraction it is over 100%, impossible; v points (92 → 92%) is likely but still a guess, so it
 *      is asked, with that one reading offered.
 *    - v ≤ 0 or v > 100: no reading is a share to offer; it reads as a fraction and the range check reports it.
 *
 * An ambiguous cell is never read: the pane asks the officer and writes the answer back as a fraction with a percent
 * format; the server refuses the workbook with `ambiguous_percent` naming the cell and stores nothing.
 */

export interface PercentChoice {
  /** "92%": what the officer picks. */
  label: string;
  /** What the cell then holds: 0.92. */
  fraction: number;
}

export type PercentCellReading =
  /** Read as is: a fraction, "92%" text, or a value the range check will report. */
  | { kind: "clear"; actual: SheetCell }
  | { kind: "ambiguous"; value: number; choices: PercentChoice[] };

/** True for a number format that shows a percentage: a % outside quoted text, brackets and escapes. */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (typeof format !== "string") return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return bare.includes("%");
}

/** The target's threshold in percentage points, when it has one (after the unit column's reading of "≥ 70"). */
export function percentThreshold(assignment: Pick<PeriodAssignment, "target" | "unit">): number | undefined {
  const target = applyUnitColumn(assignment.target, assignment.unit);
  if (target.kind === "percent") return target.value;
  if (target.kind === "deadline" && target.share !== undefined) return target.share;
  return undefined;
}

export function readPercentCell(
  cell: SheetCell,
  numberFormat: string | null | undefined,
  assignment: Pick<PeriodAssignment, "target" | "unit">,
): PercentCellReading {
  if (cell === null || typeof cell === "boolean" || typeof cell === "object") return { kind: "clear", actual: cell };
  const reading = readNumber(cell);
  if (reading.kind !== "number" || reading.writtenAsPercent) return { kind: "clear", actual: cell };
  if (typeof cell === "number" && isPercentFormat(numberFormat)) return { kind: "clear", actual: cell };
  const value = reading.value;
  // A bare number typed as text is a cell's number all the same, never "points because the unit says %".
  if (value <= 0 || value > 100) return { kind: "clear", actual: value };
  const points = choice(value);
  if (value > 1) return { kind: "ambiguous", value, choices: [points] };
  const threshold = percentThreshold(assignment);
  const asFraction = choice(value * 100);
  const differ =
    threshold === undefined ||
    threshold > 1 ||
    evaluate(assignment.target, asFraction.fraction, unitOption(assignment)).verdict !==
      evaluate(assignment.target, points.fraction, unitOption(assignment)).verdict;
  return differ ? { kind: "ambiguous", value, choices: [asFraction, points] } : { kind: "clear", actual: value };
}

/** "Ô G7: 0,92 nghĩa là 92% hay 0,92%?" */
export function percentQuestion(cellName: string, reading: Extract<PercentCellReading, { kind: "ambiguous" }>): string {
  const options = reading.choices.map((option) => option.label);
  const shown = formatVietnameseNumber(reading.value);
  return options.length === 1 ? `Ô ${cellName}: ${shown} nghĩa là ${options[0]}?` : `Ô ${cellName}: ${shown} nghĩa là ${options.join(" hay ")}?`;
}

function choice(points: number): PercentChoice {
  // Rounded away from binary noise (0,0092 not 0,009200000000000001): the officer picks what the label says.
  const fraction = Number((points / 100).toPrecision(12));
  return { label: `${formatVietnameseNumber(Number(points.toPrecision(12)))}%`, fraction };
}

function unitOption(assignment: Pick<PeriodAssignment, "unit">): { unit?: string } {
  return assignment.unit ? { unit: assignment.unit } : {};
}
