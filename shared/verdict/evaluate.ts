import { thresholdDue, type Target } from "../target/schema";
import { applyUnitColumn } from "../target/unitColumn";
import { isEmptyActual } from "./actual";
import { evaluateDeadline, evaluateDuty } from "./evaluateDeliverable";
import { evaluatePercent, evaluateQuantity } from "./evaluateMeasure";
import { evaluateGrade, evaluateRank } from "./evaluateStanding";
import { verdict } from "./present";
import { evaluateRange, evaluateRatio } from "./evaluateRange";
import { evaluateStaged, evaluateWithDue } from "./evaluateDue";
import type { EvaluateOptions, Verdict } from "./schema";

/**
 * Judges one reported value against one target. The same function runs in Excel (KPI.STATUS) and on the server,
 * so both always agree. Never throws: a value that cannot be read gives "invalid_actual" with the reason.
 */
export function evaluate(written: Target, actual: unknown, options: EvaluateOptions = {}): Verdict {
  const target = applyUnitColumn(written, options.unit);
  const due = thresholdDue(target);
  if (due) return evaluateWithDue(target, due, actual, options, evaluate);
  switch (target.kind) {
    case "percent":
      return evaluatePercent(target, actual, options);
    case "count":
    case "frequency":
      return evaluateQuantity(target, actual, options);
    case "deadline":
      return evaluateDeadline(target, actual, options);
    case "document":
    case "recurring":
      return evaluateDuty(target, actual, options);
    case "grade":
      return evaluateGrade(target, actual);
    case "rank":
      return evaluateRank(target, actual);
    case "range":
      return evaluateRange(target, actual, options);
    case "ratio":
      return evaluateRatio(target, actual, options);
    case "staged":
      return evaluateStaged(target, actual, options, evaluate);
    case "manual":
      if (isEmptyActual(actual)) return verdict("no_data", "Chưa có kết quả thực hiện.");
      return verdict("needs_review", "Cần đánh giá: chỉ tiêu không có ngưỡng để so sánh tự động, cần người đánh giá.");
  }
}
