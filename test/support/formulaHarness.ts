import FormulaParser from "fast-formula-parser";

/**
 * Computes a compiled verdict formula the way Excel would for one cell's value, with fast-formula-parser.
 * Two gaps in that library are filled here so that the tests judge our formulas rather than the library:
 * - an empty cell is handed over as "" because the library does not make a blank equal "" as Excel does
 *   (Excel: =G5="" is TRUE for an empty G5; every formula tests that first);
 * - UPPER, a standard Excel function the library lacks, is supplied.
 */

/** What a worksheet cell can hold: a number (dates are serials), a boolean, a text, or nothing. */
export type CellValue = number | boolean | string | null;

const POSITION = { sheet: "Sheet1", row: 1, col: 1 };

const { FormulaHelpers, Types } = FormulaParser;

const EXCEL_FUNCTIONS_MISSING_FROM_LIBRARY = {
  UPPER: (text: unknown) => String(FormulaHelpers.accept(text, Types.STRING)).toUpperCase(),
};

/** The value the one cell the formula reads holds; one parser serves every call (building one is slow). */
let currentCell: CellValue = null;
const parser = new FormulaParser({
  onCell: () => (currentCell === null ? "" : currentCell),
  functions: EXCEL_FUNCTIONS_MISSING_FROM_LIBRARY,
});

/** The formula's result for a cell value; Excel errors ("#VALUE!") come back as their text so a test can show them. */
export function computeFormula(formula: string, cell: CellValue): unknown {
  currentCell = cell;
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  try {
    const result = parser.parse(body, POSITION);
    return isFormulaError(result) ? String(result) : result;
  } catch (error) {
    return `#ERROR (${String(error)})`;
  }
}

function isFormulaError(value: unknown): boolean {
  return typeof value === "object" && value !== null && "_error" in value;
}
