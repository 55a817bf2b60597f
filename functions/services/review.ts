import type { AuditEventInput } from "../../shared/model/audit";
import type { Agency, CatalogueDecision } from "../../shared/catalogue/model";
import type { ApproveRequest, VerdictsRequest, VersionView } from "../../shared/api/review";
import { versionStateOf, type PersonVerdict, type ReviewState, type VersionReview } from "../../shared/model/review";
import type { SubmissionRecord } from "../../shared/model/submission";
import type { PeriodCode } from "../../shared/period/period";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import type { Principal } from "../auth/principal";
import { ReviewConflictError } from "../storage/reviewStore";
import { DomainError, type FieldProblem } from "./domainError";
import type { Services } from "./services";
import { earlierDecided, versionView } from "./versionView";

/**
 * The province's review of an agency's version: a person's verdicts, returning the version for correction, approving
 * it. Only the agency's newest version is reviewed; an approved one is closed. Every change is in the audit trail.
 */

export interface ReviewTarget {
  principal: Principal;
  decision: CatalogueDecision;
  period: PeriodCode;
  agency: Agency;
  record: SubmissionRecord;
}

export interface ReturnInput {
  comment: string;
  rows: { assignmentId: string; comment: string }[];
}

export async function setVerdicts(services: Services, target: ReviewTarget, request: VerdictsRequest): Promise<VersionView> {
  await requireLatest(services, target, "đánh giá");
  const problems = verdictProblems(target.record, request);
  if (problems.length > 0) {
    throw new DomainError("validation_failed", `Đánh giá có ${problems.length} lỗi: ${problems[0]!.message}`, { problems });
  }
  const at = services.now().toISOString();
  const { before, after } = await updateReview(services, target, (current) => {
    requireOpen(current, target, "đánh giá");
    const verdicts = new Map(current.verdicts.map((verdict) => [verdict.assignmentId, verdict]));
    for (const entry of request.verdicts) {
      if (entry.verdict === null) {
        verdicts.delete(entry.assignmentId);
        continue;
      }
      const previous = verdicts.get(entry.assignmentId);
      // Saving the same verdict and reason again changes nothing: its author and time stay those of the first save.
      if (previous && previous.verdict === entry.verdict && previous.reason === entry.reason) continue;
      verdicts.set(entry.assignmentId, {
        assignmentId: entry.assignmentId,
        verdict: entry.verdict,
        reason: entry.reason!,
        by: target.principal.subject,
        byLabel: target.principal.label,
        at,
      });
    }
    return { ...current, verdicts: [...verdicts.values()] };
  });
  const earlier = new Map(before.verdicts.map((verdict) => [verdict.assignmentId, verdict]));
  const later = new Map(after.verdicts.map((verdict) => [verdict.assignmentId, verdict]));
  const changed = [...new Set(request.verdicts.map((entry) => entry.assignmentId))].filter(
    (assignmentId) => !sameVerdict(earlier.get(assignmentId), later.get(assignmentId)),
  );
  await services.audit.appendAll(
    changed.map((assignmentId) =>
      eventOf(target, at, "verdict", { assignmentId, before: verdictPart(earlier.get(assignmentId)), after: verdictPart(later.get(assignmentId)) }),
    ),
  );
  return versionView(services, target.record);
}

export async function returnVersion(services: Services, target: ReviewTarget, request: ReturnInput): Promise<VersionView> {
  await requireLatest(services, target, "trả lại");
  const known = new Set([...target.record.values, ...(target.record.missing ?? [])].map((row) => row.assignmentId));
  const problems: FieldProblem[] = request.rows.flatMap((row, index) =>
    known.has(row.assignmentId)
      ? []
      : [{ path: `rows[${index}].assignmentId`, message: `Chỉ tiêu "${row.assignmentId}" không có trong phiên bản ${target.record.version}.` }],
  );
  if (problems.length > 0) {
    throw new DomainError("validation_failed", `Nhận xét có ${problems.length} lỗi: ${problems[0]!.message}`, { problems });
  }
  const at = services.now().toISOString();
  const { before, after } = await updateReview(services, target, (current) => {
    if (current.decision) throw closed(current, target, "trả lại");
    return {
      ...current,
      decision: "returned",
      comment: request.comment,
      rows: request.rows,
      by: target.principal.subject,
      byLabel: target.principal.label,
      at,
    };
  });
  await appendEvent(services, target, at, "return", {
    comment: request.comment,
    rows: request.rows.length,
    ...(await statesAround(services, target, before, after)),
  });
  return versionView(services, target.record);
}

export async function approveVersion(services: Services, target: ReviewTarget, request: ApproveRequest): Promise<VersionView> {
  await requireLatest(services, target, "duyệt");
  const at = services.now().toISOString();
  const { before, after } = await updateReview(services, target, (current) => {
    requireOpen(current, target, "duyệt");
    const { comment: _previous, ...rest } = current;
    return {
      ...rest,
      decision: "approved",
      ...(request.comment !== undefined ? { comment: request.comment } : {}),
      by: target.principal.subject,
      byLabel: target.principal.label,
      at,
    };
  });
  await appendEvent(services, target, at, "approve", {
    ...(request.comment !== undefined ? { comment: request.comment } : {}),
    ...(await statesAround(services, target, before, after)),
  });
  return versionView(services, target.record);
}

/** Which values the request may judge and whether each verdict says why; nothing is stored when one fails. */
function verdictProblems(record: SubmissionRecord, request: VerdictsRequest): FieldProblem[] {
  const values = new Set(record.values.map((value) => value.assignmentId));
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  request.verdicts.forEach((entry, index) => {
    const path = `verdicts[${index}]`;
    if (!values.has(entry.assignmentId)) {
      problems.push({
        path: `${path}.assignmentId`,
        message: `Chỉ tiêu "${entry.assignmentId}" không có số liệu trong phiên bản ${record.version}, không đánh giá được.`,
      });
    } else if (seen.has(entry.assignmentId)) {
      problems.push({ path: `${path}.assignmentId`, message: `Chỉ tiêu "${entry.assignmentId}" được đánh giá hai lần trong một lần gửi.` });
    }
    seen.add(entry.assignmentId);
    // A person's verdict replaces the rule's in every figure, so whoever reads it later must be told why.
    if (entry.verdict !== null && !entry.reason) {
      problems.push({ path: `${path}.reason`, message: "Cần ghi lý do cho đánh giá của tỉnh (nhất là khi khác với đánh giá tự động)." });
    }
  });
  return problems;
}

async function requireLatest(services: Services, target: ReviewTarget, action: string): Promise<void> {
  const { decision, period, agency, record } = target;
  const latest = await services.submissions.latest(decision.id, period, agency.id);
  if (latest && latest.version !== record.version) {
    throw new DomainError(
      "version_superseded",
      `Phiên bản ${record.version} của ${agency.name} đã có phiên bản mới hơn (phiên bản ${latest.version}): chỉ ${action} được phiên bản mới nhất.`,
      { version: record.version, latest: latest.version },
    );
  }
}

function requireOpen(current: VersionReview, target: ReviewTarget, action: string): void {
  if (current.decision === "approved") throw closed(current, target, action);
}

function closed(current: VersionReview, target: ReviewTarget, action: string): DomainError {
  const state = current.decision === "returned" ? "bị trả lại" : "được duyệt";
  const when = current.at ? ` lúc ${vietnamTimeText(current.at)}` : "";
  const who = current.byLabel ? ` bởi ${current.byLabel}` : "";
  return new DomainError(
    "review_closed",
    `Phiên bản ${target.record.version} của ${target.agency.name} đã ${state}${who}${when}: không ${action} được nữa.`,
    { version: target.record.version, decision: current.decision },
  );
}

async function updateReview(services: Services, target: ReviewTarget, change: (current: VersionReview) => VersionReview) {
  const { decision, period, agency, record } = target;
  try {
    // The latest copy is touched before the review is written, so that a submission built on this version without
    // reading its reviews cannot be stored after it (see SubmissionStore.touchLatest).
    return await services.reviews.updateReview(decision.id, period, agency.id, record.version, change, () =>
      services.submissions.touchLatest(decision.id, period, agency.id),
    );
  } catch (error) {
    if (error instanceof ReviewConflictError) {
      throw new DomainError("busy", "Nhiều cán bộ đang cùng lưu đánh giá của báo cáo này nên chưa lưu được. Hãy thử lại sau giây lát.");
    }
    throw error;
  }
}

function sameVerdict(a: PersonVerdict | undefined, b: PersonVerdict | undefined): boolean {
  return a?.verdict === b?.verdict && a?.reason === b?.reason;
}

function verdictPart(verdict: PersonVerdict | undefined): { verdict: string; reason: string } | null {
  return verdict ? { verdict: verdict.verdict, reason: verdict.reason } : null;
}

/** The version's state before and after a decision, as the audit trail records it. */
async function statesAround(services: Services, target: ReviewTarget, before: VersionReview, after: VersionReview) {
  const { decision, period, agency, record } = target;
  const reviews = await services.reviews.reviewsOfAgency(decision.id, period, agency.id);
  const answered = earlierDecided(record.version, reviews);
  const state = (review: VersionReview): ReviewState => versionStateOf(review, answered);
  return { before: state(before), after: state(after) };
}

async function appendEvent(
  services: Services,
  target: ReviewTarget,
  at: string,
  action: "verdict" | "return" | "approve",
  details: Record<string, unknown>,
): Promise<void> {
  await services.audit.append(eventOf(target, at, action, details));
}

function eventOf(target: ReviewTarget, at: string, action: "verdict" | "return" | "approve", details: Record<string, unknown>): AuditEventInput {
  return {
    at,
    actor: target.principal.subject,
    actorLabel: target.principal.label,
    action,
    province: target.decision.province,
    decisionId: target.decision.id,
    period: target.period,
    agencyId: target.agency.id,
    version: target.record.version,
    details,
  };
}
