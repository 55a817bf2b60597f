import type { Catalogue } from "../../../shared/catalogue/model";
import { DEMO_CATALOGUE_PATH, loadCatalogue } from "../../catalogue/catalogueFile";
import { readArgs } from "../args";
import { CliError, type CliIo } from "../io";
import { CATALOGUE_COMMAND } from "./catalogueArgs";

/**
 * `kpi catalogue [--decision id] [--file catalogue.json] [--json]`: each indicator with the agencies it is
 * assigned to and their targets as written.
 */
export async function runCatalogue(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(CATALOGUE_COMMAND, args, io);
  if (!parsed) return 0;
  const { values } = parsed;
  const catalogue = await loadCatalogue(values.file ?? DEMO_CATALOGUE_PATH).catch(() => {
    throw new CliError(`Không đọc được danh mục "${values.file ?? DEMO_CATALOGUE_PATH}": tệp không có hoặc không phải tệp danh mục JSON.`);
  });
  if (values.decision && !catalogue.decisions.some((decision) => decision.id === values.decision)) {
    throw new CliError(`Không có văn bản "${values.decision}". Có: ${catalogue.decisions.map((decision) => decision.id).join(", ")}.`);
  }
  const listing = catalogueListing(catalogue, values.decision);
  if (values.json) {
    io.out(JSON.stringify(listing, null, 2));
    return 0;
  }
  for (const entry of listing) {
    io.out(`${entry.code}  ${entry.name}`);
    for (const assigned of entry.assignments) io.out(`    ${assigned.agency}: ${assigned.targetText || "(không ghi chỉ tiêu)"}  [${assigned.decision}]`);
  }
  io.out(`${listing.length} chỉ tiêu, ${listing.reduce((sum, entry) => sum + entry.assignments.length, 0)} phân giao.`);
  return 0;
}

export interface CatalogueEntry {
  code: string;
  name: string;
  assignments: Array<{ agencyId: string; agency: string; decision: string; targetText: string }>;
}

export function catalogueListing(catalogue: Catalogue, decisionId?: string): CatalogueEntry[] {
  const names = new Map<string, string>();
  for (const agency of catalogue.agencies) names.set(`${agency.province}/${agency.id}`, agency.name);
  for (const group of catalogue.groups) names.set(`${group.province}/${group.id}`, group.name);
  const decisions = new Map(catalogue.decisions.map((decision) => [decision.id, decision]));
  const byCode = new Map<string, CatalogueEntry>();
  for (const indicator of catalogue.indicators) byCode.set(indicator.code, { code: indicator.code, name: indicator.name, assignments: [] });
  for (const assignment of catalogue.assignments) {
    if (decisionId && assignment.decisionId !== decisionId) continue;
    const decision = decisions.get(assignment.decisionId);
    const owner = assignment.agencyId ?? assignment.groupId ?? "";
    byCode.get(assignment.indicatorCode)?.assignments.push({
      agencyId: owner,
      agency: names.get(`${decision?.province}/${owner}`) ?? owner,
      decision: decision?.number ?? assignment.decisionId,
      targetText: assignment.targetText,
    });
  }
  return [...byCode.values()].filter((entry) => entry.assignments.length > 0);
}
