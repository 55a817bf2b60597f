import * as z from "zod";
import { plannedCellSchema, cellNumberFormat, type PlannedCell } from "./cell";
import { printSetupSchema } from "./print";
import { cellStyleSchema } from "./style";
import { rangeAddress } from "./address";

/**
 * A sheet's layout as plain data: an ordered list of operations, each on an A1 range, that every host applies the
 * same way (Office.js in the add-in, the in-memory preview, exceljs on the server). Decided once, here and in the
 * per-sheet layouts, checked against this schema and compared in tests without any spreadsheet.
 */

const rangeSchema = z.string().regex(/^\$?[A-Z]{1,3}\$?\d*(?::\$?[A-Z]{1,3}\$?\d*)?$/);
const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const validationRuleSchema = z.discriminatedUnion("kind", [
  /** A number from min (to max); blank stays allowed. */
  z.object({ kind: z.literal("decimal"), min: z.number(), max: z.number().optional() }),
  /** A date between two days, inclusive; blank stays allowed. */
  z.object({ kind: z.literal("date"), from: isoDaySchema, to: isoDaySchema }),
]);
export type ValidationRule = z.infer<typeof validationRuleSchema>;

export const chartRequestSchema = z
  .object({
    kind: z.enum(["barClustered", "columnClustered"]),
    title: z.string(),
    /** A header row over a column of categories and one column per series, side by side. */
    source: rangeSchema.optional(),
    /** Instead of `source`: one series from two single columns of equal rows that need not be side by side, no header. */
    series: z.object({ categories: rangeSchema, values: rangeSchema, name: z.string() }).optional(),
    /** The sheet `source` or `series` is on, when it is not the chart's own (a chart on a sheet of its own). */
    sourceSheet: z.string().min(1).max(31).optional(),
    /** Where the chart sits: its top-left and bottom-right cells. */
    topLeft: rangeSchema,
    bottomRight: rangeSchema,
    /** Values are shares: the axis runs from 0% to 100%. */
    percentAxis: z.boolean(),
  })
  .refine((chart) => (chart.source === undefined) !== (chart.series === undefined), { message: "a chart reads either a source block or one series" });
export type ChartRequest = z.infer<typeof chartRequestSchema>;

export const sheetOpSchema = z.discriminatedUnion("op", [
  /** Contents, formats, merges, data validation and conditional formats. */
  z.object({ op: z.literal("clear"), range: rangeSchema }),
  /** A rectangle of cells; numberFormats has the same shape and is applied before the values. */
  z.object({ op: z.literal("cells"), range: rangeSchema, cells: z.array(z.array(plannedCellSchema)), numberFormats: z.array(z.array(z.string())) }),
  z.object({ op: z.literal("style"), range: rangeSchema, style: cellStyleSchema }),
  /** One cell over the range, showing the top-left cell's content. */
  z.object({ op: z.literal("merge"), range: rangeSchema }),
  z.object({
    op: z.literal("validate"),
    range: rangeSchema,
    rule: validationRuleSchema,
    title: z.string(),
    message: z.string(),
    /** Shown when the cell is selected. */
    prompt: z.string().optional(),
  }),
  /** Cells the officer is expected to fill: a hint for the preview, styled by a "style" op like any other. */
  z.object({ op: z.literal("input"), range: rangeSchema }),
  /** Width in characters of the default font. */
  z.object({ op: z.literal("columnWidth"), column: z.number().int().nonnegative(), characters: z.number().positive() }),
  /** Height in points of a 1-based row. */
  z.object({ op: z.literal("rowHeight"), row: z.number().int().positive(), points: z.number().positive() }),
  z.object({ op: z.literal("freeze"), rows: z.number().int().nonnegative(), columns: z.number().int().nonnegative() }),
  /** A conditional fill on cells whose text begins with `text`. */
  z.object({ op: z.literal("textFill"), range: rangeSchema, text: z.string(), fill: z.string() }),
  /** A conditional data bar on numbers from 0 to 1. */
  z.object({ op: z.literal("dataBar"), range: rangeSchema, colour: z.string() }),
  z.object({ op: z.literal("chart"), chart: chartRequestSchema }),
  z.object({ op: z.literal("print"), setup: printSetupSchema }),
]);
export type SheetOp = z.infer<typeof sheetOpSchema>;

export const sheetPlanSchema = z.object({
  sheetName: z.string().min(1).max(31),
  ops: z.array(sheetOpSchema),
});
export type SheetPlan = z.infer<typeof sheetPlanSchema>;

export function cellsOp(firstRow: number, firstColumn: number, cells: PlannedCell[][], fallback?: (row: number, column: number) => string): SheetOp {
  const width = Math.max(1, ...cells.map((row) => row.length));
  const rows = cells.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? { value: null }));
  return {
    op: "cells",
    range: rangeAddress(firstRow, firstColumn, firstRow + rows.length - 1, firstColumn + width - 1),
    cells: rows,
    numberFormats: rows.map((row, r) => row.map((cell, c) => cellNumberFormat(cell, fallback?.(r, c)))),
  };
}
