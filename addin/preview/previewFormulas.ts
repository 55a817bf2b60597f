import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { evaluate } from "../../shared/verdict/evaluate";
import { kpiStatus } from "../functions/kpiFunctions";
import type { FormulaMeaning } from "../report/planReportTable";

/**
 * The preview has no spreadsheet engine: it computes only the formulas the planner writes, from what each one is
 * declared to compute, with the same shared code Excel runs (KPI.STATUS's logic, evaluate for compiled formulas).
 * A formula the officer wrote keeps the value it had in Excel.
 */

/** A raw cell value: numbers for dates, "" for a formula that shows nothing. */
export type RawValue = string | number | boolean | null | { error: string };

export function previewResult(meaning: FormulaMeaning, valueAt: (address: string) => RawValue): RawValue {
  switch (meaning.kind) {
    case "rate": {
      const numerator = valueAt(meaning.numerator);
      const denominator = valueAt(meaning.denominator);
      if (isError(numerator)) return numerator;
      if (isError(denominator)) return denominator;
      if (typeof numerator !== "number" || typeof denominator !== "number" || !(denominator > 0)) return "";
      return numerator / denominator;
    }
    case "status": {
      const actual = valueAt(meaning.actual);
      const target = valueAt(meaning.target);
      // A custom function given an error cell is not called: Excel shows #VALUE!.
      if (isError(actual) || isError(target)) return { error: "#VALUE!" };
      const result = kpiStatus(actual, target, undefined, meaning.unit);
      return "value" in result ? result.value : { error: "#VALUE!" };
    }
    case "verdict": {
      const actual = valueAt(meaning.actual);
      if (isError(actual)) return actual;
      return evaluate(meaning.target, actual, {
        ...(meaning.unit ? { unit: meaning.unit } : {}),
        ...(meaning.dueDate ? { dueDate: meaning.dueDate } : {}),
      }).label;
    }
    case "officer":
      return meaning.value satisfies SheetCell;
  }
}

function isError(value: RawValue): value is { error: string } {
  return value !== null && typeof value === "object";
}
