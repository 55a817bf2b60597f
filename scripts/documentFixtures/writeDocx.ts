import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from "docx";
import { pinDocxDates } from "./deterministic";
import type { DocumentSpec, SpecBlock, SpecTable } from "./spec";

/** A4 portrait in twentieths of a point, 2 cm margins: the page of a Vietnamese administrative document. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** The spec as a Word document: Times New Roman 13, real tables with header rows marked to repeat on each page. */
export async function writeDocx(spec: DocumentSpec): Promise<Buffer> {
  const document = new Document({
    styles: { default: { document: { run: { font: "Times New Roman", size: 26 } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        children: spec.blocks.flatMap(block),
      },
    ],
  });
  return Buffer.from(pinDocxDates(await Packer.toBuffer(document)));
}

function block(item: SpecBlock): Array<Paragraph | Table> {
  if (item.kind === "paragraph") {
    return [new Paragraph({ alignment: item.center ? AlignmentType.CENTER : AlignmentType.BOTH, children: [new TextRun({ text: item.text, bold: item.bold ?? false })] })];
  }
  if (item.kind === "columns") return [columns(item.columns), new Paragraph({ children: [] })];
  // A paragraph after a table keeps two tables from running together (Word itself always writes one).
  return [table(item), new Paragraph({ children: [] })];
}

/** The heading block as Word templates of decisions have it: a borderless table, each side centred. */
function columns(texts: string[][]): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const width = Math.floor(TEXT_WIDTH / texts.length);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: texts.map(() => width),
    borders,
    rows: [
      new TableRow({
        children: texts.map(
          (lines) => new TableCell({ borders: { top: none, bottom: none, left: none, right: none }, children: lines.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, bold: /^\p{Lu}[^\p{Ll}]*$/u.test(line) })] })) }),
        ),
      }),
    ],
  });
}

function table(spec: SpecTable): Table {
  const total = spec.widths.reduce((sum, width) => sum + width, 0);
  const columnWidths = spec.widths.map((width) => Math.floor((width / total) * TEXT_WIDTH));
  const headerRows = spec.header.map(
    (cells) =>
      new TableRow({
        tableHeader: true,
        children: cells.map(
          (cell) =>
            new TableCell({
              children: paragraphs(cell.covered ? "" : cell.text, true),
              ...(cell.span && cell.span > 1 ? { columnSpan: cell.span } : {}),
              ...(cell.mergeDown ? { verticalMerge: VerticalMergeType.RESTART } : cell.covered ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
            }),
        ),
      }),
  );
  const bodyRows = spec.rows.map((row) =>
    "heading" in row
      ? new TableRow({ children: [new TableCell({ columnSpan: spec.widths.length, children: paragraphs(row.heading, true) })] })
      : new TableRow({ cantSplit: false, children: row.cells.map((cell) => new TableCell({ children: paragraphs(cell, false) })) }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths, rows: [...headerRows, ...bodyRows] });
}

function paragraphs(text: string, bold: boolean): Paragraph[] {
  return text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}
