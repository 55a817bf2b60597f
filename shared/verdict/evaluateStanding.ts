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
  if (isEmptyActual(actual)) return verdict("no_data", NO_DATA);
  const rank = readRank(actual);
  if (rank === undefined) {
    return verdict("invalid_actual", `"${describeActual(actual)}" không phải là thứ hạng (số nguyên từ 1, ví dụ 12 hoặc 12/34).`);
  }
  const gap = target.top - rank;
  if (gap >= 0) return verdict("met", `Đạt: thứ hạng ${rank}, trong top ${target.top}`, gap, "bậc");
  return verdict("not_met", `Không đạt: thứ hạng ${rank}, ngoài top ${target.top}`, gap, "bậc");
}

/** "12/34" (rank out of the provinces ranked), "thứ 12", "hạng 12", "xếp thứ 12/34", or a whole number. */
const RANK_TEXT = /^(?:(?:xep|dung|dat)\s+)?(?:(?:hang|thu|vi tri thu|thu hang)\s+)?(\d{1,3})(?:\s*\/\s*(\d{1,3}))?(?:\s+\S.*)?$/;

function readRank(actual: unknown): number | undefined {
  if (typeof actual === "string") {
    const match = RANK_TEXT.exec(foldDiacritics(normalizeText(actual)));
    if (!match) return undefined;
    const rank = Number(match[1]);
    const total = match[2] === undefined ? undefined : Number(match[2]);
    if (rank < 1 || (total !== undefined && rank > total)) return undefined;
    return rank;
  }
  const reading = readNumber(actual);
  if (reading.kind !== "number" || reading.writtenAsPercent || !Number.isInteger(reading.value) || reading.value < 1) return undefined;
  return reading.value;
}
