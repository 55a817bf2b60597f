import type { PdfChunk, PdfPage } from "./pdfItems";

/**
 * A PDF's text as lines: pieces sharing a baseline, left to right, pieces that touch merged into one segment (pdf.js
 * splits a line wherever the font or spacing changes; a gap wider than a few spaces separates table columns).
 */
export interface PdfLine {
  page: number;
  y: number;
  height: number;
  segments: PdfChunk[];
}

export function lineText(line: PdfLine): string {
  return line.segments.map((segment) => segment.text).join(" ");
}

export function pageLines(page: PdfPage): PdfLine[] {
  const chunks = [...page.chunks].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const chunk of chunks) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - chunk.y) <= Math.max(1, 0.35 * Math.min(last.height, chunk.height))) last.segments.push(chunk);
    else lines.push({ page: page.number, y: chunk.y, height: chunk.height, segments: [chunk] });
  }
  return lines.map((line) => ({ ...line, segments: mergeTouching(line.segments.sort((a, b) => a.x - b.x)) }));
}

/** Pieces closer than about two spaces are one segment of text; the space between them is kept when there was one. */
function mergeTouching(chunks: readonly PdfChunk[]): PdfChunk[] {
  const merged: PdfChunk[] = [];
  for (const chunk of chunks) {
    const last = merged.at(-1);
    const gap = last ? chunk.x - (last.x + last.width) : Infinity;
    if (last && gap < 0.5 * chunk.height) {
      const space = gap > 0.15 * chunk.height && !last.text.endsWith(" ") && !chunk.text.startsWith(" ") ? " " : "";
      merged[merged.length - 1] = { ...last, text: `${last.text}${space}${chunk.text}`, width: chunk.x + chunk.width - last.x };
    } else {
      merged.push({ ...chunk });
    }
  }
  return merged.map((segment) => ({ ...segment, text: segment.text.replace(/\s+/g, " ").trim() }));
}

/** "Trang 2/5", "- 3 -", "4": a page number, dropped even on a one-page document where nothing repeats. */
function isPageNumber(line: PdfLine, pageWidth: number): boolean {
  const text = lineText(line).trim();
  if (/^trang\s*\d{1,3}(\s*\/\s*\d{1,3})?$|^[-–]\s*\d{1,3}\s*[-–]$/i.test(text)) return true;
  // A bare number only when alone and centred: a table's row number sits at the left.
  const only = line.segments.length === 1 ? line.segments[0]! : undefined;
  return only !== undefined && /^\d{1,3}(\s*\/\s*\d{1,3})?$/.test(text) && Math.abs(only.x + only.width / 2 - pageWidth / 2) < 20;
}

/**
 * Running headers and footers ("Trang 3/12", the issuer's name on each page): a line near the top or bottom of the
 * page written at the same height on at least half of the pages (two or more), digits aside, and page numbers. A
 * line that appears once near the edge and is not a page number is text of the document, never dropped.
 */
export function withoutRunningLines(pages: readonly PdfLine[][], sizes: ReadonlyArray<{ width: number; height: number }>): PdfLine[][] {
  const key = (line: PdfLine) => `${Math.round(line.y / 3)}|${lineText(line).replace(/\d+/g, "#").toLowerCase()}`;
  const nearEdge = (line: PdfLine, page: number) => line.y > 0.88 * (sizes[page]?.height ?? 842) || line.y < 0.08 * (sizes[page]?.height ?? 842);
  const counts = new Map<string, number>();
  pages.forEach((lines, page) => {
    for (const id of new Set(lines.filter((line) => nearEdge(line, page)).map(key))) counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  const running = new Set([...counts].filter(([, count]) => count >= 2 && count * 2 >= pages.length).map(([id]) => id));
  return pages.map((lines, page) => lines.filter((line) => !(nearEdge(line, page) && (running.has(key(line)) || isPageNumber(line, sizes[page]?.width ?? 595)))));
}
