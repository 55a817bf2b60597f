import type { Agency, CatalogueDecision } from "../../shared/catalogue/model";
import type { SubmissionValue } from "../../shared/model/submissionValue";
import type { PeriodCode } from "../../shared/period/period";
import { isLate } from "../../shared/period/reportDue";
import { buildPeriodAssignments } from "../../shared/report/buildPeriodAssignments";
import { judgePeriodValue } from "../../shared/report/judgeValue";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import type { VerdictCounts } from "../../shared/report/receipt";
import type { Principal } from "../auth/principal";
import { DomainError, type FieldProblem } from "./domainError";
import { PayloadTooLargeError } from "../storage/chunkedJson";
import type { CatalogueSnapshot } from "../storage/catalogueStore";
import { submissionIdOf, type JudgedValue, type StoredSourceFile, type SubmissionRecord } from "../storage/submissionRecord";
import { VersionContentionError } from "../storage/submissionStore";
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
}

export type SubmitResult = { replayed: boolean; record: SubmissionRecord };

export function periodView(services: Services, snapshot: CatalogueSnapshot, decision: CatalogueDecision, agency: Agency, period: PeriodCode): PeriodAssignments {
  return buildPeriodAssignments({
    lookup: snapshot.lookup,
    catalogueVersion: snapshot.version,
    decision,
    agency,
    period,
    reportDueDay: services.settings.reportDueDay,
  });
}

/**
 * Judges the values against the agency's assignments for the period and stores them as the next version. Values for
 * rows the agency was not assigned are refused as a whole: a half-accepted report would be worse than a clear error.
 */
export async function submitValues(services: Services, snapshot: CatalogueSnapshot, input: SubmitInput): Promise<SubmitResult> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(input.idempotencyKey)) {
    throw new DomainError("idempotency_key_required", "Khóa chống nộp trùng (Idempotency-Key) gồm 8 đến 128 ký tự không dấu, không khoảng trắng.");
  }
  const view = periodView(services, snapshot, input.decision, input.agency, input.period);
  if (view.assignments.length === 0) {
    throw new DomainError("validation_failed", `${input.agency.name} không được giao chỉ tiêu nào trong văn bản ${input.decision.number}.`);
  }
  const judged = judgeValues(view, input);
  const submittedAt = services.now().toISOString();
  const draft = {
    decisionId: input.decision.id,
    province: input.decision.province,
    agencyId: input.agency.id,
    period: input.period,
    submittedAt,
    submittedBy: input.principal.subject,
    channel: input.channel,
    catalogueVersion: snapshot.version,
    reportDueDate: view.reportDueDate,
    late: isLate(submittedAt, view.reportDueDate),
    values: judged,
    counts: countVerdicts(judged),
    ...(input.sourceFile ? { sourceFile: input.sourceFile } : {}),
  };
  try {
    const outcome = await services.submissions.submit(draft, input.idempotencyKey, input.bodyHash, (version) =>
      submissionIdOf(input.decision.id, input.period, input.agency.id, version),
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

function judgeValues(view: PeriodAssignments, input: SubmitInput): JudgedValue[] {
  const byId = new Map(view.assignments.map((assignment) => [assignment.assignmentId, assignment]));
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
    const verdict = judgePeriodValue(assignment, value, input.period, input.decision.year);
    judged.push({ ...value, targetText: assignment.targetText, verdict: verdict.verdict, label: verdict.label, explanation: verdict.explanation });
  });
  if (problems.length > 0) {
    throw new DomainError("validation_failed", `Báo cáo có ${problems.length} lỗi: ${problems[0]!.message}`, { problems });
  }
  return judged;
}

function countVerdicts(values: readonly Pick<JudgedValue, "verdict">[]): VerdictCounts {
  const counts: VerdictCounts = {};
  for (const value of values) counts[value.verdict] = (counts[value.verdict] ?? 0) + 1;
  return counts;
}
