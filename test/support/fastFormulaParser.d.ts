/** The little of fast-formula-parser's untyped API the formula tests use. */
declare module "fast-formula-parser" {
  interface CellReference {
    sheet: string;
    row: number;
    col: number;
  }
  interface ParserOptions {
    onCell?: (reference: CellReference) => unknown;
    functions?: Record<string, (...args: unknown[]) => unknown>;
  }
  interface FormulaHelpersApi {
    accept(value: unknown, type?: number, defaultValue?: unknown): unknown;
  }
  class FormulaParser {
    constructor(options?: ParserOptions);
    parse(formula: string, position: CellReference, allowReturnArray?: boolean): unknown;
    static FormulaHelpers: FormulaHelpersApi;
    static Types: Record<string, number>;
  }
  export default FormulaParser;
}
