import { describe, expect, it } from "vitest";
import { parseTarget } from "../../shared/target/parse";
import type { Comparator, Target } from "../../shared/target/schema";
import { evaluate } from "../../shared/verdict/evaluate";
import type { EvaluateOptions } from "../../shared/verdict/schema";

/** Verdicts on percentages, counts and frequencies: what a results column shows for a number. */

function target(text: string, unit?: string): Target {
  const result = parseTarget(text, unit === undefined ? {} : { unit });
  if (!result.ok) throw new Error(`"${text}" does not parse`);
  return result.target;
}

const verdictOf = (text: string, actual: unknown, options: EvaluateOptions = {}) => evaluate(target(text, options.unit), actual, options);

describe("boundaries of each comparator (percent, actual as Excel's fraction)", () => {
  const cases: Array<[string, Comparator, [number, string][]]> = [
    ["≥ 90%", "gte", [[0.8999, "not_met"], [0.9, "met"], [0.9001, "met"]]],
    ["> 90%", "gt", [[0.8999, "not_met"], [0.9, "not_met"], [0.9001, "met"]]],
    ["≤ 10%", "lte", [[0.0999, "met"], [0.1, "met"], [0.1001, "not_met"]]],
    ["< 10%", "lt", [[0.0999, "met"], [0.1, "not_met"], [0.1001, "not_met"]]],
  ];
  it.each(cases)("%s", (text, comparator, rows) => {
    expect(target(text)).toMatchObject({ comparator });
    for (const [actual, code] of rows) expect(verdictOf(text, actual).verdict, `${text} with ${actual}`).toBe(code);
  });

  it.each<[string, [number, string][]]>([
    ["≥ 25 doanh nghiệp", [[24, "not_met"], [25, "met"], [26, "met"]]],
    ["> 240 tin, bài/năm", [[239, "not_met"], [240, "not_met"], [241, "met"]]],
    ["Tối đa 3 lần/tháng", [[2, "met"], [3, "met"], [4, "not_met"]]],
    ["Dưới 5 ngày", [[4, "met"], [5, "not_met"], [6, "not_met"]]],
  ])("%s (counts and frequencies)", (text, rows) => {
    for (const [actual, code] of rows) expect(verdictOf(text, actual).verdict, `${text} with ${actual}`).toBe(code);
  });
});

describe("the issue's examples", () => {
  it("\"Tối thiểu 90%\": 0,9 is met, 0,899 is not", () => {
    expect(verdictOf("Tối thiểu 90%", 0.9)).toMatchObject({ verdict: "met", label: "Đạt" });
    expect(verdictOf("Tối thiểu 90%", 0.899)).toMatchObject({ verdict: "not_met", label: "Không đạt" });
  });

  it("\"$>95\\%$\" with 0,95 is not met: more than 95% means strictly more", () => {
    expect(verdictOf("$>95\\%$", 0.95)).toMatchObject({ verdict: "not_met", explanation: "Không đạt: 95% ≤ 95%" });
  });

  it("\"≥ 70\" with unit \"%\" and the text \"52,9\": 52,9 percentage points, not met", () => {
    expect(verdictOf("≥ 70", "52,9", { unit: "%" })).toMatchObject({ verdict: "not_met", gap: -17.1, gapUnit: "%" });
  });

  it("the unit column means the same whether given to the parser or only to evaluate", () => {
    const parsedWithUnit = evaluate(target("≥ 70", "%"), "52,9", { unit: "%" });
    const evaluatedWithUnit = evaluate(target("≥ 70"), "52,9", { unit: "%" });
    expect(evaluatedWithUnit).toEqual(parsedWithUnit);
    expect(evaluate(target("≥ 70"), 150, { unit: "%" }).verdict).toBe("invalid_actual");
  });

  it("a number is a cell's fraction whatever the unit column says: 0,92 against \"≥ 90\" with unit \"%\" is 92%", () => {
    expect(verdictOf("≥ 90", 0.92, { unit: "%" })).toMatchObject({ verdict: "met", explanation: "Đạt: 92% ≥ 90%" });
    expect(verdictOf("Tối thiểu 90%", 0.92, { unit: "%" })).toMatchObject({ verdict: "met", explanation: "Đạt: 92% ≥ 90%" });
    expect(verdictOf("Tối thiểu 90%", 92, { unit: "%" }).verdict).toBe("invalid_actual");
  });

  it("\"Thực hiện theo lộ trình của Bộ LD-TB&XH\" with 1 needs a person's verdict", () => {
    expect(verdictOf("Thực hiện theo lộ trình của Bộ LD-TB&XH", 1)).toMatchObject({ verdict: "needs_review", label: "Cần đánh giá" });
  });

  it("an empty result has no data, whatever the target", () => {
    for (const actual of [null, undefined, "", "   "]) {
      expect(verdictOf("Tối thiểu 90%", actual)).toMatchObject({ verdict: "no_data", label: "Chưa có số liệu", gap: null });
    }
  });

  it("19/20 against \"≥ 95%\" is met, and 0,57 against \"≥ 57%\" (binary fractions do not cheat anyone)", () => {
    expect(0.57 * 100).not.toBe(57);
    expect(verdictOf("≥ 95%", 19 / 20).verdict).toBe("met");
    expect(verdictOf("≥ 57%", 0.57).verdict).toBe("met");
    expect(verdictOf("> 57%", 0.57).verdict).toBe("not_met");
  });

  it("percent texts as typed: \"90,5%\", \"90%\", \"0,9\"", () => {
    expect(verdictOf("Tối thiểu 90%", "90,5%")).toMatchObject({ verdict: "met", explanation: "Đạt: 90,5% ≥ 90%", gap: 0.5 });
    expect(verdictOf("Tối thiểu 90%", "90%").verdict).toBe("met");
    expect(verdictOf("Tối thiểu 90%", "89,9 %").verdict).toBe("not_met");
    expect(verdictOf("Tối thiểu 90%", "0,9").verdict).toBe("met");
  });

  it("\"0%\" is met by any value, zero included", () => {
    for (const actual of [0, 0.0001, 1, "0%"]) expect(verdictOf("0%", actual).verdict).toBe("met");
  });
});

describe("values that cannot be a result", () => {
  it.each([
    [9, "Tỷ lệ 900% nằm ngoài khoảng 0–100%. Nếu ý là 9%, hãy nhập 9% hoặc 0,09."],
    [1.5, "Tỷ lệ 150% nằm ngoài khoảng 0–100%. Nếu ý là 1,5%, hãy nhập 1,5% hoặc 0,015."],
    [-0.1, "Tỷ lệ -10% nằm ngoài khoảng 0–100%."],
    [250, "Tỷ lệ 25.000% nằm ngoài khoảng 0–100%."],
  ])("a percentage of %d is out of range, with a hint only when it helps", (actual, explanation) => {
    expect(verdictOf("Tối thiểu 90%", actual)).toMatchObject({ verdict: "invalid_actual", label: "Số liệu không hợp lệ", explanation, gap: null });
  });

  it("text over 100% is out of range too, and no hint about fractions", () => {
    expect(verdictOf("Tối thiểu 90%", "120%")).toMatchObject({ verdict: "invalid_actual", explanation: "Tỷ lệ 120% nằm ngoài khoảng 0–100%." });
  });

  it.each([NaN, Infinity, -Infinity, true, false, "abc", "1.2.3", {}, [0.9]])("%s is not a number", (actual) => {
    expect(verdictOf("Tối thiểu 90%", actual).verdict).toBe("invalid_actual");
    expect(verdictOf("≥ 25 doanh nghiệp", actual).verdict).toBe("invalid_actual");
  });

  it("a count is neither negative nor a percentage", () => {
    expect(verdictOf("≥ 25 doanh nghiệp", -1)).toMatchObject({ verdict: "invalid_actual", explanation: expect.stringContaining("không thể âm") });
    expect(verdictOf("≥ 25 doanh nghiệp", "30%")).toMatchObject({ verdict: "invalid_actual", explanation: expect.stringContaining("không phải tỷ lệ") });
  });

  it("counts read Vietnamese numbers: \"1.000\" is a thousand, \"24,5\" is twenty-four and a half", () => {
    expect(verdictOf("≥ 25 doanh nghiệp", "1.000")).toMatchObject({ verdict: "met", gap: 975 });
    expect(verdictOf("≥ 25 doanh nghiệp", "24,5")).toMatchObject({ verdict: "not_met", gap: -0.5 });
  });
});

describe("explanations and gaps", () => {
  it("explain in Vietnamese with decimal commas and the comparison that decided", () => {
    expect(verdictOf("Tối thiểu 90%", 0.925).explanation).toBe("Đạt: 92,5% ≥ 90%");
    expect(verdictOf("Tối thiểu 90%", 0.8).explanation).toBe("Không đạt: 80% < 90%");
    expect(verdictOf("≤ 10%", 0.15).explanation).toBe("Không đạt: 15% > 10%");
    expect(verdictOf("Mức 4 ≥ 80%", 0.85).explanation).toBe("Đạt: Mức 4 đạt 85% ≥ 80%");
    expect(verdictOf(">240 tin, bài/năm", 1250).explanation).toBe("Đạt: 1.250 tin, bài/năm > 240 tin, bài/năm");
  });

  it("a miss too small for two decimals is still shown as a miss, never \"100% < 100%\"", () => {
    const result = verdictOf("100%", 0.999999999);
    expect(result.verdict).toBe("not_met");
    expect(result.explanation).toBe("Không đạt: 99,9999999% < 100%");
  });

  it("the gap is positive above the threshold and negative short of it, in the target's unit", () => {
    expect(verdictOf("Tối thiểu 90%", 0.925)).toMatchObject({ gap: 2.5, gapUnit: "%" });
    expect(verdictOf("Tối thiểu 90%", 0.8)).toMatchObject({ gap: -10, gapUnit: "%" });
    expect(verdictOf("≤ 10%", 0.04)).toMatchObject({ gap: 6, gapUnit: "%" });
    expect(verdictOf("≤ 10%", 0.15)).toMatchObject({ gap: -5, gapUnit: "%" });
    expect(verdictOf("≥ 25 doanh nghiệp", 20)).toMatchObject({ gap: -5, gapUnit: "doanh nghiệp" });
    expect(verdictOf(">240 tin, bài/năm", 250)).toMatchObject({ gap: 10, gapUnit: "tin, bài/năm" });
    expect(verdictOf("≥ 25", 30)).toMatchObject({ gap: 5, gapUnit: null });
  });
});

describe("before the period's deadline", () => {
  it("a percentage short of its target is pending (Chưa đạt) while time remains, not met after", () => {
    const options = { dueDate: "2025-12-31" };
    expect(verdictOf("Tối thiểu 90%", 0.8, { ...options, asOf: "2025-06-30" })).toMatchObject({
      verdict: "pending",
      label: "Chưa đạt",
      explanation: "Chưa đạt: 80% < 90%, còn đến hạn 31/12/2025",
      gap: -10,
    });
    expect(verdictOf("Tối thiểu 90%", 0.8, { ...options, asOf: "2025-12-31" }).verdict).toBe("not_met");
    expect(verdictOf("Tối thiểu 90%", 0.8, { ...options, asOf: "2026-01-15" }).verdict).toBe("not_met");
    expect(verdictOf("Tối thiểu 90%", 0.95, { ...options, asOf: "2025-06-30" }).verdict).toBe("met");
  });

  it("without a deadline there is nothing to wait for", () => {
    expect(verdictOf("Tối thiểu 90%", 0.8, { asOf: "2025-06-30" }).verdict).toBe("not_met");
  });
});

describe("huge values", () => {
  it("are compared and shown as numbers, never as \"Infinity\"", () => {
    const result = verdictOf("≥ 25 doanh nghiệp", 1e307);
    expect(result.verdict).toBe("met");
    expect(result.explanation).not.toMatch(/Infinity/);
    expect(Number.isFinite(result.gap)).toBe(true);
  });
});
