import { aggregatePeriod } from "../functions/handlers/aggregate";
import { againstGoal, agencyOf, assignmentIdsOf, COMMUNES, decisionOf, INDICATORS, percentile, PROVINCES, rounds, valuesFor, type BenchStack } from "./benchStack";
import { collectGarbage, mb, peakHeapOf } from "./heapPeak";

/**
 * Aggregation of one province-quarter (170 communes × 20 values) and of a national quarter (34 provinces, ~115k
 * values) against a bare listing of the same rows (goal ≤ 1.3×), and the peak heap it needs for 1 and for 34
 * provinces: with provinces read one after the other, the two peaks should be about the same.
 */

const PERIOD = "2025-Q3";
const GOAL = 1.3;

export async function benchAggregation({ services, snapshot, table }: BenchStack): Promise<void> {
  // Seed every province-quarter: each commune's latest version, written through the submission store.
  const seedStart = performance.now();
  for (let p = 1; p <= PROVINCES; p += 1) {
    const decision = snapshot.lookup.decisions.get(decisionOf(p))!;
    const ids = assignmentIdsOf(snapshot, p);
    const province = decision.province;
    await rounds(50, COMMUNES, async (c) => {
      const start = performance.now();
      await services.submissions.submit(
        {
          decisionId: decision.id, province, agencyId: agencyOf(c), period: PERIOD, submittedAt: new Date().toISOString(), submittedBy: "bench",
          channel: "api", catalogueVersion: snapshot.version, reportDueDate: "2025-09-20", late: false,
          values: valuesFor(ids, c).map((value) => ({ ...value, targetText: "Tối thiểu 80%", verdict: value.actual >= 0.8 ? "met" : "not_met", label: value.actual >= 0.8 ? "Đạt" : "Không đạt", explanation: "" })),
          counts: {},
        },
        `seed-${p}-${c}`,
        "seed",
        (version) => `${decision.id}.${PERIOD}.${agencyOf(c)}.v${version}`,
      );
      return performance.now() - start;
    });
  }
  const seeded = PROVINCES * COMMUNES;
  console.log(`\nAggregation (seeded ${seeded.toLocaleString("en")} agencies × ${INDICATORS} values = ${(seeded * INDICATORS).toLocaleString("en")} values in ${((performance.now() - seedStart) / 1000).toFixed(1)} s)`);

  async function bareListing(provinces: number): Promise<number> {
    let rows = 0;
    for (let p = 1; p <= provinces; p += 1) {
      const partition = `${decisionOf(p)}~${PERIOD}`;
      for await (const _entity of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${partition}' and RowKey ge 'latest~' and RowKey lt 'latest\x7f'` } })) rows += 1;
    }
    return rows;
  }
  async function aggregate(provinces: number, afterEach: () => void = () => {}): Promise<{ values: number; first: unknown }> {
    let values = 0;
    let first: unknown;
    for (let p = 1; p <= provinces; p += 1) {
      const decision = snapshot.lookup.decisions.get(decisionOf(p))!;
      const result = await aggregatePeriod(services, snapshot, decision, PERIOD);
      if (result.agencies.length !== COMMUNES) throw new Error("incomplete aggregate");
      values += result.agencies.reduce((sum, agency) => sum + agency.reportedCount, 0);
      afterEach();
      if (p === 1) first = result;
    }
    return { values, first };
  }

  const peaks = new Map<number, number>();
  for (const [label, provinces] of [["one province-quarter", 1], ["national quarter", PROVINCES]] as const) {
    const bareTimes: number[] = [];
    const aggregateTimes: number[] = [];
    let outcome: { values: number; first: unknown } = { values: 0, first: undefined };
    // A province-quarter takes ~40 ms a side, where one slow moment moves a run by a fifth: the median of many runs.
    const runs = provinces === 1 ? 15 : 3;
    for (let run = 0; run < runs; run += 1) {
      collectGarbage();
      let start = performance.now();
      const rows = await bareListing(provinces);
      bareTimes.push(performance.now() - start);
      start = performance.now();
      outcome = await aggregate(provinces);
      aggregateTimes.push(performance.now() - start);
      if (rows !== provinces * COMMUNES) throw new Error(`listed ${rows} rows`);
    }
    // Measured after the clock stops: the size of what a caller receives, for comparing with the heap it took.
    const resultBytes = JSON.stringify(outcome.first).length;
    outcome.first = undefined;
    // Memory in a pass of its own, untimed: the peak while aggregating, not what is left once it is done; collected
    // between provinces, so what one province leaves behind shows as a peak growing with the number of provinces.
    const peak = await peakHeapOf(async (settle) => {
      await aggregate(provinces, settle);
    });
    peaks.set(provinces, peak);
    const bare = percentile(bareTimes, 50);
    const agg = percentile(aggregateTimes, 50);
    console.log(
      `  ${label}: ${outcome.values.toLocaleString("en")} values — aggregate ${agg.toFixed(0)} ms, bare listing ${bare.toFixed(0)} ms, ratio ${againstGoal(agg / bare, GOAL)}; peak heap while aggregating ${mb(peak)} MB above a collected baseline, collected between provinces (one province's result: ${mb(resultBytes)} MB of JSON)`,
    );
  }
  const one = peaks.get(1)!;
  const all = peaks.get(PROVINCES)!;
  console.log(`  memory in the number of provinces: peak ${mb(one)} MB for 1, ${mb(all)} MB for ${PROVINCES} (${(all / Math.max(one, 1)).toFixed(2)}×; flat means about 1×)`);
}
