import type { PeriodUnit } from "./schema";

/** How a period unit is written after a slash: "lần/năm", "tin, bài/quý". */
export const PER_UNIT_NAMES: Record<PeriodUnit, string> = {
  year: "năm",
  half: "6 tháng",
  quarter: "quý",
  month: "tháng",
  week: "tuần",
  day: "ngày",
};
