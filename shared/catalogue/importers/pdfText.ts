import type { ImportDraft, ImportProblem } from "../draft";
import { draftFromRead } from "./appendixDraft";
import { appendixStart, isTableHeader, sectionHeading } from "./pdfLayout";
import { readBrokenRows } from "./pdfRows";
import { readDecisionHeader } from "./pdfHeader";
import { blankHeaderFields } from "./documentHeader";
import { isBlank, sourceLines, type AppendixRead, type SourceLine } from "./sourceLines";
import { readTable } from "./tableReader";
import { tableRecords } from "./tableRecords";

/**
 * A decision converted from PDF to text (Phú Thọ 1521/QĐ-UBND, Vĩnh Phúc 488/QĐ-CT): the header comes from the
 * opening lines, the sections from the appendix only — the body's numbered paragraphs ("1. Lãnh đạo, chỉ đạo…")
 * are not agencies. Conversions that kept the table's tabs are read as a table; the others row by row, finding
 * where each target starts. Every non-blank line of the appendix is placed or reported.
 */
export function importPdfText(text: string): ImportDraft {
  const lines = sourceLines(text);
  const start = appendixStart(lines);
  if (start === undefined) {
    const missing: ImportProblem = {
      code: "missing_appendix",
      severity: "error",
      message: `Không tìm thấy phụ lục giao chỉ tiêu: cần một dòng "PHỤ LỤC" hoặc một bảng có dòng tiêu đề "STT | Nội dung | Chỉ tiêu".`,
    };
    return draftFromRead("pdf_text", readDecisionHeader(lines, []), { sections: [], problems: [missing], linesRead: 0, linesPlaced: 0 });
  }
  const appendix = lines.slice(start);
  // The appendix's title ("PHỤ LỤC", "Danh mục chỉ tiêu…", "(Ban hành kèm theo Quyết định số …)") runs up to the
  // first section heading or table; its lines are placed as the title.
  const tableAt = appendix.findIndex(({ text }) => sectionHeading(text) !== undefined || isTableHeader(text) || text.includes("\t"));
  const title = appendix.slice(0, tableAt < 0 ? appendix.length : tableAt).filter(({ text }) => !isBlank(text));
  const table = tableAt < 0 ? [] : appendix.slice(tableAt);

  const read = keepsTabs(table) ? readTable(tableRecords(table, { quotedCells: false }), { numberedSectionsOnly: true }) : readBrokenRows(table);
  const withTitle: AppendixRead = { ...read, linesRead: read.linesRead + title.length, linesPlaced: read.linesPlaced + title.length };
  const header = readDecisionHeader(lines.slice(0, start), title);
  return draftFromRead("pdf_text", header, withTitle, blankHeaderFields([...lines.slice(0, start), ...title], header));
}

/** Most lines of the table carry tabs: the conversion kept the columns apart. */
function keepsTabs(table: readonly SourceLine[]): boolean {
  const filled = table.filter(({ text }) => !isBlank(text));
  return filled.filter(({ text }) => text.includes("\t")).length * 2 > filled.length;
}
