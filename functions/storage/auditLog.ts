import type { TableClient, TransactionAction } from "@azure/data-tables";
import { randomBytes } from "node:crypto";
import { auditEventSchema, type AuditAction, type AuditEvent, type AuditEventInput } from "../../shared/model/audit";
import { readChunkedJson, writeChunkedJson } from "./chunkedJson";
import { escapeOData } from "./tableClient";

/**
 * The audit trail on its own table, append-only: the product creates rows and never updates or deletes one. One
 * partition per province × period ("phu-tho~2025-Q4"); events that belong to no period (an import, a key) go to the
 * province's own partition ("phu-tho~-"). Row keys sort by time, so a partition reads in order.
 */

export const NO_PERIOD = "-";

export interface AuditFilter {
  decisionId?: string;
  agencyId?: string;
  /** With agencyId: also the events of no agency (a lock of the whole period), which concern every agency. */
  includePeriodWide?: boolean;
  action?: AuditAction;
}

const MAX_APPEND_ATTEMPTS = 4;
/** Well inside a transaction's limits (100 entities, 4 MiB) for events of a few KB each. */
const BATCH_SIZE = 50;

export class AuditLog {
  constructor(private readonly table: TableClient) {}

  /** Appends one event; see appendAll. */
  async append(input: AuditEventInput): Promise<AuditEvent> {
    const [event] = await this.appendAll([input]);
    return event!;
  }

  /**
   * Appends events in the order given, called after the change they record has been stored. Events of one partition
   * go in entity-group transactions (a province's verdicts on many rows are one round trip per batch, not one per
   * row); a failing batch is tried again so the trail does not miss a change that happened.
   */
  async appendAll(inputs: readonly AuditEventInput[]): Promise<AuditEvent[]> {
    const events = inputs.map((input) => auditEventSchema.parse(input));
    const byPartition = new Map<string, { event: AuditEvent; order: number }[]>();
    events.forEach((event, order) => {
      const partitionKey = `${event.province}~${event.period ?? NO_PERIOD}`;
      byPartition.set(partitionKey, [...(byPartition.get(partitionKey) ?? []), { event, order }]);
    });
    for (const [partitionKey, entries] of byPartition) {
      for (let start = 0; start < entries.length; start += BATCH_SIZE) {
        await this.appendBatch(partitionKey, entries.slice(start, start + BATCH_SIZE));
      }
    }
    return events;
  }

  private async appendBatch(partitionKey: string, entries: readonly { event: AuditEvent; order: number }[]): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt += 1) {
      // A fresh suffix per attempt: a batch that did land but whose answer was lost is not refused as a duplicate.
      const suffix = randomBytes(6).toString("hex");
      const actions: TransactionAction[] = entries.map(({ event, order }) => [
        "create",
        {
          partitionKey,
          // Time first so a partition reads in order; the position keeps events of one instant in the order given.
          rowKey: `${event.at}~${String(order).padStart(5, "0")}~${suffix}`,
          ...eventProperties(event),
        },
      ]);
      try {
        // One event needs no transaction: a single insert is as atomic and costs less than a batch on both sides.
        if (actions.length === 1) await this.table.createEntity(actions[0]![1]);
        else await this.table.submitTransaction(actions);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  /** The events of a period (or of the province's own partition, with NO_PERIOD), oldest first. */
  async *events(province: string, period: string, filter: AuditFilter = {}): AsyncGenerator<AuditEvent> {
    const clauses = [`PartitionKey eq '${escapeOData(`${province}~${period}`)}'`];
    if (filter.decisionId) clauses.push(`decisionId eq '${escapeOData(filter.decisionId)}'`);
    if (filter.agencyId) {
      const own = `agencyId eq '${escapeOData(filter.agencyId)}'`;
      clauses.push(filter.includePeriodWide ? `(${own} or agencyId eq '')` : own);
    }
    if (filter.action) clauses.push(`action eq '${escapeOData(filter.action)}'`);
    const rows = this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: clauses.join(" and ") } });
    for await (const entity of rows) yield readAuditEvent(entity);
  }
}

/**
 * What a row holds besides its keys: the columns the filters use, and the event itself. Shared with the submissions
 * table, where a submission's event is written in the transaction that stores the version.
 */
export function eventProperties(event: AuditEvent) {
  return {
    at: event.at,
    actor: event.actor,
    action: event.action,
    decisionId: event.decisionId ?? "",
    agencyId: event.agencyId ?? "",
    ...writeChunkedJson("event", event),
  };
}

/** A stored event read back: checked against the event schema, from whichever table holds it. */
export function readAuditEvent(entity: Record<string, unknown>): AuditEvent {
  return readChunkedJson(entity, "event", auditEventSchema);
}
