import type { CountTarget, FrequencyTarget, PercentTarget } from "../target/schema";
import { PER_UNIT_NAMES } from "../target/names";
import { readNumber } from "./actual";
import { compare, margin } from "./compare";
import { COMPARATOR_SYMBOLS, NEGATED_SYMBOLS, showDate, showNumber, verdict } from "./present";
import type { EvaluateOptions, Verdict } from "./schema";

const NO_DATA = "Chưa có số liệu để đánh giá.";

/** True when a "%" column says bare numbers are already percentage points. */
export function unitIsPercent(unit: string | undefined): boolean {
  return unit !== undefined && unit.trim() === "%";
}

export function evaluatePercent(target: PercentTarget, actual: unknown, options: EvaluateOptions): Verdict {
  const reading = readNumber(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid") return verdict("invalid_actual", reading.message);
  // Excel stores 90% as 0.9; text "90%" and a "%" unit column mean points already.
  const points = reading.writtenAsPercent || unitIsPercent(options.unit) ? reading.value : reading.value * 100;
  if (points < 0 || points > 100 + 1e-9) {
    const hint = reading.writtenAsPercent || unitIsPercent(options.unit) ? "" : ` Nếu ý là ${showNumber(reading.value)}%, hãy nhập ${showNumber(reading.value)}% hoặc ${showNumber(reading.value / 100)}.`;
    return verdict("invalid_actual", `Tỷ lệ ${showNumber(points)}% nằm ngoài khoảng 0–100%.${hint}`);
  }
  const subject = target.qualifier ? `${target.qualifier} đạt ` : "";
  return judge(points, target.comparator, target.value, "%", subject, options);
}

export function evaluateQuantity(target: CountTarget | FrequencyTarget, actual: unknown, options: EvaluateOptions): Verdict {
  const reading = readNumber(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid") return verdict("invalid_actual", reading.message);
  if (reading.writtenAsPercent) return verdict("invalid_actual", `Chỉ tiêu tính bằng số lượng, không phải tỷ lệ: nhập số ${target.unit ?? ""} thay vì "${String(actual)}".`.replace("  ", " "));
  if (reading.value < 0) return verdict("invalid_actual", `Số lượng không thể âm (${showNumber(reading.value)}).`);
  const unit = target.kind === "frequency" ? `${target.unit}/${PER_UNIT_NAMES[target.per]}` : (target.unit ?? "");
  return judge(reading.value, target.comparator, target.value, unit, "", options);
}

function judge(
  value: number,
  comparator: PercentTarget["comparator"],
  threshold: number,
  unit: string,
  subject: string,
  options: EvaluateOptions,
): Verdict {
  const gap = margin(value, comparator, threshold);
  const show = (n: number) => (unit === "%" ? `${showNumber(n)}%` : unit ? `${showNumber(n)} ${unit}` : showNumber(n));
  if (compare(value, comparator, threshold)) {
    return verdict("met", `Đạt: ${subject}${show(value)} ${COMPARATOR_SYMBOLS[comparator]} ${show(threshold)}`, gap, unit || null);
  }
  const miss = `${subject}${show(value)} ${NEGATED_SYMBOLS[comparator]} ${show(threshold)}`;
  if (options.asOf && options.dueDate && options.asOf < options.dueDate) {
    return verdict("pending", `Chưa đạt: ${miss}, còn đến hạn ${showDate(options.dueDate)}`, gap, unit || null);
  }
  return verdict("not_met", `Không đạt: ${miss}`, gap, unit || null);
}
