import * as z from "zod";
import { KpiApiError } from "../../../shared/api/client";
import { catalogueSchema, type Catalogue } from "../../../shared/catalogue/model";
import { decisionIdSchema } from "../../../shared/model/ids";
import { openApi, openStorage } from "../apiConnection";
import { readArgs } from "../args";
import { CliError, type CliIo } from "../io";
import { CATALOGUE_COMMAND } from "./catalogueArgs";

// ---- Arguments: the flags are CATALOGUE_COMMAND (catalogueArgs.ts); here they are checked and typed. ----

const optionsSchema = z.object({
  decision: decisionIdSchema.optional(),
  json: z.boolean().optional(),
  server: z.url({ error: "--server phải là địa chỉ, ví dụ http://127.0.0.1:7071" }).optional(),
  key: z.string().optional(),
});
type CatalogueOptions = z.infer<typeof optionsSchema>;

function readArguments(args: string[], io: CliIo): CatalogueOptions | undefined {
  const parsed = readArgs(CATALOGUE_COMMAND, args, io);
  if (!parsed) return undefined;
  const { values } = parsed;
  if (values.key && !(values.server || process.env.KPI_SERVER)) {
    throw new CliError("--key chỉ dùng cùng --server: không có --server, lệnh đọc thẳng kho lưu trữ và không cần khóa.", 2);
  }
  const options = optionsSchema.safeParse({ ...values, server: values.server || process.env.KPI_SERVER || undefined, key: values.key || process.env.KPI_KEY || undefined });
  if (!options.success) throw new CliError(options.error.issues.map((issue) => issue.message).join(" "), 2);
  return options.data;
}
// ---- End of arguments. ----

/**
 * `kpi catalogue [--decision mã] [--json] [--server URL --key KHÓA]`: each indicator with the agencies it is assigned
 * to and their targets as written, from the catalogue of the system that runs (over HTTP with --server, otherwise
 * straight from storage: KPI_STORAGE_CONNECTION, default the Azurite of `npm start`).
 */
export async function runCatalogue(args: string[], io: CliIo): Promise<number> {
  const options = readArguments(args, io);
  if (!options) return 0;
  const catalogue = options.server ? await catalogueFromServer(options) : (await (await openStorage()).catalogue.current()).catalogue;
  if (options.decision && !catalogue.decisions.some((decision) => decision.id === options.decision)) {
    throw new CliError(`Không có văn bản "${options.decision}". Có: ${catalogue.decisions.map((decision) => decision.id).join(", ") || "(chưa có văn bản nào)"}.`);
  }
  const listing = catalogueListing(catalogue, options.decision);
  if (options.json) {
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

/** The part of the catalogue the key may see, in the catalogue's own shape. */
const servedCatalogueSchema = catalogueSchema.omit({ uncertainMatches: true });

async function catalogueFromServer(options: CatalogueOptions): Promise<Catalogue> {
  const api = await openApi({ server: options.server, key: options.key });
  try {
    const served = await api.answerOrRefusal(api.client.request("GET", "/catalogue?include=assignments", servedCatalogueSchema));
    if (served instanceof KpiApiError) throw new CliError(`Không đọc được danh mục (${served.status}): ${served.message}`);
    return { ...served, uncertainMatches: [] };
  } finally {
    await api.close();
  }
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
