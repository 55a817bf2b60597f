import * as z from "zod";

/**
 * A calendar day written "YYYY-MM-DD". Dates are compared as strings throughout (deadlines, milestones, periods), which
 * is only sound when every one of them is zero-padded and real: "2025-6-30" or "2025-02-31" would sort wrongly.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The zero-padded "YYYY-MM-DD" of a day given as numbers; the caller knows the day is real. */
export function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export const isoDateSchema = z
  .string({ error: "Ngày phải là chuỗi dạng YYYY-MM-DD." })
  .refine(isIsoDate, { error: "Ngày không hợp lệ: cần ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-06-30)." });
export type IsoDate = z.infer<typeof isoDateSchema>;

/** "2025-12-20" as Vietnamese documents write it: "20/12/2025". */
export function formatIsoDateVi(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}
