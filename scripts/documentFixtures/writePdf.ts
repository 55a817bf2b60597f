import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { FIXED_DATE, withSeededRandom } from "./deterministic";
import type { DocumentSpec, HeaderCell, SpecBlock, SpecTable } from "./spec";

/**
 * The spec as a PDF with a real text layer, as Word's "Save as PDF" makes one: DejaVu fonts embedded (subset) so the
 * Vietnamese letters are text, tables drawn with their borders and text placed in columns, long cells wrapped over
 * several lines, rows split across pages, the header rows drawn again at the top of each page, and a running header
 * and page number on every page (which a reader must drop).
 */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const PARAGRAPH_SIZE = 11;
/** Table text; a wide table (a column per milestone) is set smaller so that "31/12/2025" fits its column. */
const TABLE_SIZE = 8;
const WIDE_TABLE_SIZE = 6.5;
const PADDING = 3;
const RUNNING_HEADER = "Văn bản tạo để kiểm thử – không có giá trị pháp lý";

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export function writePdf(spec: DocumentSpec): Promise<Uint8Array> {
  return withSeededRandom(1, () => buildPdf(spec));
}

async function newDocument(): Promise<PDFDocument> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setCreationDate(FIXED_DATE);
  document.setModificationDate(FIXED_DATE);
  return document;
}

async function buildPdf(spec: DocumentSpec): Promise<Uint8Array> {
  const document = await newDocument();
  document.registerFontkit(fontkit);
  const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const fonts: Fonts = {
    regular: await document.embedFont(await readFile(join(fontDir, "DejaVuSerif.ttf")), { subset: true }),
    bold: await document.embedFont(await readFile(join(fontDir, "DejaVuSerif-Bold.ttf")), { subset: true }),
  };
  // Wide tables (a column per milestone) are printed landscape, as provinces print them.
  const wide = spec.blocks.some((block) => block.kind === "table" && block.widths.length > 8);
  const size = wide ? { width: A4.height, height: A4.width } : A4;
  const writer = new PageWriter(document, fonts, size);
  for (const block of spec.blocks) writer.block(block);
  writer.finish();
  return document.save();
}

/** One A4 page with a rectangle drawn on it and no text: what a scanner gives. */
export async function writeScannedPdf(): Promise<Uint8Array> {
  const document = await newDocument();
  const page = document.addPage([A4.width, A4.height]);
  page.drawRectangle({ x: 60, y: 500, width: 470, height: 280, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 1, color: rgb(0.93, 0.93, 0.93) });
  return document.save();
}

class PageWriter {
  private page!: PDFPage;
  private y = 0;
  private fontSize = TABLE_SIZE;
  private readonly pages: PDFPage[] = [];

  constructor(
    private readonly document: PDFDocument,
    private readonly fonts: Fonts,
    private readonly size: { width: number; height: number },
  ) {
    this.newPage();
  }

  private get textWidth(): number {
    return this.size.width - 2 * MARGIN;
  }

  private newPage(): void {
    this.page = this.document.addPage([this.size.width, this.size.height]);
    this.pages.push(this.page);
    this.page.drawText(RUNNING_HEADER, { x: MARGIN, y: this.size.height - 24, size: 7, font: this.fonts.regular, color: rgb(0.4, 0.4, 0.4) });
    this.y = this.size.height - MARGIN - 8;
  }

  finish(): void {
    this.pages.forEach((page, index) => {
      const label = `Trang ${index + 1}/${this.pages.length}`;
      page.drawText(label, { x: (this.size.width - this.fonts.regular.widthOfTextAtSize(label, 8)) / 2, y: 20, size: 8, font: this.fonts.regular });
    });
  }

  block(block: SpecBlock): void {
    if (block.kind === "table") return this.table(block);
    if (block.kind === "columns") return this.columns(block.columns);
    const font = block.bold ? this.fonts.bold : this.fonts.regular;
    const lineHeight = PARAGRAPH_SIZE * 1.35;
    for (const line of wrap(block.text, font, PARAGRAPH_SIZE, this.textWidth)) {
      if (this.y - lineHeight < MARGIN) this.newPage();
      this.y -= lineHeight;
      const x = block.center ? MARGIN + (this.textWidth - font.widthOfTextAtSize(line, PARAGRAPH_SIZE)) / 2 : MARGIN;
      this.page.drawText(line, { x, y: this.y, size: PARAGRAPH_SIZE, font });
    }
    this.y -= 4;
  }

  /** Side by side, each column's lines centred in its share of the width. */
  private columns(columns: string[][]): void {
    const share = this.textWidth / columns.length;
    const lineHeight = PARAGRAPH_SIZE * 1.35;
    const height = Math.max(...columns.map((lines) => lines.length));
    if (this.y - height * lineHeight < MARGIN) this.newPage();
    for (let at = 0; at < height; at += 1) {
      this.y -= lineHeight;
      columns.forEach((lines, column) => {
        const line = lines[at];
        if (!line) return;
        const font = /^\p{Lu}[^\p{Ll}]*$/u.test(line) ? this.fonts.bold : this.fonts.regular;
        const x = MARGIN + column * share + (share - font.widthOfTextAtSize(line, PARAGRAPH_SIZE)) / 2;
        this.page.drawText(line, { x, y: this.y, size: PARAGRAPH_SIZE, font });
      });
    }
    this.y -= 10;
  }

  private table(table: SpecTable): void {
    const total = table.widths.reduce((sum, width) => sum + width, 0);
    const widths = table.widths.map((width) => (width / total) * this.textWidth);
    const starts = widths.map((_, index) => MARGIN + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
    this.fontSize = table.widths.length > 8 ? WIDE_TABLE_SIZE : TABLE_SIZE;
    const lineHeight = this.fontSize * 1.25;
    const headerRows = table.header.map((cells) => this.headerCells(cells, starts, widths));
    const drawHeader = () => {
      for (const cells of headerRows) this.rowPart(cells, 0, Infinity, lineHeight, true);
    };
    this.y -= 4;
    if (this.y - 3 * lineHeight < MARGIN) this.newPage();
    drawHeader();
    for (const row of table.rows) {
      const cells: PlacedCell[] =
        "heading" in row
          ? [{ x: starts[0]!, width: this.textWidth, lines: this.wrapCell(row.heading, this.fonts.bold, this.textWidth), bold: true }]
          : row.cells.map((text, index) => ({ x: starts[index]!, width: widths[index]!, lines: this.wrapCell(text, this.fonts.regular, widths[index]!), bold: false }));
      const height = Math.max(1, ...cells.map((cell) => cell.lines.length));
      let from = 0;
      while (from < height) {
        const fits = Math.floor((this.y - MARGIN - 2 * PADDING) / lineHeight);
        if (fits < 1) {
          this.newPage();
          drawHeader();
          continue;
        }
        const count = Math.min(fits, height - from);
        this.rowPart(cells, from, from + count, lineHeight, false);
        from += count;
      }
    }
    this.y -= 6;
  }

  private headerCells(cells: readonly HeaderCell[], starts: number[], widths: number[]): PlacedCell[] {
    const placed: PlacedCell[] = [];
    let column = 0;
    for (const cell of cells) {
      const span = cell.span ?? 1;
      const width = widths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
      placed.push({ x: starts[column]!, width, lines: cell.covered ? [] : this.wrapCell(cell.text, this.fonts.bold, width), bold: true });
      column += span;
    }
    return placed;
  }

  /** Lines [from, to) of every cell of a row, with the row's borders. */
  private rowPart(cells: readonly PlacedCell[], from: number, to: number, lineHeight: number, header: boolean): void {
    const count = Math.max(1, ...cells.map((cell) => Math.min(cell.lines.length, to) - from));
    const height = count * lineHeight + 2 * PADDING;
    if (header && this.y - height < MARGIN) this.newPage();
    const top = this.y;
    for (const cell of cells) {
      cell.lines.slice(from, to).forEach((line, index) => {
        this.page.drawText(line, { x: cell.x + PADDING, y: top - PADDING - (index + 1) * lineHeight + 2, size: this.fontSize, font: cell.bold ? this.fonts.bold : this.fonts.regular });
      });
      this.page.drawRectangle({ x: cell.x, y: top - height, width: cell.width, height, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
    }
    this.y -= height;
  }

  private wrapCell(text: string, font: PDFFont, width: number): string[] {
    return text.split("\n").flatMap((part) => wrap(part, font, this.fontSize, width - 2 * PADDING));
  }
}

interface PlacedCell {
  x: number;
  width: number;
  lines: string[];
  bold: boolean;
}

/** Words on lines no wider than `width`; a word longer than a line stays whole. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((part) => part !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
