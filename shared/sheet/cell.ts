import * as z from "zod";
import { isoDateToExcelSerial } from "../period/excelDate";
import { targetSchema } from "../target/schema";
import { DATE_FORMAT, DATE_TIME_FORMAT, GENERAL_FORMAT, TEXT_FORMAT } from "./formats";

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Excel's day 0 (1899-12-30), which keeps 1900's false leap day out of modern dates. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The instant on Vietnam's wall clock, as a JavaScript date whose UTC fields read that clock (what exceljs writes). */
export function vietnamWallClock(instant: string): Date {
  return new Date(Date.parse(instant) + VIETNAM_OFFSET_MS);
}

/** The instant on Vietnam's wall clock as Excel's day number with the time as its fraction. */
export function vietnamWallClockSerial(instant: string): number {
  return (vietnamWallClock(instant).getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

/**
 * What a planned formula computes, so that the browser preview can show its result without a spreadsheet engine.
 * Excel and exceljs ignore it.
 */
export const formulaMeaningSchema = z.discriminatedUnion("kind", [
  /** numerator / denominator, a fraction, or "" until both parts are numbers and the denominator is positive. */
  z.object({ kind: z.literal("rate"), numerator: z.string(), denominator: z.string() }),
  /** NS.STATUS(actual, targetCell,, unit): the custom function on the target text in the sheet. */
  z.object({ kind: z.literal("status"), actual: z.string(), target: z.string(), unit: z.string().optional() }),
  /** A plain formula compiled from the target: it agrees with evaluate without an "as of" date. */
  z.object({ kind: z.literal("verdict"), actual: z.string(), target: targetSchema, unit: z.string().optional(), dueDate: z.string().optional() }),
  /** A formula the officer wrote, kept where it was: the preview shows its last value. */
  z.object({
    kind: z.literal("officer"),
    value: z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ error: z.string() })]),
  }),
]);
export type FormulaMeaning = z.infer<typeof formulaMeaningSchema>;

/**
 * One cell to write.
 * - `value`: a number, yes/no, empty (null) or a string a host may interpret as it would typed input.
 * - `text`: a string that must stay text whatever it looks like ("1.10", "3/4", "=…", "- …", "+84…", "@…"): it gets
 *   the text format "@" before it is written, which is how Excel keeps typed text from becoming a number, a date or
 *   a formula. Every text from the decision is written this way, and every typed string starting with = + - @.
 * - `date`: an ISO day, written as Excel's day number with a day/month/year format, so it stays a date in any locale.
 * - `dateTime`: a UTC instant, written as the wall clock of Vietnam (UTC+7, no daylight saving) with a day/month/year
 *   hour:minute format: an Excel date has no time zone, so the cell shows the time the officer lived and still sorts.
 * - `formula`: a formula starting with "=", with what it computes for the preview.
 */
export const plannedCellSchema = z.union([
  z.object({ value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }).strict(),
  z.object({ text: z.string() }).strict(),
  z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
  z.object({ dateTime: z.string().datetime({ offset: true }) }).strict(),
  z.object({ formula: z.string().startsWith("="), computes: formulaMeaningSchema }).strict(),
]);
export type PlannedCell = z.infer<typeof plannedCellSchema>;

export const EMPTY_CELL: PlannedCell = { value: null };

/** What Excel receives for a cell through Range.formulas: "" empties it. */
export function cellInput(cell: PlannedCell): string | number | boolean {
  if ("formula" in cell) return cell.formula;
  if ("text" in cell) return cell.text;
  if ("date" in cell) return isoDateToExcelSerial(cell.date);
  if ("dateTime" in cell) return vietnamWallClockSerial(cell.dateTime);
  return cell.value ?? "";
}

/** The number format a cell needs before its value is written; `fallback` for plain values and formulas. */
export function cellNumberFormat(cell: PlannedCell, fallback: string = GENERAL_FORMAT): string {
  if ("text" in cell) return TEXT_FORMAT;
  if ("date" in cell) return DATE_FORMAT;
  if ("dateTime" in cell) return DATE_TIME_FORMAT;
  // A plain string that Excel would read as a formula is kept as text all the same.
  if ("value" in cell && typeof cell.value === "string" && /^[=+\-@]/.test(cell.value)) return TEXT_FORMAT;
  return fallback;
}
