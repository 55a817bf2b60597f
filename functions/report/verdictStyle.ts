import type ExcelJS from "exceljs";
import type { VerdictCode } from "../../shared/verdict/schema";

/** Pastel fills with dark text, readable printed in grey as well: the same colours in every sheet and in the add-in. */
export const VERDICT_FILLS: Record<VerdictCode, string> = {
  met: "FFC6EFCE",
  not_met: "FFFFC7CE",
  pending: "FFFFEB9C",
  needs_review: "FFDDEBF7",
  no_data: "FFEDEDED",
  invalid_actual: "FFF8CBAD",
};

export function verdictFill(verdict: VerdictCode): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: VERDICT_FILLS[verdict] } };
}

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFB4B4B4" } },
  left: { style: "thin", color: { argb: "FFB4B4B4" } },
  bottom: { style: "thin", color: { argb: "FFB4B4B4" } },
  right: { style: "thin", color: { argb: "FFB4B4B4" } },
};
