import type ExcelJS from "exceljs";
import { argb, HEADER_COLOUR, PALETTE, VERDICT_COLOURS } from "../../shared/sheet/palette";
import type { VerdictCode } from "../../shared/verdict/schema";

export function verdictFill(verdict: VerdictCode): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(VERDICT_COLOURS[verdict]) } };
}

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(HEADER_COLOUR) } };

const THIN = { style: "thin", color: { argb: argb(PALETTE.border) } } as const;
export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
