import { formatIsoDateVi, isIsoDate } from "../period/isoDate";
import { vietnamTimeText } from "../period/vietnamTime";
import type { SubmissionReceipt } from "../report/receipt";
import type { ReportBinding } from "../report/reportTable";
import type { VerdictCode } from "../verdict/schema";
import { rangeAddress, runs } from "./address";
import type { PlannedCell } from "./cell";
import { VERDICT_COLOURS } from "./palette";
import { cellsOp, type SheetOp } from "./plan";
import { HEADER_ROW, PROVINCE_VERDICT_COLUMN, RECEIPT_COLUMN, TABLE_FIRST_ROW, TITLE_ROW } from "./reportTable/columns";
import { HEADER_STYLE } from "./style";

/**
 * What a submission receipt adds to the report sheet: a block the officer can quote (number, version, time, on time
 * or late) in the rows beside the title, and the province's verdict on each row in the column after the table.
 */

export const PROVINCE_VERDICT_HEADER = "Đánh giá của tỉnh";

export function receiptLines(receipt: SubmissionReceipt): Array<[string, string]> {
  const due = isIsoDate(receipt.reportDueDate) ? formatIsoDateVi(receipt.reportDueDate) : receipt.reportDueDate;
  return [
    ["Số biên nhận", receipt.id],
    ["Phiên bản", receipt.replayed ? `${receipt.version} (đã nộp trước đó, không tạo phiên bản mới)` : String(receipt.version)],
    ["Thời gian nộp", vietnamTimeText(receipt.submittedAt)],
    ["Tình trạng", receipt.late ? `Nộp muộn (hạn ${due})` : `Đúng hạn (hạn ${due})`],
  ];
}

/**
 * The writes of a receipt. The binding gives which assignment each row from TABLE_FIRST_ROW reports, as the table
 * was written; a row the receipt has no verdict for gets an empty cell.
 */
export function receiptOps(receipt: SubmissionReceipt, binding: ReportBinding): SheetOp[] {
  const ops: SheetOp[] = [];
  const lines = receiptLines(receipt);
  ops.push(cellsOp(TITLE_ROW, RECEIPT_COLUMN, lines.map(([label, value]): PlannedCell[] => [{ text: label }, { text: value }])));
  ops.push({ op: "style", range: rangeAddress(TITLE_ROW, RECEIPT_COLUMN, TITLE_ROW + lines.length - 1, RECEIPT_COLUMN), style: { bold: true, wrap: false } });
  // The values run on into the empty cells to their right, as text does in any spreadsheet.
  ops.push({ op: "style", range: rangeAddress(TITLE_ROW, RECEIPT_COLUMN + 1, TITLE_ROW + lines.length - 1, RECEIPT_COLUMN + 1), style: { wrap: false } });
  ops.push({
    op: "style",
    range: rangeAddress(TITLE_ROW + lines.length - 1, RECEIPT_COLUMN + 1, TITLE_ROW + lines.length - 1, RECEIPT_COLUMN + 1),
    style: { fill: receipt.late ? VERDICT_COLOURS.not_met : VERDICT_COLOURS.met },
  });

  // The verdict that counts: a province's verdict carried onto an unchanged value overrules the rule's beside it.
  const verdicts = new Map(receipt.verdicts.map((verdict) => [verdict.assignmentId, verdict.final ?? verdict]));
  const rows = binding.assignmentIds.map((id) => verdicts.get(id));
  ops.push(
    cellsOp(HEADER_ROW, PROVINCE_VERDICT_COLUMN, [
      [{ text: PROVINCE_VERDICT_HEADER }],
      ...rows.map((verdict): PlannedCell[] => [verdict ? { text: verdict.label } : { value: null }]),
    ]),
  );
  ops.push({ op: "style", range: rangeAddress(HEADER_ROW, PROVINCE_VERDICT_COLUMN, HEADER_ROW, PROVINCE_VERDICT_COLUMN), style: HEADER_STYLE });
  if (rows.length > 0) {
    const last = TABLE_FIRST_ROW + rows.length - 1;
    ops.push({
      op: "style",
      range: rangeAddress(TABLE_FIRST_ROW, PROVINCE_VERDICT_COLUMN, last, PROVINCE_VERDICT_COLUMN),
      style: { borders: true, verticalAlignment: "Top", wrap: true },
    });
    for (const run of runs(rows, (verdict) => verdict?.verdict)) {
      ops.push({
        op: "style",
        range: rangeAddress(TABLE_FIRST_ROW + run.first, PROVINCE_VERDICT_COLUMN, TABLE_FIRST_ROW + run.last, PROVINCE_VERDICT_COLUMN),
        style: { fill: VERDICT_COLOURS[run.key as VerdictCode] },
      });
    }
  }
  ops.push({ op: "columnWidth", column: PROVINCE_VERDICT_COLUMN, characters: 16 });
  return ops;
}
