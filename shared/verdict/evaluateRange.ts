import type { RangeTarget, RatioTarget } from "../target/schema";
import { readNumber } from "./actual";
import { roundForComparison } from "./compare";
import { judgeNumber, percentPoints } from "./evaluateMeasure";
import { showNumber, verdict } from "./present";
import type { EvaluateOptions, Verdict } from "./schema";
import { formatVietnameseNumber } from "../text/vietnameseNumber";

const NO_DATA = "Chưa có số liệu để đánh giá.";

/** "Từ 15% đến 20% GRDP": within meets it, below misses it, above goes to a person. */
export function evaluateRange(target: RangeTarget, actual: unknown, options: EvaluateOptions): Verdict {
  const reading = readNumber(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid") return verdict("invalid_actual", reading.message);
  const percent = target.measure === "percent";
  if (!percent && reading.writtenAsPercent) return verdict("invalid_actual", `Chỉ tiêu tính bằng số lượng, không phải tỷ lệ: "${String(actual)}".`);
  const value = roundForComparison(percent ? percentPoints(actual, reading, options) : reading.value);
  if (value < 0 || (percent && value > 100 + 1e-9)) return verdict("invalid_actual", `Giá trị ${showNumber(value)}${percent ? "%" : ""} không hợp lệ.`);
  const unit = percent ? "%" : (target.unit ?? "");
  const show = (n: number) => (percent ? `${showNumber(n)}%` : `${showNumber(n)}${unit ? ` ${unit}` : ""}`);
  const range = `${show(target.min)}–${show(target.max)}`;
  if (value < target.min) {
    const gap = roundForComparison(value - target.min);
    if (options.asOf && options.dueDate && options.asOf < options.dueDate) return verdict("pending", `Chưa đạt: ${show(value)} dưới khoảng ${range}`, gap, unit || null);
    return verdict("not_met", `Không đạt: ${show(value)} dưới khoảng ${range}`, gap, unit || null);
  }
  if (value > target.max) {
    return verdict("needs_review", `Cần đánh giá: ${show(value)} vượt khoảng ${range} của chỉ tiêu; người có thẩm quyền quyết định là đạt hay không.`, roundForComparison(value - target.max), unit || null);
  }
  return verdict("met", `Đạt: ${show(value)} trong khoảng ${range}`, roundForComparison(value - target.min), unit || null);
}

/** "> 0,7/1.000 dân": the actual is a number per the same base, or written as "0,8/1.000". */
export function evaluateRatio(target: RatioTarget, actual: unknown, options: EvaluateOptions): Verdict {
  const value = readPerBase(actual, target.per);
  if (value.kind === "empty") return verdict("no_data", NO_DATA);
  if (value.kind === "invalid") return verdict("invalid_actual", value.message);
  const unit = `${target.unit ? `${target.unit}` : ""}/${formatVietnameseNumber(target.per)} ${target.population}`;
  return judgeNumber(value.value, target.comparator, target.value, unit, "", options);
}

type PerBase = { kind: "empty" } | { kind: "value"; value: number } | { kind: "invalid"; message: string };

function readPerBase(actual: unknown, per: number): PerBase {
  if (typeof actual === "string") {
    const parts = /^\s*([\d.,]+)\s*\/\s*([\d.,]+)\b/.exec(actual);
    if (parts) {
      const top = readNumber(parts[1]);
      const bottom = readNumber(parts[2]);
      if (top.kind === "number" && bottom.kind === "number" && bottom.value > 0) return { kind: "value", value: (top.value * per) / bottom.value };
    }
  }
  const reading = readNumber(actual);
  if (reading.kind === "empty") return { kind: "empty" };
  if (reading.kind === "invalid") return { kind: "invalid", message: reading.message };
  if (reading.writtenAsPercent || reading.value < 0) {
    return { kind: "invalid", message: `Nhập số trên ${formatVietnameseNumber(per)} (ví dụ 0,8 hoặc 0,8/${formatVietnameseNumber(per)}), không phải "${String(actual)}".` };
  }
  return { kind: "value", value: reading.value };
}
