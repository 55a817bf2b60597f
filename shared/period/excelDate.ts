import { foldDiacritics, normalizeText } from "../text/normalize";
import { isoDateOf as iso } from "./isoDate";

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the 29/2/1900 that never existed (kept by
 * Excel for Lotus 1-2-3 compatibility), so serials from 61 on are one day ahead of a plain day count.
 */
const DAY_MS = 86_400_000;
/** 1899-12-30: day zero for serials after the fictitious leap day. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const FICTITIOUS_LEAP_DAY = 60;
const LAST_SERIAL = 2_958_465; // 9999-12-31

/** The ISO date of a whole-day serial (a time of day is ignored), undefined for serials no date has. */
export function excelSerialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL) return undefined;
  const day = Math.floor(serial);
  if (day === FICTITIOUS_LEAP_DAY) return undefined;
  const shifted = day < FICTITIOUS_LEAP_DAY ? day + 1 : day;
  return new Date(EPOCH_MS + shifted * DAY_MS).toISOString().slice(0, 10);
}

/** True for a number format that shows a day: a d or y outside quoted text, brackets and escapes. */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string") return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[dy]/i.test(bare);
}

export function isoDateToExcelSerial(isoDate: string): number {
  const days = Math.round((Date.parse(`${isoDate}T00:00:00Z`) - EPOCH_MS) / DAY_MS);
  return days <= FICTITIOUS_LEAP_DAY ? days - 1 : days;
}

function validDate(year: number, month: number, day: number): string | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return undefined;
  }
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return iso(year, month, day);
}

/** "30/6/2025", "30-06-2025", "2025-06-30", "ngày 30/6/2025", "30 tháng 6 năm 2025" → "2025-06-30". */
export function parseDateText(text: string): string | undefined {
  const folded = foldDiacritics(normalizeText(text)).replace(/^ngay\s+/, "").trim();
  const isoForm = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(folded);
  if (isoForm) return validDate(Number(isoForm[1]), Number(isoForm[2]), Number(isoForm[3]));
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(folded);
  if (dayFirst) return validDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const words = /^(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(folded);
  if (words) return validDate(Number(words[3]), Number(words[2]), Number(words[1]));
  return undefined;
}
