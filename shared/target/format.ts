import { thresholdDue, type CalendarPoint, type Comparator, type Stage, type Target } from "./schema";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { DOCUMENT_TYPE_NAMES } from "./keywords";
import { PER_UNIT_NAMES } from "./names";
import { calendarPointLabel } from "../period/calendar";

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

/** As a target writes it: "năm 2022", "quý II/2025", "ngày 30/6/2025" ("ngày" keeps a bare date from reading as a count). */
export function formatCalendarPoint(point: CalendarPoint): string {
  const label = calendarPointLabel(point);
  return point.precision === "day" ? `ngày ${label}` : label;
}

export function formatTarget(target: Target): string {
  const body = formatWithoutDue(target);
  const due = thresholdDue(target);
  return due ? `${body} đến ${formatCalendarPoint(due)}` : body;
}

function formatWithoutDue(target: Target | Stage["target"]): string {
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
    case "range":
      return target.measure === "percent"
        ? join(`Từ ${n(target.min)}% đến ${n(target.max)}%`, target.unit)
        : join(`Từ ${n(target.min)} đến ${n(target.max)}`, target.unit);
    case "ratio":
      return join(`${SYMBOLS[target.comparator]} ${n(target.value)}`, target.unit ? `${target.unit}/${n(target.per)}` : `/${n(target.per)}`, target.population).replace(" /", "/");
    case "staged":
      return target.stages.map((stage) => `${formatWithoutDue(stage.target)} (${calendarPointLabel(stage.due)})`).join("; ");
    case "manual":
      return target.text;
  }
}

function join(...parts: Array<string | undefined>): string {
  return parts.filter((part): part is string => part !== undefined && part !== "").join(" ");
}
