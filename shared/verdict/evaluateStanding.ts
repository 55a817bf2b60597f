import type { GradeTarget, RankTarget } from "../target/schema";
import { foldDiacritics, normalizeText } from "../text/normalize";
import { describeActual, isEmptyActual, readNumber } from "./actual";
import { verdict } from "./present";
import type { Verdict } from "./schema";

const NO_DATA = "Chưa có kết quả xếp hạng.";

/** "Xếp hạng A": a grade at or better than the target's ("A" is best). */
export function evaluateGrade(target: GradeTarget, actual: unknown): Verdict {
  if (isEmptyActual(actual)) return verdict("no_data", NO_DATA);
  const text = typeof actual === "string" ? foldDiacritics(normalizeText(actual)) : "";
  const letter = /^(?:(?:xep )?(?:hang|loai) )?([a-f])$/.exec(text)?.[1]?.toUpperCase();
  if (!letter) return verdict("invalid_actual", `"${describeActual(actual)}" không phải là một hạng (A, B, C, D…).`);
  const gap = target.grade.charCodeAt(0) - letter.charCodeAt(0);
  if (gap >= 0) return verdict("met", `Đạt: xếp hạng ${letter}, yêu cầu hạng ${target.grade} trở lên`, gap, "hạng");
  return verdict("not_met", `Không đạt: xếp hạng ${letter}, yêu cầu hạng ${target.grade} trở lên`, gap, "hạng");
}

/** "Top 10": a rank of 10 or better (smaller). */
export function evaluateRank(target: RankTarget, actual: unknown): Verdict {
  const reading = readNumber(actual);
  if (reading.kind === "empty") return verdict("no_data", NO_DATA);
  if (reading.kind === "invalid" || reading.writtenAsPercent || !Number.isInteger(reading.value) || reading.value < 1) {
    return verdict("invalid_actual", `"${describeActual(actual)}" không phải là thứ hạng (số nguyên từ 1).`);
  }
  const gap = target.top - reading.value;
  if (gap >= 0) return verdict("met", `Đạt: thứ hạng ${reading.value}, trong top ${target.top}`, gap, "bậc");
  return verdict("not_met", `Không đạt: thứ hạng ${reading.value}, ngoài top ${target.top}`, gap, "bậc");
}
