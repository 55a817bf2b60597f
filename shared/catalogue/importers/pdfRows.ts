import type { DraftRow } from "../draft";
import { isHeaderContinuation, isTableHeader, rowStart, sectionHeading } from "./pdfLayout";
import { type AppendixRead, type ReadSection, type SourceLine, quoted } from "./sourceLines";
import { splitTarget, type RowPiece } from "./targetTail";

/**
 * The appendix of a decision converted from PDF without its table's columns (Phú Thọ 1521/QĐ-UBND): a row is its
 * STT, then its text broken over lines, then its target at the end of the last text line or on lines of its own.
 * A row runs until the next row, section heading or the end; the repeated page headers inside it are skipped.
 * Every line is placed (heading, header, row text, target) or reported.
 */

interface OpenRow {
  order: string;
  line: number;
  lineCount: number;
  pieces: RowPiece[];
}

export function readBrokenRows(lines: readonly SourceLine[]): AppendixRead {
  const read: AppendixRead = { sections: [], problems: [], linesRead: 0, linesPlaced: 0 };
  let current: ReadSection | undefined;
  let open: OpenRow | undefined;
  let lastOrder = 0;
  let afterHeader = false;

  const place = (count: number): void => {
    read.linesPlaced += count;
    if (current) current.lines += count;
  };
  const report = (line: number, code: string, message: string, text: string): void => {
    read.problems.push({ code, severity: "warning", message: `Dòng ${line}: ${message}`, text, source: { line } });
  };
  const closeRow = (): void => {
    if (!open || !current) return;
    const row = open;
    open = undefined;
    if (row.pieces.length === 0) {
      report(row.line, "unplaced_line", `dòng chỉ có số thứ tự ${row.order}, không có nội dung chỉ tiêu.`, row.order);
      (current.rejected ??= []).push({ order: row.order, line: row.line });
      return;
    }
    const split = splitTarget(row.pieces);
    const draftRow: DraftRow = split
      ? { order: row.order, text: split.text, targetText: split.targetText, source: { line: row.line } }
      : { order: row.order, text: row.pieces.map(({ text }) => text).join(" "), targetText: "", source: { line: row.line } };
    if (!split) {
      report(row.line, "missing_target", `không tìm thấy chỉ tiêu giao ở cuối dòng STT ${row.order} ${quoted(draftRow.text)}; chỉ tiêu để trống — hãy nhập chỉ tiêu theo văn bản.`, draftRow.text);
    }
    current.section.rows.push(draftRow);
    place(row.lineCount);
  };

  for (const { line, text: raw } of lines) {
    const text = raw.replace(/\t/g, " ").trim();
    if (text === "") continue;
    read.linesRead += 1;

    const heading = sectionHeading(text);
    if (heading) {
      closeRow();
      current = { section: { order: heading.order, heading: heading.heading, rows: [], source: { line } }, lines: 0 };
      read.sections.push(current);
      lastOrder = 0;
      afterHeader = false;
      place(1);
      continue;
    }
    if (isTableHeader(text) || (afterHeader && isHeaderContinuation(text))) {
      afterHeader = isTableHeader(text);
      place(1);
      continue;
    }
    afterHeader = false;

    const start = current ? rowStart(text) : undefined;
    // The next number always starts a row; another number only when what follows reads like the start of a text
    // (capitalised, or nothing), so that "200 tin, bài" continues a target instead of starting row 200.
    if (start && (start.order === lastOrder + 1 || start.rest === "" || /^\p{Lu}/u.test(start.rest))) {
      closeRow();
      open = { order: String(start.order), line, lineCount: 1, pieces: start.rest ? [{ line, text: start.rest }] : [] };
      lastOrder = start.order;
      continue;
    }
    if (open) {
      open.pieces.push({ line, text });
      open.lineCount += 1;
      continue;
    }
    if (!current) {
      report(line, "unplaced_line", `dòng nằm trước mục cơ quan đầu tiên ("1. Tên cơ quan") nên không thuộc cơ quan nào: ${quoted(text)}.`, text);
    } else {
      report(line, "unplaced_line", `không nhận ra dòng ${quoted(text)} trong mục "${current.section.order}. ${current.section.heading}": không phải dòng tiêu đề bảng hay dòng chỉ tiêu (dòng chỉ tiêu bắt đầu bằng số thứ tự).`, text);
    }
  }
  closeRow();
  return read;
}
