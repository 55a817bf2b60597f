import { describe, expect, it } from "vitest";
import { parseTarget } from "../../shared/target/parse";
import type { Target } from "../../shared/target/schema";
import { evaluate } from "../../shared/verdict/evaluate";
import { isoDateToExcelSerial } from "../../shared/period/excelDate";
import type { EvaluateOptions } from "../../shared/verdict/schema";

/** Verdicts on deadlines, documents, recurring duties, grades, ranks and targets a person must judge. */

function target(text: string): Target {
  const result = parseTarget(text);
  if (!result.ok) throw new Error(`"${text}" does not parse`);
  return result.target;
}

const verdictOf = (text: string, actual: unknown, options: EvaluateOptions = {}) => evaluate(target(text), actual, options);

describe("\"Hoàn thành năm 2022\": done or not, and when", () => {
  const text = "Hoàn thành năm 2022";

  it.each([
    [true, "met"],
    [1, "met"],
    ["Hoàn thành", "met"],
    ["Đã hoàn thành.", "met"],
    ["hoan thanh", "met"],
    ["x", "met"],
    [false, "not_met"],
    [0, "not_met"],
    ["Chưa hoàn thành", "not_met"],
    ["Không đạt", "not_met"],
  ])("%s → %s", (actual, code) => {
    expect(verdictOf(text, actual).verdict).toBe(code);
  });

  it("a completion date on or before 31/12/2022 is met, after it is late by so many days", () => {
    expect(verdictOf(text, "31/12/2022")).toMatchObject({ verdict: "met", gap: 0, gapUnit: "ngày" });
    expect(verdictOf(text, "30/6/2022")).toMatchObject({
      verdict: "met",
      gap: 184,
      explanation: "Đạt: hoàn thành ngày 30/6/2022, trong hạn năm 2022",
    });
    expect(verdictOf(text, "15/01/2023")).toMatchObject({
      verdict: "not_met",
      gap: -15,
      explanation: "Không đạt: hoàn thành ngày 15/1/2023, trễ 15 ngày so với hạn năm 2022",
    });
    expect(verdictOf(text, "ngày 30 tháng 6 năm 2022").verdict).toBe("met");
    expect(verdictOf(text, "2022-06-30").verdict).toBe("met");
  });

  it("an Excel date serial is a completion date: 44926 is 31/12/2022, 44927 is 1/1/2023", () => {
    expect(isoDateToExcelSerial("2022-12-31")).toBe(44926);
    expect(verdictOf(text, 44926)).toMatchObject({ verdict: "met", gap: 0 });
    expect(verdictOf(text, 44927)).toMatchObject({ verdict: "not_met", gap: -1 });
  });

  it("a date cell (as a workbook reader gives it) is a completion date", () => {
    expect(verdictOf(text, new Date(Date.UTC(2022, 5, 30))).verdict).toBe("met");
    expect(verdictOf(text, new Date(Date.UTC(2023, 0, 2))).verdict).toBe("not_met");
    expect(verdictOf(text, new Date(Number.NaN)).verdict).toBe("invalid_actual");
    expect(verdictOf(text, new Date(Date.UTC(20000, 0, 1))).verdict).toBe("invalid_actual");
  });

  it("not done yet: pending up to and on the deadline, not met after it", () => {
    expect(verdictOf(text, false, { asOf: "2022-06-30" })).toMatchObject({
      verdict: "pending",
      label: "Chưa đạt",
      explanation: "Chưa đạt: chưa hoàn thành, hạn năm 2022",
    });
    expect(verdictOf(text, false, { asOf: "2022-12-31" }).verdict).toBe("pending");
    expect(verdictOf(text, false, { asOf: "2023-01-01" })).toMatchObject({ verdict: "not_met", explanation: "Không đạt: chưa hoàn thành, hạn năm 2022" });
    expect(verdictOf(text, false).verdict).toBe("not_met");
  });

  it("done is done whatever the as-of date", () => {
    expect(verdictOf(text, true, { asOf: "2022-03-01" }).verdict).toBe("met");
  });

  it.each([2, 0.5, 19_999, 44_742.5, 3_000_000, -1, "sắp xong", "32/13/2022", NaN])("%s is neither a flag nor a date", (actual) => {
    expect(verdictOf(text, actual).verdict).toBe("invalid_actual");
  });

  it("no data for an empty cell, even after the deadline", () => {
    expect(verdictOf(text, null, { asOf: "2023-06-01" }).verdict).toBe("no_data");
  });
});

describe("deadlines at other precisions", () => {
  it("a quarter runs to its last day, a month to its last day, a date to itself", () => {
    expect(verdictOf("Quý II/2025", "30/6/2025").verdict).toBe("met");
    expect(verdictOf("Quý II/2025", "1/7/2025").verdict).toBe("not_met");
    expect(verdictOf("Tháng 2/2024", "29/2/2024").verdict).toBe("met");
    expect(verdictOf("Tháng 2/2024", "1/3/2024").verdict).toBe("not_met");
    expect(verdictOf("Trước ngày 30/6/2025", "30/6/2025").verdict).toBe("met");
    expect(verdictOf("Trước ngày 30/6/2025", "1/7/2025").verdict).toBe("not_met");
    expect(verdictOf("Quý I/2025", false, { asOf: "2025-03-31" }).verdict).toBe("pending");
    expect(verdictOf("Quý I/2025", false, { asOf: "2025-04-01" }).verdict).toBe("not_met");
  });

  it("\"Bắt đầu từ tháng 6/2022\": started within June is met, later is late; not started is pending until June ends", () => {
    const text = "Bắt đầu từ tháng 6/2022";
    expect(verdictOf(text, "15/6/2022")).toMatchObject({ verdict: "met", explanation: "Đạt: bắt đầu ngày 15/6/2022, trong hạn tháng 6/2022" });
    expect(verdictOf(text, "15/7/2022")).toMatchObject({ verdict: "not_met", gap: -15 });
    expect(verdictOf(text, true)).toMatchObject({ verdict: "met", explanation: "Đạt: đã triển khai (từ tháng 6/2022)" });
    expect(verdictOf(text, false, { asOf: "2022-05-01" }).verdict).toBe("pending");
    expect(verdictOf(text, false, { asOf: "2022-06-30" }).verdict).toBe("pending");
    expect(verdictOf(text, false, { asOf: "2022-07-01" })).toMatchObject({ verdict: "not_met", explanation: "Không đạt: chưa triển khai, hạn tháng 6/2022" });
  });

  it("\"Hoàn thành 30% dữ liệu trong năm 2022\": a share by the deadline, or a plain done/not done", () => {
    const text = "Hoàn thành 30% dữ liệu trong năm 2022";
    expect(verdictOf(text, 0.3)).toMatchObject({ verdict: "met", gap: 0, gapUnit: "%", explanation: "Đạt: hoàn thành 30% dữ liệu ≥ 30% (hạn năm 2022)" });
    expect(verdictOf(text, "35%")).toMatchObject({ verdict: "met", gap: 5 });
    expect(verdictOf(text, 0.2)).toMatchObject({ verdict: "not_met", gap: -10 });
    expect(verdictOf(text, 0.2, { asOf: "2022-09-30" })).toMatchObject({ verdict: "pending", gap: -10 });
    expect(verdictOf(text, 0.2, { asOf: "2023-01-01" }).verdict).toBe("not_met");
    expect(verdictOf(text, true).verdict).toBe("met");
    expect(verdictOf(text, "Chưa hoàn thành", { asOf: "2022-09-30" }).verdict).toBe("pending");
    expect(verdictOf(text, 1.2).verdict).toBe("invalid_actual");
    // Beside a "%" unit column the text "30" is points; a number is a cell's fraction whatever the unit says.
    expect(verdictOf(text, "30", { unit: "%" }).verdict).toBe("met");
    expect(verdictOf(text, 0.3, { unit: "%" }).verdict).toBe("met");
    expect(verdictOf(text, 30, { unit: "%" }).verdict).toBe("invalid_actual");
  });
});

describe("documents and recurring duties", () => {
  it("issued or not; a date is checked against the period's deadline when there is one", () => {
    expect(verdictOf("Nghị quyết của HĐND tỉnh", "Đã ban hành")).toMatchObject({ verdict: "met", explanation: "Đạt: đã ban hành" });
    expect(verdictOf("Đề án", "Chưa ban hành")).toMatchObject({ verdict: "not_met", explanation: "Không đạt: chưa ban hành" });
    expect(verdictOf("Đề án", "15/3/2025", { dueDate: "2025-12-31" })).toMatchObject({ verdict: "met", gap: 291, gapUnit: "ngày" });
    expect(verdictOf("Đề án", "15/1/2026", { dueDate: "2025-12-31" })).toMatchObject({
      verdict: "not_met",
      explanation: "Không đạt: đã ban hành ngày 15/1/2026, sau hạn 31/12/2025",
    });
    expect(verdictOf("Đề án", "15/1/2026").verdict).toBe("met");
  });

  it("not issued yet is pending before the period's deadline", () => {
    expect(verdictOf("Kế hoạch của UBND tỉnh", false, { dueDate: "2025-12-31", asOf: "2025-10-01" })).toMatchObject({
      verdict: "pending",
      explanation: "Chưa đạt: chưa ban hành, hạn 31/12/2025",
    });
    expect(verdictOf("Kế hoạch của UBND tỉnh", false, { dueDate: "2025-12-31", asOf: "2026-01-01" }).verdict).toBe("not_met");
    expect(verdictOf("Kế hoạch của UBND tỉnh", false, { asOf: "2025-10-01" }).verdict).toBe("not_met");
  });

  it("a recurring duty is done or not within the period", () => {
    expect(verdictOf("Hằng quý", "Đã thực hiện")).toMatchObject({ verdict: "met", explanation: "Đạt: đã thực hiện" });
    expect(verdictOf("Thường xuyên", "Chưa thực hiện")).toMatchObject({ verdict: "not_met", explanation: "Không đạt: chưa thực hiện" });
    expect(verdictOf("Hàng năm", 0.5).verdict).toBe("invalid_actual");
  });
});

describe("grades and ranks", () => {
  it("\"Xếp hạng B\": A and B meet it, C does not; the gap counts grades", () => {
    expect(verdictOf("Xếp hạng B", "A")).toMatchObject({ verdict: "met", gap: 1, gapUnit: "hạng" });
    expect(verdictOf("Xếp hạng B", "b")).toMatchObject({ verdict: "met", gap: 0 });
    expect(verdictOf("Xếp hạng B", "Xếp hạng C")).toMatchObject({ verdict: "not_met", gap: -1 });
    expect(verdictOf("Xếp hạng B", "Loại D").verdict).toBe("not_met");
    expect(verdictOf("Xếp hạng B", "G").verdict).toBe("invalid_actual");
    expect(verdictOf("Xếp hạng B", 2).verdict).toBe("invalid_actual");
  });

  it("\"Top 10\": rank 10 is in, 11 is out; a rank is a whole number from 1", () => {
    expect(verdictOf("Top 10", 1)).toMatchObject({ verdict: "met", gap: 9, gapUnit: "bậc" });
    expect(verdictOf("Top 10", 10)).toMatchObject({ verdict: "met", gap: 0 });
    expect(verdictOf("Top 10", "11")).toMatchObject({ verdict: "not_met", gap: -1, explanation: "Không đạt: thứ hạng 11, ngoài top 10" });
    for (const actual of [0, -1, 2.5, "10%", true]) expect(verdictOf("Top 10", actual).verdict, String(actual)).toBe("invalid_actual");
  });

  it("a value without a string form is still quoted safely in the explanation", () => {
    const odd = { toString: 0 };
    expect(verdictOf("Top 10", odd).verdict).toBe("invalid_actual");
    expect(verdictOf("Xếp hạng A", odd).verdict).toBe("invalid_actual");
  });
});

describe("targets a person must judge", () => {
  it.each(["Thực hiện theo lộ trình của Bộ LD-TB&XH", "Khoảng 90%", "Tối thiểu 90%, tối đa 95%", ""])("%s: any result needs review, no result is no data", (text) => {
    for (const actual of [1, 0.95, true, "Hoàn thành", "30/6/2025"]) {
      expect(verdictOf(text, actual)).toMatchObject({ verdict: "needs_review", label: "Cần đánh giá", gap: null });
    }
    expect(verdictOf(text, null).verdict).toBe("no_data");
  });
});
