import type { CatalogueLookup } from "../catalogue/lookup";
import type { Agency, CatalogueDecision } from "../catalogue/model";
import type { PeriodCode } from "../period/period";
import { periodLabel } from "../period/period";
import { reportDueDate } from "../period/reportDue";
import { VERDICT_LABELS } from "../verdict/labels";
import type { LatestSubmission } from "../model/submission";
import { versionStateOf, type ReviewState, type VersionReview } from "../model/review";
import { finalVerdictOf } from "../verdict/finalVerdict";
import type { Aggregate, AggregateAgency, AggregateCell, AggregateIndicator } from "./aggregate";
import { buildPeriodAssignments } from "./buildPeriodAssignments";
import type { PeriodAssignment } from "./periodAssignments";

export type { LatestSubmission };

/** The province's reviews of a period: agency → version → review (ReviewStore.reviewsOfPeriod). */
export type PeriodReviews = ReadonlyMap<string, ReadonlyMap<number, VersionReview>>;

interface AgencyRow {
  agency: Agency;
  assignments: PeriodAssignment[];
  submission?: LatestSubmission;
}

/**
 * Builds the decision × period matrix from each agency's latest submission, fed one at a time as storage streams
 * them: what is held is the result itself, never the list of all stored rows. Every figure counts the final verdict:
 * the province's where it judged a value (on the latest version, or carried from an unchanged earlier one), else the
 * rule's.
 */
export class AggregateBuilder {
  private readonly rows = new Map<string, AgencyRow>();

  constructor(
    private readonly lookup: CatalogueLookup,
    private readonly decision: CatalogueDecision,
    private readonly period: PeriodCode,
    private readonly catalogueVersion: number,
    private readonly reportDueDay?: number,
    private readonly reviews: PeriodReviews = new Map(),
  ) {
    for (const agency of lookup.assignedAgencies(decision)) {
      const view = buildPeriodAssignments({ lookup, catalogueVersion, decision, agency, period, reportDueDay });
      this.rows.set(agency.id, { agency, assignments: view.assignments });
    }
  }

  /** A submission of an agency the decision no longer assigns anything to stays in its history, out of the matrix. */
  add(submission: LatestSubmission): void {
    const row = this.rows.get(submission.agencyId);
    if (row) row.submission = submission;
  }

  result(generatedAt: string): Aggregate {
    const agencies = [...this.rows.values()].map((row) => agencyOf(row, this.reviews.get(row.agency.id)));
    return {
      decision: { id: this.decision.id, number: this.decision.number, title: this.decision.title, province: this.decision.province },
      period: this.period,
      periodLabel: periodLabel(this.period),
      reportDueDate: reportDueDate(this.period, this.reportDueDay),
      generatedAt,
      catalogueVersion: this.catalogueVersion,
      agencies,
      indicators: this.indicators(agencies),
      completeness: {
        assigned: agencies.length,
        onTime: agencies.filter((agency) => agency.status === "on_time").length,
        late: agencies.filter((agency) => agency.status === "late").length,
        missing: agencies.filter((agency) => agency.status === "missing").length,
        approved: agencies.filter((agency) => agency.reviewState === "approved").length,
      },
    };
  }

  private indicators(agencies: AggregateAgency[]): AggregateIndicator[] {
    const byCode = new Map<string, AggregateIndicator>();
    for (const assignment of this.lookup.assignmentsOfDecision(this.decision.id)) {
      if (!byCode.has(assignment.indicatorCode)) {
        const name = this.lookup.indicators.get(assignment.indicatorCode)?.name ?? assignment.text ?? assignment.indicatorCode;
        byCode.set(assignment.indicatorCode, { code: assignment.indicatorCode, name, assignedCount: 0, reportedCount: 0, metCount: 0, metShare: null });
      }
    }
    for (const agency of agencies) {
      for (const cell of agency.cells) {
        const indicator = byCode.get(cell.indicatorCode);
        if (!indicator) continue;
        indicator.assignedCount += 1;
        if (cell.actual !== undefined && cell.verdict !== "no_data") indicator.reportedCount += 1;
        if (cell.verdict === "met") indicator.metCount += 1;
      }
    }
    return [...byCode.values()]
      .filter((indicator) => indicator.assignedCount > 0)
      .map((indicator) => ({ ...indicator, metShare: indicator.metCount / indicator.assignedCount }));
  }
}

function agencyOf(row: AgencyRow, reviews: ReadonlyMap<number, VersionReview> | undefined): AggregateAgency {
  const reported = new Map(row.submission?.values.map((value) => [value.assignmentId, value]));
  const review = row.submission ? reviews?.get(row.submission.version) : undefined;
  const given = new Map(review?.verdicts.map((verdict) => [verdict.assignmentId, verdict]));
  const cells = row.assignments.map((assignment): AggregateCell => {
    const value = reported.get(assignment.assignmentId);
    const base = {
      indicatorCode: assignment.indicatorCode,
      assignmentId: assignment.assignmentId,
      order: assignment.order,
      text: assignment.text,
      ...(assignment.indicatorKind === "percent" ? { percent: true } : {}),
    };
    if (!value) {
      return {
        ...base,
        targetText: assignment.targetText,
        verdict: "no_data",
        label: VERDICT_LABELS.no_data,
        explanation: row.submission ? "Báo cáo không có số liệu chỉ tiêu này." : "Cơ quan chưa nộp báo cáo kỳ này.",
        decidedBy: "rule",
      };
    }
    const person = given.get(value.assignmentId) ?? value.carriedVerdict;
    const final = finalVerdictOf(value, person);
    return {
      ...base,
      targetText: value.targetText,
      actual: value.actual,
      ...(value.numerator !== undefined ? { numerator: value.numerator } : {}),
      ...(value.denominator !== undefined ? { denominator: value.denominator } : {}),
      ...(value.note ? { note: value.note } : {}),
      verdict: final.verdict,
      label: final.label,
      explanation: final.explanation,
      decidedBy: final.decidedBy,
      ...(person
        ? {
            person: {
              reason: person.reason,
              byLabel: person.byLabel,
              at: person.at,
              override: final.override,
              automaticVerdict: value.verdict,
              automaticLabel: value.label,
            },
          }
        : {}),
      ...(value.flags?.length ? { flags: value.flags } : {}),
    };
  });
  const submission = row.submission;
  return {
    id: row.agency.id,
    name: row.agency.name,
    kind: row.agency.kind,
    status: submission ? (submission.late ? "late" : "on_time") : "missing",
    reviewState: reviewStateOf(submission, reviews),
    ...(submission ? { version: submission.version, submittedAt: submission.submittedAt } : {}),
    assignedCount: cells.length,
    reportedCount: cells.filter((cell) => cell.actual !== undefined && cell.verdict !== "no_data").length,
    metCount: cells.filter((cell) => cell.verdict === "met").length,
    cells,
  };
}

/** The agency's state for the period: its latest version's, which answers a decision on an earlier one. */
function reviewStateOf(submission: LatestSubmission | undefined, reviews: ReadonlyMap<number, VersionReview> | undefined): ReviewState {
  if (!submission) return "not_submitted";
  const earlierDecided = [...(reviews ?? new Map<number, VersionReview>())].some(([version, review]) => version < submission.version && review.decision !== undefined);
  return versionStateOf(reviews?.get(submission.version), earlierDecided);
}
