import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatVietnameseNumber, readVietnameseNumber } from "../../shared/text/vietnameseNumber";

describe("readVietnameseNumber", () => {
  it.each([
    ["52,9", 52.9],
    ["0,95", 0.95],
    ["100.000", 100_000],
    ["1.000.000", 1_000_000],
    ["1.234,5", 1234.5],
    ["05", 5],
    ["0", 0],
    ["95.5", 95.5],
    ["1,234,567", 1_234_567],
    [" 2000 ", 2000],
  ])("%s is %d", (text, value) => {
    expect(readVietnameseNumber(text)).toEqual({ ok: true, value });
  });

  it("a single comma is the decimal comma even before three digits (\"1,000\" is one)", () => {
    expect(readVietnameseNumber("1,000")).toEqual({ ok: true, value: 1 });
  });

  it.each(["1.2.3", "12.34.5", "1,2,3", "1,234.5", "", "abc", "-5", "1e5", "5%"])("%s is refused with a Vietnamese message", (text) => {
    const reading = readVietnameseNumber(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(/số/);
  });
});

describe("formatVietnameseNumber", () => {
  it.each([
    [52.9, "52,9"],
    [100_000, "100.000"],
    [1234.5, "1.234,5"],
    [0.015, "0,015"],
    [-1234.5, "-1.234,5"],
    [1e21, "1.000.000.000.000.000.000.000"],
    [1.25e-7, "0,000000125"],
  ])("%d is written %s", (value, text) => {
    expect(formatVietnameseNumber(value)).toBe(text);
  });

  it("reads back to the same number for every non-negative finite number", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(readVietnameseNumber(formatVietnameseNumber(value))).toEqual({ ok: true, value: value === 0 ? 0 : value });
      }),
      { numRuns: 3000 },
    );
  });
});
