import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileJudge, judgeActual } from "../../shared/verdict/judge";
import { evaluate } from "../../shared/verdict/evaluate";
import { parseTarget } from "../../shared/target/parse";
import { anyActual, anyTarget, boundaryActuals, isoDate } from "../support/arbitraries";

/** KPI.STATUS judges thousands of cells with a prepared judge; it must say what evaluate says, cell for cell. */
describe("the prepared judge", () => {
  it("gives evaluate's verdict for any target, options and value", () => {
    const options = fc.record({ asOf: isoDate, dueDate: isoDate, unit: fc.constantFrom("%", " % ", "lượt") }, { requiredKeys: [] });
    fc.assert(
      fc.property(anyTarget, options, fc.array(anyActual, { maxLength: 8 }), (target, evaluateOptions, actuals) => {
        const judge = compileJudge(target, evaluateOptions);
        for (const actual of [...actuals, ...boundaryActuals(target)]) {
          expect(judgeActual(judge, actual)).toBe(evaluate(target, actual, evaluateOptions).verdict);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it("reads percent texts as evaluate does", () => {
    const t = parseTarget("Tối thiểu 90%");
    if (!t.ok) throw new Error("parse");
    const judge = compileJudge(t.target);
    for (const text of ["90%", "90,5%", "89,99%", "100%", "100,1%", "0%", ",5%", "5,%", "1.000%", " 90%", "90 %"]) {
      expect(judgeActual(judge, text), text).toBe(evaluate(t.target, text).verdict);
    }
  });
});
