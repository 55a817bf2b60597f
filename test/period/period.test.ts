import { describe, it, expect } from "vitest";
import {
  formatPeriodCode,
  parsePeriodCode,
  periodCodeSchema,
  periodContaining,
  periodEnd,
  periodLabel,
  periodsOfYear,
  periodStart,
} from "../../shared/period/period";

describe("period codes", () => {
  it.each([
    ["2025", { kind: "year", year: 2025 }],
    ["2025-H1", { kind: "half", year: 2025, index: 1 }],
    ["2025-H2", { kind: "half", year: 2025, index: 2 }],
    ["2025-Q4", { kind: "quarter", year: 2025, index: 4 }],
    ["2025-M01", { kind: "month", year: 2025, index: 1 }],
    ["2025-M12", { kind: "month", year: 2025, index: 12 }],
  ])("reads %s", (code, period) => {
    expect(parsePeriodCode(code)).toEqual({ ok: true, period });
    expect(periodCodeSchema.safeParse(code).success).toBe(true);
  });

  it.each(["2025-Q5", "2025-Q0", "2025-M13", "2025-M00", "2025-M3", "25", "2025-H3", "2025-q1", "2025Q1", " 2025", "", "0999"])(
    "rejects %j with a Vietnamese message",
    (code) => {
      const parsed = parsePeriodCode(code);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain("không phải mã kỳ báo cáo hợp lệ");
      const checked = periodCodeSchema.safeParse(code);
      expect(checked.success).toBe(false);
      expect(checked.error?.issues[0]?.message).toMatch(/^Kỳ báo cáo không hợp lệ/);
    },
  );

  it("writes back the code it read", () => {
    for (const code of ["2024", "2024-H2", "2024-Q3", "2024-M07"]) {
      const parsed = parsePeriodCode(code);
      expect(parsed.ok && formatPeriodCode(parsed.period)).toBe(code);
    }
  });

  it("throws on an unvalidated code instead of returning a wrong date", () => {
    expect(() => periodStart("2025-Q5")).toThrow(RangeError);
    expect(() => periodLabel("abc")).toThrow(/không phải mã kỳ báo cáo/);
  });
});

describe("period days and labels", () => {
  it.each([
    ["2025", "2025-01-01", "2025-12-31", "Năm 2025"],
    ["2025-H1", "2025-01-01", "2025-06-30", "6 tháng đầu năm 2025"],
    ["2025-H2", "2025-07-01", "2025-12-31", "6 tháng cuối năm 2025"],
    ["2025-Q1", "2025-01-01", "2025-03-31", "Quý I/2025"],
    ["2025-Q2", "2025-04-01", "2025-06-30", "Quý II/2025"],
    ["2025-Q3", "2025-07-01", "2025-09-30", "Quý III/2025"],
    ["2025-Q4", "2025-10-01", "2025-12-31", "Quý IV/2025"],
    ["2025-M03", "2025-03-01", "2025-03-31", "Tháng 3/2025"],
    ["2025-M04", "2025-04-01", "2025-04-30", "Tháng 4/2025"],
    ["2025-M02", "2025-02-01", "2025-02-28", "Tháng 2/2025"],
    ["2024-M02", "2024-02-01", "2024-02-29", "Tháng 2/2024"],
    ["2000-M02", "2000-02-01", "2000-02-29", "Tháng 2/2000"],
    ["2100-M02", "2100-02-01", "2100-02-28", "Tháng 2/2100"],
    ["2024-Q1", "2024-01-01", "2024-03-31", "Quý I/2024"],
  ])("%s runs %s to %s, read as %s", (code, start, end, label) => {
    expect(periodStart(code)).toBe(start);
    expect(periodEnd(code)).toBe(end);
    expect(periodLabel(code)).toBe(label);
  });
});

describe("periods of a year", () => {
  it("lists each kind in calendar order", () => {
    expect(periodsOfYear(2025, "year")).toEqual(["2025"]);
    expect(periodsOfYear(2025, "half")).toEqual(["2025-H1", "2025-H2"]);
    expect(periodsOfYear(2025, "quarter")).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    const months = periodsOfYear(2025, "month");
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-M01");
    expect(months[11]).toBe("2025-M12");
  });

  it("tiles the year without gaps or overlaps", () => {
    for (const kind of ["half", "quarter", "month"] as const) {
      const codes = periodsOfYear(2024, kind);
      expect(periodStart(codes[0]!)).toBe("2024-01-01");
      expect(periodEnd(codes[codes.length - 1]!)).toBe("2024-12-31");
      for (let i = 1; i < codes.length; i += 1) {
        const dayAfter = new Date(Date.parse(`${periodEnd(codes[i - 1]!)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(periodStart(codes[i]!)).toBe(dayAfter);
      }
    }
  });
});

describe("the period holding a day", () => {
  it.each([
    ["2025-03-31", "quarter", "2025-Q1"],
    ["2025-04-01", "quarter", "2025-Q2"],
    ["2025-06-30", "half", "2025-H1"],
    ["2025-07-01", "half", "2025-H2"],
    ["2025-12-31", "year", "2025"],
    ["2024-02-29", "month", "2024-M02"],
    ["2025-11-15", "quarter", "2025-Q4"],
  ] as const)("%s is in the %s %s", (day, kind, code) => {
    expect(periodContaining(day, kind)).toBe(code);
  });

  it("has no period for a day that does not exist or is badly written", () => {
    expect(periodContaining("2025-02-29", "month")).toBeUndefined();
    expect(periodContaining("2025-6-30", "quarter")).toBeUndefined();
    expect(periodContaining("30/6/2025", "quarter")).toBeUndefined();
  });
});
