import type { Aggregate, AggregateAgency, AggregateCell, AggregateIndicator } from "../../../shared/report/aggregate";
import { paceOfAggregate, type PaceItem } from "../../../shared/report/pace";
import type { VerdictCode } from "../../../shared/verdict/schema";

/**
 * What the report says, worked out once from the aggregate so that the sections, tables, charts and appendix all
 * count the same way: every figure counts the final verdict (the province's where it gave one).
 */

export interface RankedAgency {
  agency: AggregateAgency;
  /** metCount / assignedCount; 0 for an agency assigned nothing. */
  metShare: number;
  /** 1 is best; agencies with the same share share the rank ("1, 2, 2, 4"); absent for an agency that has not reported. */
  rank?: number;
}

export interface JudgedByPerson {
  agency: AggregateAgency;
  cell: AggregateCell & { person: NonNullable<AggregateCell["person"]> };
}

export interface ReportFacts {
  /** Indicators in the order of the decision's appendix; their position + 1 is their number in every table. */
  indicators: AggregateIndicator[];
  indicatorNumber: Map<string, number>;
  cellCount: number;
  verdictCounts: Record<VerdictCode, number>;
  ranked: RankedAgency[];
  late: AggregateAgency[];
  missing: AggregateAgency[];
  /** Indicators met by fewer than half the agencies assigned them, least met first. */
  leastMet: AggregateIndicator[];
  judgedByPerson: JudgedByPerson[];
  pace: PaceItem[];
}

const VERDICTS: readonly VerdictCode[] = ["met", "not_met", "pending", "no_data", "needs_review", "invalid_actual"];
const LEAST_MET_LIMIT = 5;

export function reportFacts(aggregate: Aggregate): ReportFacts {
  const cells = aggregate.agencies.flatMap((agency) => agency.cells);
  const verdictCounts = Object.fromEntries(VERDICTS.map((code) => [code, 0])) as Record<VerdictCode, number>;
  for (const cell of cells) verdictCounts[cell.verdict] += 1;
  return {
    indicators: aggregate.indicators,
    indicatorNumber: new Map(aggregate.indicators.map((indicator, index) => [indicator.code, index + 1])),
    cellCount: cells.length,
    verdictCounts,
    ranked: rankAgencies(aggregate.agencies),
    late: aggregate.agencies.filter((agency) => agency.status === "late"),
    missing: aggregate.agencies.filter((agency) => agency.status === "missing"),
    leastMet: [...aggregate.indicators]
      .filter((indicator) => indicator.metShare !== null && indicator.metShare < 0.5)
      .sort((a, b) => (a.metShare ?? 0) - (b.metShare ?? 0) || b.assignedCount - a.assignedCount)
      .slice(0, LEAST_MET_LIMIT),
    judgedByPerson: aggregate.agencies.flatMap((agency) =>
      agency.cells.flatMap((cell) => (cell.decidedBy === "person" && cell.person ? [{ agency, cell: { ...cell, person: cell.person } }] : [])),
    ),
    pace: paceOfAggregate(aggregate.agencies, aggregate.period),
  };
}

/** Best share first; agencies that have not reported come last, unranked, in the decision's order. */
function rankAgencies(agencies: readonly AggregateAgency[]): RankedAgency[] {
  const shareOf = (agency: AggregateAgency) => (agency.assignedCount > 0 ? agency.metCount / agency.assignedCount : 0);
  const reported = agencies.filter((agency) => agency.status !== "missing").sort((a, b) => shareOf(b) - shareOf(a) || b.metCount - a.metCount);
  const ranked: RankedAgency[] = [];
  reported.forEach((agency, index) => {
    const previous = ranked[index - 1];
    const share = shareOf(agency);
    const rank = previous && previous.metShare === share && previous.agency.metCount === agency.metCount ? previous.rank : index + 1;
    ranked.push({ agency, metShare: share, ...(rank === undefined ? {} : { rank }) });
  });
  const missing = agencies.filter((agency) => agency.status === "missing").map((agency) => ({ agency, metShare: shareOf(agency) }));
  return [...ranked, ...missing];
}
