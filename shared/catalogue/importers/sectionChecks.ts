import type { DraftRow, DraftSection, ImportProblem } from "../draft";
import { folded, plainNumber, quoted, type ReadSection } from "./sourceLines";

/**
 * Checks across sections, once an appendix is read: a section repeated whole (Vĩnh Phúc's "3. SỞ TÀI CHÍNH" printed
 * again after the last section) is kept once, and numbers out of sequence are reported, since each is either a
 * typo in the document or a line the importer misread — a person decides which.
 */

export interface SettledSections {
  sections: DraftSection[];
  problems: ImportProblem[];
  /** Lines of the repeated sections left out of the draft: skipped, and covered by their `duplicate_section` warning. */
  droppedLines: number;
}

export function settleSections(read: readonly ReadSection[]): SettledSections {
  const problems: ImportProblem[] = [];
  const kept: DraftSection[] = [];
  const byHeading = new Map<string, DraftSection>();
  let droppedLines = 0;
  for (const { section, lines } of read) {
    const key = folded(section.heading);
    const first = byHeading.get(key);
    if (!first) {
      byHeading.set(key, section);
      kept.push(section);
      continue;
    }
    droppedLines += lines;
    problems.push(duplicateProblem(section, first, lines), ...rowDifferences(section, first));
  }
  problems.push(...sectionOrderProblems(kept));
  for (const { section, rejected } of read) {
    if (kept.includes(section)) problems.push(...rowOrderProblems(section, rejected ?? []));
  }
  return { sections: kept, problems, droppedLines };
}

function lineOf(item: { source?: { line?: number | undefined } | undefined }): number {
  return item.source?.line ?? 0;
}

function title(section: DraftSection): string {
  return `"${section.order}. ${section.heading}"`;
}

function duplicateProblem(repeat: DraftSection, first: DraftSection, lines: number): ImportProblem {
  return {
    code: "duplicate_section",
    severity: "warning",
    message:
      `Dòng ${lineOf(repeat)}: mục ${title(repeat)} lặp lại mục ở dòng ${lineOf(first)}; ` +
      `chỉ giữ mục ở dòng ${lineOf(first)}, bỏ ${lines} dòng của mục lặp.`,
    text: `${repeat.order}. ${repeat.heading}`,
    source: { line: lineOf(repeat) },
  };
}

/** Rows of the repeated section that are not the same as the kept section's, matched by their number. */
function rowDifferences(repeat: DraftSection, first: DraftSection): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const keptRows = new Map(first.rows.map((row) => [row.order, row] as const));
  const repeatOrders = new Set(repeat.rows.map((row) => row.order));
  const differs = (line: number, message: string, text: string): void => {
    problems.push({ code: "duplicate_section_differs", severity: "warning", message: `Dòng ${line}: ${message}`, text, source: { line } });
  };
  for (const row of repeat.rows) {
    const keptRow = keptRows.get(row.order);
    if (!keptRow) {
      differs(lineOf(row), `dòng STT ${row.order} của mục lặp ${title(repeat)} không có trong mục ở dòng ${lineOf(first)}; dòng này không được nhập — hãy kiểm tra.`, row.text);
    } else if (!sameRow(row, keptRow)) {
      differs(
        lineOf(row),
        `dòng STT ${row.order} của mục lặp ${title(repeat)} khác dòng ${lineOf(keptRow)} của mục đầu tiên ` +
          `(${describeDifference(row, keptRow)}); đã giữ dòng ${lineOf(keptRow)} — hãy kiểm tra.`,
        row.text,
      );
    }
  }
  for (const row of first.rows) {
    if (!repeatOrders.has(row.order)) {
      differs(lineOf(row), `dòng STT ${row.order} của mục ${title(first)} không có trong mục lặp ở dòng ${lineOf(repeat)}.`, row.text);
    }
  }
  return problems;
}

function sameRow(a: DraftRow, b: DraftRow): boolean {
  return folded(a.text) === folded(b.text) && a.targetText.trim() === b.targetText.trim();
}

function describeDifference(repeat: DraftRow, kept: DraftRow): string {
  if (repeat.targetText.trim() !== kept.targetText.trim()) return `chỉ tiêu "${repeat.targetText}" thay vì "${kept.targetText}"`;
  return `nội dung ${quoted(repeat.text)} thay vì ${quoted(kept.text)}`;
}

/** Agency sections numbered 1, 2, 3…: a repeated or skipped number is reported, the section is read all the same. */
function sectionOrderProblems(sections: readonly DraftSection[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  let previous: DraftSection | undefined;
  for (const section of sections) {
    const number = plainNumber(section.order);
    if (number === undefined) continue;
    const previousNumber = previous ? plainNumber(previous.order) : 0;
    if (previousNumber !== undefined && number !== previousNumber + 1) {
      const line = lineOf(section);
      const what =
        previous && number === previousNumber
          ? `có cùng số thứ tự ${number} với mục ${title(previous)} ở dòng ${lineOf(previous)}`
          : `có số thứ tự ${number}, không liền sau ${previous ? `mục ${title(previous)} ở dòng ${lineOf(previous)}` : "đầu phụ lục"}`;
      problems.push({
        code: "section_order",
        severity: "warning",
        message: `Dòng ${line}: mục ${title(section)} ${what}; mục vẫn được nhập như một cơ quan riêng — hãy kiểm tra số thứ tự trong văn bản.`,
        text: `${section.order}. ${section.heading}`,
        source: { line },
      });
    }
    previous = section;
  }
  return problems;
}

/**
 * Rows numbered 1, 2, 3… inside a section: a gap or a repeat usually means a row was lost or split in conversion.
 * Rows already reported and left out still hold their number.
 */
function rowOrderProblems(section: DraftSection, rejected: ReadonlyArray<{ order: string; line: number }>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const numbered = [
    ...section.rows.map((row) => ({ order: row.order, line: lineOf(row), row: row as DraftRow | undefined })),
    ...rejected.map(({ order, line }) => ({ order, line, row: undefined })),
  ].sort((a, b) => a.line - b.line);
  let previous: number | undefined = 0;
  for (const { order, line, row } of numbered) {
    const number = plainNumber(order);
    if (number === undefined) {
      previous = undefined;
      continue;
    }
    if (row && previous !== undefined && number !== previous + 1) {
      problems.push({
        code: "row_order",
        severity: "warning",
        message:
          `Dòng ${line}: trong mục ${title(section)}, dòng STT ${number} ` +
          (previous === 0 ? "không bắt đầu từ 1" : number === previous ? `lặp lại số thứ tự ${previous}` : `không liền sau STT ${previous}`) +
          " — hãy kiểm tra có dòng nào bị thiếu hoặc bị tách sai.",
        text: row.text,
        source: { line },
      });
    }
    previous = number;
  }
  return problems;
}
