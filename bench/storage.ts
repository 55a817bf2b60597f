import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { readFile } from "node:fs/promises";
import type { TransactionAction } from "@azure/data-tables";
import { DEMO_CATALOGUE_PATH } from "../functions/catalogue/catalogueFile";
import { aggregatePeriod } from "../functions/handlers/aggregate";
import { ROUTES } from "../functions/http/routes";
import { startAzurite } from "../functions/local/azurite";
import { startLocalHost } from "../functions/local/localHost";
import { createServices } from "../functions/services/services";
import { settingsSchema } from "../functions/services/settings";
import { writeChunkedJson } from "../functions/storage/chunkedJson";
import { tableClient } from "../functions/storage/tableClient";
import { storageNames } from "../functions/storage/tableNames";
import { catalogueSchema } from "../shared/catalogue/model";
import { benchCatalogue } from "./benchCatalogue";

/**
 * Storage benchmarks against a real Azurite (in memory) started for the run:
 * - submission latency through HTTP, routing, validation, verdicts and the storage transaction, against a bare
 *   submitTransaction of the same three entities (goal p95 ≤ 1.5×), one agency at a time and 50 at once;
 * - aggregation of one province-quarter (170 communes × 20 values) and of a national quarter (34 provinces, ~115k
 *   values) against a bare listing of the same rows (goal ≤ 1.3×), with the heap it needs.
 */

const PROVINCES = 34;
const COMMUNES = 170;
const INDICATORS = 20;
const PERIOD = "2025-Q2";

const azurite = await startAzurite();
try {
  const settings = settingsSchema.parse({ connection: azurite.connection, storagePrefix: `b${randomBytes(4).toString("hex")}`, keyCacheMs: 60_000 });
  const services = await createServices(settings);
  const demo = catalogueSchema.parse(JSON.parse(await readFile(DEMO_CATALOGUE_PATH, "utf8")));
  const catalogue = benchCatalogue(demo, PROVINCES, COMMUNES, INDICATORS);
  await services.catalogue.update(() => ({ catalogue, result: undefined }), { updatedBy: "bench", reason: "bench" });
  const snapshot = await services.catalogue.current();
  const tokens = new Map<number, string>();
  for (const p of [1, 2, 3]) tokens.set(p, (await services.keys.issue({ role: "province", province: `tinh-0${p}`, label: "bench" })).token);
  const host = await startLocalHost({ routes: ROUTES, services: async () => services, port: 0 });
  const table = tableClient(settings.connection, storageNames(settings.storagePrefix).submissionsTable);

  const decisionOf = (p: number) => `tinh-${String(p).padStart(2, "0")}-100-qd-ubnd`;
  const agencyOf = (c: number) => `xa-${String(c).padStart(3, "0")}`;
  const valuesFor = (p: number, c: number) =>
    snapshot.lookup.assignmentsOfDecision(decisionOf(p)).map((assignment, index) => ({
      assignmentId: assignment.id,
      actual: ((c * 7 + index * 13) % 100) / 100,
    }));

  let counter = 0;
  async function submitOverHttp(p: number, c: number): Promise<number> {
    counter += 1;
    const body = JSON.stringify({ agencyId: agencyOf(c), values: valuesFor(p, c) });
    const start = performance.now();
    const response = await fetch(`${host.url}/api/decisions/${decisionOf(p)}/periods/${PERIOD}/submissions`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.get(p)}`, "content-type": "application/json", "idempotency-key": `bench-${counter}-${c}` },
      body,
    });
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`submission answered ${response.status}`);
    return performance.now() - start;
  }

  // The floor: the same three entities (version, latest copy, idempotency row) in one transaction, nothing else.
  const judged = valuesFor(1, 1).map((value) => ({ ...value, targetText: "Tối thiểu 80%", verdict: "met", label: "Đạt", explanation: "Đạt: 81% ≥ 80%" }));
  let bareCounter = 0;
  async function bareTransaction(c: number): Promise<number> {
    bareCounter += 1;
    const partitionKey = `bare~${PERIOD}`;
    const payload = { id: `x.v${bareCounter}`, version: bareCounter, submittedAt: new Date().toISOString(), counts: "{}", ...writeChunkedJson("values", judged) };
    const actions: TransactionAction[] = [
      ["create", { partitionKey, rowKey: `v~${agencyOf(c)}~${String(bareCounter).padStart(6, "0")}`, ...payload }],
      ["upsert", { partitionKey, rowKey: `latest~${agencyOf(c)}`, ...payload }, "Replace"],
      ["create", { partitionKey, rowKey: `idem~${agencyOf(c)}~${bareCounter}`, version: bareCounter }],
    ];
    const start = performance.now();
    await table.submitTransaction(actions);
    return performance.now() - start;
  }

  async function rounds(concurrency: number, total: number, run: (c: number) => Promise<number>): Promise<number[]> {
    const samples: number[] = [];
    for (let done = 0; done < total; done += concurrency) {
      samples.push(...(await Promise.all(Array.from({ length: concurrency }, (_, i) => run(((done + i) % COMMUNES) + 1)))));
    }
    return samples;
  }

  // Warm both paths (connections, JIT) before measuring.
  await rounds(10, 40, (c) => submitOverHttp(1, c));
  await rounds(10, 40, (c) => bareTransaction(c));

  console.log(`\nSubmission latency (Azurite in memory, ${INDICATORS} values per submission)`);
  for (const [concurrency, total] of [[1, 150], [50, 500]] as const) {
    // Interleaved so that a slow moment of the machine hits both sides alike.
    const http: number[] = [];
    const bare: number[] = [];
    for (let chunk = 0; chunk < 5; chunk += 1) {
      http.push(...(await rounds(concurrency, total / 5, (c) => submitOverHttp(1 + (chunk % 3), c))));
      bare.push(...(await rounds(concurrency, total / 5, (c) => bareTransaction(c))));
    }
    const h = { p50: percentile(http, 50), p95: percentile(http, 95) };
    const b = { p50: percentile(bare, 50), p95: percentile(bare, 95) };
    console.log(
      `  ${String(concurrency).padStart(2)} at once: submit p50 ${h.p50.toFixed(1)} ms, p95 ${h.p95.toFixed(1)} ms; bare transaction p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms; ratio p95 ${(h.p95 / b.p95).toFixed(2)}× (goal ≤ 1.5×)`,
    );
  }

  // Seed every province-quarter: each commune's latest version, written through the submission store.
  const seedStart = performance.now();
  for (let p = 1; p <= PROVINCES; p += 1) {
    const decision = snapshot.lookup.decisions.get(decisionOf(p))!;
    const province = decision.province;
    await rounds(50, COMMUNES, async (c) => {
      const start = performance.now();
      await services.submissions.submit(
        {
          decisionId: decision.id, province, agencyId: agencyOf(c), period: "2025-Q3", submittedAt: new Date().toISOString(), submittedBy: "bench",
          channel: "api", catalogueVersion: snapshot.version, reportDueDate: "2025-09-20", late: false,
          values: valuesFor(p, c).map((value) => ({ ...value, targetText: "Tối thiểu 80%", verdict: value.actual >= 0.8 ? "met" : "not_met", label: value.actual >= 0.8 ? "Đạt" : "Không đạt", explanation: "" })),
          counts: {},
        },
        `seed-${p}-${c}`,
        "seed",
        (version) => `${decision.id}.2025-Q3.${agencyOf(c)}.v${version}`,
      );
      return performance.now() - start;
    });
  }
  const seeded = PROVINCES * COMMUNES;
  console.log(`\nAggregation (seeded ${seeded.toLocaleString("en")} agencies × ${INDICATORS} values = ${(seeded * INDICATORS).toLocaleString("en")} values in ${((performance.now() - seedStart) / 1000).toFixed(1)} s)`);

  async function bareListing(provinces: number): Promise<number> {
    let rows = 0;
    for (let p = 1; p <= provinces; p += 1) {
      const partition = `${decisionOf(p)}~2025-Q3`;
      for await (const _entity of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${partition}' and RowKey ge 'latest~' and RowKey lt 'latest\x7f'` } })) rows += 1;
    }
    return rows;
  }
  async function aggregate(provinces: number): Promise<{ values: number; heapPeak: number; resultBytes: number; first: unknown }> {
    let values = 0;
    let heapPeak = 0;
    let first: unknown;
    const base = process.memoryUsage().heapUsed;
    for (let p = 1; p <= provinces; p += 1) {
      const decision = snapshot.lookup.decisions.get(decisionOf(p))!;
      const result = await aggregatePeriod(services, snapshot, decision, "2025-Q3");
      values += result.agencies.reduce((sum, agency) => sum + agency.reportedCount, 0);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - base);
      if (p === 1) first = result;
    }
    // Measured after the clock stops: the size of what a caller receives, for comparing with the heap it took.
    return { values, heapPeak, resultBytes: 0, first };
  }

  for (const [label, provinces] of [["one province-quarter", 1], ["national quarter", PROVINCES]] as const) {
    const bareTimes: number[] = [];
    const aggregateTimes: number[] = [];
    let outcome: { values: number; heapPeak: number; resultBytes: number; first: unknown } = { values: 0, heapPeak: 0, resultBytes: 0, first: undefined };
    const runs = provinces === 1 ? 7 : 3;
    for (let run = 0; run < runs; run += 1) {
      heapNow();
      let start = performance.now();
      const rows = await bareListing(provinces);
      bareTimes.push(performance.now() - start);
      start = performance.now();
      outcome = await aggregate(provinces);
      aggregateTimes.push(performance.now() - start);
      if (rows !== provinces * COMMUNES) throw new Error(`listed ${rows} rows`);
    }
    outcome.resultBytes = JSON.stringify(outcome.first).length;
    outcome.first = undefined;
    // Memory in a pass of its own, collected after each province: what aggregation keeps, not garbage not yet swept.
    const base = heapNow();
    let retained = -Infinity;
    for (let p = 1; p <= provinces; p += 1) {
      const result = await aggregatePeriod(services, snapshot, snapshot.lookup.decisions.get(decisionOf(p))!, "2025-Q3");
      retained = Math.max(retained, heapNow() - base);
      if (result.agencies.length !== COMMUNES) throw new Error("incomplete aggregate");
    }
    outcome.heapPeak = retained;
    const bare = percentile(bareTimes, 50);
    const agg = percentile(aggregateTimes, 50);
    console.log(
      `  ${label}: ${outcome.values.toLocaleString("en")} values — aggregate ${agg.toFixed(0)} ms, bare listing ${bare.toFixed(0)} ms, ratio ${(agg / bare).toFixed(2)}× (goal ≤ 1.3×); heap held while aggregating ${mb(outcome.heapPeak)} MB above the start (one province's result: ${mb(outcome.resultBytes)} MB of JSON)`,
    );
  }
  await host.close();
} finally {
  await azurite.stop();
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Node's gc, exposed on the fly when the run was not started with --expose-gc. */
function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function heapNow(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
