import { parsePeriodCode, type Period, type PeriodCode } from "../period/period";
import { parseTarget } from "../target/parse";
import type { Comparator } from "../target/schema";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import type { AggregateAgency, AggregateCell } from "./aggregate";

/**
 * What a year's count or frequency target still needs after a period of the year: "Quý IV cần thêm ≥ 61 tin, bài".
 * Reported values are the year to date (a year target short of its threshold in Q3 is judged "Chưa đạt"), so what
 * remains is the threshold less the value. Only what the target text says for certain is used: an annual count or
 * frequency with an at-least threshold and no date of its own; anything else is left out rather than guessed.
 */
export interface PaceItem {
  agencyId: string;
  agencyName: string;
  indicatorCode: string;
  text: string;
  targetText: string;
  actual: number;
  threshold: number;
  /** At least this much more is needed by the end of the year. */
  remaining: number;
  unit: string;
  /** "Quý IV cần thêm ≥ 61 tin, bài". */
  sentence: string;
  /** Behind an even pace: less of the threshold done than of the year gone (139 of 200 after three quarters is not). */
  atRisk: boolean;
}

/** The part of the year after the period, as a report says it, with the share of the year already gone. */
interface YearRest {
  label: string;
  elapsed: number;
}

function yearRest(period: Period): YearRest | undefined {
  const ROMAN = ["I", "II", "III", "IV"];
  switch (period.kind) {
    case "quarter": {
      if (period.index >= 4) return undefined;
      const rest = ROMAN.slice(period.index);
      const label = rest.length === 1 ? `Quý ${rest[0]}` : `Các quý ${rest.slice(0, -1).join(", ")} và ${rest.at(-1)}`;
      return { label, elapsed: period.index / 4 };
    }
    case "half":
      return period.index === 1 ? { label: "6 tháng cuối năm", elapsed: 0.5 } : undefined;
    case "month":
      if (period.index >= 12) return undefined;
      return { label: period.index === 11 ? "Tháng 12" : `Các tháng ${period.index + 1}–12`, elapsed: period.index / 12 };
    case "year":
      return undefined;
  }
}

interface AnnualThreshold {
  comparator: Extract<Comparator, "gte" | "gt">;
  value: number;
  unit: string;
}

/** An at-least count or per-year frequency, due at the end of the period's year; undefined for any other target. */
function annualThreshold(targetText: string, year: number): AnnualThreshold | undefined {
  const parsed = parseTarget(targetText, { year });
  if (!parsed.ok) return undefined;
  const target = parsed.target;
  if (target.kind !== "count" && target.kind !== "frequency") return undefined;
  if (target.kind === "frequency" && target.per !== "year") return undefined;
  if (target.due && !(target.due.precision === "year" && target.due.year === year)) return undefined;
  if (target.comparator !== "gte" && target.comparator !== "gt") return undefined;
  return { comparator: target.comparator, value: target.value, unit: target.unit ?? "" };
}

/** "> 240" with 179 done needs 62 whole items more; a fractional threshold keeps the strict sign instead. */
function stillNeeded(threshold: AnnualThreshold, actual: number): { amount: number; sign: "≥" | ">" } {
  const gap = threshold.value - actual;
  if (threshold.comparator === "gte") return { amount: gap, sign: "≥" };
  if (Number.isInteger(threshold.value) && Number.isInteger(actual)) return { amount: gap + 1, sign: "≥" };
  return { amount: gap, sign: ">" };
}

export function paceOfCell(agency: Pick<AggregateAgency, "id" | "name">, cell: AggregateCell, period: PeriodCode): PaceItem | undefined {
  const parsedPeriod = parsePeriodCode(period);
  if (!parsedPeriod.ok) return undefined;
  const rest = yearRest(parsedPeriod.period);
  // Only the rule's "not yet" is about pace: a person's verdict or a final "Không đạt" is not a matter of time left.
  if (!rest || cell.verdict !== "pending" || cell.decidedBy === "person" || typeof cell.actual !== "number") return undefined;
  const threshold = annualThreshold(cell.targetText, parsedPeriod.period.year);
  if (!threshold || threshold.value <= 0) return undefined;
  const needed = stillNeeded(threshold, cell.actual);
  if (needed.amount <= 0) return undefined;
  const amount = formatVietnameseNumber(Math.round(needed.amount * 1000) / 1000);
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    indicatorCode: cell.indicatorCode,
    text: cell.text,
    targetText: cell.targetText,
    actual: cell.actual,
    threshold: threshold.value,
    remaining: needed.amount,
    unit: threshold.unit,
    sentence: `${rest.label} cần thêm ${needed.sign} ${amount}${threshold.unit ? ` ${threshold.unit}` : ""}`,
    atRisk: cell.actual / threshold.value < rest.elapsed,
  };
}

/** Every annual count or frequency of the period still short of its threshold, agency by agency. */
export function paceOfAggregate(agencies: readonly AggregateAgency[], period: PeriodCode): PaceItem[] {
  return agencies.flatMap((agency) => agency.cells.flatMap((cell) => paceOfCell(agency, cell, period) ?? []));
}
