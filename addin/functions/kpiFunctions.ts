import type { ParseResult, Target } from "../../shared/target/schema";
import { explainParse } from "../../shared/target/explain";
import { evaluate } from "../../shared/verdict/evaluate";
import type { Verdict } from "../../shared/verdict/schema";
import { compileFormula } from "../../shared/formula/compile";
import { excelSerialToIsoDate, parseDateText } from "../../shared/period/excelDate";
import { cachedParse, cachedTarget } from "./parseCache";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import { judgeActual } from "../../shared/verdict/judge";

/**
 * The logic behind the KPI custom functions, free of Excel so that it is tested and benchmarked in Node.
 * Each function returns a value or a failure that the Excel layer turns into an error cell with the message.
 */

export type FunctionFailure = { failure: "invalid_value" | "not_available" | "division_by_zero"; message: string };
export type FunctionResult<T> = { value: T } | FunctionFailure;

/** Excel hands an empty optional argument or an empty cell as null, undefined or "". */
type CellValue = string | number | boolean | null | undefined;

function targetOf(text: CellValue, unit?: CellValue): { target: Target } | FunctionFailure {
  if (typeof text !== "string") {
    if (text === null || text === undefined) return { target: { kind: "manual", reason: "empty", text: "" } };
    return { failure: "invalid_value", message: "Chỉ tiêu phải là văn bản, ví dụ \"Tối thiểu 90%\"." };
  }
  const parsed: ParseResult = cachedParse(text, typeof unit === "string" && unit.trim() !== "" ? unit : undefined);
  if (!parsed.ok) return { failure: "invalid_value", message: explainParse(parsed) };
  return { target: parsed.target };
}

/** Shared, frozen results: the hot path of KPI.STATUS allocates nothing. */
const LABEL_RESULTS = Object.fromEntries(
  Object.entries(VERDICT_LABELS).map(([code, label]) => [code, Object.freeze({ value: label })]),
) as Record<keyof typeof VERDICT_LABELS, { readonly value: string }>;

function cleanUnit(unit: CellValue): string | undefined {
  return typeof unit === "string" && unit.trim() !== "" ? unit : undefined;
}

function asOfDate(asOf: CellValue): { asOf?: string } | FunctionFailure {
  if (asOf === null || asOf === undefined || asOf === "") return {};
  const iso = typeof asOf === "number" ? excelSerialToIsoDate(asOf) : typeof asOf === "string" ? parseDateText(asOf) : undefined;
  if (!iso) return { failure: "invalid_value", message: "Ngày đánh giá không hợp lệ: dùng một ô ngày hoặc dạng 30/6/2025." };
  return { asOf: iso };
}

function judge(actual: CellValue, targetText: CellValue, asOf: CellValue, unit: CellValue): FunctionResult<Verdict> {
  const target = targetOf(targetText, unit);
  if ("failure" in target) return target;
  const date = asOfDate(asOf);
  if ("failure" in date) return date;
  const options = { ...date, ...(typeof unit === "string" && unit.trim() !== "" ? { unit } : {}) };
  return { value: evaluate(target.target, actual, options) };
}

/**
 * KPI.STATUS: the verdict label ("Đạt", "Không đạt", "Chưa đạt", "Chưa có số liệu", "Cần đánh giá", "Số liệu không
 * hợp lệ"). A wrong value is a label like the compiled formula writes, so that both colour the same; a wrong target
 * is an error cell, because the sheet itself is wrong.
 */
export function kpiStatus(actual: CellValue, targetText: CellValue, asOf?: CellValue, unit?: CellValue): FunctionResult<string> {
  const noDate = asOf === null || asOf === undefined || asOf === "";
  if (noDate && typeof targetText === "string") {
    const cached = cachedTarget(targetText, cleanUnit(unit));
    if (cached.judge) return LABEL_RESULTS[judgeActual(cached.judge, actual)];
  }
  const result = judge(actual, targetText, asOf, unit);
  if ("failure" in result) return result;
  return { value: result.value.label };
}

/** KPI.GAP: how far the actual is above (positive) or short of (negative) the threshold, in the target's unit. */
export function kpiGap(actual: CellValue, targetText: CellValue, unit?: CellValue): FunctionResult<number> {
  const result = judge(actual, targetText, undefined, unit);
  if ("failure" in result) return result;
  const verdict = result.value;
  if (verdict.verdict === "invalid_actual") return { failure: "invalid_value", message: verdict.explanation };
  if (verdict.gap === null) return { failure: "not_available", message: `Không tính được khoảng cách: ${verdict.explanation}` };
  return { value: verdict.gap };
}

/** KPI.EXPLAIN: how the target is read, in Vietnamese, or where it is wrong. */
export function kpiExplain(targetText: CellValue): FunctionResult<string> {
  if (typeof targetText !== "string") return { failure: "invalid_value", message: "Chỉ tiêu phải là văn bản." };
  return { value: explainParse(cachedParse(targetText)) };
}

/** KPI.RATE: numerator / denominator as a fraction Excel formats as a percentage, with the checks officers forget. */
export function kpiRate(numerator: CellValue, denominator: CellValue): FunctionResult<number | string> {
  const empty = (value: CellValue) => value === null || value === undefined || value === "";
  if (empty(numerator) && empty(denominator)) return { value: "" };
  if (typeof numerator !== "number" || typeof denominator !== "number") {
    return { failure: "invalid_value", message: "Tử số và mẫu số phải là số." };
  }
  if (numerator < 0 || denominator < 0) return { failure: "invalid_value", message: "Tử số và mẫu số không được âm." };
  if (denominator === 0) return { failure: "division_by_zero", message: "Mẫu số bằng 0: chưa có đối tượng để tính tỷ lệ." };
  if (numerator > denominator) {
    return { failure: "invalid_value", message: `Tử số (${numerator}) lớn hơn mẫu số (${denominator}): kiểm tra lại số liệu.` };
  }
  return { value: numerator / denominator };
}

/** KPI.FORMULA: the plain Excel formula that gives the same verdict without the add-in. */
export function kpiFormula(targetText: CellValue, cellAddress: CellValue, unit?: CellValue): FunctionResult<string> {
  const target = targetOf(targetText, unit);
  if ("failure" in target) return target;
  if (typeof cellAddress !== "string") return { failure: "invalid_value", message: "Địa chỉ ô phải là văn bản, ví dụ \"G5\"." };
  const compiled = compileFormula(target.target, cellAddress, typeof unit === "string" && unit.trim() !== "" ? { unit } : {});
  if (!compiled.ok) return { failure: "invalid_value", message: compiled.message };
  return { value: compiled.formula };
}
