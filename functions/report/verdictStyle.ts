import type ExcelJS from "exceljs";
import { HEADER_COLOUR, VERDICT_COLOURS } from "../../shared/verdict/colours";
import type { VerdictCode } from "../../shared/verdict/schema";

/** exceljs wants ARGB: "#C6EFCE" → "FFC6EFCE" (opaque). */
const argb = (colour: string) => `FF${colour.slice(1).toUpperCase()}`;

export function verdictFill(verdict: VerdictCode): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(VERDICT_COLOURS[verdict]) } };
}

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(HEADER_COLOUR) } };

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFB4B4B4" } },
  left: { style: "thin", color: { argb: "FFB4B4B4" } },
  bottom: { style: "thin", color: { argb: "FFB4B4B4" } },
  right: { style: "thin", color: { argb: "FFB4B4B4" } },
};
