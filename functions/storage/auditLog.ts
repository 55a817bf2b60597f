import type { TableClient } from "@azure/data-tables";
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

export class AuditLog {
  constructor(private readonly table: TableClient) {}

  /**
   * Appends one event. Called after the change it records has been stored; a failing append is tried again so the
   * trail does not miss a change that happened.
   */
  async append(input: AuditEventInput): Promise<AuditEvent> {
    const event = auditEventSchema.parse(input);
    const partitionKey = `${event.province}~${event.period ?? NO_PERIOD}`;
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt += 1) {
      const rowKey = `${event.at}~${randomBytes(6).toString("hex")}`;
      try {
        await this.table.createEntity({
          partitionKey,
          rowKey,
          at: event.at,
          actor: event.actor,
          action: event.action,
          decisionId: event.decisionId ?? "",
          agencyId: event.agencyId ?? "",
          ...writeChunkedJson("event", event),
        });
        return event;
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
    for await (const entity of rows) yield readChunkedJson(entity, "event", auditEventSchema);
  }
}
