import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import demo from "../../functions/data/demo-catalogue.json";
import { buildReportWorkbook } from "../../functions/workbook/reportForm";
import { kpiFormula } from "../../addin/functions/kpiFunctions";
import { planReportTable } from "../../addin/report/planReportTable";
import { catalogueSchema } from "../../shared/catalogue/model";
import { compileFormula } from "../../shared/formula/compile";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import { demoView, withTarget } from "../addin/report/fixtures";

/**
 * One convention for percentages: a workbook cell holds a fraction, so no formula this product writes for a rate
 * multiplies by 100 — not the plain verdict formula (KPI.FORMULA), not the pane's table, not the offline form — and a
 * "%" unit column changes none of them.
 */

const catalogue = catalogueSchema.parse(demo);
const SCALED = /\*\s*100(?![\d.])/;

/** The agency's rows, each also as a multi-year table writes it: a bare "≥ 70" beside the unit "%". */
function viewsWithUnits(): PeriodAssignments[] {
  const view = demoView();
  const percentUnit: PeriodAssignments = { ...view, assignments: view.assignments.map((a) => ({ ...a, unit: "%" })) };
  const bare: PeriodAssignments = { ...view, assignments: [withTarget(view.assignments[0]!, "≥ 70", "%"), withTarget(view.assignments[1]!, "Tối thiểu 90%", "%")] };
  return [view, percentUnit, bare];
}

describe("no generated formula multiplies a rate by 100", () => {
  it("KPI.FORMULA and the compiled verdict formula, for every target of the shipped catalogue, with and without a \"%\" unit", () => {
    const texts = [...new Set(catalogue.assignments.map((assignment) => assignment.targetText)), "≥ 70", "Hoàn thành 30% dữ liệu trong năm 2022"];
    expect(texts.length).toBeGreaterThan(50);
    let formulas = 0;
    for (const text of texts) {
      for (const unit of [undefined, "%"]) {
        const result = kpiFormula(text, "G5", unit);
        if (!("value" in result)) continue;
        formulas += 1;
        expect(result.value, `${text} (unit ${unit ?? "none"})`).not.toMatch(SCALED);
      }
    }
    expect(formulas).toBeGreaterThan(texts.length);
  });

  it("the pane's table, in both verdict modes", () => {
    for (const view of viewsWithUnits()) {
      for (const verdictMode of ["kpi", "formula"] as const) {
        const plan = planReportTable(view, undefined, { verdictMode, functionNamespace: "KPI" });
        const formulas = plan.rows.flatMap((row) => row.cells.flatMap((cell) => ("formula" in cell ? [cell.formula] : [])));
        expect(formulas.some((formula) => formula.includes("/"))).toBe(true);
        expect(formulas.filter((formula) => SCALED.test(formula))).toEqual([]);
      }
    }
  });

  it("the offline form, read back as the officer's Excel would open it", async () => {
    for (const view of viewsWithUnits()) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await buildReportWorkbook(view)).buffer as ArrayBuffer);
      const formulas: string[] = [];
      workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (cell.formula && formulas.push(cell.formula)))));
      expect(formulas.length).toBeGreaterThan(view.assignments.length);
      expect(formulas.filter((formula) => SCALED.test(formula))).toEqual([]);
    }
  });

  it("the pattern itself catches the old rate formula", () => {
    expect(SCALED.test("E5/F5*100")).toBe(true);
    expect(SCALED.test("ROUND(G5*100,9)")).toBe(true);
    expect(SCALED.test("G5>1.00000000001")).toBe(false);
    expect(compileFormula({ kind: "percent", comparator: "gte", value: 90 }, "G5").ok).toBe(true);
  });
});
