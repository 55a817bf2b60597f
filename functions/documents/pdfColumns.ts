import type { PdfLine } from "./pdfLines";

/**
 * Text set side by side outside any table — a decision's heading, "ỦY BAN NHÂN DÂN / TỈNH PHÚ THỌ / Số: …" on the
 * left and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / … / Phú Thọ, ngày …" on the right — read column by column, as Word
 * stores it and as text conversions give it: the left column's lines, then the right column's. The columns are split
 * halfway between the pieces of the block's first line; the block ends at a wider gap than between its lines, a new
 * page, or a piece that crosses a split (a centred "QUYẾT ĐỊNH").
 */
export function readColumnBlock(lines: readonly PdfLine[], start: number): { end: number; paragraphs: string[] } | undefined {
  const first = lines[start]!;
  if (first.segments.length < 2) return undefined;
  const splits = first.segments.slice(1).map((segment, index) => {
    const left = first.segments[index]!;
    return (left.x + left.width + segment.x) / 2;
  });
  const columnOf = (x: number) => splits.filter((split) => x > split).length;
  const texts: string[][] = first.segments.map(() => []);
  let index = start;
  let previous: PdfLine | undefined;
  while (index < lines.length) {
    const line = lines[index]!;
    if (previous && (line.page !== previous.page || previous.y - line.y > 1.6 * line.height)) break;
    if (line.segments.some((segment) => splits.some((split) => segment.x < split && segment.x + segment.width > split))) break;
    for (const segment of line.segments) texts[columnOf(segment.x)]!.push(segment.text);
    previous = line;
    index += 1;
  }
  // One line with two pieces is not a block of columns (a signature line, a tab stop): it is read as text.
  if (index - start < 2) return undefined;
  return { end: index, paragraphs: texts.flat() };
}
