import { describe, expect, it } from "vitest";
import { auditEventSchema, type AuditEventInput } from "../../shared/model/audit";
import { auditSummary } from "../../shared/report/auditSummary";

const names: Record<string, string> = { "so-tai-chinh": "Sở Tài chính", "so-y-te": "Sở Y tế" };
const agencyName = (id: string) => names[id] ?? id;

function summaryOf(input: Omit<AuditEventInput, "at" | "actor" | "province">): string {
  return auditSummary(auditEventSchema.parse({ at: "2025-12-15T03:00:00.000Z", actor: "key:phu-tho.0000000000000001", province: "phu-tho", ...input }), agencyName);
}

describe("an audit event's details in words", () => {
  it("says what a submission carried, numbers written the Vietnamese way", () => {
    expect(summaryOf({ action: "submit", details: { channel: "workbook", values: 1200, carriedForward: 2, missing: 0, late: true } })).toBe(
      "Nộp qua tệp Excel; 1.200 giá trị; 2 giá trị giữ từ phiên bản trước; nộp sau hạn.",
    );
  });

  it("names the scope of a lock by the agency's name, with the reason and the state before and after", () => {
    expect(summaryOf({ action: "unlock", details: { scope: "agency", agencyId: "so-y-te", reason: "Gia hạn", before: true, after: false } })).toBe(
      "Riêng Sở Y tế. Lý do: Gia hạn. Trước: đã khóa; sau: đang mở.",
    );
    expect(summaryOf({ action: "lock", details: { scope: "all", before: false, after: true } })).toBe("Tất cả cơ quan. Trước: đang mở; sau: đã khóa.");
  });

  it("says whether an uploaded workbook matched the submitted values", () => {
    const sha256 = "a".repeat(64);
    expect(summaryOf({ action: "workbook", details: { sha256, size: 20480, mismatches: 3 } })).toBe(
      "Tệp SHA-256 aaaaaaaaaaaa…, 20.480 byte; 3 chỗ khác số liệu đã nộp.",
    );
    expect(summaryOf({ action: "workbook", details: { sha256, mismatches: 0 } })).toBe("Tệp SHA-256 aaaaaaaaaaaa…; khớp số liệu đã nộp.");
  });

  it("reads the province's verdicts and decisions in words, not codes", () => {
    expect(
      summaryOf({ action: "verdict", details: { assignmentId: "a1", before: null, after: { verdict: "not_met", reason: "Chưa có văn bản" } } }),
    ).toBe("Chỉ tiêu a1: theo quy tắc → Không đạt. Lý do: Chưa có văn bản.");
    expect(summaryOf({ action: "return", details: { comment: "Bổ sung minh chứng", rows: 2, before: "submitted", after: "returned" } })).toBe(
      "Trạng thái: Đã nộp → Bị trả lại. Nhận xét: Bổ sung minh chứng. 2 dòng có nhận xét.",
    );
  });

  it("describes imports, registrations and keys", () => {
    expect(summaryOf({ action: "import", details: { decisions: ["phu-tho-77-qd-ubnd"], rows: 12, newIndicators: 3, agenciesCreated: 0 } })).toBe(
      "Văn bản phu-tho-77-qd-ubnd; 12 dòng chỉ tiêu; 3 chỉ tiêu mới; 0 cơ quan mới.",
    );
    expect(summaryOf({ action: "register", details: { added: ["ban-qlda"], matched: 4 } })).toBe("Thêm 1 cơ quan (ban-qlda); 4 đã có.");
    expect(summaryOf({ action: "key_issue", details: { keyId: "phu-tho.abc", role: "agency", agencyId: "so-tai-chinh", label: "Chị Lan" } })).toBe(
      "Khóa phu-tho.abc (cán bộ cơ quan, đơn vị của Sở Tài chính) — Chị Lan.",
    );
  });
});
