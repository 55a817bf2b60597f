import type { CalendarPoint } from "../target/schema";
import { isoDateOf as iso } from "./isoDate";

/** Calendar points as days: what a deadline written "quý II/2025" means as a first and a last day. */

export const ROMAN_QUARTERS = ["I", "II", "III", "IV"] as const;

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day a calendar point covers. */
export function calendarPointStart(point: CalendarPoint): string {
  switch (point.precision) {
    case "year":
      return iso(point.year, 1, 1);
    case "half":
      return iso(point.year, point.half === 1 ? 1 : 7, 1);
    case "quarter":
      return iso(point.year, (point.quarter - 1) * 3 + 1, 1);
    case "month":
      return iso(point.year, point.month, 1);
    case "day":
      return iso(point.year, point.month, point.day);
  }
}

/** The last day a calendar point covers: a deadline "năm 2022" runs to 31/12/2022. */
export function calendarPointEnd(point: CalendarPoint): string {
  switch (point.precision) {
    case "year":
      return iso(point.year, 12, 31);
    case "half":
      return point.half === 1 ? iso(point.year, 6, 30) : iso(point.year, 12, 31);
    case "quarter": {
      const month = point.quarter * 3;
      return iso(point.year, month, lastDayOfMonth(point.year, month));
    }
    case "month":
      return iso(point.year, point.month, lastDayOfMonth(point.year, point.month));
    case "day":
      return iso(point.year, point.month, point.day);
  }
}

/** As an officer writes it after "hạn": "năm 2022", "quý II/2025", "tháng 6/2022", "30/6/2025". */
export function calendarPointLabel(point: CalendarPoint): string {
  switch (point.precision) {
    case "year":
      return `năm ${point.year}`;
    case "half":
      return `6 tháng ${point.half === 1 ? "đầu" : "cuối"} năm ${point.year}`;
    case "quarter":
      return `quý ${ROMAN_QUARTERS[point.quarter - 1]}/${point.year}`;
    case "month":
      return `tháng ${point.month}/${point.year}`;
    case "day":
      return `${point.day}/${point.month}/${point.year}`;
  }
}
