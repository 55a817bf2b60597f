import { describe, it, expect } from "vitest";
import { submissionSchema, submissionValueSchema, type SubmissionInput } from "../../shared/model";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

function submission(): SubmissionInput {
  return {
    id: "phu-tho-1521-qd-ubnd.so-tai-chinh.2025-Q3.v1",
    decisionId: "phu-tho-1521-qd-ubnd",
    agencyId: "so-tai-chinh",
    period: "2025-Q3",
    version: 1,
    submittedAt: "2025-10-05T08:30:00+07:00",
    idempotencyKey: "5f0c6a2e-1b7d-4c1e-9a51-2b0d3c4e5f60",
    values: [
      { assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.3", actual: 72.5, numerator: 290, denominator: 400 },
      { assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.1", actual: null, note: "Chưa có số liệu quyết toán quý III." },
      {
        assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.9",
        actual: "Đã ban hành Kế hoạch số 45/KH-STC",
        evidence: ["KH-45-STC.pdf", "https://stc.phutho.gov.vn/kh-45"],
      },
      { assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.10", actual: true },
    ],
    workbook: { blobPath: "submissions/phu-tho/2025-Q3/so-tai-chinh/v1.xlsx", sha256: "a".repeat(64), size: 48_213 },
  };
}

describe("submission", () => {
  it("accepts a quarterly report with numbers, parts of a rate, text, yes/no and a missing value", () => {
    const parsed = submissionSchema.parse(submission());
    expect(parsed.values.map((value) => value.actual)).toEqual([72.5, null, "Đã ban hành Kế hoạch số 45/KH-STC", true]);
  });

  it("rejects the same assignment reported twice, pointing at the second", () => {
    const input = submission();
    input.values.push({ assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.3", actual: 80 });
    const result = submissionSchema.safeParse(input);
    expect(messages(result)).toEqual(['Chỉ tiêu "phu-tho-1521-qd-ubnd.so-tai-chinh.3" được báo cáo hai lần trong cùng một lần nộp.']);
    expect(result.error?.issues[0]?.path).toEqual(["values", 4, "assignmentId"]);
  });

  it("rejects a period that is not a reporting period", () => {
    const result = submissionSchema.safeParse({ ...submission(), period: "2025-Q5" });
    expect(messages(result)[0]).toMatch(/^Kỳ báo cáo không hợp lệ/);
  });

  it("rejects version 0, a date without time zone, a short idempotency key and a bad hash", () => {
    const result = submissionSchema.safeParse({
      ...submission(),
      version: 0,
      submittedAt: "2025-10-05 08:30",
      idempotencyKey: "abc",
      workbook: { blobPath: "x.xlsx", sha256: "A".repeat(64), size: 0 },
    });
    expect(messages(result)).toEqual([
      "Số phiên bản bắt đầu từ 1.",
      "Thời điểm nộp phải theo ISO 8601, ví dụ 2025-07-05T08:30:00+07:00.",
      "Khóa chống nộp trùng gồm 8 đến 128 ký tự không dấu, không khoảng trắng.",
      "Mã băm SHA-256 phải gồm đúng 64 ký tự thập lục phân viết thường.",
      "Tệp báo cáo rỗng.",
    ]);
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

  it("rejects blank evidence entries", () => {
    expect(messages(submissionValueSchema.safeParse({ assignmentId: id, actual: true, evidence: [" "] }))).toEqual([
      "Minh chứng không được để trống.",
    ]);
  });
});
