import type { DocumentBlock } from "./blocks";
import { readColumnBlock } from "./pdfColumns";
import { readPdfPages } from "./pdfItems";
import { lineText, pageLines, withoutRunningLines, type PdfLine } from "./pdfLines";
import { isHeaderStart, readPdfTable } from "./pdfTables";
import { SourceError } from "./sourceError";

/**
 * A PDF decision with a text layer as paragraphs and tables in reading order (one column of text per page, as
 * decisions are printed). Running headers and page numbers are dropped; a paragraph's wrapped lines are joined when
 * a line runs to the right margin and the next starts no further right. A scan has no text layer: it needs
 * recognising (OCR) first, and is refused with a message that says so.
 */
export async function readPdf(data: Uint8Array, name: string): Promise<DocumentBlock[]> {
  const pages = await readPdfPages(data, name);
  if (pages.every((page) => page.chunks.length === 0)) {
    throw new SourceError(
      `Tệp PDF "${name}" không có lớp chữ (có lẽ là bản quét, ${pages.length} trang): cần nhận dạng chữ (OCR) trước, ví dụ mở bằng Word hoặc phần mềm nhận dạng chữ rồi lưu thành .docx, sau đó nhập lại.`,
      "pdf_needs_ocr",
    );
  }
  const widths = new Map(pages.map((page) => [page.number, page.width]));
  const lines = withoutRunningLines(pages.map(pageLines), pages).flat();
  const rightEdges = new Map(pages.map((page) => [page.number, rightMargin(lines.filter((line) => line.page === page.number), page.width)]));
  const blocks: DocumentBlock[] = [];
  let paragraph: PdfLine | undefined;
  let text = "";
  const flush = () => {
    if (paragraph) blocks.push({ kind: "paragraph", text });
    paragraph = undefined;
  };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (isHeaderStart(line)) {
      flush();
      const table = readPdfTable(lines, index, (page) => widths.get(page) ?? 595);
      blocks.push({ kind: "table", rows: table.rows });
      index = table.end;
      continue;
    }
    const block = readColumnBlock(lines, index);
    if (block) {
      flush();
      blocks.push(...block.paragraphs.map((text): DocumentBlock => ({ kind: "paragraph", text })));
      index = block.end;
      continue;
    }
    if (paragraph && continuesParagraph(paragraph, line, rightEdges.get(line.page) ?? Infinity)) text += ` ${lineText(line)}`;
    else {
      flush();
      text = lineText(line);
    }
    paragraph = line;
    index += 1;
  }
  flush();
  return blocks;
}

/** The right edge of the text: the page's width less its left margin (decisions are printed with even margins). */
function rightMargin(lines: readonly PdfLine[], pageWidth: number): number {
  const left = Math.min(...lines.map((line) => line.segments[0]!.x));
  return Number.isFinite(left) ? pageWidth - left : pageWidth;
}

function continuesParagraph(previous: PdfLine, line: PdfLine, right: number): boolean {
  if (previous.page !== line.page || previous.segments.length !== 1 || line.segments.length !== 1) return false;
  const last = previous.segments[0]!;
  const next = line.segments[0]!;
  const fullWidth = last.x + last.width >= right - 0.12 * (right - last.x);
  return fullWidth && next.x <= last.x + 2 && previous.y - line.y <= 1.7 * line.height && Math.abs(previous.height - line.height) < 0.5;
}
