import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { VerdictCode } from "../../shared/verdict/schema";

/**
 * The development corpus (test/fixtures/corpus/targets-dev.tsv) as verdict cases: each row's reading, as its reader
 * wrote it ("percent >= 80", "rank <= 20", "deadline <= 2025-12-31", "range 15..20 %", "needs_review: …"), becomes
 * values just below, at and above the threshold with the verdict that reading implies.
 */

export interface CorpusRow {
  id: string;
  target: string;
  actual: string;
  reading: string;
}

export interface VerdictCase {
  id: string;
  target: string;
  actual: unknown;
  asOf?: string;
  expected: VerdictCode;
}

export function readCorpus(): CorpusRow[] {
  const text = readFileSync(join(import.meta.dirname, "../fixtures/corpus/targets-dev.tsv"), "utf8");
  return text
    .split("\n")
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [id = "", , , , target = "", actual = "", reading = ""] = line.split("\t");
      return { id, target, actual, reading };
    });
}

const MEASURE = /^(percent|count|rank|ratio)\s*(>=|>|<=|<)\s*([\d.]+)/;
const DEADLINE = /^deadline\s*<=\s*(\d{4}-\d{2}-\d{2})/;
const RANGE = /^range\s*([\d.]+)\.\.([\d.]+)/;

/** Verdict cases a reading implies; `reading` may be overridden per row where we read the text differently. */
export function casesFor(row: CorpusRow, reading: string = row.reading): VerdictCase[] {
  const base = { id: row.id, target: row.target };
  if (reading.startsWith("needs_review")) {
    // Whatever the officer reports, a person judges it; an actual-only row is judged on the actual as written.
    const actuals: unknown[] = row.target === "" ? [row.actual] : [0.95, 100, "Hoàn thành"];
    return actuals.map((actual) => ({ ...base, actual, expected: "needs_review" as const }));
  }
  const measure = MEASURE.exec(reading);
  if (measure) {
    const [, kind, comparator, raw] = measure as unknown as [string, string, string, string];
    return measureCases(base, kind!, comparator!, Number(raw));
  }
  const deadline = DEADLINE.exec(reading);
  if (deadline) {
    const due = deadline[1]!;
    const after = nextDay(due);
    return [
      { ...base, actual: "Hoàn thành", asOf: due, expected: "met" },
      { ...base, actual: "Chưa hoàn thành", asOf: after, expected: "not_met" },
      { ...base, actual: toVietnameseDate(due), asOf: after, expected: "met" },
      { ...base, actual: toVietnameseDate(after), asOf: after, expected: "not_met" },
    ];
  }
  const range = RANGE.exec(reading);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    return [
      { ...base, actual: (min - 1) / 100, expected: "not_met" },
      { ...base, actual: min / 100, expected: "met" },
      { ...base, actual: (min + max) / 200, expected: "met" },
      { ...base, actual: max / 100, expected: "met" },
    ];
  }
  throw new Error(`${row.id}: cách đọc không nhận ra: ${reading}`);
}

function measureCases(base: { id: string; target: string }, kind: string, comparator: string, value: number): VerdictCase[] {
  if (kind === "rank") {
    const cases: VerdictCase[] = [
      { ...base, actual: value, expected: "met" },
      { ...base, actual: value + 1, expected: "not_met" },
      { ...base, actual: `${value + 5}/63`, expected: "not_met" },
    ];
    if (value > 1) cases.push({ ...base, actual: value - 1, expected: "met" });
    return cases;
  }
  const percent = kind === "percent";
  const step = Math.min(1, value / 10 || 1);
  const write = (n: number) => (percent ? n / 100 : n);
  const upward = comparator.startsWith(">");
  const strict = comparator.length === 1;
  const cases: VerdictCase[] = [];
  const below = value - step;
  const above = value + step;
  if (below >= 0) cases.push({ ...base, actual: write(below), expected: upward ? "not_met" : "met" });
  cases.push({ ...base, actual: write(value), expected: strict ? "not_met" : "met" });
  if (!percent || above <= 100) cases.push({ ...base, actual: write(above), expected: upward ? "met" : "not_met" });
  return cases;
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function toVietnameseDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${day}/${month}/${year}`;
}
