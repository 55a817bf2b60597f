import { kpiStatus } from "../addin/functions/kpiFunctions";
import { parseTarget } from "../shared/target/parse";
import { seedTargetTexts } from "./seedTargets";

/**
 * KPI.STATUS throughput on (actual, target) pairs drawn from the seed decisions, with a warm parse cache, against a
 * floor measured in the same run: a bare loop doing one Map lookup and one numeric comparison per pair. The ratio
 * is what to watch; absolute figures depend on the machine.
 */

const PAIRS = 100_000;
const ROUNDS = 7;

interface Pair {
  actual: number | string | boolean | null;
  target: string;
}

function pseudoRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function actualFor(target: string, random: () => number): Pair["actual"] {
  const parsed = parseTarget(target);
  const kind = parsed.ok ? parsed.target.kind : "manual";
  const roll = random();
  if (roll < 0.05) return null;
  switch (kind) {
    case "percent":
      return roll < 0.15 ? `${String(Math.round(random() * 1000) / 10).replace(".", ",")}%` : Math.round(random() * 10000) / 10000;
    case "count":
    case "frequency":
      return Math.round(random() * 500);
    case "grade":
      return "ABCD"[Math.floor(random() * 4)]!;
    default:
      return random() < 0.5;
  }
}

async function buildPairs(): Promise<Pair[]> {
  // Drawn with the frequency the decisions use them: "100%" and "Tối thiểu 90%" far more often than "Xếp hạng A".
  const targets = await seedTargetTexts();
  const random = pseudoRandom(20251);
  return Array.from({ length: PAIRS }, () => {
    const target = targets[Math.floor(random() * targets.length)]!;
    return { target, actual: actualFor(target, random) };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeRounds(run: () => number): { seconds: number; checksum: number } {
  const times: number[] = [];
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = process.hrtime.bigint();
    checksum += run();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: median(times), checksum };
}

const pairs = await buildPairs();
const distinctTargets = new Set(pairs.map((pair) => pair.target)).size;

// Floor: what any implementation must at least do per pair — find the threshold of the target, compare once.
const thresholds = new Map(pairs.map((pair) => [pair.target, pair.target.length / 100]));
const floor = timeRounds(() => {
  let met = 0;
  for (const pair of pairs) {
    const threshold = thresholds.get(pair.target)!;
    if (typeof pair.actual === "number" && pair.actual >= threshold) met += 1;
  }
  return met;
});

// Warm the parse cache, as a workbook does after its first recalculation.
for (const pair of pairs) kpiStatus(pair.actual, pair.target);
const status = timeRounds(() => {
  let met = 0;
  for (const pair of pairs) {
    const result = kpiStatus(pair.actual, pair.target);
    if ("value" in result && result.value === "Đạt") met += 1;
  }
  return met;
});

const perSecond = (seconds: number) => Math.round(PAIRS / seconds);
const ratio = status.seconds / floor.seconds;
console.log(`KPI.STATUS benchmark: ${PAIRS.toLocaleString("en")} pairs, ${distinctTargets} distinct targets from the seed decisions, median of ${ROUNDS} rounds`);
console.log(`  floor (Map lookup + comparison): ${perSecond(floor.seconds).toLocaleString("en")} pairs/s`);
console.log(`  KPI.STATUS (warm cache):         ${perSecond(status.seconds).toLocaleString("en")} verdicts/s`);
console.log(`  ratio to floor: ${ratio.toFixed(2)}× (goal ≤ 3×); goal ≥ 1,000,000 verdicts/s: ${perSecond(status.seconds) >= 1_000_000 ? "met" : "not met"}`);
if (floor.checksum < 0 || status.checksum < 0) console.log("unreachable: keeps the loops from being optimised away");
