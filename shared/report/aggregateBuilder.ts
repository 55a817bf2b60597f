import type { CatalogueLookup } from "../catalogue/lookup";
import type { Agency, CatalogueDecision } from "../catalogue/model";
import type { PeriodCode } from "../period/period";
import { periodLabel } from "../period/period";
import { reportDueDate } from "../period/reportDue";
import { VERDICT_LABELS } from "../verdict/labels";
import type { LatestSubmission } from "../model/submission";
import { versionStateOf, type PersonVerdict, type ReviewState, type VersionReview } from "../model/review";
import { finalVerdictOf } from "../verdict/finalVerdict";
import type { Aggregate, AggregateAgency, AggregateCell, AggregateIndicator } from "./aggregate";
import type { AggregatedValue, AggregateSource } from "./aggregateSource";
import { buildPeriodAssignments } from "./buildPeriodAssignments";
import type { PeriodAssignment } from "./periodAssignments";

export type { LatestSubmission };

/** The province's reviews of a period: agency → version → review (ReviewStore.reviewsOfPeriod). */
export type PeriodReviews = ReadonlyMap<string, ReadonlyMap<number, VersionReview>>;

/** The assignments of the period as a set of agencies reaches them, shared by every agency reached the same way. */
interface PeriodView {
  assignments: PeriodAssignment[];
  /** Each assignment's place in the decision's indicator list, so counting a cell needs no lookup by code. */
  indicatorIndex: number[];
  /** No assignment appears twice, so a version listing its values in the same order can be matched by position. */
  distinctIds: boolean;
}

interface AgencySlot {
  agency: Agency;
  view: PeriodView;
  /** Built as the agency's latest version arrives, so the stored row is let go at once. */
  reported?: AggregateAgency;
}

interface IndicatorTally {
  code: string;
  name: string;
  assignedCount: number;
  reportedCount: number;
  metCount: number;
}

const NOT_SUBMITTED = "Cơ quan chưa nộp báo cáo kỳ này.";
const NOT_IN_REPORT = "Báo cáo không có số liệu chỉ tiêu này.";

/**
 * Builds the decision × period matrix from each agency's latest submission, fed one at a time as storage streams
 * them: each is turned into its row of the matrix on arrival, so what is held is the result itself, never the stored
 * rows. Every figure counts the final verdict: the province's where it judged a value (on the latest version, or
 * carried from an unchanged earlier one), else the rule's.
 */
export class AggregateBuilder {
  private readonly slots = new Map<string, AgencySlot>();
  private readonly indicatorCodes: string[] = [];
  private readonly indicatorNames: string[] = [];

  constructor(
    private readonly lookup: CatalogueLookup,
    private readonly decision: CatalogueDecision,
    private readonly period: PeriodCode,
    private readonly catalogueVersion: number,
    private readonly reportDueDay?: number,
    private readonly reviews: PeriodReviews = new Map(),
  ) {
    const indexOfCode = new Map<string, number>();
    for (const assignment of lookup.assignmentsOfDecision(decision.id)) {
      if (indexOfCode.has(assignment.indicatorCode)) continue;
      indexOfCode.set(assignment.indicatorCode, this.indicatorCodes.length);
      this.indicatorCodes.push(assignment.indicatorCode);
      this.indicatorNames.push(lookup.indicators.get(assignment.indicatorCode)?.name ?? assignment.text ?? assignment.indicatorCode);
    }
    // Agencies reached by the same assignments (every commune through "UBND các xã, phường") share one view; there
    // are few distinct ways, so each agency's is compared with those seen rather than keyed by a string.
    const views: Array<{ reached: Reached; view: PeriodView }> = [];
    for (const agency of lookup.assignedAgencies(decision)) {
      const reached = lookup.assignmentsFor(decision, agency);
      let view = views.find((known) => sameReach(known.reached, reached))?.view;
      if (!view) {
        const { assignments } = buildPeriodAssignments({ lookup, catalogueVersion, decision, agency, period, reportDueDay });
        view = {
          assignments,
          indicatorIndex: assignments.map((assignment) => indexOfCode.get(assignment.indicatorCode) ?? -1),
          distinctIds: new Set(assignments.map((assignment) => assignment.assignmentId)).size === assignments.length,
        };
        views.push({ reached, view });
      }
      this.slots.set(agency.id, { agency, view });
    }
  }

  /** A submission of an agency the decision no longer assigns anything to stays in its history, out of the matrix. */
  add(submission: AggregateSource): void {
    const slot = this.slots.get(submission.agencyId);
    if (slot) slot.reported = reportedAgency(slot, submission, this.reviews.get(slot.agency.id));
  }

  result(generatedAt: string): Aggregate {
    const tallies: IndicatorTally[] = this.indicatorCodes.map((code, index) => ({
      code,
      name: this.indicatorNames[index]!,
      assignedCount: 0,
      reportedCount: 0,
      metCount: 0,
    }));
    const agencies: AggregateAgency[] = [];
    let onTime = 0;
    let late = 0;
    let missing = 0;
    let approved = 0;
    for (const slot of this.slots.values()) {
      const agency = slot.reported ?? missingAgency(slot);
      agencies.push(agency);
      if (agency.status === "on_time") onTime += 1;
      else if (agency.status === "late") late += 1;
      else missing += 1;
      if (agency.reviewState === "approved") approved += 1;
      const { indicatorIndex } = slot.view;
      for (let index = 0; index < agency.cells.length; index += 1) {
        const tally = tallies[indicatorIndex[index]!];
        if (!tally) continue;
        const cell = agency.cells[index]!;
        tally.assignedCount += 1;
        if (isReported(cell)) tally.reportedCount += 1;
        if (cell.verdict === "met") tally.metCount += 1;
      }
    }
    const indicators: AggregateIndicator[] = [];
    for (const tally of tallies) {
      if (tally.assignedCount === 0) continue;
      indicators.push({ ...tally, metShare: tally.metCount / tally.assignedCount });
    }
    return {
      decision: { id: this.decision.id, number: this.decision.number, title: this.decision.title, province: this.decision.province },
      period: this.period,
      periodLabel: periodLabel(this.period),
      reportDueDate: reportDueDate(this.period, this.reportDueDay),
      generatedAt,
      catalogueVersion: this.catalogueVersion,
      agencies,
      indicators,
      completeness: { assigned: agencies.length, onTime, late, missing, approved },
    };
  }
}

type Reached = ReturnType<CatalogueLookup["assignmentsFor"]>;

/** The period view depends only on which assignments reach the agency and through which class. */
function sameReach(a: Reached, b: Reached): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    if (a[index]!.assignment !== b[index]!.assignment || a[index]!.viaGroupId !== b[index]!.viaGroupId) return false;
  }
  return true;
}

function isReported(cell: AggregateCell): boolean {
  return cell.actual !== undefined && cell.verdict !== "no_data";
}

function reportedAgency(slot: AgencySlot, submission: AggregateSource, reviews: ReadonlyMap<number, VersionReview> | undefined): AggregateAgency {
  const { assignments } = slot.view;
  const values = submission.values;
  const byPosition = slot.view.distinctIds && inSameOrder(values, assignments);
  const reported = byPosition ? undefined : new Map(values.map((value) => [value.assignmentId, value]));
  const review = reviews?.get(submission.version);
  const given = review?.verdicts.length ? new Map(review.verdicts.map((verdict) => [verdict.assignmentId, verdict])) : undefined;
  const cells: AggregateCell[] = [];
  let reportedCount = 0;
  let metCount = 0;
  for (let index = 0; index < assignments.length; index += 1) {
    const assignment = assignments[index]!;
    const value = byPosition ? values[index] : reported!.get(assignment.assignmentId);
    const cell = value ? cellOf(assignment, value, given?.get(value.assignmentId) ?? value.carriedVerdict, "") : cellOf(assignment, undefined, undefined, NOT_IN_REPORT);
    if (isReported(cell)) reportedCount += 1;
    if (cell.verdict === "met") metCount += 1;
    cells.push(cell);
  }
  return agencyRow(slot.agency, submission.late ? "late" : "on_time", reviewStateOf(submission, reviews), submission, reportedCount, metCount, cells);
}

function missingAgency(slot: AgencySlot): AggregateAgency {
  const cells = slot.view.assignments.map((assignment) => cellOf(assignment, undefined, undefined, NOT_SUBMITTED));
  return agencyRow(slot.agency, "missing", "not_submitted", undefined, 0, 0, cells);
}

/** Every row has the same properties in the same order (absent ones undefined, which JSON leaves out). */
function agencyRow(
  agency: Agency,
  status: AggregateAgency["status"],
  reviewState: ReviewState,
  submission: AggregateSource | undefined,
  reportedCount: number,
  metCount: number,
  cells: AggregateCell[],
): AggregateAgency {
  return {
    id: agency.id,
    name: agency.name,
    kind: agency.kind,
    status,
    reviewState,
    version: submission?.version,
    submittedAt: submission?.submittedAt,
    assignedCount: cells.length,
    reportedCount,
    metCount,
    cells,
  };
}

function inSameOrder(values: readonly AggregatedValue[], assignments: readonly PeriodAssignment[]): boolean {
  if (values.length !== assignments.length) return false;
  for (let index = 0; index < values.length; index += 1) {
    if (values[index]!.assignmentId !== assignments[index]!.assignmentId) return false;
  }
  return true;
}

/**
 * One cell, always of the same shape: a cell without a value has the rule's "no data" and `noDataExplanation`. Without
 * a person's verdict the final verdict is the rule's as stored, read straight from the value.
 */
function cellOf(assignment: PeriodAssignment, value: AggregatedValue | undefined, person: PersonVerdict | undefined, noDataExplanation: string): AggregateCell {
  const final = value && person ? finalVerdictOf(value, person) : undefined;
  return {
    indicatorCode: assignment.indicatorCode,
    assignmentId: assignment.assignmentId,
    order: assignment.order,
    text: assignment.text,
    percent: assignment.indicatorKind === "percent" ? true : undefined,
    targetText: value ? value.targetText : assignment.targetText,
    actual: value?.actual,
    numerator: value?.numerator,
    denominator: value?.denominator,
    note: value?.note ? value.note : undefined,
    verdict: value ? (final ? final.verdict : value.verdict) : "no_data",
    label: value ? (final ? final.label : value.label) : VERDICT_LABELS.no_data,
    explanation: value ? (final ? final.explanation : value.explanation) : noDataExplanation,
    decidedBy: final ? final.decidedBy : "rule",
    person:
      value && person && final
        ? {
            reason: person.reason,
            byLabel: person.byLabel,
            at: person.at,
            override: final.override,
            automaticVerdict: value.verdict,
            automaticLabel: value.label,
          }
        : undefined,
    flags: value?.flags?.length ? value.flags : undefined,
  };
}

/** The agency's state for the period: its latest version's, which answers a decision on an earlier one. */
function reviewStateOf(submission: AggregateSource, reviews: ReadonlyMap<number, VersionReview> | undefined): ReviewState {
  let earlierDecided = false;
  if (reviews) {
    for (const [version, review] of reviews) {
      if (version < submission.version && review.decision !== undefined) earlierDecided = true;
    }
  }
  return versionStateOf(reviews?.get(submission.version), earlierDecided);
}
