import type { Comparator, Target } from "../target/schema";
import { applyUnitColumn } from "../target/unitColumn";
import { evaluate } from "./evaluate";
import { COMPARISON_DECIMALS, LARGEST_ROUNDED } from "./compare";
import type { EvaluateOptions, VerdictCode } from "./schema";

/**
 * A verdict code without the explanation, prepared once per target: a sheet judges thousands of cells against a
 * handful of targets. Numbers, flags and simple percent texts take a fast path doing what `evaluate` does for
 * them; everything else goes through `evaluate` itself, so the two cannot disagree (a property test checks it).
 * A plain record read by one function (rather than a closure per target) keeps the hot call site monomorphic.
 */
export interface Judge {
  readonly mode: JudgeMode;
  readonly comparator: Comparator;
  /** Threshold already rounded for comparison. */
  readonly threshold: number;
  /** "Hoàn thành 30% dữ liệu…" also takes TRUE/FALSE for done/not done. */
  readonly acceptsFlags: boolean;
  /** Best grade letter's code for "Xếp hạng A" targets. */
  readonly gradeCode: number;
  readonly target: Target;
  readonly options: EvaluateOptions;
}

type JudgeMode = "percent" | "quantity" | "flag" | "grade" | "evaluate";

const PERCENT_CEILING = 100 + 1e-9;
/** Same rounding as roundForComparison, with the factor computed once: this runs per cell. */
const FACTOR = 10 ** COMPARISON_DECIMALS;

export function compileJudge(written: Target, options: EvaluateOptions = {}): Judge {
  const target = applyUnitColumn(written, options.unit);
  const base = { target, options, comparator: "gte" as Comparator, threshold: 0, acceptsFlags: false, gradeCode: 0 };
  // Pending depends on dates; keep that logic in one place.
  if (options.asOf) return { ...base, mode: "evaluate" };
  switch (target.kind) {
    case "percent":
      return {
        ...base,
        mode: "percent",
        comparator: target.comparator,
        threshold: round(target.value),
      };
    case "count":
    case "frequency":
      return { ...base, mode: "quantity", comparator: target.comparator, threshold: round(target.value) };
    case "deadline":
      if (target.share !== undefined) {
        return { ...base, mode: "percent", threshold: round(target.share), acceptsFlags: true };
      }
      return { ...base, mode: "flag" };
    case "document":
    case "recurring":
      // Without an as-of date a flag is simply done or not; dates and words go through evaluate.
      return { ...base, mode: "flag" };
    case "grade":
      return { ...base, mode: "grade", gradeCode: target.grade.charCodeAt(0) };
    default:
      return { ...base, mode: "evaluate" };
  }
}

export function judgeActual(judge: Judge, actual: unknown): VerdictCode {
  if (actual === null || actual === undefined || actual === "") return "no_data";
  switch (judge.mode) {
    case "percent": {
      let points: number | undefined;
      // A number is a cell's value, a fraction whatever the unit column says (readsAsPoints); bare text such as
      // "52,9" beside a "%" unit column goes through evaluate.
      if (typeof actual === "number") points = Number.isFinite(actual) ? actual * 100 : undefined;
      else if (typeof actual === "string") points = simplePercentText(actual);
      else if (judge.acceptsFlags && typeof actual === "boolean") return actual ? "met" : "not_met";
      if (points === undefined) break;
      if (points < 0 || points > PERCENT_CEILING) return "invalid_actual";
      return meets(judge, round(points)) ? "met" : "not_met";
    }
    case "quantity":
      if (typeof actual !== "number" || !Number.isFinite(actual)) break;
      if (actual < 0) return "invalid_actual";
      return meets(judge, round(actual)) ? "met" : "not_met";
    case "flag":
      if (actual === true) return "met";
      if (actual === false) return "not_met";
      break;
    case "grade": {
      if (typeof actual !== "string" || actual.length !== 1) break;
      const letter = actual.toUpperCase().charCodeAt(0);
      if (letter < 65 || letter > 70) break;
      return letter <= judge.gradeCode ? "met" : "not_met";
    }
    case "evaluate":
      break;
  }
  return evaluate(judge.target, actual, judge.options).verdict;
}

function round(value: number): number {
  if (value >= LARGEST_ROUNDED || value <= -LARGEST_ROUNDED) return value;
  return Math.round(value * FACTOR) / FACTOR;
}

function meets(judge: Judge, rounded: number): boolean {
  switch (judge.comparator) {
    case "gte":
      return rounded >= judge.threshold;
    case "gt":
      return rounded > judge.threshold;
    case "lte":
      return rounded <= judge.threshold;
    case "lt":
      return rounded < judge.threshold;
  }
}

/**
 * "90%", "90,5%": the text officers type when Excel did not turn it into a number; anything else gives undefined
 * and goes through evaluate. Read by hand rather than with a regular expression: this runs per cell.
 */
function simplePercentText(text: string): number | undefined {
  const length = text.length;
  if (length < 2 || length > 14 || text.charCodeAt(length - 1) !== 37 /* % */) return undefined;
  let whole = 0;
  let fraction = 0;
  let divisor = 1;
  let wholeDigits = 0;
  let inFraction = false;
  for (let i = 0; i < length - 1; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 44 /* , */ && !inFraction && wholeDigits > 0) {
      inFraction = true;
      continue;
    }
    const digit = code - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (inFraction) {
      fraction = fraction * 10 + digit;
      divisor *= 10;
    } else {
      whole = whole * 10 + digit;
      wholeDigits += 1;
    }
  }
  if (wholeDigits === 0 || wholeDigits > 3 || (inFraction && divisor === 1)) return undefined;
  // Same double as Number("90.5"), which evaluate reads: integer digits and a power of ten divide exactly once.
  return inFraction ? (whole * divisor + fraction) / divisor : whole;
}
