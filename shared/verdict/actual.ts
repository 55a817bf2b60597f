import { normalizeText, foldDiacritics } from "../text/normalize";
import { readVietnameseNumber } from "../text/vietnameseNumber";
import { excelSerialToIsoDate, parseDateText } from "../period/excelDate";

/**
 * How a reported value reads, before it meets a target. Values arrive as Excel gives them: numbers (percentages as
 * fractions), booleans, text typed by an officer ("90,5%", "Đạt", "30/6/2025"), or nothing.
 */

export type NumericReading =
  | { kind: "empty" }
  | { kind: "number"; value: number; writtenAsPercent: boolean }
  | { kind: "invalid"; message: string };

export type DoneReading =
  | { kind: "empty" }
  | { kind: "done"; on?: string }
  | { kind: "not_done" }
  | { kind: "invalid"; message: string };

export function isEmptyActual(actual: unknown): boolean {
  return actual === null || actual === undefined || (typeof actual === "string" && normalizeText(actual) === "");
}

export function readNumber(actual: unknown): NumericReading {
  if (isEmptyActual(actual)) return { kind: "empty" };
  if (typeof actual === "number") {
    return Number.isFinite(actual) ? { kind: "number", value: actual, writtenAsPercent: false } : invalidNumber(String(actual));
  }
  if (typeof actual !== "string") return invalidNumber(describeActual(actual));
  const text = normalizeText(actual);
  const percent = text.endsWith("%");
  const digits = (percent ? text.slice(0, -1) : text).trim();
  const negative = digits.startsWith("-");
  const reading = readVietnameseNumber(negative ? digits.slice(1).trim() : digits);
  if (!reading.ok) return invalidNumber(actual);
  return { kind: "number", value: negative ? -reading.value : reading.value, writtenAsPercent: percent };
}

function invalidNumber(shown: string): NumericReading {
  return { kind: "invalid", message: `"${shown}" không phải là số.` };
}

const DONE_WORDS = new Set(["dat", "hoan thanh", "da hoan thanh", "co", "da ban hanh", "x", "true", "yes", "ok", "da thuc hien"]);
const NOT_DONE_WORDS = new Set([
  "khong dat",
  "chua dat",
  "chua hoan thanh",
  "khong hoan thanh",
  "khong",
  "chua",
  "chua ban hanh",
  "chua thuc hien",
  "false",
  "no",
]);

/** Excel stores dates as day counts; anything from 1954 on is a plausible completion date, smaller numbers are flags. */
const FIRST_PLAUSIBLE_DATE_SERIAL = 20000;

export function readDone(actual: unknown): DoneReading {
  if (isEmptyActual(actual)) return { kind: "empty" };
  if (typeof actual === "boolean") return actual ? { kind: "done" } : { kind: "not_done" };
  if (actual instanceof Date) return readDate(actual);
  if (typeof actual === "number") {
    if (actual === 1) return { kind: "done" };
    if (actual === 0) return { kind: "not_done" };
    if (Number.isInteger(actual) && actual >= FIRST_PLAUSIBLE_DATE_SERIAL) {
      const on = excelSerialToIsoDate(actual);
      if (on) return { kind: "done", on };
    }
    return { kind: "invalid", message: `${actual} không phải là 1/0 (có/không) hay một ngày hoàn thành.` };
  }
  if (typeof actual !== "string") return { kind: "invalid", message: `${describeActual(actual)} không phải là kết quả hợp lệ.` };
  const words = foldDiacritics(normalizeText(actual)).replace(/[.!]+$/, "").trim();
  if (DONE_WORDS.has(words) || words === "1") return { kind: "done" };
  if (NOT_DONE_WORDS.has(words) || words === "0") return { kind: "not_done" };
  const on = parseDateText(actual);
  if (on) return { kind: "done", on };
  return {
    kind: "invalid",
    message: `"${actual}" không rõ là đã hoàn thành hay chưa: ghi "Hoàn thành", "Chưa hoàn thành" hoặc ngày hoàn thành (ví dụ 30/6/2025).`,
  };
}

/** A date cell (read as UTC midnight, as workbook readers give it) within the years Excel can show. */
function readDate(date: Date): DoneReading {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1900 || year > 9999) {
    return { kind: "invalid", message: "Ngày hoàn thành không hợp lệ (ngoài khoảng năm 1900–9999)." };
  }
  return { kind: "done", on: date.toISOString().slice(0, 10) };
}

/** How a value is quoted back in a message; never throws, even for objects without a string form. */
export function describeActual(actual: unknown): string {
  if (typeof actual === "boolean") return actual ? "TRUE" : "FALSE";
  if (typeof actual === "object") return "Giá trị";
  return String(actual);
}
