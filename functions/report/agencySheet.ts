import type ExcelJS from "exceljs";
import { formatIsoDateVi } from "../../shared/period/isoDate";
import type { Aggregate, AggregateAgency, AggregateCell } from "../../shared/report/aggregate";
import { formatVietnameseNumber } from "../../shared/text/vietnameseNumber";
import { percentFormat } from "./percentFormat";
import {
  bodyCell,
  COUNT_FORMAT,
  decisionLine,
  font,
  fitRowHeights,
  pageFooter,
  printSetup,
  statusLabel,
  styleHeader,
  TITLE_FONT,
  vietnamTimeLabel,
  writeTitle,
} from "./reportLayout";
import { verdictFill } from "./verdictStyle";

export const AGENCY_HEADERS = ["TT", "Chỉ tiêu", "Chỉ tiêu giao", "Kết quả", "Đánh giá", "Ghi chú"] as const;
const WIDTHS = [6, 48, 26, 14, 22, 44];

/** An agency's results in the layout of the province's results reports, with the final verdict of each row. */
export function writeAgency(sheet: ExcelJS.Worksheet, aggregate: Aggregate, agency: AggregateAgency): void {
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const header = writeTitle(sheet, [
    { text: `${agency.name} — ${statusLabel(agency)}`, font: TITLE_FONT },
    { text: submissionLine(agency, aggregate) },
    { text: `${decisionLine(aggregate)} — Kỳ báo cáo: ${aggregate.periodLabel}` },
    {
      text:
        `Đạt ${agency.metCount}/${agency.assignedCount} chỉ tiêu được giao; ` +
        `đã báo cáo số liệu ${agency.reportedCount}/${agency.assignedCount} chỉ tiêu.`,
    },
  ], WIDTHS.length);
  AGENCY_HEADERS.forEach((text, index) => styleHeader(sheet.getCell(header, index + 1), text));

  if (agency.cells.length === 0) {
    sheet.getCell(header + 1, 2).value = "Cơ quan không được giao chỉ tiêu nào trong kỳ này.";
  }
  const top = { vertical: "top", wrapText: true } as const;
  agency.cells.forEach((cell, index) => {
    const row = sheet.getRow(header + 1 + index);
    bodyCell(row.getCell(1), cell.order, { ...top, horizontal: "center" });
    bodyCell(row.getCell(2), cell.text, top);
    bodyCell(row.getCell(3), cell.targetText, top);
    const actual = actualOf(cell);
    const shown = bodyCell(row.getCell(4), actual, { ...top, horizontal: typeof actual === "number" ? "right" : "left" });
    // A rate is stored as a fraction: 0,92 reads 92% (with the target's decimals), whatever the unit column says.
    if (typeof actual === "number") shown.numFmt = cell.percent ? percentFormat(cell.targetText, actual) : numberFormat(actual);
    const verdict = bodyCell(row.getCell(5), verdictText(cell), { ...top, horizontal: "center" });
    verdict.fill = verdictFill(cell.verdict);
    // The province's own verdict stands out from the rule's: italic, and bold where it overruled the rule.
    if (cell.decidedBy === "person") verdict.font = font({ italic: true, bold: cell.person?.override === true });
    bodyCell(row.getCell(6), noteOf(cell) || null, top);
  });

  fitRowHeights(sheet, header, header + agency.cells.length);
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: header }];
  sheet.pageSetup = printSetup({ rows: [header, header], columns: ["A", "B"] });
  pageFooter(sheet, `${agency.name} — ${aggregate.periodLabel}`);
}

/** Whole numbers grouped ("100.000"); a fraction keeps up to two decimals. */
function numberFormat(value: number): string {
  return Number.isInteger(value) ? COUNT_FORMAT : "#,##0.0#";
}

function submissionLine(agency: AggregateAgency, aggregate: Aggregate): string {
  const due = `hạn nộp ${formatIsoDateVi(aggregate.reportDueDate)}`;
  if (agency.status === "missing") return `Chưa nộp báo cáo; ${due}.`;
  const parts = [agency.version !== undefined ? `Phiên bản ${agency.version}` : "Đã nộp"];
  if (agency.submittedAt) parts.push(`nộp lúc ${vietnamTimeLabel(agency.submittedAt)}`);
  return `${parts.join(", ")}; ${due}.`;
}

/** Numbers stay numbers so the province can add them up; "yes/no" deliverables read as Vietnamese words. */
function actualOf(cell: AggregateCell): string | number | null {
  if (cell.actual === undefined || cell.actual === null) return null;
  if (typeof cell.actual === "boolean") return cell.actual ? "Có" : "Không";
  return cell.actual;
}

function noteOf(cell: AggregateCell): string {
  const parts: string[] = [];
  const { numerator, denominator } = cell;
  if (numerator !== undefined && denominator !== undefined) {
    parts.push(`Tử số/mẫu số: ${formatVietnameseNumber(numerator)}/${formatVietnameseNumber(denominator)}`);
  } else if (numerator !== undefined) {
    parts.push(`Tử số: ${formatVietnameseNumber(numerator)}`);
  } else if (denominator !== undefined) {
    parts.push(`Mẫu số: ${formatVietnameseNumber(denominator)}`);
  }
  if (cell.note) parts.push(cell.note);
  if (cell.person) {
    // The person's reason is in the verdict column; here, what the rule had said, and whether the person overruled it.
    parts.push(
      cell.person.override
        ? `Tỉnh đánh giá khác đánh giá tự động (${cell.person.automaticLabel}).`
        : `Đánh giá tự động: ${cell.person.automaticLabel}.`,
    );
  } else if (cell.verdict !== "met" && cell.explanation) {
    // A met target needs no justification; anything else tells the officer why.
    parts.push(cell.explanation);
  }
  for (const flag of cell.flags ?? []) parts.push(flag.message);
  return parts.join("\n");
}

/** A person's verdict reads as one, with who and why: "Đạt (đánh giá của Sở KH&CN: …)". */
function verdictText(cell: AggregateCell): string {
  if (cell.decidedBy !== "person" || !cell.person) return cell.label;
  return `${cell.label} (đánh giá của ${cell.person.byLabel}: ${cell.person.reason})`;
}
