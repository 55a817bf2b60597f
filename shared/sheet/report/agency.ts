import { formatIsoDateVi } from "../../period/isoDate";
import type { Aggregate, AggregateAgency, AggregateCell } from "../../report/aggregate";
import { formatVietnameseNumber } from "../../text/vietnameseNumber";
import { cellAddress } from "../address";
import { cellNumberFormat, type PlannedCell } from "../cell";
import { COUNT_FORMAT, GENERAL_FORMAT } from "../formats";
import { VERDICT_COLOURS } from "../palette";
import type { SheetOp, SheetPlan } from "../plan";
import { decisionLine, plain, ReportSheetPlan, statusLabel, TITLE_LINE, vietnamTimeLabel } from "./layout";
import { resultPercentFormat } from "./resultFormat";

export const AGENCY_HEADERS = ["TT", "Chỉ tiêu", "Chỉ tiêu giao", "Kết quả", "Đánh giá", "Ghi chú"] as const;
const WIDTHS = [6, 48, 26, 14, 22, 44];

/** An agency's results in the layout of the province's results reports, with the final verdict of each row. */
export function agencyPlan(aggregate: Aggregate, agency: AggregateAgency, sheetName: string = agency.name): SheetPlan {
  const sheet = new ReportSheetPlan(sheetName, WIDTHS);
  const header = sheet.title(
    [
      { text: `${agency.name} — ${statusLabel(agency)}`, style: TITLE_LINE },
      { text: submissionLine(agency, aggregate) },
      { text: `${decisionLine(aggregate)} — Kỳ báo cáo: ${aggregate.periodLabel}` },
      {
        text:
          `Đạt ${agency.metCount}/${agency.assignedCount} chỉ tiêu được giao; ` +
          `đã báo cáo số liệu ${agency.reportedCount}/${agency.assignedCount} chỉ tiêu.`,
      },
    ],
    WIDTHS.length,
  );
  sheet.header(header, AGENCY_HEADERS);
  if (agency.cells.length === 0) sheet.cells(header + 1, 1, [[{ text: "Cơ quan không được giao chỉ tiêu nào trong kỳ này." }]]);

  const first = header + 1;
  const rows = agency.cells.map((cell): { cells: PlannedCell[]; actualFormat: string } => {
    const actual = actualOf(cell);
    // A rate is stored as a fraction: 0,92 reads 92% (with the target's decimals), whatever the unit column says.
    const actualFormat = typeof actual === "number" ? (cell.percent ? resultPercentFormat(cell.targetText, actual) : numberFormat(actual)) : GENERAL_FORMAT;
    return {
      cells: [{ value: cell.order }, plain(cell.text), plain(cell.targetText), plain(actual), plain(verdictText(cell)), plain(noteOf(cell) || null)],
      actualFormat,
    };
  });
  if (rows.length > 0) {
    const op: SheetOp = {
      op: "cells",
      range: `A${first}:F${first + rows.length - 1}`,
      cells: rows.map((row) => row.cells),
      numberFormats: rows.map((row) => row.cells.map((cell, column) => cellNumberFormat(cell, column === 3 ? row.actualFormat : GENERAL_FORMAT))),
    };
    sheet.ops.push(op);
  }
  sheet.body(first, first + rows.length - 1, ["Center", undefined, undefined, undefined, "Center", undefined], "Top");
  agency.cells.forEach((cell, index) => {
    const row = first + index;
    const actual = actualOf(cell);
    sheet.style(cellAddress(row, 3), { horizontalAlignment: typeof actual === "number" ? "Right" : "Left" });
    sheet.style(cellAddress(row, 4), {
      fill: VERDICT_COLOURS[cell.verdict],
      // The province's own verdict stands out from the rule's: italic, and bold where it overruled the rule.
      ...(cell.decidedBy === "person" ? { italic: true, bold: cell.person?.override === true } : {}),
    });
  });
  sheet.fitRows(header, header + agency.cells.length);
  sheet.freeze(header, 0);
  sheet.print({ rows: [header, header], columns: [0, 1] }, `${agency.name} — ${aggregate.periodLabel}`);
  return sheet.plan();
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
