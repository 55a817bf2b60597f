import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import { REPORT_SHEET_NAME } from "../../shared/report/reportTable";
import type { ReportTableChanges, ReportTablePlan } from "./planReportTable";

export const UNASSIGNED_MARK = "(không còn được giao)";
export const DUPLICATE_MARK = "(dòng trùng)";
export const UNKNOWN_ROW_MARK = "(không rõ chỉ tiêu)";

/** The sentence the task pane shows after a pull: what was added, kept, moved aside or dropped. */
export function summarize(view: PeriodAssignments, changes: ReportTableChanges, merged: boolean, archive: ReportTablePlan["archive"]): string {
  const total = view.assignments.length;
  if (archive?.previous) {
    return (
      `Trang "${REPORT_SHEET_NAME}" đang chứa báo cáo kỳ ${archive.previous.period} (${archive.previous.agencyId}, văn bản ${archive.previous.decisionId}) ` +
      `đã có số liệu, nên được đổi tên thành "${archive.sheetName}" để giữ nguyên; đã tạo bảng mới gồm ${total} chỉ tiêu.`
    );
  }
  if (archive) {
    return (
      `Trang "${REPORT_SHEET_NAME}" có nội dung nhưng không có dòng tiêu đề của bảng báo cáo, nên được đổi tên thành ` +
      `"${archive.sheetName}" để giữ nguyên; đã tạo bảng mới gồm ${total} chỉ tiêu.`
    );
  }
  if (!merged) return `Đã tạo bảng báo cáo gồm ${total} chỉ tiêu.`;
  const removedKept = changes.removed.filter((row) => row.hadValue).length;
  const removedDropped = changes.removed.length - removedKept;
  const main = [
    changes.added.length > 0 ? `đã thêm ${changes.added.length} chỉ tiêu` : undefined,
    changes.kept > 0 ? `giữ nguyên số liệu đã nhập của ${changes.kept} chỉ tiêu` : undefined,
  ].filter(Boolean);
  const others = [
    removedKept > 0 ? `${removedKept} chỉ tiêu không còn được giao nhưng có số liệu đã nhập được giữ ở cuối bảng, ghi "${UNASSIGNED_MARK}"` : undefined,
    removedDropped > 0 ? `bỏ ${removedDropped} dòng trống của chỉ tiêu không còn được giao` : undefined,
    changes.duplicates.length > 0 ? `${changes.duplicates.length} dòng trùng có số liệu được giữ ở cuối bảng` : undefined,
    changes.targetChanged.length > 0 ? `${changes.targetChanged.length} chỉ tiêu đổi chỉ tiêu giao` : undefined,
  ].filter(Boolean);
  const clauses = [main.join(", "), ...others].filter((clause) => clause !== "");
  if (clauses.length === 0) return `Bảng đã khớp với ${total} chỉ tiêu được giao, không có thay đổi.`;
  const sentence = clauses.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
