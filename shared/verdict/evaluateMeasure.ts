import type { CountTarget, FrequencyTarget, PercentTarget } from "../target/schema";
import { PER_UNIT_NAMES } from "../target/names";
import { readNumber } from "./actual";
import { compare, margin, roundForComparison } from "./compare";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { COMPARATOR_SYMBOLS, NEGATED_SYMBOLS, showDate, showDistinct, showNumber, verdict } from "./present";
import type { EvaluateOptions, Verdict } from "./schema";

const NO_DATA = "Chưa có số liệu để đánh giá.";

/** True when a "%" column says bare numbers written as text are already percentage points. */
export function unitIsPercent(unit: string | undefined): boolean {
  return unit !== undefined && unit.trim() === "%";
}

/**
 * Whether a reading is already in percentage points. A number is what a workbook cell holds, and a workbook cell
 * holds a percentage as a fraction (92% is 0.92) whatever the unit column says: Excel formats it, the report form
 * and the pane's table write it so. Text is what a document writes: "92%" is points, and a bare "52,9" is points
 * only beside a "%" unit column (multi-year tables, results reports).
 */
export function readsAsPoints(actual: unknown, reading: { writtenAsPercent: boolean }, unit: string | undefined): boolean {
  return reading.writtenAsPercent || (typeof actual === "string" && unitIsPercent(unit));
}

export function evaluatePercent(target: PercentTarget, actual: unknown, options: EvaluateOptions): Verdict {
  const reading = readNumber(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid") return verdict("invalid_actual", reading.message);
  const inPoints = readsAsPoints(actual, reading, options.unit);
  const points = inPoints ? reading.value : reading.value * 100;
  if (points < 0 || points > 100 + 1e-9) {
    const scaled = !inPoints;
    return verdict("invalid_actual", `Tỷ lệ ${showNumber(points)}% nằm ngoài khoảng 0–100%.${scaled ? pointsHint(reading.value) : ""}`);
  }
  const subject = target.qualifier ? `${target.qualifier} đạt ` : "";
  return judgeNumber(points, target.comparator, target.value, "%", subject, options);
}

/**
 * 90 typed where Excel expects 0,9: suggest both ways of writing it, with the fraction exact ("0,015", not the
 * two-decimal "0,02" an officer would copy wrongly). No hint when the number is no percentage either (-5, 250).
 */
function pointsHint(value: number): string {
  if (value < 0 || value > 100) return "";
  return ` Nếu ý là ${formatVietnameseNumber(value)}%, hãy nhập ${formatVietnameseNumber(value)}% hoặc ${formatVietnameseNumber(roundForComparison(value / 100))}.`;
}

export function evaluateQuantity(target: CountTarget | FrequencyTarget, actual: unknown, options: EvaluateOptions): Verdict {
  const reading = readNumber(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid") return verdict("invalid_actual", reading.message);
  if (reading.writtenAsPercent) return verdict("invalid_actual", `Chỉ tiêu tính bằng số lượng, không phải tỷ lệ: nhập số ${target.unit ?? ""} thay vì "${String(actual)}".`.replace("  ", " "));
  if (reading.value < 0) return verdict("invalid_actual", `Số lượng không thể âm (${showNumber(reading.value)}).`);
  const unit = target.kind === "frequency" ? `${target.unit}/${PER_UNIT_NAMES[target.per]}` : (target.unit ?? "");
  return judgeNumber(reading.value, target.comparator, target.value, unit, "", options);
}

/** Points from a reading for a percent target (see readsAsPoints). */
export function percentPoints(actual: unknown, reading: { value: number; writtenAsPercent: boolean }, options: EvaluateOptions): number {
  return readsAsPoints(actual, reading, options.unit) ? reading.value : reading.value * 100;
}

export function judgeNumber(
  value: number,
  comparator: PercentTarget["comparator"],
  threshold: number,
  unit: string,
  subject: string,
  options: EvaluateOptions,
): Verdict {
  const gap = margin(value, comparator, threshold);
  const withUnit = (n: string) => (unit === "%" ? `${n}%` : unit ? `${n} ${unit}` : n);
  const [shownValue, shownThreshold] = showDistinct(value, threshold).map(withUnit);
  if (compare(value, comparator, threshold)) {
    return verdict("met", `Đạt: ${subject}${shownValue} ${COMPARATOR_SYMBOLS[comparator]} ${shownThreshold}`, gap, unit || null);
  }
  const miss = `${subject}${shownValue} ${NEGATED_SYMBOLS[comparator]} ${shownThreshold}`;
  if (options.asOf && options.dueDate && options.asOf < options.dueDate) {
    return verdict("pending", `Chưa đạt: ${miss}, còn đến hạn ${showDate(options.dueDate)}`, gap, unit || null);
  }
  return verdict("not_met", `Không đạt: ${miss}`, gap, unit || null);
}
