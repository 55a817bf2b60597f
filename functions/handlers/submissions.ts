import type { HttpResponseInit } from "@azure/functions";
import * as z from "zod";
import { receiptOf, submissionRequestSchema, versionSummarySchema, type VersionSummary } from "../../shared/report/receipt";
import { sourceFileSummaryOf, type SubmissionRecord } from "../../shared/model/submission";
import { ApiError } from "../http/apiError";
import { readJson } from "../http/readBody";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { requireAgencyAccess, resolveAgency, resolveDecision, resolvePeriod } from "../services/access";
import { submitValues } from "../services/submitValues";
import { versionStates, versionView } from "../services/versionView";
import { sha256Hex } from "../storage/submissionKeys";

/** POST decisions/{decisionId}/periods/{period}/submissions — a period's values, judged and stored as a new version. */
export async function submitHandler({ request, services, principal }: RouteContext): Promise<HttpResponseInit> {
  const idempotencyKey = request.headers.get("idempotency-key");
  if (!idempotencyKey) {
    throw new ApiError(
      "idempotency_key_required",
      "Thiếu khóa chống nộp trùng (tiêu đề Idempotency-Key). Add-in tự tạo khóa này; khi gửi lại cùng báo cáo hãy dùng lại đúng khóa cũ.",
    );
  }
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  const period = resolvePeriod(request.params.period, decision);
  const body = await readJson(request, submissionRequestSchema, "Báo cáo");
  const agency = resolveAgency(snapshot, decision, body.agencyId);
  requireAgencyAccess(principal, agency);
  const result = await submitValues(services, snapshot, {
    principal,
    decision,
    period,
    agency,
    values: body.values,
    idempotencyKey,
    // carryForward changes what is stored, so it is part of what a retry must repeat; absent keeps old hashes valid.
    bodyHash: sha256Hex(JSON.stringify(body.carryForward ? { values: body.values, carryForward: true } : body.values)),
    channel: "api",
    ...(body.carryForward ? { carryForward: true } : {}),
  });
  return json(result.replayed ? 200 : 201, receiptOf(result.record, result.replayed));
}

/** GET decisions/{decisionId}/periods/{period}/agencies/{agencyId}/versions — newest first. */
export async function listVersionsHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { decision, period, agency } = await resolveAgencyRoute(context);
  const [records, reviews] = await Promise.all([
    context.services.submissions.versions(decision.id, period, agency.id),
    context.services.reviews.reviewsOfAgency(decision.id, period, agency.id),
  ]);
  const states = versionStates(records.map((record) => record.version), reviews);
  const versions: VersionSummary[] = records.reverse().map((record) => ({ ...summaryOf(record), state: states.get(record.version)! }));
  return json(200, { decisionId: decision.id, period, agencyId: agency.id, versions: z.array(versionSummarySchema).parse(versions) });
}

/**
 * GET …/versions/{version} — one version with every value, the rule's verdict, the province's and the final one, and
 * where the province's review stands: the agency reads here why its version was returned.
 */
export async function readVersionHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { decision, period, agency } = await resolveAgencyRoute(context);
  const record = await requireVersion(context, decision.id, period, agency.id);
  return json(200, await versionView(context.services, record));
}

export async function resolveAgencyRoute({ request, services, principal }: RouteContext) {
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  const period = resolvePeriod(request.params.period, decision);
  const agency = resolveAgency(snapshot, decision, request.params.agencyId);
  requireAgencyAccess(principal, agency);
  return { snapshot, decision, period, agency };
}

const versionParamSchema = z.coerce.number().int().positive().max(999_999);

export async function requireVersion(
  { request, services }: RouteContext,
  decisionId: string,
  period: string,
  agencyId: string,
): Promise<SubmissionRecord> {
  const version = versionParamSchema.safeParse(request.params.version);
  if (!version.success) throw new ApiError("validation_failed", `Số phiên bản "${request.params.version ?? ""}" không hợp lệ.`);
  const record = await services.submissions.version(decisionId, period, agencyId, version.data);
  if (!record) throw new ApiError("not_found", `Không có phiên bản ${version.data} của báo cáo này.`);
  return record;
}

function summaryOf(record: SubmissionRecord): VersionSummary {
  return {
    id: record.id,
    version: record.version,
    submittedAt: record.submittedAt,
    submittedBy: record.submittedBy,
    channel: record.channel,
    late: record.late,
    counts: record.counts,
    ...(record.workbook
      ? { workbook: { sha256: record.workbook.sha256, size: record.workbook.size, mismatches: record.workbook.mismatches.length } }
      : {}),
    ...(record.sourceFile ? { sourceFile: sourceFileSummaryOf(record.sourceFile) } : {}),
  };
}
