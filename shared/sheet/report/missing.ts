import { isIsoDate } from "../../period/isoDate";
import { SUBMISSION_STATUS_LABELS, type Aggregate } from "../../report/aggregate";
import { cellAddress } from "../address";
import type { PlannedCell } from "../cell";
import { COUNT_FORMAT } from "../formats";
import type { SheetPlan } from "../plan";
import { plain, reportContextLines, ReportSheetPlan, STATUS_STYLES, TITLE_LINE, vietnamDateTime } from "./layout";

export const MISSING_SHEET = "Chưa nộp, nộp muộn";
export const MISSING_HEADERS = ["STT", "Cơ quan, đơn vị", "Tình trạng", "Số chỉ tiêu được giao", "Thời điểm nộp (giờ Việt Nam)", "Hạn nộp"] as const;
const WIDTHS = [6, 50, 14, 12, 18, 12];

/** Who has not reported, then who reported late and when, in one table that prints with its header on every page. */
export function missingPlan(aggregate: Aggregate, sheetName: string = MISSING_SHEET): SheetPlan {
  const missing = aggregate.agencies.filter((agency) => agency.status === "missing");
  const late = aggregate.agencies.filter((agency) => agency.status === "late");
  const sheet = new ReportSheetPlan(sheetName, WIDTHS);
  const header = sheet.title(
    [
      { text: "DANH SÁCH CƠ QUAN CHƯA NỘP VÀ NỘP MUỘN BÁO CÁO", style: TITLE_LINE },
      ...reportContextLines(aggregate),
      { text: missing.length === 0 ? "Tất cả cơ quan đã nộp." : `Cơ quan chưa nộp báo cáo: ${missing.length}.` },
      { text: late.length === 0 ? "Không có cơ quan nộp muộn." : `Cơ quan nộp muộn: ${late.length}.` },
    ],
    WIDTHS.length,
  );
  sheet.header(header, MISSING_HEADERS);
  // The due day as a date cell too, shown without a time.
  const due: PlannedCell = isIsoDate(aggregate.reportDueDate) ? { date: aggregate.reportDueDate } : plain(aggregate.reportDueDate);
  const listed = [...missing, ...late];
  sheet.cells(
    header + 1,
    0,
    listed.map((agency, index): PlannedCell[] => [
      { value: index + 1 },
      plain(agency.name),
      plain(SUBMISSION_STATUS_LABELS[agency.status]),
      { value: agency.assignedCount },
      vietnamDateTime(agency.submittedAt),
      due,
    ]),
    [undefined, undefined, undefined, COUNT_FORMAT],
  );
  sheet.body(header + 1, header + listed.length, ["Center", undefined, "Center", "Center", "Center", "Center"]);
  listed.forEach((agency, index) => sheet.style(cellAddress(header + 1 + index, 2), STATUS_STYLES[agency.status]));
  sheet.fitRows(header, header + listed.length);
  sheet.freeze(header, 0);
  sheet.print({ rows: [header, header], columns: [0, 1] }, `Chưa nộp, nộp muộn — ${aggregate.decision.number} — ${aggregate.periodLabel}`);
  return sheet.plan();
}
