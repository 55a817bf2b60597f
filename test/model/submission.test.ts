import { describe, it, expect } from "vitest";
import { submissionRecordSchema, submissionValueSchema, latestSubmissionSchema, type SubmissionRecord } from "../../shared/model";
import { finalVerdictCounts, receiptOf } from "../../shared/report/receipt";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

function record(): SubmissionRecord {
  return {
    id: "phu-tho-1521-qd-ubnd.2025-Q3.so-tai-chinh.v1",
    decisionId: "phu-tho-1521-qd-ubnd",
    province: "phu-tho",
    agencyId: "so-tai-chinh",
    period: "2025-Q3",
    version: 1,
    submittedAt: "2025-10-05T01:30:00.000Z",
    submittedBy: "key-1",
    channel: "api",
    catalogueVersion: 3,
    reportDueDate: "2025-09-20",
    late: true,
    values: [
      { assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.3", actual: 0.725, numerator: 290, denominator: 400, targetText: "≥ 70%", verdict: "met", label: "Đạt", explanation: "Đạt: 72,5% ≥ 70%" },
      {
        assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.9",
        actual: "Đã ban hành Kế hoạch số 45/KH-STC",
        evidence: [{ documentNumber: "45/KH-STC", issuedOn: "2025-03-03", summary: "Kế hoạch chuyển đổi số năm 2025" }],
        targetText: "Hoàn thành năm 2025",
        verdict: "needs_review",
        label: "Cần đánh giá",
        explanation: "Cần đánh giá",
        carriedVerdict: { assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.9", verdict: "met", reason: "Đã xem kế hoạch", by: "key-p", byLabel: "Sở KH&CN", at: "2025-10-06T01:00:00.000Z", carriedFrom: 1 },
      },
    ],
    counts: { met: 1, needs_review: 1 },
    missing: [{ assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.1", indicatorCode: "1", text: "Tỷ lệ hồ sơ trực tuyến" }],
  };
}

describe("stored submission (the one model)", () => {
  it("reads back a version with evidence, a carried verdict and the missing assignments", () => {
    const parsed = submissionRecordSchema.parse(record());
    expect(parsed.values[1]!.evidence?.[0]?.documentNumber).toBe("45/KH-STC");
    expect(parsed.missing?.map((item) => item.assignmentId)).toEqual(["phu-tho-1521-qd-ubnd.so-tai-chinh.1"]);
  });

  it("gives aggregation only what it reads", () => {
    const latest = latestSubmissionSchema.parse(record());
    expect(Object.keys(latest).sort()).toEqual(["agencyId", "late", "submittedAt", "values", "version"]);
  });

  it("makes the receipt count the province's carried verdict as the final one, and list what is missing", () => {
    const receipt = receiptOf(submissionRecordSchema.parse(record()), false);
    expect(receipt.verdicts[0]!.final).toBeUndefined();
    expect(receipt.verdicts[1]!.verdict).toBe("needs_review");
    expect(receipt.verdicts[1]!.final).toMatchObject({ verdict: "met", decidedBy: "person", override: false });
    expect(receipt.verdicts[1]!.final?.explanation).toMatch(/^Đạt \(đánh giá của Sở KH&CN, phiên bản 1: Đã xem kế hoạch\)/);
    expect(receipt.missing).toHaveLength(1);
    // The officer is told what the province will count: two met, not one met and one to review.
    expect(receipt.counts).toEqual({ met: 1, needs_review: 1 });
    expect(finalVerdictCounts(receipt)).toEqual({ met: 2 });
  });

  it("rejects a version 0 and a stored verdict code it does not know", () => {
    expect(submissionRecordSchema.safeParse({ ...record(), version: 0 }).success).toBe(false);
    const bad = record();
    (bad.values[0] as { verdict: string }).verdict = "ok";
    expect(submissionRecordSchema.safeParse(bad).success).toBe(false);
  });
});

describe("submitted value", () => {
  const id = "phu-tho-1521-qd-ubnd.so-tai-chinh.3";

  it("rejects a denominator of 0: no rate can be computed", () => {
    const result = submissionValueSchema.safeParse({ assignmentId: id, actual: 0, numerator: 0, denominator: 0 });
    expect(messages(result)).toEqual(["Mẫu số phải lớn hơn 0: không tính được tỷ lệ trên 0."]);
    expect(result.error?.issues[0]?.path).toEqual(["denominator"]);
  });

  it("rejects a negative numerator and a numerator without a denominator", () => {
    expect(messages(submissionValueSchema.safeParse({ assignmentId: id, actual: 1, numerator: -1, denominator: 10 }))).toEqual([
      "Tử số không được âm.",
    ]);
    expect(messages(submissionValueSchema.safeParse({ assignmentId: id, actual: 1, numerator: 5 }))).toEqual([
      "Tử số và mẫu số phải được nhập cùng nhau.",
    ]);
  });

  it("rejects an actual that is neither number, text, yes/no nor empty", () => {
    for (const actual of [Number.NaN, Number.POSITIVE_INFINITY, { value: 1 }, undefined]) {
      const result = submissionValueSchema.safeParse({ assignmentId: id, actual });
      expect(result.success).toBe(false);
      expect(messages(result)[0]).toBe("Kết quả thực hiện phải là số, chữ, đúng/sai hoặc để trống.");
    }
  });

  it("takes a plain evidence text as the summary and keeps a structured citation as sent", () => {
    const parsed = submissionValueSchema.parse({
      assignmentId: id,
      actual: true,
      evidence: ["KH-45-STC.pdf", { documentNumber: "12/QĐ-UBND", issuedOn: "2025-03-03", summary: "Phê duyệt đề án", url: "https://stc.phutho.gov.vn/kh-45" }],
    });
    expect(parsed.evidence).toEqual([
      { summary: "KH-45-STC.pdf" },
      { documentNumber: "12/QĐ-UBND", issuedOn: "2025-03-03", summary: "Phê duyệt đề án", url: "https://stc.phutho.gov.vn/kh-45" },
    ]);
  });

  it("rejects blank evidence, an impossible date and a link that is not http(s)", () => {
    expect(messages(submissionValueSchema.safeParse({ assignmentId: id, actual: true, evidence: [" "] }))).toContain("Minh chứng không được để trống.");
    expect(
      submissionValueSchema.safeParse({ assignmentId: id, actual: true, evidence: [{ summary: "QĐ", issuedOn: "2025-02-30" }] }).success,
    ).toBe(false);
    expect(
      submissionValueSchema.safeParse({ assignmentId: id, actual: true, evidence: [{ summary: "QĐ", url: "javascript:alert(1)" }] }).success,
    ).toBe(false);
  });
});
