import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFormula, type CompileOptions } from "../../shared/formula/compile";
import { parseTarget } from "../../shared/target/parse";
import { formatTarget } from "../../shared/target/format";
import type { Target } from "../../shared/target/schema";
import { evaluate } from "../../shared/verdict/evaluate";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import { isoDateToExcelSerial } from "../../shared/period/excelDate";
import { anyTarget, isoDate, targetWithCells, type ExcelCell } from "../support/arbitraries";
import { computeFormula, type CellValue } from "../support/formulaHarness";

/**
 * An officer without the add-in gets a plain formula; it must write the same label as the add-in for every value a
 * cell can hold: numbers (percentages as fractions, dates as serials), TRUE/FALSE and an empty cell.
 */

function target(text: string, unit?: string): Target {
  const result = parseTarget(text, unit === undefined ? {} : { unit });
  if (!result.ok) throw new Error(`"${text}" does not parse`);
  return result.target;
}

function formulaFor(t: Target, options: CompileOptions = {}): string {
  const compiled = compileFormula(t, "G5", options);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.formula;
}

/** The label Excel would show, and the label evaluate gives, for one cell value. */
function bothLabels(t: Target, cell: CellValue, options: CompileOptions = {}): { formula: unknown; evaluate: string } {
  return { formula: computeFormula(formulaFor(t, options), cell), evaluate: evaluate(t, cell, options).label };
}

const serial = (isoDate: string) => isoDateToExcelSerial(isoDate);

const TABLE: Array<[string, CellValue[], CompileOptions?]> = [
  ["Tối thiểu 90%", [null, 0, 0.5, 0.899, 0.9, 0.9000000001, 0.91, 1, 1.0000000001, 1.5, 90, -0.01, true, false]],
  ["$>95\\%$", [0.949, 0.95, 0.950001, 1, null, true]],
  ["≤ 10%", [0, 0.1, 0.1000001, 0.2, -0.1]],
  ["< 5%", [0.049, 0.05, 0.051]],
  ["≥ 57%", [0.57, 0.5699, 0.5700000001]],
  ["0%", [0, 0.0001, 1, -0.0001]],
  ["100%", [1, 0.999999999, 0.99999999999, 1.000000001]],
  ["Mức 4 ≥ 80%", [0.8, 0.79]],
  ["Tối thiểu 1% tổng chi ngân sách", [0.01, 0.0099]],
  // A "%" unit column reads the bare target as 70%; the cell still holds a fraction, as Excel stores 52,9%.
  ["≥ 70", [0.529, 0.7, 0.701, 1, 1.000000001, -0.01, 52.9, 70], { unit: "%" }],
  ["≥ 33,3%", [0.333, 0.3329999999, 0.33300000001]],
  [">240 tin, bài/năm", [240, 240.0000001, 241, 0, -1, true, null]],
  ["Tối thiểu 200 tin, bài/ năm", [199, 200, 201]],
  ["≥ 25 doanh nghiệp", [24, 24.999, 25, 26, false]],
  ["Tối đa 3 lần/tháng", [2, 3, 4]],
  ["Dưới 5 ngày", [4.99, 5, 6]],
  [">100.000 lượt sử dụng các dịch vụ khác nhau", [100_000, 100_001]],
  [
    "Hoàn thành năm 2022",
    [true, false, 1, 0, 2, 0.5, 19_999, 20_000, serial("2022-12-31"), serial("2023-01-01"), serial("2022-06-30") + 0.5, 2_958_465, 2_958_466, -5, null],
  ],
  ["Quý II/2025", [serial("2025-06-30"), serial("2025-07-01"), true, false]],
  ["Tháng 3/2025", [serial("2025-03-31"), serial("2025-04-01")]],
  ["30/6/2025", [serial("2025-06-30"), serial("2025-07-01")]],
  ["Bắt đầu từ tháng 6/2022", [serial("2022-06-30"), serial("2022-07-01"), serial("2022-05-01"), true, false]],
  ["Hoàn thành 30% dữ liệu trong năm 2022", [0.3, 0.2999999, 0.31, 1, 1.01, -0.1, true, false, null]],
  ["Hoàn thành 0% dữ liệu trong năm 2022", [0, true, false]],
  ["Đề án", [true, false, 1, 0, serial("2025-12-31"), serial("2026-01-01"), 3]],
  ["Đề án", [serial("2025-06-30"), serial("2025-07-01"), true], { dueDate: "2025-06-30" }],
  ["Nghị quyết của HĐND tỉnh", [true, false, null]],
  ["Hàng năm", [true, false, 1, 0, 0.5]],
  ["Thường xuyên", [true, serial("2025-06-30")], { dueDate: "2025-06-30" }],
  ["Xếp hạng B", [1, 0, true, false, null]],
  ["Top 10", [1, 10, 10.5, 11, 0, -1, true, null]],
  ["Thực hiện theo lộ trình của Bộ LD-TB&XH", [1, 0, true, null]],
  ["", [1, null]],
  ["Khoảng 90%", [0.9, null]],
];

describe("compiled formulas agree with evaluate", () => {
  it.each(TABLE)("%s", (text, cells, options = {}) => {
    const t = target(text, options.unit);
    for (const cell of cells) {
      const { formula, evaluate: expected } = bothLabels(t, cell, options);
      expect(formula, `${text} with ${JSON.stringify(cell)}`).toBe(expected);
    }
  });

  it("the labels cover the cases an officer meets: met, not met, no data, invalid, needs review", () => {
    const labels = new Set(TABLE.flatMap(([text, cells, options = {}]) => cells.map((cell) => bothLabels(target(text, options.unit), cell, options).formula)));
    for (const code of ["met", "not_met", "no_data", "invalid_actual", "needs_review"] as const) {
      expect(labels).toContain(VERDICT_LABELS[code]);
    }
  });

  it("the usual words typed in a deadline or document cell read the same in both", () => {
    for (const text of ["Hoàn thành năm 2022", "Đề án"]) {
      const t = target(text);
      for (const word of ["Hoàn thành", "Đã hoàn thành", "Đạt", "Có", "x", "Chưa hoàn thành", "Không hoàn thành", "Không đạt", "Chưa đạt", "Chưa", "Không"]) {
        const { formula, evaluate: expected } = bothLabels(t, word);
        expect(formula, `${text} with "${word}"`).toBe(expected);
      }
    }
  });

  it("a text the formula does not know in a deadline cell says invalid, never an Excel error", () => {
    expect(computeFormula(formulaFor(target("Hoàn thành năm 2022")), "sắp xong")).toBe(VERDICT_LABELS.invalid_actual);
    expect(computeFormula(formulaFor(target("≥ 90%")), "abc")).toBe(VERDICT_LABELS.invalid_actual);
    expect(computeFormula(formulaFor(target("Xếp hạng B")), "A")).toBe(VERDICT_LABELS.met);
    expect(computeFormula(formulaFor(target("Xếp hạng B")), "c")).toBe(VERDICT_LABELS.not_met);
  });

  it("a threshold written with more than nine decimals is rounded as evaluate rounds it", () => {
    const t: Target = { kind: "percent", comparator: "gte", value: 90.0000000001 };
    expect(bothLabels(t, 0.9)).toEqual({ formula: VERDICT_LABELS.met, evaluate: VERDICT_LABELS.met });
    expect(formulaFor({ kind: "count", comparator: "gte", value: 1e-10 })).not.toMatch(/e-/i);
  });

  it("refuses a cell reference that is not one, with a Vietnamese message", () => {
    expect(compileFormula(target("≥ 90%"), "G5:G6")).toMatchObject({ ok: false, code: "invalid_cell_reference", message: expect.stringContaining("địa chỉ ô") });
    expect(compileFormula(target("≥ 90%"), "$g$5")).toMatchObject({ ok: true, formula: expect.stringContaining("$G$5") });
  });
});

describe("compiled formulas agree with evaluate on generated targets and cells", () => {
  const options = fc.record({ unit: fc.constantFrom("%", "lượt"), dueDate: isoDate }, { requiredKeys: [] });

  it("for structured targets, with values around each threshold", () => {
    fc.assert(
      fc.property(
        options.chain((compileOptions) => targetWithCells(anyTarget).map((pair) => ({ ...pair, compileOptions }))),
        ({ target: t, cells, compileOptions }) => {
          const formula = formulaFor(t, compileOptions);
          for (const cell of cells) {
            expect(computeFormula(formula, cell), `${formatTarget(t)} with ${JSON.stringify(cell)} ${JSON.stringify(compileOptions)}`).toBe(
              evaluate(t, cell, compileOptions).label,
            );
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("for targets read from their canonical text", () => {
    fc.assert(
      fc.property(targetWithCells(anyTarget), ({ target: generated, cells }) => {
        const t = parseTarget(formatTarget(generated));
        if (!t.ok) return;
        const formula = formulaFor(t.target);
        for (const cell of cells as ExcelCell[]) {
          expect(computeFormula(formula, cell), `${t.normalized} with ${JSON.stringify(cell)}`).toBe(evaluate(t.target, cell).label);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
