import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTarget } from "../../shared/target/parse";
import { formatTarget } from "../../shared/target/format";
import { explainParse } from "../../shared/target/explain";
import { targetSchema, type Target } from "../../shared/target/schema";
import { evaluate } from "../../shared/verdict/evaluate";
import { verdictSchema } from "../../shared/verdict/schema";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import { anyActual, anyTarget, anyText, grammarText, isoDate, judgeableTarget } from "../support/arbitraries";

const RUNS = 10_000;
const VERDICT_CODES = Object.keys(VERDICT_LABELS);

/** Parses and, for a judgeable target, returns it; undefined for manual targets and errors. */
function judgeable(text: string): Target | undefined {
  const result = parseTarget(text);
  return result.ok && result.target.kind !== "manual" ? result.target : undefined;
}

describe("parseTarget on any text", () => {
  it("never throws, and answers either a valid target or errors that point inside the normalised text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseTarget(text);
        if (result.ok) {
          expect(targetSchema.safeParse(result.target).success).toBe(true);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(error.offset + error.length).toBeLessThanOrEqual(result.normalized.length);
            expect(error.message).not.toBe("");
          }
          expect(explainParse(result)).toMatch(/^Lỗi tại/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("does not throw on values that are not strings (a cell read wrongly upstream)", () => {
    for (const value of [undefined, null, 42, true, {}, []]) {
      expect(parseTarget(value as unknown as string)).toMatchObject({ ok: true, target: { kind: "manual", reason: "empty" } });
    }
  });
});

describe("a judgeable target reads the same again", () => {
  it("from its normalised text and from its canonical form (mostly texts built from grammar fragments)", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: grammarText }, { weight: 1, arbitrary: anyText }), (text) => {
        const result = parseTarget(text);
        if (!result.ok || result.target.kind === "manual") return;
        expect(judgeable(result.normalized), `normalised "${result.normalized}"`).toEqual(result.target);
        expect(judgeable(formatTarget(result.target)), `canonical "${formatTarget(result.target)}"`).toEqual(result.target);
      }),
      { numRuns: RUNS },
    );
  });

  it("from the canonical form of any structured target", () => {
    fc.assert(
      fc.property(judgeableTarget, (target) => {
        const canonical = formatTarget(target);
        const result = parseTarget(canonical);
        expect(result, canonical).toMatchObject({ ok: true });
        expect(result.ok && result.target, canonical).toEqual(target);
        expect(judgeable(result.normalized), result.normalized).toEqual(target);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("evaluate on any actual", () => {
  it("never throws and always returns one of the six verdicts with its label", () => {
    const options = fc.record(
      { asOf: isoDate, dueDate: isoDate, unit: fc.constantFrom("%", " % ", "lượt", "") },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(anyTarget, anyActual, options, (target, actual, evaluateOptions) => {
        const result = evaluate(target, actual, evaluateOptions);
        expect(VERDICT_CODES).toContain(result.verdict);
        expect(result.label).toBe(VERDICT_LABELS[result.verdict]);
        expect(verdictSchema.safeParse(result).success).toBe(true);
        expect(result.explanation).not.toBe("");
        if (result.gap !== null) expect(Number.isFinite(result.gap)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("an empty cell is never judged, whatever the target", () => {
    fc.assert(
      fc.property(anyTarget, fc.constantFrom(null, undefined, "", "   ", "\u00a0"), (target, empty) => {
        expect(evaluate(target, empty).verdict).toBe("no_data");
      }),
      { numRuns: 2_000 },
    );
  });

  it("a target a person must judge is never judged by a rule", () => {
    fc.assert(
      fc.property(anyText, anyActual, (text, actual) => {
        const result = parseTarget(text);
        if (!result.ok || result.target.kind !== "manual") return;
        expect(["needs_review", "no_data"]).toContain(evaluate(result.target, actual).verdict);
      }),
      { numRuns: 2_000 },
    );
  });
});
