import type { HttpResponseInit } from "@azure/functions";
import { lockRequestSchema, unlockRequestSchema } from "../../shared/api/review";
import type { Agency, CatalogueDecision } from "../../shared/catalogue/model";
import { readJson, readOptionalJson } from "../http/readBody";
import { json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { resolveAgency, resolveDecision, resolvePeriod } from "../services/access";
import { DomainError } from "../services/domainError";
import { lockAnswerOf, setPeriodLock } from "../services/lockPeriod";
import type { CatalogueSnapshot } from "../storage/catalogueStore";

/** POST decisions/{decisionId}/periods/{period}/lock — closes the period to data entry, for all agencies or one. */
export async function lockHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { snapshot, decision, period } = await resolvePeriodRoute(context);
  const body = await readOptionalJson(context.request, lockRequestSchema, "Yêu cầu khóa kỳ báo cáo");
  const agency = body.agencyId ? agencyOfDecision(snapshot, decision, body.agencyId) : undefined;
  const answer = await setPeriodLock(context.services, context.principal, decision, period, {
    locked: true,
    ...(body.reason ? { reason: body.reason } : {}),
    ...(agency ? { agency } : {}),
  });
  return json(200, answer);
}

/** POST …/unlock — opens the period again, for all agencies or one; the reason is required and kept. */
export async function unlockHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { snapshot, decision, period } = await resolvePeriodRoute(context);
  const body = await readOptionalJson(context.request, unlockRequestSchema, "Yêu cầu mở khóa kỳ báo cáo");
  const agency = body.agencyId ? agencyOfDecision(snapshot, decision, body.agencyId) : undefined;
  const answer = await setPeriodLock(context.services, context.principal, decision, period, {
    locked: false,
    reason: body.reason,
    ...(agency ? { agency } : {}),
  });
  return json(200, answer);
}

/**
 * GET …/periods/{period}/lock[?agency=] — the province reads every decision (and one agency's state when asked); an
 * agency key reads the state for its own agency.
 */
export async function lockStateHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { snapshot, decision, period } = await resolvePeriodRoute(context);
  const { principal, request } = context;
  const named = request.query.get("agency");
  if (principal.role === "agency" && named !== null && named !== principal.agencyId) {
    throw new DomainError("forbidden", "Khóa truy cập này chỉ xem được tình trạng khóa của cơ quan mình.", { agencyId: named });
  }
  const agencyId = principal.role === "agency" ? principal.agencyId : named !== null ? resolveAgency(snapshot, decision, named).id : undefined;
  return json(200, await lockAnswerOf(context.services, decision, period, agencyId, principal.role));
}

async function resolvePeriodRoute({ request, services, principal }: RouteContext) {
  const snapshot = await services.catalogue.current();
  const decision = resolveDecision(snapshot, request.params.decisionId, principal);
  const period = resolvePeriod(request.params.period, decision);
  return { snapshot, decision, period };
}

/** A lock names an agency the decision assigns to: locking any other would stop nothing and mislead the reader. */
function agencyOfDecision(snapshot: CatalogueSnapshot, decision: CatalogueDecision, agencyId: string | undefined): Agency {
  const agency = resolveAgency(snapshot, decision, agencyId);
  if (!snapshot.lookup.assignedAgencies(decision).some((assigned) => assigned.id === agency.id)) {
    throw new DomainError("validation_failed", `${agency.name} không được giao chỉ tiêu nào trong văn bản ${decision.number}.`, {
      agencyId: agency.id,
    });
  }
  return agency;
}
