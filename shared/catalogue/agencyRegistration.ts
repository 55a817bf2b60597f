import { matchAgency, type AgencyCandidate } from "./agencyMatch";
import { otherAgencyIdSpelling } from "./agencyNames";
import type { Agency, Catalogue } from "./model";

/**
 * A province registers its agencies (a list of communes and wards, often sent again with a few more) once each: a row
 * with the normalised name of a registered agency is that agency, a row that only resembles one is listed for a person
 * to confirm and not added, and only the rest are added.
 */

export interface AgencyRegistration {
  /** The row of the list (1-based: the position in a JSON list, the sheet row of a workbook), for the answer. */
  row: number;
  agency: Agency;
  /** The list gave the id itself: a registered agency with that id is updated from the row. */
  explicitId: boolean;
}

export interface RegisteredRow {
  row: number;
  id: string;
  name: string;
}

export interface RegistrationResult {
  added: RegisteredRow[];
  /** Already registered under this name (or id): nothing added. */
  matched: RegisteredRow[];
  /** Registered under this id, with other details now. */
  updated: RegisteredRow[];
  /** Resembles registered agencies: not added until a person confirms (register it with its own id, or not at all). */
  close: Array<{ row: number; name: string; candidates: AgencyCandidate[] }>;
}

export function registerAgencies(catalogue: Catalogue, incoming: readonly AgencyRegistration[]): { catalogue: Catalogue; result: RegistrationResult } {
  const agencies = [...catalogue.agencies];
  const result: RegistrationResult = { added: [], matched: [], updated: [], close: [] };
  for (const { row, agency, explicitId } of incoming) {
    const province = agencies.filter((known) => known.province === agency.province);
    const listed = (target: RegisteredRow[], registered: Agency) => target.push({ row, id: registered.id, name: registered.name });
    const byId = explicitId ? findById(province, agency.id) : undefined;
    if (byId) {
      const index = agencies.indexOf(byId);
      const next = { ...agency, id: byId.id };
      if (JSON.stringify(byId) === JSON.stringify(next)) {
        listed(result.matched, byId);
      } else {
        agencies[index] = next;
        listed(result.updated, next);
      }
      continue;
    }
    const match = matchAgency(agency.name, province);
    if (match.kind === "matched") {
      listed(result.matched, match.agency);
    } else if (match.kind === "close" && !explicitId) {
      result.close.push({ row, name: agency.name, candidates: match.candidates });
    } else {
      // A close name given with its own id is the person's confirmation that it is another agency.
      const added = { ...agency, id: freeId(province, agency.id) };
      agencies.push(added);
      listed(result.added, added);
    }
  }
  return { catalogue: { ...catalogue, agencies }, result };
}

function findById(agencies: readonly Agency[], id: string): Agency | undefined {
  const other = otherAgencyIdSpelling(id);
  return agencies.find((agency) => agency.id === id) ?? agencies.find((agency) => agency.id === other);
}

function freeId(agencies: readonly Agency[], id: string): string {
  let candidate = id;
  for (let n = 2; agencies.some((agency) => agency.id === candidate); n += 1) candidate = `${id}-${n}`;
  return candidate;
}
