import type { CatalogueLookup } from "../catalogue/lookup";
import type { Agency, CatalogueDecision } from "../catalogue/model";
import { buildAssignmentTarget } from "../model/assignmentTarget";
import { indicatorKindOfTarget, type Assignment } from "../model";
import { milestoneForPeriod } from "../period/milestone";
import { periodLabel, type PeriodCode } from "../period/period";
import { reportDueDate } from "../period/reportDue";
import type { Target } from "../target/schema";
import type { PeriodAssignment, PeriodAssignments } from "./periodAssignments";

export interface PeriodAssignmentsInput {
  lookup: CatalogueLookup;
  catalogueVersion: number;
  decision: CatalogueDecision;
  agency: Agency;
  period: PeriodCode;
  reportDueDay?: number;
}

/** What one agency reports for one period: its assignments with the target that applies to that period. */
export function buildPeriodAssignments(input: PeriodAssignmentsInput): PeriodAssignments {
  const { lookup, decision, agency, period } = input;
  return {
    decision: { id: decision.id, number: decision.number, title: decision.title, province: decision.province, year: decision.year },
    period,
    periodLabel: periodLabel(period),
    agency: { id: agency.id, name: agency.name, province: agency.province },
    reportDueDate: reportDueDate(period, input.reportDueDay),
    catalogueVersion: input.catalogueVersion,
    assignments: lookup
      .assignmentsFor(decision, agency)
      .map(({ assignment, viaGroupId }) => periodAssignment(lookup, assignment, period, viaGroupId)),
  };
}

function periodAssignment(lookup: CatalogueLookup, assignment: Assignment, period: PeriodCode, viaGroupId?: string): PeriodAssignment {
  const indicator = lookup.indicators.get(assignment.indicatorCode);
  const milestone = milestoneForPeriod(assignment.milestones, period);
  const target = milestone ? (milestone.target ?? milestoneTarget(milestone.targetText, assignment)) : assignment.target;
  return {
    assignmentId: assignment.id,
    indicatorCode: assignment.indicatorCode,
    order: assignment.order,
    text: assignment.text ?? indicator?.name ?? assignment.indicatorCode,
    targetText: milestone ? milestone.targetText : assignment.targetText,
    target,
    yearTargetText: assignment.targetText,
    ...(milestone ? { milestoneDue: milestone.due } : {}),
    // Only the decision's own unit column changes how bare numbers read ("%" beside "70"); the catalogue's unit is a label.
    ...(assignment.unit ? { unit: assignment.unit } : {}),
    indicatorKind: indicator?.kind ?? indicatorKindOfTarget(target),
    ...(indicator?.numerator ? { numeratorLabel: indicator.numerator } : {}),
    ...(indicator?.denominator ? { denominatorLabel: indicator.denominator } : {}),
    ...(viaGroupId ? { viaGroupId } : {}),
  };
}

/** A milestone cell the grammar cannot read is still shown and judged by a person, never dropped. */
function milestoneTarget(text: string, assignment: Assignment): Target {
  const built = buildAssignmentTarget(text, assignment.unit);
  return built.ok ? built.target : { kind: "manual", reason: "free_text", text };
}
