import type { CalendarPoint, StagedTarget, Target } from "../target/schema";
import { calendarPointEnd, calendarPointLabel } from "../period/calendar";
import { isEmptyActual } from "./actual";
import { verdict } from "./present";
import type { EvaluateOptions, Verdict } from "./schema";

type Evaluate = (target: Target, actual: unknown, options: EvaluateOptions) => Verdict;

/**
 * A threshold with its own deadline ("… vào năm 2025", "Đạt 100% trước 30/6/2025"): both must hold. Judged before the
 * deadline, a miss is only "pending"; judged after it, a value that meets the threshold cannot tell when it was
 * reached, so a person confirms it. Without a judging date the value alone decides, as in a plain Excel formula.
 */
export function evaluateWithDue(target: Target, due: CalendarPoint, actual: unknown, options: EvaluateOptions, evaluate: Evaluate): Verdict {
  const dueDate = calendarPointEnd(due);
  const { due: _due, ...withoutDue } = target as Target & { due?: CalendarPoint };
  const result = evaluate(withoutDue as Target, actual, { ...options, dueDate });
  if (!options.asOf) return result;
  if (result.verdict === "not_met" && options.asOf < dueDate) {
    const explanation = `${result.explanation.replace(/^Không đạt/, "Chưa đạt")}, hạn ${calendarPointLabel(due)}`;
    return verdict("pending", explanation, result.gap, result.gapUnit);
  }
  if (result.verdict === "met" && options.asOf > dueDate) {
    return verdict(
      "needs_review",
      `Cần đánh giá: ${result.explanation.replace(/^Đạt: /, "")} nhưng hạn là ${calendarPointLabel(due)}, trước kỳ đánh giá: cần xác nhận đã đạt đúng hạn.`,
      result.gap,
      result.gapUnit,
    );
  }
  return result;
}

/** "50% (năm 2025) và 80% (năm 2030)": the stage whose deadline is the first not yet passed on the judging date. */
export function evaluateStaged(target: StagedTarget, actual: unknown, options: EvaluateOptions, evaluate: Evaluate): Verdict {
  if (isEmptyActual(actual)) return verdict("no_data", "Chưa có số liệu để đánh giá.");
  if (!options.asOf) {
    return verdict("needs_review", "Cần đánh giá: chỉ tiêu có ngưỡng riêng cho từng năm; cần biết kỳ đánh giá để chọn ngưỡng.");
  }
  const asOf = options.asOf;
  const stages = [...target.stages].sort((a, b) => calendarPointEnd(a.due).localeCompare(calendarPointEnd(b.due)));
  const stage = stages.find((candidate) => calendarPointEnd(candidate.due) >= asOf) ?? stages[stages.length - 1]!;
  const result = evaluate({ ...stage.target, due: stage.due } as Target, actual, options);
  // Which of the thresholds was applied is part of the verdict a person checks.
  return { ...result, explanation: `${result.explanation} (ngưỡng ${calendarPointLabel(stage.due)})` };
}
