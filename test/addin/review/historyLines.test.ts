import { describe, expect, it } from "vitest";
import { historyLines } from "../../../addin/review/historyLines";
import { actualText } from "../../../addin/review/reviewText";
import { auditEventSchema } from "../../../shared/model/audit";

const event = (input: object) => auditEventSchema.parse({ province: "phu-tho", actor: "k1", ...input });

describe("the report's history and values as the pane words them", () => {
  it("lists events newest first in Vietnam time, with who and what (a verdict's change, a reason, a comment)", () => {
    const lines = historyLines([
      event({ at: "2025-12-20T01:00:00.000Z", action: "submit", actorLabel: "Sở Tài chính", version: 1, details: { channel: "api", values: 8, missing: 1 } }),
      event({ at: "2025-12-20T17:30:00.000Z", action: "verdict", actorLabel: "Sở KH&CN", version: 1, details: { assignmentId: "a7", before: null, after: { verdict: "met", reason: "Đã xem văn bản" } } }),
      event({ at: "2025-12-20T17:40:00.000Z", action: "verdict", actorLabel: "Sở KH&CN", version: 1, details: { assignmentId: "a7", before: { verdict: "met", reason: "x" }, after: null } }),
      event({ at: "2025-12-20T01:05:00.000Z", action: "evidence", actorLabel: "Sở Tài chính", version: 1, details: { assignmentId: "a7", name: "ke-hoach.pdf", sha256: "ab".repeat(32), size: 12_600, kind: "pdf" } }),
      event({ at: "2025-12-20T18:00:00.000Z", action: "return", version: 1, details: { comment: "Bổ sung minh chứng", rows: 1, before: "submitted", after: "returned" } }),
    ], (id) => (id === "a7" ? "CDS-124" : id));
    expect(lines.map(({ when, who, what }) => [when, who, what])).toEqual([
      ["21/12/2025 01:00", "k1", "Trả lại báo cáo (bản 1): Trạng thái: Đã nộp → Bị trả lại. Nhận xét: Bổ sung minh chứng. 1 dòng có nhận xét."],
      ["21/12/2025 00:40", "Sở KH&CN", "Đánh giá của tỉnh (bản 1): Chỉ tiêu CDS-124: bỏ đánh giá của tỉnh (trước đó: Đạt), dùng kết quả tự động."],
      ["21/12/2025 00:30", "Sở KH&CN", "Đánh giá của tỉnh (bản 1): Chỉ tiêu CDS-124: Đạt. Lý do: Đã xem văn bản"],
      ["20/12/2025 08:05", "Sở Tài chính", "Gửi minh chứng (bản 1): Chỉ tiêu CDS-124: tệp ke-hoach.pdf (PDF, 12,3 KB)."],
      ["20/12/2025 08:00", "Sở Tài chính", "Nộp báo cáo (bản 1): Nộp qua add-in hoặc API; 8 giá trị; 1 chỉ tiêu chưa báo cáo."],
    ]);
  });

  it("writes values as officers read them: 95% (19/20), 100.000 hồ sơ, and a value never sent", () => {
    expect(actualText({ actual: 0.95, numerator: 19, denominator: 20 }, { indicatorKind: "percent" })).toBe("95% (19/20)");
    expect(actualText({ actual: 0.529 }, { indicatorKind: "percent" })).toBe("52,9%");
    expect(actualText({ actual: 100000 }, { indicatorKind: "count", unit: "hồ sơ" })).toBe("100.000 hồ sơ");
    expect(actualText({ actual: null }, { indicatorKind: "count" })).toBe("Chưa có số liệu");
    expect(actualText(undefined)).toBe("Chưa có số liệu");
  });
});
