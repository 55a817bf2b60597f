import { agencyNameKey } from "./agencyNames";
import type { Agency } from "./model";
import { keySimilarity } from "./similarity";

/**
 * Which registered agency a name (a decision's section heading, a row of a registration list) is. The same normalised
 * name is that agency; a name that only resembles one ("Sở Y Tế (cũ)" and "Sở Y tế", "Tam Nông" and "xã Tam Nông") is
 * offered to a person as that agency and never decided here: a wrong agency is worse than a question.
 */

/** Word-pair likeness from which a name is offered as a registered agency rather than taken as a new one. */
export const CLOSE_AGENCY_SIMILARITY = 0.6;

export interface AgencyCandidate {
  id: string;
  name: string;
  similarity: number;
}

export type AgencyMatch = { kind: "matched"; agency: Agency } | { kind: "close"; candidates: AgencyCandidate[] } | { kind: "new" };

/** `registered` are the agencies of one province. */
export function matchAgency(name: string, registered: readonly Agency[]): AgencyMatch {
  const key = agencyNameKey(name);
  const same = registered.find((agency) => agencyNameKey(agency.name) === key);
  if (same) return { kind: "matched", agency: same };
  const candidates = registered
    .map((agency) => ({ id: agency.id, name: agency.name, similarity: nameSimilarity(key, agencyNameKey(agency.name)) }))
    .filter((candidate) => candidate.similarity >= CLOSE_AGENCY_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 3);
  return candidates.length > 0 ? { kind: "close", candidates } : { kind: "new" };
}

function nameSimilarity(a: string, b: string): number {
  // Short names have few word pairs: "y te" inside "so y te cu" says more than the pairs they share.
  const contained = a.length > 0 && b.length > 0 && (` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `));
  const similarity = Math.max(keySimilarity(a, b), contained ? CLOSE_AGENCY_SIMILARITY : 0);
  return Math.round(similarity * 100) / 100;
}
