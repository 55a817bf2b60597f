import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { TableClient } from "@azure/data-tables";
import { DEMO_CATALOGUE_PATH } from "../functions/catalogue/catalogueFile";
import { startAzurite } from "../functions/local/azurite";
import { createServices, type Services } from "../functions/services/services";
import { settingsSchema, type Settings } from "../functions/services/settings";
import type { CatalogueSnapshot } from "../functions/storage/catalogueStore";
import { tableClient } from "../functions/storage/tableClient";
import { storageNames } from "../functions/storage/tableNames";
import { catalogueSchema } from "../shared/catalogue/model";
import { benchCatalogue } from "./benchCatalogue";
import { COMMUNES } from "./benchRounds";

export { agencyOf, COMMUNES, percentile, rounds, valuesFor } from "./benchRounds";

/**
 * What the storage benchmarks share: a real Azurite (in memory) started for the run, the services on it, and a
 * national catalogue of PROVINCES provinces × COMMUNES communes, each decision assigning INDICATORS indicators.
 */

export const PROVINCES = 34;
export const INDICATORS = 20;

export interface BenchStack {
  settings: Settings;
  services: Services;
  snapshot: CatalogueSnapshot;
  /** The submissions table, for the floors: the same rows written or listed with nothing in between. */
  table: TableClient;
  /** A province key for tinh-01 … tinh-03, the provinces the submission benchmark reports for. */
  tokens: Map<number, string>;
}

export const decisionOf = (p: number) => `tinh-${String(p).padStart(2, "0")}-100-qd-ubnd`;

export function assignmentIdsOf(snapshot: CatalogueSnapshot, p: number): string[] {
  return snapshot.lookup.assignmentsOfDecision(decisionOf(p)).map((assignment) => assignment.id);
}

export async function withBenchStack(run: (stack: BenchStack) => Promise<void>): Promise<void> {
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
    const table = tableClient(settings.connection, storageNames(settings.storagePrefix).submissionsTable);
    await run({ settings, services, snapshot, table, tokens });
  } finally {
    await azurite.stop();
  }
}

/** A ratio next to its goal, so a reader sees at once which goals hold: "1.32× (goal ≤ 1.5×, met)". */
export function againstGoal(ratio: number, goal: number): string {
  return `${ratio.toFixed(2)}× (goal ≤ ${goal}×, ${ratio <= goal ? "met" : "NOT met"})`;
}

