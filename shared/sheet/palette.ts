import type { VerdictCode } from "../verdict/schema";

/**
 * Every colour a sheet uses, in one place: the add-in's sheets, the preview and the server's workbooks read a
 * verdict's colour the same way wherever a province looks. Pastel fills with dark text, readable printed in grey.
 * "#RRGGBB".
 */
export const VERDICT_COLOURS: Record<VerdictCode, string> = {
  met: "#C6EFCE",
  not_met: "#FFC7CE",
  pending: "#FFEB9C",
  no_data: "#EDEDED",
  needs_review: "#DDEBF7",
  invalid_actual: "#F8CBAD",
};

export const PALETTE = {
  /** Table headers. */
  header: "#DCE6F1",
  /** Cells the officer fills. */
  input: "#FFF9E5",
  /** Thin lines around and between table cells. */
  border: "#B4B4B4",
  /** Rows kept only for their typed values, and secondary lines of a title. */
  muted: "#7F7F7F",
  /** Instructions under a title: darker than muted, since the officer must read them. */
  instruction: "#555555",
  /** Notes under a title (when the figures were read): a dark grey that still prints. */
  note: "#595959",
  /** A late submission's status, in the dark amber of the pending fill's text. */
  lateText: "#9C5700",
  /** A missing submission's status, in the dark red of the not-met fill's text. */
  missingText: "#9C0006",
  /** Data bars of shares. */
  bar: "#5B9BD5",
  /** A chart's bars: darker than the data bars, so a chart printed in grey still shows them. */
  chartBar: "#4472C4",
  /** A chart's gridlines, faint behind the bars. */
  gridline: "#D9D9D9",
  /** The paper behind a chart. */
  paper: "#FFFFFF",
} as const;

export const HEADER_COLOUR = PALETTE.header;

/** exceljs and the xlsx format want ARGB: "#C6EFCE" → "FFC6EFCE" (opaque). */
export function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

/** DrawingML's srgbClr wants the six digits alone: "#4472C4" → "4472C4". */
export function rgb(colour: string): string {
  return colour.replace(/^#/, "").toUpperCase();
}

/** "#RRGGBB" from an ARGB or RGB hex, for comparing what two hosts wrote. */
export function hexColour(argbOrRgb: string): string {
  return `#${argbOrRgb.replace(/^#/, "").slice(-6).toUpperCase()}`;
}
