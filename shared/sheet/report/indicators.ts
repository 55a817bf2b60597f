import type { Aggregate } from "../../report/aggregate";
import { rangeAddress } from "../address";
import type { PlannedCell } from "../cell";
import { COUNT_FORMAT } from "../formats";
import { PALETTE } from "../palette";
import type { SheetPlan } from "../plan";
import { plain, reportContextLines, ReportSheetPlan, TITLE_LINE } from "./layout";
import { SHARE_FORMAT } from "./summary";

export const INDICATOR_SHEET = "Theo chỉ tiêu";
const HEADERS = ["STT", "Mã", "Chỉ tiêu", "Số cơ quan được giao", "Số cơ quan đã báo cáo", "Số cơ quan đạt", "Tỷ lệ cơ quan đạt"] as const;
const WIDTHS = [6, 11, 70, 12, 12, 10, 14];
/** Zero-based columns of the code and the share met, which the chart of shares reads. */
export const INDICATOR_CODE_COLUMN = 1;
export const INDICATOR_SHARE_COLUMN = 6;

/** One row per indicator of the decision: how many agencies hold it, reported it and met it, and the share met. */
export function indicatorsPlan(aggregate: Aggregate, sheetName: string = INDICATOR_SHEET): { plan: SheetPlan; first: number; last: number } {
  const sheet = new ReportSheetPlan(sheetName, WIDTHS);
  const header = sheet.title([{ text: "KẾT QUẢ THEO CHỈ TIÊU", style: TITLE_LINE }, ...reportContextLines(aggregate)], WIDTHS.length);
  sheet.header(header, HEADERS);
  const first = header + 1;
  const last = header + aggregate.indicators.length;
  sheet.cells(
    first,
    0,
    aggregate.indicators.map((indicator, index): PlannedCell[] => [
      { value: index + 1 },
      plain(indicator.code),
      plain(indicator.name),
      { value: indicator.assignedCount },
      { value: indicator.reportedCount },
      { value: indicator.metCount },
      { value: indicator.metShare },
    ]),
    [undefined, undefined, undefined, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, SHARE_FORMAT],
  );
  sheet.body(first, last, ["Center", "Center", undefined, "Center", "Center", "Center", "Center"]);
  if (aggregate.indicators.length > 0) {
    sheet.ops.push({ op: "dataBar", range: rangeAddress(first, INDICATOR_SHARE_COLUMN, last, INDICATOR_SHARE_COLUMN), colour: PALETTE.bar });
  }
  sheet.fitRows(header, last);
  sheet.freeze(header, 3);
  sheet.print({ rows: [header, header], columns: [0, 2] }, `Theo chỉ tiêu — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
  return { plan: sheet.plan(), first, last };
}
