import { getDocumentProxy } from "unpdf";
import { SourceError } from "./sourceError";

/** A piece of text where pdf.js found it: left x, baseline y (from the page's bottom), width and font height. */
export interface PdfChunk {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  chunks: PdfChunk[];
}

/** A decision runs to tens of pages; a PDF of thousands is not one, and reading it would hold the server. */
export const MAX_PDF_PAGES = 300;

/** The text of every page with positions (pdf.js through unpdf), whitespace-only pieces left out. */
export async function readPdfPages(data: Uint8Array, name: string): Promise<PdfPage[]> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false, stopAtErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const locked = /password/i.test(reason);
    throw new SourceError(
      locked ? `Tệp PDF "${name}" có mật khẩu: hãy gỡ mật khẩu rồi nhập lại.` : `Tệp PDF "${name}" bị hỏng, không đọc được (${reason}).`,
      "pdf_unreadable",
    );
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new SourceError(`Tệp PDF "${name}" có ${pdf.numPages} trang (tối đa ${MAX_PDF_PAGES}): không phải một quyết định giao chỉ tiêu.`, "pdf_unreadable");
    }
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const chunks: PdfChunk[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        const [a, b, , d, x, y] = item.transform as number[];
        // Rotated text (stamps, margin notes) is not part of any table row.
        if (Math.abs(b ?? 0) > 0.01 || (a ?? 0) <= 0) continue;
        chunks.push({ text: item.str, x: x!, y: y!, width: item.width, height: Math.abs(d ?? item.height) || item.height });
      }
      pages.push({ number, width, height, chunks });
      page.cleanup();
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}
