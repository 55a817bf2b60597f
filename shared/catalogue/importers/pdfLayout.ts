import { folded, type SourceLine } from "./sourceLines";
import { readHeaderRow } from "./tableColumns";

/**
 * How the lines of a decision converted from PDF are recognised: the appendix title, agency section headings,
 * the table header (repeated at the top of every page the table runs over) and the first line of a row.
 */

/**
 * "PHỤ LỤC", "Phụ lục:", "PHỤ LỤC II", "PHỤ LỤC I: DANH MỤC…" on a line of their own — not the body's
 * "(theo Phụ lục đính kèm)" nor "Phụ lục này gồm…".
 */
export function isAppendixTitle(text: string): boolean {
  return /^phu luc(?:\s+(?:[ivxlc]+|\d+))?\s*(?:[:.]|$)/.test(folded(text).replace(/\*/g, ""));
}

/** "1. Ban Quản lý các Khu công nghiệp", " 14. Sở Y tế", "2. SƠ KẾ HOẠCH VÀ ĐẦU TƯ" → order and heading as written. */
export function sectionHeading(text: string): { order: string; heading: string } | undefined {
  if (text.includes("\t")) return undefined;
  const match = /^(\d{1,3})\.\s*(\p{L}.*)$/u.exec(text.trim());
  return match ? { order: match[1]!, heading: match[2]!.trim() } : undefined;
}

/** "STT Nội dung chỉ tiêu, nhiệm vụ Giao kết quả", "STT\tNội dung nhiệm vụ\tChỉ tiêu". */
export function isTableHeader(text: string): boolean {
  if (text.includes("\t")) return readHeaderRow(text.split("\t")) !== undefined;
  return /^(stt|tt)\s+noi dung\b/.test(folded(text));
}

/** "thực hiện": the second line of a header cell "Giao kết quả / thực hiện" broken by the conversion. */
export function isHeaderContinuation(text: string): boolean {
  return folded(text) === "thuc hien";
}

/** "1 Tỷ lệ thanh toán…", "6" (the text follows on the next lines) → the STT and the rest of the line. */
export function rowStart(text: string): { order: number; rest: string } | undefined {
  const match = /^(\d{1,3})(?:\s+(\S.*))?$/u.exec(text.trim());
  return match ? { order: Number(match[1]), rest: (match[2] ?? "").trim() } : undefined;
}

/**
 * Where the appendix starts: its title line, or else the first table (from the section heading just above it).
 * Undefined when the text has neither.
 */
export function appendixStart(lines: readonly SourceLine[]): number | undefined {
  const titled = lines.findIndex(({ text }) => isAppendixTitle(text));
  if (titled >= 0) return titled;
  const table = lines.findIndex(({ text }) => isTableHeader(text));
  if (table < 0) return undefined;
  for (let index = table - 1; index >= 0; index -= 1) {
    const text = lines[index]!.text;
    if (text.trim() === "") continue;
    return sectionHeading(text) ? index : table;
  }
  return table;
}
