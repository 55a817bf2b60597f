import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildCatalogue, type BuildReport } from "../../shared/catalogue/build";
import { decisionFromHeader } from "../../shared/catalogue/decision";
import type { ImportDraft } from "../../shared/catalogue/draft";
import type { Catalogue } from "../../shared/catalogue/model";
import { importPdfText } from "../../shared/catalogue/importers/pdfText";
import { importHuePlan } from "../../shared/catalogue/importers/hue";

/**
 * The shipped demo catalogue is made from the three seed decisions by the importers, then reviewed and committed
 * (functions/data/demo-catalogue.json), so that the demo never depends on a best-effort parse going right. A test
 * rebuilds it from the seeds and compares.
 */

const SEEDS = fileURLToPath(new URL("../../test/fixtures/seeds/", import.meta.url));

export const DEMO_SEEDS: ReadonlyArray<{ file: string; importer: (text: string) => ImportDraft }> = [
  { file: "000_631dd23ab7c0a6ab.txt", importer: importPdfText },
  { file: "002_0e8855a91181c30a.txt", importer: importHuePlan },
  { file: "003_4c92e75b607b6c87.txt", importer: importPdfText },
];

export async function buildDemoCatalogue(): Promise<{ catalogue: Catalogue; reports: BuildReport[] }> {
  const inputs = [];
  for (const seed of DEMO_SEEDS) {
    const draft = seed.importer(await readFile(SEEDS + seed.file, "utf8"));
    const header = decisionFromHeader(draft.header);
    if (!("decision" in header)) throw new Error(`${seed.file}: ${header.problems.map((problem) => problem.message).join(" ")}`);
    inputs.push({ draft, decision: header.decision });
  }
  return buildCatalogue(inputs);
}
