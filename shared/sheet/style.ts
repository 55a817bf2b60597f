import * as z from "zod";
import { PALETTE } from "./palette";

const colourSchema = z.string().regex(/^#[0-9A-Fa-f]{6}$/);

/** What a "style" operation sets on every cell of its range; unset properties are left as they are. */
export const cellStyleSchema = z.object({
  fill: colourSchema.optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  fontColor: colourSchema.optional(),
  /** A typeface by name; unset keeps the workbook's default (Calibri). */
  fontName: z.string().min(1).optional(),
  /** Points; the workbook default is 11. */
  fontSize: z.number().positive().optional(),
  wrap: z.boolean().optional(),
  verticalAlignment: z.enum(["Top", "Center"]).optional(),
  horizontalAlignment: z.enum(["Left", "Center", "Right"]).optional(),
  /** Thin lines of PALETTE.border around and between the cells. */
  borders: z.boolean().optional(),
});
export type CellStyle = z.infer<typeof cellStyleSchema>;

export const DEFAULT_FONT_SIZE = 11;

export const HEADER_STYLE: CellStyle = {
  fill: PALETTE.header,
  bold: true,
  wrap: true,
  verticalAlignment: "Center",
  horizontalAlignment: "Center",
  borders: true,
};

export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14, verticalAlignment: "Center" };
export const MUTED_STYLE: CellStyle = { italic: true, fontColor: PALETTE.muted };
export const INSTRUCTION_STYLE: CellStyle = { italic: true, fontColor: PALETTE.instruction, wrap: true, verticalAlignment: "Top" };
