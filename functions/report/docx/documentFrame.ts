import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from "docx";
import { stripXmlForbidden } from "../../../shared/text/xmlText";

/**
 * The page and type of an administrative document as Nghị định 30/2020/NĐ-CP (Phụ lục I) sets them: A4, Times New
 * Roman, body 14 pt, margins top and bottom 20 mm, left 30 mm, right 15 mm, single to 1,5 line spacing with at least
 * 6 pt between paragraphs and the first line indented 1 cm. Lengths in twentieths of a point (twips).
 */

export const FONT = "Times New Roman";
const MM = 1440 / 25.4;
export const mm = (millimetres: number): number => Math.round(millimetres * MM);

export const A4 = { width: 11906, height: 16838 } as const;
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
/** The width text may take on a portrait page, and on a landscape one. */
export const PORTRAIT_TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGINS.left - MARGINS.right;

/** Sizes in half-points, as Word counts them. */
export const SIZE = { body: 28, heading: 26, national: 24, table: 24, small: 22, appendix: 20, matrix: 18 } as const;

const BODY_SPACING = { before: 0, after: 120, line: 312 } as const;
const FIRST_LINE_INDENT = mm(10);

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: stripXmlForbidden(text), font: FONT, size: style.size ?? SIZE.body, bold: style.bold ?? false, italics: style.italics ?? false });
}

/** A paragraph of the body: justified, first line indented, the decree's spacing. */
export function bodyParagraph(children: TextRun[] | string, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: BODY_SPACING,
    ...options,
    children: typeof children === "string" ? [run(children)] : children,
  });
}

/** "I. TÌNH HÌNH NỘP BÁO CÁO", "1. Kết quả chung": headings of the body, bold, indented as the paragraphs are. */
export function headingParagraph(text: string): Paragraph {
  return bodyParagraph([run(text, { bold: true })], { keepNext: true, spacing: { before: 120, after: 120, line: 312 } });
}

/** "- Nộp muộn: …": a dash item as Vietnamese reports list things, indented like the paragraphs. */
export function dashParagraph(children: TextRun[] | string): Paragraph {
  const runs = typeof children === "string" ? [run(children)] : children;
  return bodyParagraph([run("- "), ...runs]);
}

export function centredParagraph(children: TextRun[], spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0 }, children });
}

/**
 * The short solid rule under the issuing agency, the motto and the title: an empty paragraph with a bottom border,
 * indented so the rule has the length given, centred in the width it sits in.
 */
export function ruleParagraph(length: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    // A paragraph of exact, small height ruled along its foot: the rule sits just under the text above it, clear of
    // the dots under "Ọ" and "Ộ", however the renderer places a border's spacing.
    spacing: { before: 0, after: 0, line: 110, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 0 } },
    children: [run("", { size: 4 })],
  });
}

/** "Bảng 1. …" above a table, "Biểu đồ 1. …" under a chart: centred, bold italic captions. */
export function captionParagraph(text: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: options.keepNext ?? true,
    spacing: { before: 120, after: 120 },
    children: [run(text, { bold: true, italics: true, size: SIZE.heading })],
  });
}
