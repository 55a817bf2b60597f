import { otherAgencyIdSpelling } from "./agencyNames";
import type { Agency, AgencyGroup, Assignment, Catalogue, CatalogueDecision, Indicator } from "./model";

/**
 * The catalogue indexed for the questions requests ask: "which agency is this", "what does this agency report under
 * this decision". Agency ids are unique within a province only ("so-tai-chinh" exists in every province), so agencies
 * are always looked up with their province.
 */
export class CatalogueLookup {
  readonly decisions = new Map<string, CatalogueDecision>();
  readonly indicators = new Map<string, Indicator>();
  private readonly agencies = new Map<string, Agency>();
  private readonly groups = new Map<string, AgencyGroup>();
  private readonly assignmentsByDecision = new Map<string, Assignment[]>();

  constructor(readonly catalogue: Catalogue) {
    for (const decision of catalogue.decisions) this.decisions.set(decision.id, decision);
    for (const indicator of catalogue.indicators) this.indicators.set(indicator.code, indicator);
    for (const agency of catalogue.agencies) this.agencies.set(agencyKey(agency.province, agency.id), agency);
    for (const group of catalogue.groups) this.groups.set(agencyKey(group.province, group.id), group);
    for (const assignment of catalogue.assignments) {
      const list = this.assignmentsByDecision.get(assignment.decisionId) ?? [];
      list.push(assignment);
      this.assignmentsByDecision.set(assignment.decisionId, list);
    }
  }

  /** By id, or by the id's other spelling ("ubnd-xa-thanh-ba" / "xa-thanh-ba"): ids issued before one scheme still resolve. */
  agency(province: string, agencyId: string): Agency | undefined {
    const found = this.agencies.get(agencyKey(province, agencyId));
    if (found) return found;
    const other = otherAgencyIdSpelling(agencyId);
    return other === undefined ? undefined : this.agencies.get(agencyKey(province, other));
  }

  agenciesOf(province: string): Agency[] {
    return this.catalogue.agencies.filter((agency) => agency.province === province);
  }

  group(province: string, groupId: string): AgencyGroup | undefined {
    return this.groups.get(agencyKey(province, groupId));
  }

  assignmentsOfDecision(decisionId: string): readonly Assignment[] {
    return this.assignmentsByDecision.get(decisionId) ?? [];
  }

  /** Named assignments first, then those reaching the agency through its class, each in the appendix order. */
  assignmentsFor(decision: CatalogueDecision, agency: Agency): Array<{ assignment: Assignment; viaGroupId?: string }> {
    if (agency.province !== decision.province) return [];
    const result: Array<{ assignment: Assignment; viaGroupId?: string }> = [];
    for (const assignment of this.assignmentsOfDecision(decision.id)) {
      if (assignment.agencyId === agency.id) result.push({ assignment });
    }
    for (const assignment of this.assignmentsOfDecision(decision.id)) {
      if (assignment.groupId === undefined) continue;
      const group = this.group(decision.province, assignment.groupId);
      if (group && isMember(group, agency)) result.push({ assignment, viaGroupId: group.id });
    }
    return result;
  }

  /** Every agency that reports under the decision: named in a section or member of a class that is. */
  assignedAgencies(decision: CatalogueDecision): Agency[] {
    const named = new Set<string>();
    const groupIds = new Set<string>();
    for (const assignment of this.assignmentsOfDecision(decision.id)) {
      if (assignment.agencyId) named.add(assignment.agencyId);
      if (assignment.groupId) groupIds.add(assignment.groupId);
    }
    const groups = [...groupIds].map((id) => this.group(decision.province, id)).filter((group) => group !== undefined);
    return this.agenciesOf(decision.province).filter(
      (agency) => named.has(agency.id) || groups.some((group) => isMember(group, agency)),
    );
  }
}

export function agencyKey(province: string, agencyId: string): string {
  return `${province}/${agencyId}`;
}

function isMember(group: AgencyGroup, agency: Agency): boolean {
  if (group.province !== agency.province) return false;
  return group.members ? group.members.includes(agency.id) : group.memberKind === agency.kind;
}
