import type { VerdictCode } from "./schema";

/**
 * One pastel fill per verdict, with dark text readable printed in grey too: the same in the add-in's sheets and the
 * server's consolidated report, so a province reads colours the same way wherever it looks. "#RRGGBB".
 */
export const VERDICT_COLOURS: Record<VerdictCode, string> = {
  met: "#C6EFCE",
  not_met: "#FFC7CE",
  pending: "#FFEB9C",
  no_data: "#EDEDED",
  needs_review: "#DDEBF7",
  invalid_actual: "#F8CBAD",
};

/** The table headers' fill in both. */
export const HEADER_COLOUR = "#DCE6F1";
