import { AlignmentType, Header, PageNumber, Paragraph, TextRun } from "docx";
import { FONT, SIZE } from "./documentFrame";

/**
 * Page numbers as Nghị định 30/2020 places them: Arabic figures, 13–14 pt upright, centred in the top margin, not shown
 * on the first page; each appendix is numbered on its own from 1. Used with the section's `titlePage` and a restart.
 */
export function pageNumberHeaders(): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body })] })],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}
