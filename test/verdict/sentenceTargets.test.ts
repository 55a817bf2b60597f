import { describe, expect, it } from "vitest";
import { parseTarget } from "../../shared/target/parse";
import type { Target } from "../../shared/target/schema";
import { evaluate } from "../../shared/verdict/evaluate";
import { compileJudge, judgeActual } from "../../shared/verdict/judge";

function target(text: string, year?: number): Target {
  const parsed = parseTarget(text, year ? { year } : {});
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.target;
}

describe("a threshold with its own deadline: both must hold", () => {
  const byJune = target("Đạt 100% trước 30/6/2025");

  it("before the deadline a miss is only pending, and a hit is met", () => {
    expect(evaluate(byJune, 0.9, { asOf: "2025-03-31" })).toMatchObject({ verdict: "pending", label: "Chưa đạt" });
    expect(evaluate(byJune, 1, { asOf: "2025-06-30" })).toMatchObject({ verdict: "met" });
  });

  it("after the deadline a miss is not met, and a hit cannot tell it came in time: a person confirms", () => {
    expect(evaluate(byJune, 0.9, { asOf: "2025-09-30" })).toMatchObject({ verdict: "not_met" });
    const late = evaluate(byJune, 1, { asOf: "2025-09-30" });
    expect(late.verdict).toBe("needs_review");
    expect(late.explanation).toContain("30/6/2025");
  });

  it("a target for 2030 judged in a 2025 period is pending when not yet reached", () => {
    expect(evaluate(target("Đến năm 2030, 80% hồ sơ"), 0.5, { asOf: "2025-12-31", dueDate: "2025-12-31" })).toMatchObject({ verdict: "pending" });
  });

  it("without a judging date the value alone decides, as the fast judge and a plain formula do", () => {
    expect(evaluate(byJune, 1).verdict).toBe("met");
    expect(evaluate(byJune, 0.9).verdict).toBe("not_met");
    expect(judgeActual(compileJudge(byJune), 0.9)).toBe("not_met");
  });
});

describe("ranges", () => {
  const share = target("Kinh tế số chiếm 15 - 20% GRDP");

  it("within is met, below is not, above goes to a person", () => {
    expect(evaluate(share, 0.18).verdict).toBe("met");
    expect(evaluate(share, 0.15).verdict).toBe("met");
    expect(evaluate(share, 0.149).verdict).toBe("not_met");
    expect(evaluate(share, 0.25)).toMatchObject({ verdict: "needs_review" });
    expect(evaluate(share, "18%").verdict).toBe("met");
  });
});

describe("ratios per population", () => {
  const firms = target("phấn đấu đạt tỷ lệ doanh nghiệp công nghệ số trên 0,7/1.000 dân");

  it("read a number per the same base, or a ratio written out on another base", () => {
    expect(evaluate(firms, 0.8).verdict).toBe("met");
    expect(evaluate(firms, 0.7).verdict).toBe("not_met");
    expect(evaluate(firms, "8/10.000").verdict).toBe("met");
    expect(evaluate(firms, "70%").verdict).toBe("invalid_actual");
  });
});

describe("several thresholds by year", () => {
  const staged = target("Có tối thiểu 50% (năm 2025) và 80% (năm 2030)");

  it("apply the threshold of the period judged, and say which", () => {
    const in2025 = evaluate(staged, 0.6, { asOf: "2025-12-31" });
    expect(in2025.verdict).toBe("met");
    expect(in2025.explanation).toContain("năm 2025");
    expect(evaluate(staged, 0.6, { asOf: "2030-12-31" }).verdict).toBe("not_met");
    expect(evaluate(staged, 0.6, { asOf: "2027-06-30" }).verdict).toBe("pending");
  });

  it("without a period to judge go to a person, never to a guessed threshold", () => {
    expect(evaluate(staged, 0.6).verdict).toBe("needs_review");
    expect(evaluate(staged, null).verdict).toBe("no_data");
  });
});

describe("dates without a year", () => {
  it("take the decision's year when it is known, and go to a person when it is not", () => {
    expect(target("có thời hạn đến 30/6", 2025)).toEqual({ kind: "deadline", mode: "complete", due: { precision: "day", year: 2025, month: 6, day: 30 } });
    expect(target("có thời hạn đến 30/6")).toMatchObject({ kind: "manual", reason: "missing_year" });
  });
});
