import { LRUCache } from "lru-cache";
import type { Agency, CatalogueDecision } from "../../shared/catalogue/model";
import type { SubmissionValue } from "../../shared/model/submissionValue";
import type { PeriodCode } from "../../shared/period/period";
import { isLate } from "../../shared/period/reportDue";
import { buildPeriodAssignments } from "../../shared/report/buildPeriodAssignments";
import { judgePeriodValue } from "../../shared/report/judgeValue";
import type { PeriodAssignment, PeriodAssignments } from "../../shared/report/periodAssignments";
import { citesIssuedDocument } from "../../shared/model/evidence";
import type { AuditEvent } from "../../shared/model/audit";
import { versionReviewSchema, type VersionReview } from "../../shared/model/review";
import type { VerdictCode } from "../../shared/verdict/schema";
import { requirePeriodOpen } from "./periodLock";
import type { Principal } from "../auth/principal";
import { DomainError, type FieldProblem } from "./domainError";
import { PayloadTooLargeError } from "../storage/chunkedJson";
import type { CatalogueSnapshot } from "../storage/catalogueStore";
import {
  countVerdicts,
  submissionIdOf,
  type JudgedValue,
  type StoredSourceFile,
  type SubmissionRecord,
  type ValueFlag,
} from "../../shared/model/submission";
import { VersionContentionError, type NewSubmission } from "../storage/submissionStore";
import type { Services } from "./services";

const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export interface SubmitInput {
  principal: Principal;
  decision: CatalogueDecision;
  period: PeriodCode;
  agency: Agency;
  values: readonly SubmissionValue[];
  idempotencyKey: string;
  /** Identifies the request body: the same key with another body is refused instead of answered with an old receipt. */
  bodyHash: string;
  channel: SubmissionRecord["channel"];
  /** The results report the values were read from, already stored: recorded in the version's own transaction. */
  sourceFile?: StoredSourceFile;
  /** Copy the previous version's values for the assignments not sent (marked as carried forward). */
  carryForward?: boolean;
}

export type SubmitResult = { replayed: boolean; record: SubmissionRecord };

/**
 * What an agency reports in a period under a decision, built once per catalogue: the snapshot object changes
 * whenever the catalogue does (a new version or ETag is a new snapshot), so the cache follows it and the old views
 * go with the old snapshot. Shared between requests: read only.
 */
const views = new WeakMap<CatalogueSnapshot, LRUCache<string, PeriodJudge>>();
/** Every commune of a few provinces in one period (a few MB); a miss costs one rebuild, not a read. */
const VIEWS_PER_CATALOGUE = 1_000;

interface PeriodJudge {
  view: PeriodAssignments;
  byId: ReadonlyMap<string, PeriodAssignment>;
}

function periodJudge(services: Services, snapshot: CatalogueSnapshot, decision: CatalogueDecision, agency: Agency, period: PeriodCode): PeriodJudge {
  let cache = views.get(snapshot);
  if (!cache) {
    cache = new LRUCache<string, PeriodJudge>({ max: VIEWS_PER_CATALOGUE });
    views.set(snapshot, cache);
  }
  const dueDay = services.settings.reportDueDay;
  const key = `${decision.id}\u0000${agency.id}\u0000${period}\u0000${dueDay ?? ""}`;
  const known = cache.get(key);
  if (known) return known;
  const view = buildPeriodAssignments({ lookup: snapshot.lookup, catalogueVersion: snapshot.versionOf(decision.province), decision, agency, period, reportDueDay: dueDay });
  const judge = { view, byId: new Map(view.assignments.map((assignment) => [assignment.assignmentId, assignment])) };
  cache.set(key, judge);
  return judge;
}

export function periodView(services: Services, snapshot: CatalogueSnapshot, decision: CatalogueDecision, agency: Agency, period: PeriodCode): PeriodAssignments {
  return periodJudge(services, snapshot, decision, agency, period).view;
}

/**
 * Judges the values against the agency's assignments for the period and stores them as the next version. Values for
 * rows the agency was not assigned are refused as a whole: a half-accepted report would be worse than a clear error.
 */
export async function submitValues(services: Services, snapshot: CatalogueSnapshot, input: SubmitInput): Promise<SubmitResult> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(input.idempotencyKey)) {
    throw new DomainError("idempotency_key_required", "Khóa chống nộp trùng (Idempotency-Key) gồm 8 đến 128 ký tự không dấu, không khoảng trắng.");
  }
  const { view, byId } = periodJudge(services, snapshot, input.decision, input.agency, input.period);
  if (view.assignments.length === 0) {
    throw new DomainError("validation_failed", `${input.agency.name} không được giao chỉ tiêu nào trong văn bản ${input.decision.number}.`);
  }
  // Independent reads, started together and before the judging: the lock (a read this recent may answer) and the
  // province's review of the version this one follows — one row when this process wrote that version, all of the
  // agency's otherwise (the store reads the previous version meanwhile).
  const { id: decisionId } = input.decision;
  const agencyId = input.agency.id;
  const lockCheck = requirePeriodOpen(services, input.decision, input.period, input.agency, { recentMs: services.settings.lockCacheMs });
  const known = services.submissions.newestWrittenHere(decisionId, input.period, agencyId);
  // No read at all when the store will replace the latest copy under the ETag its own write left: a review recorded
  // since would have changed that ETag, and the write would fail and be built again on a fresh read.
  const guarded = known !== undefined && services.submissions.guardsLatest(decisionId, input.period, agencyId);
  const knownReview = known && !guarded ? services.reviews.review(decisionId, input.period, agencyId, known.version) : undefined;
  // Nor when the store first tries this as the agency's first version: there is no review to read unless that fails.
  const guessesFirst = services.submissions.guessesFirst(decisionId, input.period, agencyId);
  const allReviews = known || guessesFirst ? undefined : services.reviews.reviewsOfAgency(decisionId, input.period, agencyId);
  // Whichever fails first is the one reported; the others must not surface as unhandled rejections.
  for (const read of [lockCheck, knownReview, allReviews]) read?.catch(() => {});
  // Judged while the reads are under way; values in error refuse the whole report before anything is written.
  const sent = judgeValues(view, byId, input);
  const reviewOf = async (version: number, attempt: number, untouchedSinceWritten: boolean): Promise<VersionReview> => {
    if (untouchedSinceWritten) return NO_REVIEW;
    if (attempt === 0 && knownReview && version === known?.version) return knownReview;
    if (attempt === 0 && allReviews) return (await allReviews).get(version) ?? NO_REVIEW;
    return services.reviews.review(decisionId, input.period, agencyId, version);
  };
  const submittedAt = services.now().toISOString();
  const late = isLate(submittedAt, view.reportDueDate);
  const build = async (previousRecord: SubmissionRecord | undefined, attempt: number, untouchedSinceWritten: boolean): Promise<NewSubmission> => {
    // The lock refuses before anything is written. A write built again (another writer came first) may land well
    // after the first check: it checks again, afresh, so no lock older than the write lets it through.
    if (attempt === 0) await lockCheck;
    else await requirePeriodOpen(services, input.decision, input.period, input.agency);
    const previous = previousRecord ? { record: previousRecord, review: await reviewOf(previousRecord.version, attempt, untouchedSinceWritten) } : undefined;
    const judged = withCarriedVerdicts(
      input.carryForward && previous ? [...sent, ...carriedForward(byId, input, sent, previous.record)] : sent,
      previous,
    );
    const reported = new Set(judged.map((value) => value.assignmentId));
    const missing = view.assignments
      .filter((assignment) => !reported.has(assignment.assignmentId))
      .map((assignment) => ({ assignmentId: assignment.assignmentId, indicatorCode: assignment.indicatorCode, text: assignment.text }));
    return {
      decisionId: input.decision.id,
      province: input.decision.province,
      agencyId: input.agency.id,
      period: input.period,
      submittedAt,
      submittedBy: input.principal.subject,
      channel: input.channel,
      catalogueVersion: view.catalogueVersion,
      reportDueDate: view.reportDueDate,
      late,
      values: judged,
      counts: countVerdicts(judged),
      missing,
      ...(input.sourceFile ? { sourceFile: input.sourceFile } : {}),
    };
  };
  try {
    const outcome = await services.submissions.submit(
      { decisionId: input.decision.id, period: input.period, agencyId: input.agency.id, build },
      input.idempotencyKey,
      input.bodyHash,
      (version) => submissionIdOf(input.decision.id, input.period, input.agency.id, version),
      (record) => submitEventOf(input, record),
    );
    if (outcome.kind === "key_reused") {
      throw new DomainError(
        "idempotency_key_reused",
        "Khóa chống nộp trùng này đã dùng cho một báo cáo có nội dung khác. Mỗi lần nộp mới cần một khóa mới.",
      );
    }
    return { replayed: outcome.kind === "replayed", record: outcome.record };
  } catch (error) {
    if (error instanceof PayloadTooLargeError) {
      throw new DomainError("payload_too_large", "Báo cáo quá lớn để lưu trong một lần nộp; hãy rút gọn ghi chú hoặc minh chứng.");
    }
    if (error instanceof VersionContentionError) {
      throw new DomainError(
        "busy",
        "Đang có nhiều lần nộp báo cáo của cơ quan này cùng lúc nên chưa lưu được. Báo cáo chưa được lưu; hãy gửi lại sau giây lát (dùng đúng khóa chống nộp trùng cũ).",
      );
    }
    throw error;
  }
}

function judgeValues(view: PeriodAssignments, byId: ReadonlyMap<string, PeriodAssignment>, input: SubmitInput): JudgedValue[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const judged: JudgedValue[] = [];
  input.values.forEach((value, index) => {
    const assignment = byId.get(value.assignmentId);
    if (!assignment) {
      problems.push({
        path: `values[${index}].assignmentId`,
        message: `Chỉ tiêu "${value.assignmentId}" không được giao cho ${input.agency.name} trong kỳ này.`,
      });
      return;
    }
    if (seen.has(value.assignmentId)) {
      problems.push({ path: `values[${index}].assignmentId`, message: `Chỉ tiêu "${assignment.indicatorCode}" được báo cáo hai lần.` });
      return;
    }
    seen.add(value.assignmentId);
    if (
      assignment.indicatorKind === "percent" &&
      value.numerator !== undefined &&
      value.denominator !== undefined &&
      value.numerator > value.denominator
    ) {
      problems.push({
        path: `values[${index}].numerator`,
        message: `Chỉ tiêu "${assignment.indicatorCode}": tử số (${value.numerator}) lớn hơn mẫu số (${value.denominator}).`,
      });
      return;
    }
    judged.push(judgeOne(assignment, value, input));
  });
  if (problems.length > 0) {
    throw new DomainError("validation_failed", `Báo cáo có ${problems.length} lỗi: ${problems[0]!.message}`, { problems });
  }
  return judged;
}

function judgeOne(assignment: PeriodAssignment, value: SubmissionValue, input: Pick<SubmitInput, "period" | "decision">): JudgedValue {
  const verdict = judgePeriodValue(assignment, value, input.period, input.decision.year);
  const flags = evidenceFlags(assignment, value, verdict.verdict);
  return {
    ...value,
    targetText: assignment.targetText,
    verdict: verdict.verdict,
    label: verdict.label,
    explanation: verdict.explanation,
    ...(flags.length > 0 ? { flags } : {}),
  };
}

/**
 * A document or a deliverable is judged done from the agency's own word; the province checks it against the
 * document. Without its number and date that check cannot happen, so the value is flagged for the province.
 */
function evidenceFlags(assignment: PeriodAssignment, value: SubmissionValue, verdict: VerdictCode): ValueFlag[] {
  const kind = assignment.target.kind;
  const needsDocument = kind === "document" || kind === "deadline";
  if (!needsDocument || verdict !== "met" || citesIssuedDocument(value.evidence)) return [];
  return [
    {
      code: "evidence_missing",
      message: "Cơ quan báo cáo đã hoàn thành nhưng chưa ghi số hiệu và ngày ban hành văn bản làm minh chứng: cần tỉnh kiểm tra.",
    },
  ];
}

interface PreviousVersion {
  record: SubmissionRecord;
  review: VersionReview;
}

/** A version the province has not touched. */
const NO_REVIEW: VersionReview = versionReviewSchema.parse({});

/** The previous version's values for the assignments not sent this time, judged again against today's target. */
function carriedForward(
  assignments: ReadonlyMap<string, PeriodAssignment>,
  input: SubmitInput,
  sent: readonly JudgedValue[],
  previous: SubmissionRecord,
): JudgedValue[] {
  const sentIds = new Set(sent.map((value) => value.assignmentId));
  return previous.values
    .filter((value) => !sentIds.has(value.assignmentId) && assignments.has(value.assignmentId))
    .map((value) => ({
      ...judgeOne(assignments.get(value.assignmentId)!, submittedPart(value), input),
      carriedForwardFrom: value.carriedForwardFrom ?? previous.version,
    }));
}

function submittedPart(value: JudgedValue): SubmissionValue {
  const { targetText: _t, verdict: _v, label: _l, explanation: _e, carriedForwardFrom: _c, carriedVerdict: _p, flags: _f, ...submitted } = value;
  return submitted;
}

/**
 * The province's verdict on a value of the previous version stays with the value while it does not change: a
 * resubmission that corrects other rows does not make the province judge this one again. A changed value is judged
 * afresh, by the rule and, where needed, by a person.
 */
function withCarriedVerdicts(values: JudgedValue[], previous: PreviousVersion | undefined): JudgedValue[] {
  if (!previous) return values;
  const earlier = new Map(previous.record.values.map((value) => [value.assignmentId, value]));
  const given = new Map(previous.review.verdicts.map((verdict) => [verdict.assignmentId, verdict]));
  return values.map((value) => {
    const before = earlier.get(value.assignmentId);
    // The verdict was on this value against that target: a changed target (the catalogue was corrected) is judged again.
    if (!before || !sameReportedValue(before, value) || before.targetText !== value.targetText) return value;
    const person = given.get(value.assignmentId) ?? before.carriedVerdict;
    if (!person) return value;
    return { ...value, carriedVerdict: { ...person, carriedFrom: person.carriedFrom ?? previous.record.version } };
  });
}

function sameReportedValue(a: SubmissionValue, b: SubmissionValue): boolean {
  return a.actual === b.actual && a.numerator === b.numerator && a.denominator === b.denominator;
}

/** The audit trail's "submit" event, stored by the submission store in the transaction that stores the version. */
function submitEventOf(input: SubmitInput, record: SubmissionRecord): AuditEvent {
  return {
    at: record.submittedAt,
    actor: record.submittedBy,
    actorLabel: input.principal.label,
    action: "submit",
    province: record.province,
    decisionId: record.decisionId,
    period: record.period,
    agencyId: record.agencyId,
    version: record.version,
    details: {
      channel: record.channel,
      values: record.values.length,
      carriedForward: record.values.filter((value) => value.carriedForwardFrom !== undefined).length,
      missing: record.missing?.length ?? 0,
      late: record.late,
      counts: record.counts,
    },
  };
}
