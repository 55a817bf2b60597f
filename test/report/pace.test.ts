import { describe, expect, it } from "vitest";
import type { AggregateCell } from "../../shared/report/aggregate";
import { paceOfCell } from "../../shared/report/pace";

const agency = { id: "van-phong-ubnd-tinh", name: "Văn phòng UBND tỉnh" };

function cell(targetText: string, actual: AggregateCell["actual"], extra: Partial<AggregateCell> = {}): AggregateCell {
  return { indicatorCode: "CDS-025", assignmentId: "a.1", order: "1", text: "Tin, bài về chuyển đổi số", targetText, actual, verdict: "pending", label: "Chưa đạt", explanation: "", ...extra };
}

describe("what a year's count still needs after a quarter", () => {
  it("says what the rest of the year must add to an at-least count", () => {
    expect(paceOfCell(agency, cell("Tối thiểu 200 tin, bài/ năm", 139), "2025-Q3")).toMatchObject({ sentence: "Quý IV cần thêm ≥ 61 tin, bài", remaining: 61, atRisk: true });
    expect(paceOfCell(agency, cell("≥ 4 cuộc/năm", 1), "2025-Q2")?.sentence).toBe("Các quý III và IV cần thêm ≥ 3 cuộc");
    expect(paceOfCell(agency, cell("≥ 25 doanh nghiệp", 20), "2025-H1")?.sentence).toBe("6 tháng cuối năm cần thêm ≥ 5 doanh nghiệp");
  });

  it("counts one more whole item for a strict threshold, and is on pace when ahead of the year", () => {
    expect(paceOfCell(agency, cell(">240 tin, bài/năm", 180), "2025-Q3")).toMatchObject({ sentence: "Quý IV cần thêm ≥ 61 tin, bài", atRisk: false });
  });

  it("leaves out what it cannot say for certain", () => {
    // The year is over, a percentage, a monthly frequency, a person's verdict, a value that is not a number.
    expect(paceOfCell(agency, cell("Tối thiểu 200 tin, bài/ năm", 139), "2025-Q4")).toBeUndefined();
    expect(paceOfCell(agency, cell("Tối thiểu 90%", 0.5), "2025-Q3")).toBeUndefined();
    expect(paceOfCell(agency, cell("Tối thiểu 1 lần/tháng", 0), "2025-Q3")).toBeUndefined();
    expect(paceOfCell(agency, cell("Tối thiểu 200 tin, bài/ năm", 139, { decidedBy: "person" }), "2025-Q3")).toBeUndefined();
    expect(paceOfCell(agency, cell("Tối thiểu 200 tin, bài/ năm", "khoảng 150"), "2025-Q3")).toBeUndefined();
    expect(paceOfCell(agency, cell("Khoảng 200 tin, bài/năm", 139), "2025-Q3")).toBeUndefined();
  });
});
