import { describe, expect, it } from "vitest";
import { judgePeriodValue } from "../../shared/report/judgeValue";
import type { PeriodAssignment } from "../../shared/report/periodAssignments";
import { parseTarget } from "../../shared/target/parse";
import type { Target } from "../../shared/target/schema";
import { evaluate } from "../../shared/verdict/evaluate";
import { readReportedResult } from "../../shared/verdict/reportedResult";

/** The "Kết quả thực hiện" of a results report, read against the target it reports on. */

function target(text: string): Target {
  const result = parseTarget(text);
  if (!result.ok) throw new Error(`"${text}" does not parse`);
  return result.target;
}

// target, reported text, the value read (or "review"), the verdict the value then gets at the end of 2025
const CASES: Array<[string, string, number | string | boolean | "review", string]> = [
  // percentages: written as text, judged as Excel would store them
  ["Tối thiểu 90%", "95%", 0.95, "met"],
  ["Tối thiểu 90%", "95,5 %", 0.955, "met"],
  ["Tối thiểu 90%", "Đạt 92,3%", 0.923, "met"],
  ["Tối thiểu 90%", "85%", 0.85, "not_met"],
  ["Tối thiểu 90%", "Chưa đạt (85%)", 0.85, "not_met"],
  ["100%", "100%", 1, "met"],
  ["Tối thiểu 1% tổng chi ngân sách", "1,2%", 0.012, "met"],
  // a self-verdict, a bare number, two figures or a share of the plan: a person judges
  ["Tối thiểu 90%", "Đạt", "review", "needs_review"],
  ["Tối thiểu 90%", "Không đạt", "review", "needs_review"],
  ["Tối thiểu 90%", "Hoàn thành", "review", "needs_review"],
  ["Tối thiểu 90%", "95", "review", "needs_review"],
  ["Tối thiểu 90%", "Quý III đạt 88%, quý IV đạt 93%", "review", "needs_review"],
  ["Tối thiểu 90%", "Đạt 95% kế hoạch", "review", "needs_review"],
  ["Tối thiểu 90%", "Tăng 5% so với cùng kỳ", "review", "needs_review"],
  ["Tối thiểu 90%", "Đang triển khai", "review", "needs_review"],
  // counts and frequencies
  [">240 tin, bài/năm", "250 tin, bài", 250, "met"],
  [">240 tin, bài/năm", "Đăng tải 200 tin, bài", 200, "not_met"],
  ["≥ 25 doanh nghiệp", "1.250 doanh nghiệp", 1250, "met"],
  [">240 tin, bài/năm", "Đạt", "review", "needs_review"],
  [">240 tin, bài/năm", "Quý IV: 60 tin, lũy kế 250 tin", "review", "needs_review"],
  [">240 tin, bài/năm", "Khoảng 250 tin, bài", "review", "needs_review"],
  [">240 tin, bài/năm", "Trên 250 tin, bài", "review", "needs_review"],
  [">240 tin, bài/năm", "250 tin, bài trên Cổng thông tin điện tử", 250, "met"],
  ["Tối thiểu 90%", "96% (trên nền tảng hạ tầng số của tỉnh)", 0.96, "met"],
  ["Tối thiểu 90%", "Ước đạt 95%", "review", "needs_review"],
  [">240 tin, bài/năm", "95%", "review", "needs_review"],
  // deadlines, documents, recurring duties: done, with the document kept as evidence and its date as the day done
  ["Hoàn thành năm 2025", "Hoàn thành", true, "met"],
  ["Hoàn thành năm 2025", "Đã hoàn thành.", true, "met"],
  ["Quý II/2025", "đã ban hành Quyết định số 12/QĐ-UBND ngày 3/3/2025", "3/3/2025", "met"],
  ["Quý I/2025", "Đã ban hành Kế hoạch số 45/KH-UBND ngày 15/4/2025", "15/4/2025", "not_met"],
  ["Quyết định của UBND tỉnh", "đã ban hành Quyết định số 12/QĐ-UBND ngày 3/3/2025", "3/3/2025", "met"],
  ["Hàng năm", "Đã thực hiện", true, "met"],
  ["Hoàn thành năm 2025", "Chưa hoàn thành", false, "pending"],
  ["Hoàn thành năm 2024", "Chưa hoàn thành", false, "not_met"],
  ["Hoàn thành năm 2025", "Đang xây dựng dự thảo", "review", "needs_review"],
  ["Quyết định của UBND tỉnh", "Đã xây dựng dự thảo Quyết định", "review", "needs_review"],
  ["Quyết định của UBND tỉnh", "Đã triển khai", "review", "needs_review"],
  ["Bắt đầu từ tháng 6/2025", "Đã triển khai từ 15/6/2025", "15/6/2025", "met"],
  ["Hàng năm", "Đã tổ chức 2 hội nghị", true, "met"],
  ["Hoàn thành năm 2025", "Hoàn thành 80%", "review", "needs_review"],
  ["Hoàn thành năm 2025", "Có", "review", "needs_review"],
  // a target no rule judges: the text is the value, a person gives the verdict
  ["Thực hiện theo lộ trình của Bộ", "Đã triển khai theo lộ trình", "Đã triển khai theo lộ trình", "needs_review"],
];

const ASSIGNMENT = { assignmentId: "d.a.1", indicatorCode: "CDS-001", order: "1", text: "Chỉ tiêu", yearTargetText: "", indicatorKind: "percent" } as const;

describe("a reported result read into a value, never a confident wrong verdict", () => {
  it.each(CASES)("%s ← «%s» reads %s and is %s", (targetText, reported, expected, code) => {
    const written = target(targetText);
    const reading = readReportedResult(written, reported);
    if (expected === "review") {
      expect(reading.kind).toBe("review");
    } else {
      expect(reading).toMatchObject({ kind: "value", actual: expected });
      expect(evaluate(written, expected, { asOf: "2025-12-31", dueDate: "2025-12-31" }).verdict).toBe(code);
    }
    const assignment: PeriodAssignment = { ...ASSIGNMENT, targetText, target: written };
    const actual = reading.kind === "value" ? reading.actual : reported;
    expect(judgePeriodValue(assignment, { actual, reportedText: reported }, "2025-Q4", 2025).verdict).toBe(code);
  });

  it("says why a bare self-verdict against a number goes to a person", () => {
    const assignment: PeriodAssignment = { ...ASSIGNMENT, targetText: "Tối thiểu 90%", target: target("Tối thiểu 90%") };
    expect(judgePeriodValue(assignment, { actual: "Đạt", reportedText: "Đạt" }, "2025-Q4", 2025)).toMatchObject({
      verdict: "needs_review",
      label: "Cần đánh giá",
      explanation: "Cơ quan tự đánh giá «Đạt», không có số liệu để đối chiếu",
    });
    // The same text typed into a workbook's number cell stays a data error the officer fixes.
    expect(judgePeriodValue(assignment, { actual: "Đạt" }, "2025-Q4", 2025).verdict).toBe("invalid_actual");
  });

  it("asks a person when the value sent is not the one the report states", () => {
    const assignment: PeriodAssignment = { ...ASSIGNMENT, targetText: "Tối thiểu 90%", target: target("Tối thiểu 90%") };
    expect(judgePeriodValue(assignment, { actual: 0.5, reportedText: "95%" }, "2025-Q4", 2025)).toMatchObject({
      verdict: "needs_review",
      explanation: "Giá trị nộp (0,5) khác với kết quả báo cáo ghi «95%»: cần người đánh giá",
    });
    expect(judgePeriodValue(assignment, { actual: 0.95, reportedText: "95%" }, "2025-Q4", 2025).verdict).toBe("met");
  });

  it("keeps the document that proves the work as evidence", () => {
    expect(readReportedResult(target("Quý II/2025"), "đã ban hành Quyết định số 12/QĐ-UBND ngày 3/3/2025")).toEqual({
      kind: "value",
      actual: "3/3/2025",
      evidence: [{ summary: "Quyết định số 12/QĐ-UBND ngày 3/3/2025", documentNumber: "12/QĐ-UBND", issuedOn: "2025-03-03" }],
    });
  });

  it("reads points when the plan writes the unit in its own column", () => {
    expect(readReportedResult(target("≥ 70"), "52,9", "%")).toEqual({ kind: "value", actual: 52.9 });
    expect(readReportedResult(target("≥ 70"), "52,9%", "%")).toEqual({ kind: "value", actual: 52.9 });
  });

  it("an empty result is no data", () => {
    expect(readReportedResult(target("Tối thiểu 90%"), "  ")).toEqual({ kind: "empty" });
  });
});
