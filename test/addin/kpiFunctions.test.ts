import { describe, expect, it } from "vitest";
import { kpiExplain, kpiFormula, kpiGap, kpiRate, kpiStatus } from "../../addin/functions/kpiFunctions";

describe("KPI.STATUS", () => {
  it("judges a fraction as Excel stores a percentage", () => {
    expect(kpiStatus(0.9, "Tối thiểu 90%")).toEqual({ value: "Đạt" });
    expect(kpiStatus(0.899, "Tối thiểu 90%")).toEqual({ value: "Không đạt" });
  });

  it("reads an empty cell as no data", () => {
    expect(kpiStatus(null, "Tối thiểu 90%")).toEqual({ value: "Chưa có số liệu" });
    expect(kpiStatus("", "Tối thiểu 90%")).toEqual({ value: "Chưa có số liệu" });
  });

  it("honours a unit column and an as-of date given as an Excel date", () => {
    expect(kpiStatus("52,9", "≥ 70", null, "%")).toEqual({ value: "Không đạt" });
    // 45800 is 2025-05-23, before the deadline: an unfinished task is only pending.
    expect(kpiStatus(false, "Hoàn thành quý II/2025", 45800)).toEqual({ value: "Chưa đạt" });
    expect(kpiStatus(false, "Hoàn thành quý II/2025", "15/7/2025")).toEqual({ value: "Không đạt" });
  });

  it("writes the invalid-value label for a wrong actual, like the compiled formula does", () => {
    expect(kpiStatus(90, "Tối thiểu 90%")).toEqual({ value: "Số liệu không hợp lệ" });
  });

  it("fails with a Vietnamese message pointing at the wrong part of the target", () => {
    const result = kpiStatus(0.5, "= 90%");
    expect(result).toMatchObject({ failure: "invalid_value" });
    expect("message" in result && result.message).toContain('"="');
  });

  it("fails on an as-of date that is not a date", () => {
    expect(kpiStatus(0.5, "≥ 50%", "hôm qua")).toMatchObject({ failure: "invalid_value" });
  });
});

describe("KPI.GAP", () => {
  it("gives the margin in percentage points, negative when short", () => {
    const short = kpiGap(0.875, "Tối thiểu 90%");
    expect("value" in short && short.value).toBeCloseTo(-2.5, 9);
    expect(kpiGap(250, ">240 tin, bài/năm")).toEqual({ value: 10 });
  });

  it("is not available without a number to compare", () => {
    expect(kpiGap(null, "Tối thiểu 90%")).toMatchObject({ failure: "not_available" });
    expect(kpiGap("Hoàn thành", "Đề án")).toMatchObject({ failure: "not_available" });
  });
});

describe("KPI.EXPLAIN", () => {
  it("explains how a target reads, in Vietnamese", () => {
    const result = kpiExplain("Mức 4 ≥ 80%");
    expect("value" in result && result.value).toMatch(/mức 4.*80%/i);
  });
});

describe("KPI.RATE", () => {
  it("divides numerator by denominator", () => {
    expect(kpiRate(45, 50)).toEqual({ value: 0.9 });
  });

  it("stays blank while both cells are empty", () => {
    expect(kpiRate(null, null)).toEqual({ value: "" });
  });

  it("refuses a zero denominator and a numerator above the denominator", () => {
    expect(kpiRate(1, 0)).toMatchObject({ failure: "division_by_zero" });
    expect(kpiRate(51, 50)).toMatchObject({ failure: "invalid_value" });
    expect(kpiRate(-1, 50)).toMatchObject({ failure: "invalid_value" });
  });
});

describe("KPI.FORMULA", () => {
  it("compiles a plain Excel formula for the result cell", () => {
    const result = kpiFormula("Tối thiểu 90%", "g5");
    expect("value" in result && result.value).toMatch(/^=IF\(G5="","Chưa có số liệu",/);
  });

  it("rejects something that is not a cell address", () => {
    expect(kpiFormula("Tối thiểu 90%", "G5:G9")).toMatchObject({ failure: "invalid_value" });
  });
});
