import { setTimeout as wait } from "node:timers/promises";
import type { Agency, CatalogueDecision } from "../../shared/catalogue/model";
import { lockAnswerSchema, type LockAnswer } from "../../shared/api/review";
import { lockStateOf, type LockEntry, type LockState } from "../../shared/model/lock";
import type { PeriodCode } from "../../shared/period/period";
import type { Principal } from "../auth/principal";
import { automaticLockAt, forgetLocks, lockSettleMs } from "./periodLock";
import type { Services } from "./services";

/**
 * The province closes a decision × period to data entry (for all agencies or one) and opens it again. Each decision
 * replaces the previous one of the same scope; the audit trail keeps them all, with the state before and after.
 */

/** No agency id can take this value: the state of "all" is read with no agency's own entry counting. */
const NO_AGENCY = "";

export interface LockChange {
  locked: boolean;
  reason?: string;
  /** One agency of the decision; absent: all agencies. */
  agency?: Agency;
}

export async function setPeriodLock(
  services: Services,
  principal: Principal,
  decision: CatalogueDecision,
  period: PeriodCode,
  change: LockChange,
): Promise<LockAnswer> {
  const agencyId = change.agency?.id;
  const before = stateOf(services, await services.reviews.locks(decision.id, period), period, agencyId);
  const entry: LockEntry = {
    scope: agencyId ? "agency" : "all",
    ...(agencyId ? { agencyId } : {}),
    locked: change.locked,
    ...(change.reason ? { reason: change.reason } : {}),
    by: principal.subject,
    byLabel: principal.label,
    at: services.now().toISOString(),
  };
  await services.reviews.setLock(decision.id, period, entry);
  forgetLocks(services, decision.id, period);
  const answer = await lockAnswerOf(services, decision, period, agencyId);
  await services.audit.append({
    at: entry.at,
    actor: principal.subject,
    actorLabel: principal.label,
    action: change.locked ? "lock" : "unlock",
    province: decision.province,
    decisionId: decision.id,
    period,
    ...(agencyId ? { agencyId } : {}),
    details: {
      scope: entry.scope,
      ...(agencyId ? { agencyId } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
      before: before.locked,
      after: (answer.agency ?? answer.all).locked,
    },
  });
  // "Đã khóa" is said once no instance can still store anything for the period (see lockSettleMs). Opening needs no
  // wait: an instance that has not seen it yet refuses a moment longer, and the agency sends again.
  const settleMs = lockSettleMs(services);
  if (change.locked && settleMs > 0) await wait(settleMs);
  return answer;
}

/**
 * The stored decisions, the automatic lock's moment and the state for all agencies (and for one, when named). An
 * agency key reads only what concerns its agency: the decisions for all, and its own.
 */
export async function lockAnswerOf(
  services: Services,
  decision: CatalogueDecision,
  period: PeriodCode,
  agencyId?: string,
  reader: Principal["role"] = "province",
): Promise<LockAnswer> {
  const entries = await services.reviews.locks(decision.id, period);
  const automaticAt = automaticLockAt(services, period);
  return lockAnswerSchema.parse({
    decisionId: decision.id,
    period,
    entries: reader === "agency" ? entries.filter((entry) => entry.scope === "all" || entry.agencyId === agencyId) : entries,
    ...(automaticAt ? { automaticAt } : {}),
    all: stateOf(services, entries, period),
    ...(agencyId ? { agencyId, agency: stateOf(services, entries, period, agencyId) } : {}),
  });
}

function stateOf(services: Services, entries: readonly LockEntry[], period: PeriodCode, agencyId?: string): LockState {
  const concerning = agencyId ? entries : entries.filter((entry) => entry.scope === "all");
  return lockStateOf(concerning, agencyId ?? NO_AGENCY, services.now().toISOString(), automaticLockAt(services, period));
}
