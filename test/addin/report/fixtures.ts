import demo from "../../../functions/data/demo-catalogue.json";
import { CatalogueLookup } from "../../../shared/catalogue/lookup";
import { catalogueSchema } from "../../../shared/catalogue/model";
import { aggregateSchema, type Aggregate } from "../../../shared/report/aggregate";
import { buildPeriodAssignments } from "../../../shared/report/buildPeriodAssignments";
import type { PeriodAssignment, PeriodAssignments } from "../../../shared/report/periodAssignments";
import { submissionReceiptSchema, type SubmissionReceipt } from "../../../shared/report/receipt";
import { parseTarget } from "../../../shared/target/parse";

/** Period views from the shipped demo catalogue: decision 1521/QĐ-UBND of Phú Thọ, Sở Tài chính, Q4 2025. */

const lookup = new CatalogueLookup(catalogueSchema.parse(demo));
const decision = lookup.decisions.get("phu-tho-1521-qd-ubnd")!;

export function demoView(agencyId = "so-tai-chinh", period = "2025-Q4"): PeriodAssignments {
  return buildPeriodAssignments({ lookup, catalogueVersion: 1, decision, agency: lookup.agency("phu-tho", agencyId)!, period });
}

/** The demo rows repeated with distinct ids and codes up to `count` rows, for the round-trip counts. */
export function largeView(count = 200): PeriodAssignments {
  const view = demoView();
  const assignments = Array.from({ length: count }, (_, index): PeriodAssignment => {
    const base = view.assignments[index % view.assignments.length]!;
    return { ...base, assignmentId: `${base.assignmentId}.x${index}`, indicatorCode: `T-${String(index + 1).padStart(3, "0")}`, order: String(index + 1) };
  });
  return { ...view, assignments };
}

/** A copy of an assignment with another target text, parsed as the catalogue would. */
export function withTarget(assignment: PeriodAssignment, targetText: string, unit?: string): PeriodAssignment {
  const parsed = parseTarget(targetText, unit ? { unit } : {});
  if (!parsed.ok) throw new Error(`target "${targetText}" does not parse`);
  return { ...assignment, targetText, target: parsed.target, ...(unit ? { unit } : {}) };
}

export function byTarget(view: PeriodAssignments, targetText: string): PeriodAssignment {
  const found = view.assignments.find((assignment) => assignment.targetText === targetText);
  if (!found) throw new Error(`no assignment with target "${targetText}"`);
  return found;
}

export function sampleReceipt(view: PeriodAssignments, late = false): SubmissionReceipt {
  const [first, second] = view.assignments;
  return submissionReceiptSchema.parse({
    id: "BN-2025-000123",
    decisionId: view.decision.id,
    period: view.period,
    agencyId: view.agency.id,
    version: 2,
    submittedAt: "2025-12-19T03:05:00.000Z",
    replayed: false,
    late,
    reportDueDate: view.reportDueDate,
    counts: { met: 1, not_met: 1 },
    verdicts: [
      { assignmentId: first!.assignmentId, targetText: first!.targetText, verdict: "met", label: "Đạt", explanation: "Đạt" },
      { assignmentId: second!.assignmentId, targetText: second!.targetText, verdict: "not_met", label: "Không đạt", explanation: "Không đạt" },
    ],
  });
}

export function sampleAggregate(): Aggregate {
  const cell = (indicatorCode: string, verdict: "met" | "not_met" | "no_data", label: string) => ({
    indicatorCode,
    assignmentId: `a.${indicatorCode}`,
    order: "1",
    text: indicatorCode,
    targetText: "Tối thiểu 90%",
    verdict,
    label,
    explanation: label,
  });
  return aggregateSchema.parse({
    decision: { id: "phu-tho-1521-qd-ubnd", number: "1521/QĐ-UBND", province: "phu-tho" },
    period: "2025-Q4",
    periodLabel: "Quý IV/2025",
    reportDueDate: "2025-12-20",
    generatedAt: "2025-12-21T01:00:00.000Z",
    catalogueVersion: 1,
    agencies: [
      {
        id: "so-tai-chinh",
        name: "Sở Tài chính",
        kind: "so_ban_nganh",
        status: "on_time",
        version: 1,
        assignedCount: 2,
        reportedCount: 2,
        metCount: 1,
        cells: [cell("CDS-001", "met", "Đạt"), cell("CDS-002", "not_met", "Không đạt")],
      },
      {
        id: "so-noi-vu",
        name: "Sở Nội vụ",
        kind: "so_ban_nganh",
        status: "missing",
        assignedCount: 1,
        reportedCount: 0,
        metCount: 0,
        cells: [cell("CDS-001", "no_data", "Chưa có số liệu")],
      },
    ],
    indicators: [
      { code: "CDS-001", name: "Tỷ lệ thanh toán trực tuyến", assignedCount: 2, reportedCount: 1, metCount: 1, metShare: 0.5 },
      { code: "CDS-002", name: "Tỷ lệ hồ sơ trực tuyến", assignedCount: 1, reportedCount: 1, metCount: 0, metShare: 0 },
    ],
    completeness: { assigned: 2, onTime: 1, late: 0, missing: 1 },
  });
}
