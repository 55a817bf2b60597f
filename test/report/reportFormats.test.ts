import { describe, expect, it } from "vitest";
import { resultPercentFormat as percentFormat } from "../../shared/sheet/report/resultFormat";
import { linesOf, rowHeightFor } from "../../shared/sheet/report/textFit";

describe("percent format of a rate's result", () => {
  it("uses the decimals of the target's percentage", () => {
    expect(percentFormat("Tối thiểu 65%", 0.72)).toBe("0%");
    expect(percentFormat("Tối thiểu 52,9%", 0.61)).toBe("0.0%");
    expect(percentFormat("≥ 99.95%", 0.5)).toBe("0.00%");
  });

  it("adds decimals where rounding would show a result that misses the target as equal to it", () => {
    expect(percentFormat("Tối thiểu 65%", 0.646)).toBe("0.0%");
    expect(percentFormat("Tối thiểu 90%", 0.8996)).toBe("0.00%");
    // Exactly the target reads as the target.
    expect(percentFormat("Tối thiểu 65%", 0.65)).toBe("0%");
  });

  it("shows one decimal where the target writes no percentage", () => {
    expect(percentFormat("Hoàn thành", 0.5)).toBe("0.0%");
  });
});

describe("row heights of wrapped text", () => {
  it("counts explicit lines and the lines a paragraph wraps into", () => {
    expect(linesOf({ text: "Đạt", width: 10, fontSize: 11 })).toBe(1);
    expect(linesOf({ text: "một\nhai\nba", width: 10, fontSize: 11 })).toBe(3);
    const words = "chuyển đổi số ".repeat(10).trim();
    expect(linesOf({ text: words, width: 20, fontSize: 11 })).toBeGreaterThan(linesOf({ text: words, width: 60, fontSize: 11 }));
  });

  it("leaves a row of one line of default text alone and grows one of several lines", () => {
    expect(rowHeightFor([{ text: "Sở Tài chính", width: 40, fontSize: 11 }])).toBeUndefined();
    const tall = rowHeightFor([{ text: "a\nb\nc\nd", width: 40, fontSize: 11 }])!;
    expect(tall).toBeGreaterThanOrEqual(4 * 11 * 1.2);
    expect(rowHeightFor([{ text: "x\n".repeat(400), width: 40, fontSize: 11 }])).toBe(409);
  });
});
