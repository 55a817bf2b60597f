import type { DraftDecisionHeader, ImportProblem } from "../draft";
import { readDecisionHeader } from "./pdfHeader";
import { folded, quoted, type SourceLine } from "./sourceLines";

/**
 * The header paragraph above a table ("ỦY BAN NHÂN DÂN" / "TỈNH …", "Số: …", the date line, "KẾ HOẠCH" and the
 * title), and the fields a draft leaves blank: "Số:      /QĐ-UBND", "Kế hoạch số      /KH-VP", "ngày    tháng   năm
 * 2025" are filled in only when the document is signed. Such blanks are reported by name, so that the import asks for
 * them (kpi import --number/--date) instead of failing on a number that is not one.
 */

/** "Số:   /QĐ-UBND", "Kế hoạch số     /KH-VP": a number left blank. */
const BLANK_NUMBER = /(?:^|\s)số\s*:?\s*[._…]*\s*\/\s*\p{Lu}/iu;
/** "ngày    tháng   năm 2025", "ngày …/…/2025", "ngày ... tháng ... năm 2025". */
const BLANK_DATE = /\bngày(?:[\s._…]*tháng[\s._…]*năm\s+\d{4}|[\s._…]*\/[\s._…]*\/\s*\d{4})/iu;

export function blankHeaderFields(lines: readonly SourceLine[], header: DraftDecisionHeader): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const blankNumber = header.number ? undefined : lines.find(({ text }) => BLANK_NUMBER.test(text));
  if (blankNumber) {
    problems.push({
      code: "missing_header_field",
      severity: "warning",
      field: "number",
      message: `Dòng ${blankNumber.line}: văn bản chưa có số (${quoted(blankNumber.text.trim())}), có thể là bản dự thảo; hãy cho biết số văn bản khi nhập.`,
      text: blankNumber.text.trim(),
      source: { line: blankNumber.line },
    });
  }
  const blankDate = header.date ? undefined : lines.find(({ text }) => BLANK_DATE.test(text));
  if (blankDate) {
    problems.push({
      code: "missing_header_field",
      severity: "warning",
      field: "date",
      message: `Dòng ${blankDate.line}: văn bản chưa ghi ngày ban hành (${quoted(blankDate.text.trim())}), có thể là bản dự thảo; hãy cho biết ngày ban hành khi nhập.`,
      text: blankDate.text.trim(),
      source: { line: blankDate.line },
    });
  }
  return problems;
}

/**
 * The decision header from the lines above a table, each cell of a tab-separated line (a Word header table:
 * "ỦY BAN NHÂN DÂN TỈNH …" beside "CỘNG HÒA …") read as a line of its own.
 */
export function readPreambleHeader(preamble: readonly SourceLine[]): { header: DraftDecisionHeader; problems: ImportProblem[] } {
  const lines = preamble.flatMap(({ line, text }) => text.split("\t").map((cell) => ({ line, text: cell })));
  const issuedWith = lines.filter(({ text }) => /kem theo/.test(folded(text)));
  const header = readDecisionHeader(lines, issuedWith);
  return { header, problems: blankHeaderFields(lines, header) };
}
