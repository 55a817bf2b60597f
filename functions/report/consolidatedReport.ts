import ExcelJS from "exceljs";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import { SUBMISSION_STATUS_LABELS, type Aggregate, type AggregateAgency, type AggregateCell } from "../../shared/report/aggregate";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import type { VerdictCode } from "../../shared/verdict/schema";
import { uniqueSheetName } from "./sheetNames";
import { HEADER_FILL, THIN_BORDER, verdictFill } from "./verdictStyle";

/**
 * The consolidated report the standing agency sends to the Chairman: a summary matrix coloured by verdict, one sheet
 * per agency in the layout of the province's results reports, and who has not reported. Every text comes from
 * agencies and the catalogue and is written as text, so a note starting with "=" stays a note.
 */
export async function buildConsolidatedReport(aggregate: Aggregate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI chuyển đổi số";
  const taken = new Set<string>();
  writeSummary(workbook.addWorksheet(uniqueSheetName("Tổng hợp", taken)), aggregate);
  writeMissing(workbook.addWorksheet(uniqueSheetName("Chưa nộp", taken)), aggregate);
  for (const agency of aggregate.agencies) writeAgency(workbook.addWorksheet(uniqueSheetName(agency.name, taken)), aggregate, agency);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeTitle(sheet: ExcelJS.Worksheet, aggregate: Aggregate, heading: string): number {
  sheet.getCell("A1").value = heading;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = `Văn bản ${aggregate.decision.number}${aggregate.decision.title ? `: ${aggregate.decision.title}` : ""}`;
  sheet.getCell("A3").value = `${aggregate.periodLabel} — hạn nộp ${formatIsoDateVi(aggregate.reportDueDate)} — lập lúc ${vietnamTime(aggregate.generatedAt)}`;
  sheet.getCell("A3").font = { italic: true, color: { argb: "FF555555" } };
  return 5;
}

function writeSummary(sheet: ExcelJS.Worksheet, aggregate: Aggregate): void {
  const first = writeTitle(sheet, aggregate, "BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ");
  const fixed = ["STT", "Cơ quan, đơn vị", "Tình trạng nộp", "Phiên bản", "Đạt / được giao"];
  const header = sheet.getRow(first);
  const names = sheet.getRow(first + 1);
  fixed.forEach((text, index) => {
    styleHeader(header.getCell(index + 1), text);
    styleHeader(names.getCell(index + 1), "");
  });
  aggregate.indicators.forEach((indicator, index) => {
    styleHeader(header.getCell(fixed.length + 1 + index), indicator.code);
    const name = names.getCell(fixed.length + 1 + index);
    styleHeader(name, indicator.name);
    name.font = { size: 8 };
  });
  names.height = 90;

  aggregate.agencies.forEach((agency, rowIndex) => {
    const row = sheet.getRow(first + 2 + rowIndex);
    const byCode = new Map(agency.cells.map((cell) => [cell.indicatorCode, cell]));
    row.getCell(1).value = rowIndex + 1;
    row.getCell(2).value = agency.name;
    row.getCell(3).value = SUBMISSION_STATUS_LABELS[agency.status];
    if (agency.version !== undefined) row.getCell(4).value = agency.version;
    row.getCell(5).value = `${agency.metCount}/${agency.assignedCount}`;
    aggregate.indicators.forEach((indicator, index) => {
      const cell = row.getCell(fixed.length + 1 + index);
      const found = byCode.get(indicator.code);
      if (found) {
        cell.value = found.label;
        cell.fill = verdictFill(found.verdict);
        cell.note = found.explanation;
      } else {
        cell.value = "—";
      }
      cell.alignment = { horizontal: "center" };
    });
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN_BORDER));
  });

  const shareRow = sheet.getRow(first + 2 + aggregate.agencies.length);
  shareRow.getCell(2).value = "Tỷ lệ cơ quan đạt";
  shareRow.getCell(2).font = { bold: true };
  aggregate.indicators.forEach((indicator, index) => {
    const cell = shareRow.getCell(fixed.length + 1 + index);
    if (indicator.metShare !== null) cell.value = indicator.metShare;
    cell.numFmt = "0%";
    cell.font = { bold: true };
    cell.border = THIN_BORDER;
  });

  const legendStart = first + 4 + aggregate.agencies.length;
  sheet.getCell(`B${legendStart}`).value = "Chú thích màu";
  sheet.getCell(`B${legendStart}`).font = { bold: true };
  (Object.keys(VERDICT_LABELS) as VerdictCode[]).forEach((code, index) => {
    const cell = sheet.getCell(`B${legendStart + 1 + index}`);
    cell.value = VERDICT_LABELS[code];
    cell.fill = verdictFill(code);
  });
  const { completeness } = aggregate;
  sheet.getCell(`B${legendStart + 8}`).value =
    `Được giao: ${completeness.assigned} cơ quan; đã nộp đúng hạn: ${completeness.onTime}; nộp muộn: ${completeness.late}; chưa nộp: ${completeness.missing}.`;

  sheet.columns = [{ width: 6 }, { width: 40 }, { width: 16 }, { width: 10 }, { width: 12 }, ...aggregate.indicators.map(() => ({ width: 12 }))];
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: first + 1 }];
  sheet.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function writeAgency(sheet: ExcelJS.Worksheet, aggregate: Aggregate, agency: AggregateAgency): void {
  writeTitle(sheet, aggregate, `${agency.name} — ${SUBMISSION_STATUS_LABELS[agency.status]}${agency.version ? ` (phiên bản ${agency.version})` : ""}`);
  const first = 5;
  ["TT", "Chỉ tiêu", "Chỉ tiêu giao", "Kết quả", "Đánh giá", "Ghi chú"].forEach((text, index) => styleHeader(sheet.getRow(first).getCell(index + 1), text));
  agency.cells.forEach((cell, index) => {
    const row = sheet.getRow(first + 1 + index);
    row.getCell(1).value = cell.order;
    row.getCell(2).value = cell.text;
    row.getCell(3).value = cell.targetText;
    const actual = actualValue(cell);
    if (actual !== undefined) row.getCell(4).value = actual;
    const verdict = row.getCell(5);
    verdict.value = cell.label;
    verdict.fill = verdictFill(cell.verdict);
    row.getCell(6).value = noteOf(cell);
    row.eachCell({ includeEmpty: true }, (item) => {
      item.border = THIN_BORDER;
      item.alignment = { vertical: "top", wrapText: true };
    });
  });
  sheet.columns = [{ width: 6 }, { width: 50 }, { width: 24 }, { width: 14 }, { width: 14 }, { width: 48 }];
  sheet.views = [{ state: "frozen", ySplit: first }];
  sheet.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function writeMissing(sheet: ExcelJS.Worksheet, aggregate: Aggregate): void {
  let row = writeTitle(sheet, aggregate, "CƠ QUAN CHƯA NỘP VÀ NỘP MUỘN BÁO CÁO");
  const missing = aggregate.agencies.filter((agency) => agency.status === "missing");
  sheet.getCell(`A${row}`).value = "Chưa nộp";
  sheet.getCell(`A${row}`).font = { bold: true };
  row += 1;
  if (missing.length === 0) {
    sheet.getCell(`A${row}`).value = "Tất cả cơ quan đã nộp.";
    row += 2;
  } else {
    ["STT", "Cơ quan, đơn vị", "Số chỉ tiêu được giao"].forEach((text, index) => styleHeader(sheet.getRow(row).getCell(index + 1), text));
    missing.forEach((agency, index) => {
      const line = sheet.getRow(row + 1 + index);
      line.getCell(1).value = index + 1;
      line.getCell(2).value = agency.name;
      line.getCell(3).value = agency.assignedCount;
      line.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN_BORDER));
    });
    row += missing.length + 3;
  }
  const late = aggregate.agencies.filter((agency) => agency.status === "late");
  sheet.getCell(`A${row}`).value = "Nộp muộn";
  sheet.getCell(`A${row}`).font = { bold: true };
  row += 1;
  if (late.length === 0) {
    sheet.getCell(`A${row}`).value = "Không có cơ quan nộp muộn.";
  } else {
    ["STT", "Cơ quan, đơn vị", "Thời điểm nộp", "Hạn nộp"].forEach((text, index) => styleHeader(sheet.getRow(row).getCell(index + 1), text));
    late.forEach((agency, index) => {
      const line = sheet.getRow(row + 1 + index);
      line.getCell(1).value = index + 1;
      line.getCell(2).value = agency.name;
      line.getCell(3).value = agency.submittedAt ? vietnamTime(agency.submittedAt) : "";
      line.getCell(4).value = formatIsoDateVi(aggregate.reportDueDate);
      line.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN_BORDER));
    });
  }
  sheet.columns = [{ width: 6 }, { width: 44 }, { width: 22 }, { width: 14 }];
}

function styleHeader(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = THIN_BORDER;
  cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
}

function actualValue(cell: AggregateCell): string | number | undefined {
  if (cell.actual === undefined || cell.actual === null) return undefined;
  if (typeof cell.actual === "boolean") return cell.actual ? "Có" : "Không";
  return cell.actual;
}

function noteOf(cell: AggregateCell): string {
  const parts: string[] = [];
  if (cell.numerator !== undefined && cell.denominator !== undefined) parts.push(`${cell.numerator}/${cell.denominator}`);
  if (cell.note) parts.push(cell.note);
  if (cell.verdict !== "met") parts.push(cell.explanation);
  return parts.join("\n");
}

/** "05/01/2026 08:30" in Vietnam time, whatever zone the server runs in. */
function vietnamTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${shifted.slice(8, 10)}/${shifted.slice(5, 7)}/${shifted.slice(0, 4)} ${shifted.slice(11, 16)}`;
}
