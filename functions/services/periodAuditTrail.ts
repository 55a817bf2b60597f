import type { AuditEvent } from "../../shared/model/audit";
import type { AuditFilter } from "../storage/auditLog";
import type { Services } from "./services";

/**
 * A period's trail under one decision, oldest first. Submissions keep their event beside the version, written in the
 * same transaction (so the trail cannot miss a stored version, nor show one that was not stored); every other event,
 * and the submissions of releases that appended them afterwards, are in the audit table. The two read together.
 */
export async function periodAuditTrail(
  services: Services,
  province: string,
  decisionId: string,
  period: string,
  filter: Omit<AuditFilter, "decisionId">,
): Promise<AuditEvent[]> {
  const wantsSubmissions = filter.action === undefined || filter.action === "submit";
  const [logged, submitted] = await Promise.all([
    collect(services.audit.events(province, period, { ...filter, decisionId })),
    wantsSubmissions ? collect(services.submissions.submitEvents(decisionId, period, filter.agencyId)) : Promise.resolve([]),
  ]);
  return mergeByTime(logged, submitted);
}

async function collect(events: AsyncIterable<AuditEvent>): Promise<AuditEvent[]> {
  const all: AuditEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** Both lists are in time order already; on one instant the audit table's event comes first. */
function mergeByTime(first: readonly AuditEvent[], second: readonly AuditEvent[]): AuditEvent[] {
  const merged: AuditEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    if (j >= second.length || (i < first.length && first[i]!.at <= second[j]!.at)) merged.push(first[i++]!);
    else merged.push(second[j++]!);
  }
  return merged;
}
