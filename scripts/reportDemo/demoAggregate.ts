import { CatalogueLookup } from "../../shared/catalogue/lookup";
import type { Aggregate, AggregateAgency, AggregateCell } from "../../shared/report/aggregate";
import { AggregateBuilder } from "../../shared/report/aggregateBuilder";
import { buildPeriodAssignments } from "../../shared/report/buildPeriodAssignments";
import { judgePeriodValue } from "../../shared/report/judgeValue";
import type { PeriodAssignment } from "../../shared/report/periodAssignments";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import type { JudgedValue } from "../../shared/model/submission";
import type { PeriodCode } from "../../shared/period/period";
import { reportDueDate } from "../../shared/period/reportDue";
import { demoCatalogue, DEMO_DECISION } from "../../functions/local/demoData";
import type { DecisionContext } from "../../functions/report/docx/reportDocx";

/**
 * A quarter of Phú Thọ's decision 1521/QĐ-UBND with made-up but plausible reports, for looking at the drafted report:
 * every agency of the demo catalogue, values drawn from a fixed seed and judged by the real rules, two agencies late,
 * two missing, and a few values the province judged itself. Not used by any test.
 */

/** A fixed-seed generator (Park–Miller), so every run draws the same report. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const LATE = new Set(["so-y-te", "xa-thanh-son"]);
const MISSING = new Set(["so-ngoai-vu", "xa-tam-nong"]);

function reportedValue(assignment: PeriodAssignment, random: () => number): Pick<JudgedValue, "actual" | "numerator" | "denominator"> {
  const target = assignment.target;
  if (assignment.indicatorKind === "percent" || target.kind === "percent") {
    const denominator = 40 + Math.floor(random() * 900);
    const numerator = Math.min(denominator, Math.round(denominator * (0.62 + random() * 0.42)));
    return { actual: numerator / denominator, numerator, denominator };
  }
  if (target.kind === "frequency" || target.kind === "count") return { actual: Math.round(target.value * (0.55 + random() * 0.2)) };
  if (target.kind === "document") return { actual: random() < 0.7 };
  return { actual: random() < 0.6 ? "Đã hoàn thành" : "Đang triển khai" };
}

export async function demoAggregate(period: PeriodCode): Promise<{ aggregate: Aggregate; context: DecisionContext }> {
  const catalogue = await demoCatalogue();
  const lookup = new CatalogueLookup(catalogue);
  const decision = lookup.decisions.get(DEMO_DECISION)!;
  const builder = new AggregateBuilder(lookup, decision, period, 1);
  const random = seeded(20251);
  for (const agency of lookup.assignedAgencies(decision)) {
    if (MISSING.has(agency.id)) continue;
    const view = buildPeriodAssignments({ lookup, catalogueVersion: 1, decision, agency, period });
    const values = view.assignments.map((assignment): JudgedValue => {
      const value = reportedValue(assignment, random);
      const verdict = judgePeriodValue(assignment, value, period, decision.year);
      return { assignmentId: assignment.assignmentId, ...value, targetText: assignment.targetText, verdict: verdict.verdict, label: verdict.label, explanation: verdict.explanation };
    });
    const dueDay = view.reportDueDate;
    const submittedAt = LATE.has(agency.id) ? `${dueDay}T09:40:00.000Z` : `${dueDay}T02:15:00.000Z`;
    builder.add({ agencyId: agency.id, version: 1, submittedAt: LATE.has(agency.id) ? shiftDays(submittedAt, 3) : shiftDays(submittedAt, -2), late: LATE.has(agency.id), values });
  }
  const built = builder.result(shiftDays(`${reportDueDate(period)}T03:30:00.000Z`, 4));
  return { aggregate: withPersonVerdicts(built), context: { date: decision.date, ...(decision.issuer ? { issuer: decision.issuer } : {}) } };
}

function shiftDays(instant: string, days: number): string {
  return new Date(Date.parse(instant) + days * 86_400_000).toISOString();
}

/** The province's own verdicts on the first values no rule could judge, and one overruled verdict, with counts redone. */
function withPersonVerdicts(aggregate: Aggregate): Aggregate {
  let given = 0;
  let overruled = false;
  const agencies = aggregate.agencies.map((agency): AggregateAgency => {
    const cells = agency.cells.map((cell): AggregateCell => {
      if ((cell.verdict === "needs_review" || (cell.verdict === "pending" && agency.id === "so-xay-dung")) && given < 2) {
        given += 1;
        return person(cell, given % 2 === 1 ? "met" : "not_met", "Đã kiểm tra văn bản cơ quan gửi kèm báo cáo.", false);
      }
      if (!overruled && (cell.verdict === "not_met" || cell.verdict === "pending") && agency.id === "so-tu-phap") {
        overruled = true;
        return person(cell, "met", "Số liệu kỳ trước bị sót hồ sơ trực tuyến; đã đối chiếu với Cổng dịch vụ công.", true);
      }
      return cell;
    });
    const reviewState = agency.status === "missing" ? "not_submitted" : agency.id === "so-y-te" ? "returned" : agency.status === "late" ? "submitted" : "approved";
    return { ...agency, cells, reviewState, metCount: cells.filter((cell) => cell.verdict === "met").length };
  });
  const indicators = aggregate.indicators.map((indicator) => {
    const metCount = agencies.flatMap((agency) => agency.cells).filter((cell) => cell.indicatorCode === indicator.code && cell.verdict === "met").length;
    return { ...indicator, metCount, metShare: indicator.assignedCount > 0 ? metCount / indicator.assignedCount : null };
  });
  return { ...aggregate, agencies, indicators };
}

function person(cell: AggregateCell, verdict: "met" | "not_met", reason: string, override: boolean): AggregateCell {
  return {
    ...cell,
    verdict,
    label: VERDICT_LABELS[verdict],
    decidedBy: "person",
    person: { reason, byLabel: "Sở Khoa học và Công nghệ", at: "2025-10-22T02:00:00.000Z", override, automaticVerdict: cell.verdict, automaticLabel: cell.label },
  };
}
