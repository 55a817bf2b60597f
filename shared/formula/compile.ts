import type { Comparator, Target } from "../target/schema";
import { calendarPointEnd } from "../period/calendar";
import { applyUnitColumn } from "../target/unitColumn";
import { isoDateToExcelSerial } from "../period/excelDate";
import { VERDICT_LABELS } from "../verdict/labels";
import { COMPARISON_DECIMALS, roundForComparison } from "../verdict/compare";

/**
 * A plain Excel formula computing the verdict label of a target, for workbooks opened in Office editions without
 * custom functions (volume-licensed Office 2021 and older). It agrees with `evaluate` (without `asOf`) on the values
 * Excel cells hold: numbers, booleans, dates and empty cells; text results other than the usual words
 * ("Hoàn thành", "Chưa hoàn thành"…) are reported as invalid rather than guessed.
 */

export interface CompileOptions {
  /**
   * The unit column: "%" reads a bare "≥ 70" target as 70%. It never changes how the cell reads: a cell holds a
   * percentage as a fraction (Excel stores 70% as 0,7), so the formula compares fractions and never multiplies by 100.
   */
  unit?: string | undefined;
  /** Deadline of the reporting period for documents and recurring duties, as ISO date. */
  dueDate?: string | undefined;
}

const CELL_REFERENCE = /^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/;
const SYMBOLS: Record<Comparator, string> = { gte: ">=", gt: ">", lte: "<=", lt: "<" };
/** Excel's day count from 1954 on: see FIRST_PLAUSIBLE_DATE_SERIAL in verdict/actual. */
const FIRST_DATE_SERIAL = 20000;
/** 31/12/9999, Excel's last date: a larger whole number is no date, and evaluate calls it invalid. */
const LAST_DATE_SERIAL = 2_958_465;
const DONE_TEXTS = ["Hoàn thành", "Đã hoàn thành", "Đạt", "Có", "x"];
const NOT_DONE_TEXTS = ["Chưa hoàn thành", "Không hoàn thành", "Không đạt", "Chưa đạt", "Chưa", "Không"];

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const label = (code: keyof typeof VERDICT_LABELS) => quote(VERDICT_LABELS[code]);

export type CompileResult = { ok: true; formula: string } | { ok: false; code: "invalid_cell_reference"; message: string };

export function compileFormula(target: Target, cellReference: string, options: CompileOptions = {}): CompileResult {
  const cell = cellReference.trim().toUpperCase();
  if (!CELL_REFERENCE.test(cell)) {
    return { ok: false, code: "invalid_cell_reference", message: `"${cellReference}" không phải là địa chỉ ô (ví dụ G5).` };
  }
  const judged = applyUnitColumn(target, options.unit);
  return { ok: true, formula: `=IF(${cell}="",${label("no_data")},${body(judged, cell, options)})` };
}

function body(target: Target, cell: string, options: CompileOptions): string {
  switch (target.kind) {
    case "percent":
      return percentCheck(cell, target.comparator, target.value);
    case "count":
    case "frequency":
      return numberGuard(cell, `${cell}<0`, threshold(cell, target.comparator, target.value));
    case "deadline":
      if (target.share !== undefined) {
        return `IF(${cell}=TRUE,${label("met")},IF(${cell}=FALSE,${label("not_met")},${percentCheck(cell, "gte", target.share)}))`;
      }
      return doneCheck(cell, isoDateToExcelSerial(calendarPointEnd(target.due)));
    case "document":
    case "recurring":
      return doneCheck(cell, options.dueDate ? isoDateToExcelSerial(options.dueDate) : undefined);
    case "grade":
      return gradeCheck(cell, target.grade);
    case "rank":
      return numberGuard(cell, `OR(${cell}<1,${cell}<>INT(${cell}))`, `IF(${cell}<=${target.top},${label("met")},${label("not_met")})`);
    case "range":
      return rangeCheck(cell, target.min, target.max, target.measure === "percent");
    case "ratio":
      return numberGuard(cell, `${cell}<0`, threshold(cell, target.comparator, target.value));
    // Which year's threshold applies depends on the judging date, which a plain formula does not have.
    case "staged":
    case "manual":
      return label("needs_review");
  }
}

/** Within the range meets it, below misses it, above it a person decides (as evaluate does); rates as fractions. */
function rangeCheck(cell: string, min: number, max: number, percent: boolean): string {
  const decimals = percent ? COMPARISON_DECIMALS + 2 : COMPARISON_DECIMALS;
  const bound = (value: number) =>
    percent ? excelNumber(Number((roundForComparison(value) / 100).toFixed(decimals)), decimals) : excelNumber(roundForComparison(value));
  const value = `ROUND(${cell},${decimals})`;
  const outOfRange = percent ? `OR(${cell}<0,${cell}>1.00000000001)` : `${cell}<0`;
  return numberGuard(cell, outOfRange, `IF(${value}<${bound(min)},${label("not_met")},IF(${value}>${bound(max)},${label("needs_review")},${label("met")}))`);
}

/**
 * The cell's fraction against the threshold as a fraction: evaluate rounds points to COMPARISON_DECIMALS decimals,
 * which is the fraction rounded to two more, and the threshold is rounded the same way before it is divided.
 */
function percentCheck(cell: string, comparator: Comparator, points: number): string {
  const decimals = COMPARISON_DECIMALS + 2;
  const limit = excelNumber(Number((roundForComparison(points) / 100).toFixed(decimals)), decimals);
  return numberGuard(
    cell,
    `OR(${cell}<0,${cell}>1.00000000001)`,
    `IF(ROUND(${cell},${decimals})${SYMBOLS[comparator]}${limit},${label("met")},${label("not_met")})`,
  );
}

/** The threshold is rounded as evaluate rounds it, so "≥ 90,0000000001%" meets 0,9 in both. */
function threshold(expression: string, comparator: Comparator, value: number): string {
  const limit = excelNumber(roundForComparison(value));
  return `IF(ROUND(${expression},${COMPARISON_DECIMALS})${SYMBOLS[comparator]}${limit},${label("met")},${label("not_met")})`;
}

/** A number literal Excel reads in any locale's formula bar: a decimal point and never an exponent ("1e-9"). */
function excelNumber(value: number, decimals: number = COMPARISON_DECIMALS): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return Math.abs(value) >= 1 ? BigInt(Math.round(value)).toString() : value.toFixed(decimals).replace(/\.?0+$/, "");
}

function numberGuard(cell: string, outOfRange: string, judged: string): string {
  return `IF(NOT(ISNUMBER(${cell})),${label("invalid_actual")},IF(${outOfRange},${label("invalid_actual")},${judged}))`;
}

/** TRUE/1/"Hoàn thành" done, FALSE/0/"Chưa hoàn thành" not done, a date serial done on that day. */
function doneCheck(cell: string, dueSerial: number | undefined): string {
  const anyOf = (texts: string[]) => texts.map((text) => `${cell}=${quote(text)}`).join(",");
  const dated = dueSerial === undefined ? label("met") : `IF(${cell}<=${dueSerial},${label("met")},${label("not_met")})`;
  return (
    `IF(OR(${cell}=TRUE,${cell}=1,${anyOf(DONE_TEXTS)}),${label("met")},` +
    `IF(OR(${cell}=FALSE,${cell}=0,${anyOf(NOT_DONE_TEXTS)}),${label("not_met")},` +
    // ISNUMBER in an IF of its own: AND evaluates every argument, and INT of a text is #VALUE!.
    `IF(ISNUMBER(${cell}),IF(AND(${cell}>=${FIRST_DATE_SERIAL},${cell}<=${LAST_DATE_SERIAL},${cell}=INT(${cell})),${dated},${label("invalid_actual")}),${label("invalid_actual")})))`
  );
}

function gradeCheck(cell: string, grade: string): string {
  const letter = `UPPER(TRIM(${cell}))`;
  return (
    `IF(AND(ISTEXT(${cell}),LEN(TRIM(${cell}))=1,ISNUMBER(FIND(${letter},"ABCDEF"))),` +
    `IF(CODE(${letter})<=${grade.charCodeAt(0)},${label("met")},${label("not_met")}),${label("invalid_actual")})`
  );
}
