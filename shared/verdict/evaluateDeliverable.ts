import type { DeadlineTarget, DocumentTarget, RecurringTarget } from "../target/schema";
import { calendarPointEnd, calendarPointLabel } from "../period/calendar";
import { readDone, readNumber } from "./actual";
import { compare, margin } from "./compare";
import { readsAsPoints } from "./evaluateMeasure";
import { showDate, showNumber, verdict } from "./present";
import type { EvaluateOptions, Verdict } from "./schema";

const NO_DATA = "Chưa có kết quả thực hiện.";
const DAY_MS = 86_400_000;

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS);
}

/** "Hoàn thành năm 2022", "Quý II/2025", "Bắt đầu từ tháng 6/2022", "Hoàn thành 30% dữ liệu trong năm 2022". */
export function evaluateDeadline(target: DeadlineTarget, actual: unknown, options: EvaluateOptions): Verdict {
  const due = calendarPointEnd(target.due);
  const dueLabel = calendarPointLabel(target.due);
  if (target.share !== undefined) return evaluateShareByDeadline(target, target.share, due, dueLabel, actual, options);

  const reading = readDone(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid") return verdict("invalid_actual", reading.message);
  const started = target.mode === "start";
  if (reading.kind === "done") {
    if (!reading.on) return verdict("met", started ? `Đạt: đã triển khai (từ ${dueLabel})` : `Đạt: đã hoàn thành (hạn ${dueLabel})`);
    const early = daysBetween(reading.on, due);
    if (early >= 0) {
      const what = started ? "bắt đầu" : "hoàn thành";
      return verdict("met", `Đạt: ${what} ngày ${showDate(reading.on)}, trong hạn ${dueLabel}`, early, "ngày");
    }
    const what = started ? "bắt đầu" : "hoàn thành";
    return verdict("not_met", `Không đạt: ${what} ngày ${showDate(reading.on)}, trễ ${-early} ngày so với hạn ${dueLabel}`, early, "ngày");
  }
  // Not done yet: up to the last day of the point ("tháng 6/2022" for a start, "năm 2022" for completion) it is pending.
  if (options.asOf && options.asOf <= due) {
    return verdict("pending", `Chưa đạt: chưa ${started ? "triển khai" : "hoàn thành"}, hạn ${dueLabel}`, daysBetween(options.asOf, due), "ngày");
  }
  return verdict("not_met", `Không đạt: chưa ${started ? "triển khai" : "hoàn thành"}, hạn ${dueLabel}`);
}

function evaluateShareByDeadline(
  target: DeadlineTarget,
  share: number,
  due: string,
  dueLabel: string,
  actual: unknown,
  options: EvaluateOptions,
): Verdict {
  const subject = target.subject ? ` ${target.subject}` : "";
  const reading = readNumber(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid") {
    const done = readDone(actual);
    if (done.kind === "done" && !done.on) return verdict("met", `Đạt: đã hoàn thành${subject} (hạn ${dueLabel})`);
    if (done.kind === "not_done") return notYet(`chưa hoàn thành${subject}`, due, dueLabel, options);
    return verdict("invalid_actual", reading.message);
  }
  const points = readsAsPoints(actual, reading, options.unit) ? reading.value : reading.value * 100;
  if (points < 0 || points > 100 + 1e-9) return verdict("invalid_actual", `Tỷ lệ ${showNumber(points)}% nằm ngoài khoảng 0–100%.`);
  const gap = margin(points, "gte", share);
  if (compare(points, "gte", share)) {
    return verdict("met", `Đạt: hoàn thành ${showNumber(points)}%${subject} ≥ ${showNumber(share)}% (hạn ${dueLabel})`, gap, "%");
  }
  const result = notYet(`hoàn thành ${showNumber(points)}%${subject} < ${showNumber(share)}%`, due, dueLabel, options);
  return { ...result, gap, gapUnit: "%" };
}

function notYet(what: string, due: string, dueLabel: string, options: EvaluateOptions): Verdict {
  if (options.asOf && options.asOf <= due) return verdict("pending", `Chưa đạt: ${what}, hạn ${dueLabel}`);
  return verdict("not_met", `Không đạt: ${what}, hạn ${dueLabel}`);
}

/** Documents to issue and recurring duties: done or not within the reporting period. */
export function evaluateDuty(target: DocumentTarget | RecurringTarget, actual: unknown, options: EvaluateOptions): Verdict {
  const reading = readDone(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid") return verdict("invalid_actual", reading.message);
  const doneWord = target.kind === "document" ? "đã ban hành" : "đã thực hiện";
  const notDoneWord = target.kind === "document" ? "chưa ban hành" : "chưa thực hiện";
  const due = options.dueDate;
  if (reading.kind === "done") {
    if (reading.on && due && reading.on > due) {
      return verdict("not_met", `Không đạt: ${doneWord} ngày ${showDate(reading.on)}, sau hạn ${showDate(due)}`, daysBetween(reading.on, due), "ngày");
    }
    return verdict("met", `Đạt: ${doneWord}${reading.on ? ` ngày ${showDate(reading.on)}` : ""}`, due && reading.on ? daysBetween(reading.on, due) : null, due && reading.on ? "ngày" : null);
  }
  if (options.asOf && due && options.asOf <= due) return verdict("pending", `Chưa đạt: ${notDoneWord}, hạn ${showDate(due)}`);
  return verdict("not_met", `Không đạt: ${notDoneWord}`);
}
