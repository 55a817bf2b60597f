import type { DraftRow, ImportProblem } from "../draft";
import { splitAgencies } from "./agencyList";
import { type AppendixRead, type ReadSection, quoted } from "./sourceLines";
import { missingColumns, readHeaderRow, type Column, type TableLayout } from "./tableColumns";
import type { TableRecord } from "./tableRecords";

/**
 * An assignment table as tab-separated rows: section headings ("1. Sở Tài chính", alone on their row), header rows
 * ("STT | Nội dung | Chỉ tiêu", repeated after page breaks), group headings (a row whose STT is "I", "a"…) and rows.
 * Shared by the table-text importer and PDF conversions that kept the table's tabs.
 */

export interface TableReadOptions {
  /** PDF appendices number every agency: an unnumbered single cell there is a stray line, not an agency. */
  numberedSectionsOnly: boolean;
}

/** "1. Sở Tài chính", "2) Sở Y tế". */
const NUMBERED_HEADING = /^(\d{1,3})\s*[.)]\s*(\p{L}.*)$/u;
/** "I. HẠ TẦNG SỐ", "a) Dịch vụ công": inside a section these group rows; before the first one they head a section. */
const LETTERED_HEADING = /^([IVXLC]+|\p{L})\s*[.)]\s*(\p{L}.*)$/u;
/** "1", "12.", "1.2": an indicator's number; anything else ("I", "a", "*") heads a group. */
const NUMERIC_ORDER = /^\d+(\.\d+)*\.?$/;

export function readTable(records: readonly TableRecord[], options: TableReadOptions): AppendixRead {
  const read: AppendixRead = { sections: [], problems: [], linesRead: 0, linesPlaced: 0 };
  const reportedColumns = new Set<string>();
  let current: ReadSection | undefined;
  let layout: TableLayout | undefined;
  /** Set while rows cannot be read for want of a complete header: reported once, at the first such row. */
  let unreadable: "no_header" | "reported" | undefined = "no_header";
  let group: string | undefined;

  const place = (record: TableRecord): void => {
    read.linesPlaced += record.lineCount;
    if (current) current.lines += record.lineCount;
  };
  const report = (record: TableRecord, code: string, severity: ImportProblem["severity"], message: string, text?: string): void => {
    read.problems.push({ code, severity, message: `Dòng ${record.line}: ${message}`, ...(text ? { text } : {}), source: { line: record.line } });
  };
  const startSection = (record: TableRecord, order: string, heading: string): void => {
    current = { section: { order, heading, rows: [], source: { line: record.line } }, lines: 0 };
    read.sections.push(current);
    group = undefined;
    place(record);
  };

  for (const record of records) {
    // A cell holding a line break (a quoted Excel cell) reads as one line, as a broken PDF row does.
    const cells = record.cells.map((cell) => cell.trim().replace(/[ \t]*\n\s*/g, " "));
    const filled = cells.flatMap((cell, column) => (cell === "" ? [] : [column]));
    if (filled.length === 0) continue;
    read.linesRead += record.lineCount;
    const rowText = cells.filter((cell) => cell !== "").join(" | ");

    const header = readHeaderRow(cells);
    if (header) {
      const missing = missingColumns(header);
      if (missing.length > 0) {
        report(record, "missing_column", "error", `dòng tiêu đề thiếu cột ${missing.join(" và ")}; các dòng bên dưới không được đọc cho đến dòng tiêu đề đầy đủ tiếp theo.`, rowText);
        layout = undefined;
        unreadable = "reported";
      } else {
        layout = header;
        unreadable = undefined;
      }
      for (const { name } of header.unknown) {
        if (reportedColumns.has(name)) continue;
        reportedColumns.add(name);
        report(record, "unknown_column", "warning", `không nhận ra cột ${quoted(name)} (các cột đọc được: STT, Nội dung, Chỉ tiêu, Đơn vị tính, Cơ quan chủ trì, Cơ quan phối hợp, Ghi chú); nội dung cột này không được nhập.`);
      }
      place(record);
      continue;
    }

    if (filled.length === 1 && filled[0] === 0) {
      const only = cells[0]!;
      const numbered = NUMBERED_HEADING.exec(only);
      if (numbered) {
        startSection(record, numbered[1]!, numbered[2]!.trim());
        continue;
      }
      const lettered = LETTERED_HEADING.exec(only);
      if (lettered && current) {
        group = only;
        place(record);
        continue;
      }
      if (!NUMERIC_ORDER.test(only)) {
        if (lettered && !options.numberedSectionsOnly) startSection(record, lettered[1]!, lettered[2]!.trim());
        else if (!options.numberedSectionsOnly) startSection(record, String(read.sections.length + 1), only);
        else report(record, "unplaced_line", "warning", `không nhận ra dòng này: không phải tên mục ("1. Tên cơ quan"), dòng tiêu đề bảng hay dòng chỉ tiêu.`, only);
        continue;
      }
    }

    if (!layout) {
      if (unreadable === "no_header") {
        report(record, "missing_header", "error", `chưa có dòng tiêu đề cột (STT | Nội dung | Chỉ tiêu) phía trên nên không biết cột nào là nội dung, cột nào là chỉ tiêu; dòng này và các dòng tiếp theo không được đọc cho đến khi có dòng tiêu đề.`, rowText);
        unreadable = "reported";
      }
      continue;
    }
    const value = (column: Column): string => {
      const index = layout!.columns.get(column);
      return index === undefined ? "" : (cells[index] ?? "");
    };
    const order = value("order").replace(/\.$/, "");
    const text = value("text");
    const targetText = value("target");
    if (!current) {
      report(record, "row_before_section", "error", `dòng ${order ? `STT ${order} ` : ""}nằm trước tên cơ quan đầu tiên; hãy thêm một dòng "1. Tên cơ quan" phía trên.`, rowText);
      continue;
    }
    if (order !== "" && !NUMERIC_ORDER.test(order) && targetText === "") {
      group = text === "" ? order : /[.)]$/.test(order) ? `${order} ${text}` : `${order}. ${text}`;
      place(record);
      continue;
    }
    if (text === "") {
      report(record, "missing_indicator_text", "error", `dòng ${order ? `STT ${order} ` : ""}không có nội dung chỉ tiêu.`, rowText);
      (current.rejected ??= []).push({ order, line: record.line });
      continue;
    }
    current.section.rows.push(rowOf(record, order || String(current.section.rows.length + 1), text, targetText, value, group));
    if (targetText === "") report(record, "empty_target", "warning", `ô chỉ tiêu của dòng STT ${order || "(trống)"} ${quoted(text)} để trống; chỉ tiêu này cần người đánh giá.`);
    const mapped = new Set([...layout.columns.values(), ...layout.unknown.map(({ column }) => column)]);
    for (const column of filled.filter((index) => !mapped.has(index))) {
      report(record, "unmapped_cell", "warning", `ô ${quoted(cells[column]!)} nằm ở cột không có tên trong dòng tiêu đề; nội dung ô này không được nhập.`);
    }
    place(record);
  }
  return read;
}

function rowOf(record: TableRecord, order: string, text: string, targetText: string, value: (column: Column) => string, group: string | undefined): DraftRow {
  const row: DraftRow = { order, text, targetText, source: { line: record.line } };
  const unit = value("unit");
  const lead = value("lead");
  const coordinating = splitAgencies(value("coordinating"));
  const note = value("note");
  if (unit) row.unit = unit;
  if (lead) row.leadAgency = lead;
  if (coordinating.length > 0) row.coordinatingAgencies = coordinating;
  if (note) row.note = note;
  if (group) row.group = group;
  return row;
}
