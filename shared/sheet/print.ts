import * as z from "zod";

/**
 * How a sheet prints: paper, orientation, scaling, rows repeated on every page and margins. The hosts set the same
 * fields: exceljs pageSetup, Office.js pageLayout, and the preview keeps them for the tests.
 */
export const printSetupSchema = z.object({
  paper: z.literal("A4"),
  orientation: z.enum(["portrait", "landscape"]),
  /** Scaled so every column fits across one page; pages run down as long as the rows need. */
  fitToWidth: z.boolean(),
  /** Rows repeated at the top of every printed page, 1-based and inclusive: the table's header. */
  titleRows: z.object({ first: z.number().int().positive(), last: z.number().int().positive() }).optional(),
  /** Columns repeated at the left of every printed page, zero-based and inclusive: the agency's name. */
  titleColumns: z.object({ first: z.number().int().nonnegative(), last: z.number().int().nonnegative() }).optional(),
  /** Everything on one page, rows included (a chart's page); otherwise the rows run on to as many pages as they need. */
  onePage: z.boolean().optional(),
  /** Centimetres. */
  margins: z.object({
    top: z.number().nonnegative(),
    bottom: z.number().nonnegative(),
    left: z.number().nonnegative(),
    right: z.number().nonnegative(),
    header: z.number().nonnegative(),
    footer: z.number().nonnegative(),
  }),
  /** The centred footer, with &P for the page and &N for the page count. */
  footer: z.string().optional(),
  /** Literal text at the left of the footer (what the page is of); a host doubles its "&" so no code is read in it. */
  footerLeft: z.string().optional(),
  /** The footer's right part, with codes as in `footer`. */
  footerRight: z.string().optional(),
  centerHorizontally: z.boolean().optional(),
});
export type PrintSetup = z.infer<typeof printSetupSchema>;

/** Margins of an administrative document's appendix: 2 cm top and bottom, 2 cm left for binding, 1,5 cm right. */
export const A4_MARGINS: PrintSetup["margins"] = { top: 2, bottom: 2, left: 2, right: 1.5, header: 0.8, footer: 0.8 };

/** The consolidated report's margins: narrow, so a matrix block keeps a readable scale; 0,4" sides, 0,5" top, 0,6" bottom. */
export const REPORT_MARGINS: PrintSetup["margins"] = { top: 1.27, bottom: 1.524, left: 1.016, right: 1.016, header: 0.762, footer: 0.762 };

/** "&" starts a code in a header or footer; literal text has each doubled, after cutting so no pair is split. */
export function footerLiteral(text: string, limit = 100): string {
  return [...text].slice(0, limit).join("").replace(/&/g, "&&");
}

export const PAGE_FOOTER = "Trang &P/&N";

export function landscapeA4(titleRows?: PrintSetup["titleRows"]): PrintSetup {
  return { paper: "A4", orientation: "landscape", fitToWidth: true, ...(titleRows ? { titleRows } : {}), margins: A4_MARGINS, footer: PAGE_FOOTER };
}

export const CENTIMETRES_PER_INCH = 2.54;
export const POINTS_PER_INCH = 72;
