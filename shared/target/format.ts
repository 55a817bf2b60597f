import type { CalendarPoint, Comparator, Target } from "./schema";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { DOCUMENT_TYPE_NAMES } from "./keywords";
import { PER_UNIT_NAMES } from "./names";

/**
 * The canonical way to write a target: what the catalogue shows beside the text as written, and a text that
 * parses back to the same target.
 */

const SYMBOLS: Record<Comparator, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };

const CADENCE_TEXT = {
  yearly: "Hằng năm",
  half_yearly: "Định kỳ 6 tháng",
  quarterly: "Hằng quý",
  monthly: "Hằng tháng",
  continuous: "Thường xuyên",
} as const;

const ROMAN = ["I", "II", "III", "IV"] as const;

export function formatCalendarPoint(point: CalendarPoint): string {
  switch (point.precision) {
    case "year":
      return `năm ${point.year}`;
    case "half":
      return `6 tháng ${point.half === 1 ? "đầu" : "cuối"} năm ${point.year}`;
    case "quarter":
      return `quý ${ROMAN[point.quarter - 1]}/${point.year}`;
    case "month":
      return `tháng ${point.month}/${point.year}`;
    case "day":
      return `ngày ${point.day}/${point.month}/${point.year}`;
  }
}

export function formatTarget(target: Target): string {
  const n = formatVietnameseNumber;
  switch (target.kind) {
    case "percent":
      return join(target.qualifier, `${SYMBOLS[target.comparator]} ${n(target.value)}%`, target.base);
    case "count":
      return join(target.action, `${SYMBOLS[target.comparator]} ${n(target.value)}`, target.unit);
    case "frequency":
      return join(target.action, `${SYMBOLS[target.comparator]} ${n(target.value)}`, `${target.unit}/${PER_UNIT_NAMES[target.per]}`);
    case "deadline": {
      const when = formatCalendarPoint(target.due);
      if (target.mode === "start") return `Bắt đầu từ ${when}`;
      if (target.share === undefined) return `Hoàn thành ${when}`;
      return join("Hoàn thành", `${n(target.share)}%`, target.subject, "trong", when);
    }
    case "recurring":
      return CADENCE_TEXT[target.cadence];
    case "document":
      return join(DOCUMENT_TYPE_NAMES[target.documentType], target.subject, target.issuer ? `của ${target.issuer}` : undefined);
    case "grade":
      return `Xếp hạng ${target.grade}`;
    case "rank":
      return `Top ${target.top}`;
    case "manual":
      return target.text;
  }
}

function join(...parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => part !== undefined && part !== "").join(" ");
}
