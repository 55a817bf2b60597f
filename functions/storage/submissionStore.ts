import { setTimeout as wait } from "node:timers/promises";
import type { TableClient, TableEntity, TransactionAction } from "@azure/data-tables";
import { LRUCache } from "lru-cache";
import * as z from "zod";
import { chunkedJsonProperties, chunkedJsonText, readChunkedJson, writeChunkedJson } from "./chunkedJson";
import { aggregateSourceSchema, type AggregateSource } from "../../shared/report/aggregateSource";
import {
  storedSourceFileSchema,
  storedWorkbookSchema,
  submissionRecordSchema,
  verdictCountsSchema,
  type StoredWorkbook,
  type SubmissionRecord,
} from "../../shared/model/submission";
import type { AuditEvent } from "../../shared/model/audit";
import { eventProperties, readAuditEvent } from "./auditLog";
import {
  idempotencyRowKey,
  LATEST_PREFIX,
  SUBMIT_EVENT_PREFIX,
  submitEventRowKey,
  latestRowKey,
  partitionOf,
  versionPrefix,
  versionRowKey,
} from "./submissionKeys";
import { escapeOData, getRow, isConflict, isPreconditionFailed, prefixEnd, rowsWithPrefix } from "./tableClient";

/**
 * Submissions on Table Storage. A new version, its "latest" copy, its idempotency row and its audit event are written
 * in one entity group transaction: either all exist or none, so a crash cannot leave a version without its receipt
 * key, a retry that stores twice, or a version the audit trail does not show.
 */

/**
 * The audit trail's record of a version, made from the version itself once its number is known: built from checked
 * parts, so stored as given (it is checked when read back).
 */
export type SubmitEventOf = (record: SubmissionRecord) => AuditEvent;

const MAX_VERSION_ATTEMPTS = 20;
/** Backoff between version attempts: random up to this cap, doubling from the base, so racers spread out. */
const BACKOFF_BASE_MS = 5;
const BACKOFF_CAP_MS = 250;

/** Every attempt lost a race for the next version number: the caller answers "busy, try again" (503). */
export class VersionContentionError extends Error {
  constructor(readonly attempts: number) {
    super(`No version number after ${attempts} attempts.`);
  }
}

export type NewSubmission = Omit<SubmissionRecord, "id" | "version">;

/**
 * A version built from the one it follows (undefined for an agency's first), for drafts that depend on it (verdicts
 * kept on unchanged values, values carried forward). Built again when another writer took the version number first,
 * so the stored version always follows the version it was built on.
 */
export interface DraftOnPrevious {
  decisionId: string;
  period: string;
  agencyId: string;
  /**
   * `untouchedSinceWritten`: the previous version is one this process wrote and its latest copy is replaced only if
   * its ETag is still the one that write left — nothing, no review in particular, has been recorded on it since,
   * or the write fails and the draft is built again with this false.
   */
  build(previous: SubmissionRecord | undefined, attempt: number, untouchedSinceWritten: boolean): Promise<NewSubmission>;
}

/** Where the latest copy is among a submission's transaction actions, and so among its sub-responses. */
const LATEST_ACTION = 1;

/** Records of the newest version this process wrote, per agency and period: a bounded cache, not the source of truth. */
const NEWEST_WRITTEN_MAX = 2_000;

export type SubmitOutcome =
  | { kind: "created"; record: SubmissionRecord }
  | { kind: "replayed"; record: SubmissionRecord }
  | { kind: "key_reused" };

export class SubmissionStore {
  /** The newest version this process has seen per agency: saves a read on the common path, proven by the create. */
  private readonly versionHints = new Map<string, number>();
  /**
   * The version this process last wrote per agency, whole: the previous version of its next submission without a
   * read. Proven at the write — the next version number can only be created when nobody wrote it meanwhile — and
   * dropped for a read when that proof fails. A version's values never change (a workbook attached later is not
   * something a draft reads).
   */
  private readonly newestWritten = new LRUCache<string, SubmissionRecord>({ max: NEWEST_WRITTEN_MAX });
  /**
   * The ETag this process's last write left on the latest copy, per agency. A province's review first touches the
   * latest copy (touchLatest), so a submission replacing it under this ETag proves that the version it follows has
   * no review it did not read, without reading the reviews.
   */
  private readonly latestEtags = new LRUCache<string, string>({ max: NEWEST_WRITTEN_MAX });
  /**
   * Submissions of one agency in one period take turns within this process: racing each other would only make them
   * retry. Other processes still race through the conditional create, which is what makes a version unique.
   */
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(private readonly table: TableClient) {}

  /**
   * Stores the next version. `bodyHash` identifies the request: the same key with the same body is a retry (the first
   * receipt is returned), the same key with another body is a mistake the caller must hear about.
   */
  async submit(
    draft: NewSubmission | DraftOnPrevious,
    idempotencyKey: string,
    bodyHash: string,
    makeId: (version: number) => string,
    eventOf?: SubmitEventOf,
  ): Promise<SubmitOutcome> {
    const hintKey = `${partitionOf(draft.decisionId, draft.period)}/${draft.agencyId}`;
    const previous = this.turns.get(hintKey) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => this.allocate(draft, idempotencyKey, bodyHash, makeId, eventOf));
    this.turns.set(hintKey, mine);
    try {
      return await mine;
    } finally {
      if (this.turns.get(hintKey) === mine) this.turns.delete(hintKey);
    }
  }

  /**
   * The newest version of the agency as this process wrote it, when it did: a hint to start reads that depend on it
   * early, proven only when the next version is created (a draft is built on what the store passes, not on this).
   */
  newestWrittenHere(decisionId: string, period: string, agencyId: string): SubmissionRecord | undefined {
    const hintKey = `${partitionOf(decisionId, period)}/${agencyId}`;
    const known = this.newestWritten.get(hintKey);
    return known && known.version === this.versionHints.get(hintKey) ? known : undefined;
  }

  /**
   * Whether the next submission of the agency will be stored as its first version without a read: this process has
   * seen no version of the agency in the period, which is most often because there is none yet (each agency's
   * first report of a period). The version and its latest copy are then created, not replaced, so when a version
   * does exist the write fails as a whole and the submission is built again on what a read finds.
   */
  guessesFirst(decisionId: string, period: string, agencyId: string): boolean {
    return !this.versionHints.has(`${partitionOf(decisionId, period)}/${agencyId}`);
  }

  /** Whether the next submission of the agency will replace the latest copy under this process's ETag (see build). */
  guardsLatest(decisionId: string, period: string, agencyId: string): boolean {
    return this.newestWrittenHere(decisionId, period, agencyId) !== undefined && this.latestEtags.has(`${partitionOf(decisionId, period)}/${agencyId}`);
  }

  private async allocate(
    draft: NewSubmission | DraftOnPrevious,
    idempotencyKey: string,
    bodyHash: string,
    makeId: (version: number) => string,
    eventOf: SubmitEventOf | undefined,
  ): Promise<SubmitOutcome> {
    const partitionKey = partitionOf(draft.decisionId, draft.period);
    const hintKey = `${partitionKey}/${draft.agencyId}`;
    const idemRow = idempotencyRowKey(draft.agencyId, idempotencyKey);
    const built = "build" in draft ? draft : undefined;

    // No read before the write when this process wrote the previous version, or has seen none (see guessesFirst): a
    // retry's idempotency row or an existing version makes the transaction fail, and only then is anything read.
    let previous: SubmissionRecord | undefined;
    let version: number;
    const hint = this.versionHints.get(hintKey);
    const guessedFirst = hint === undefined;
    if (!built || guessedFirst) version = (hint ?? 0) + 1;
    else {
      const { decisionId, period, agencyId } = draft;
      previous = this.newestWrittenHere(decisionId, period, agencyId) ?? (await this.latest(decisionId, period, agencyId));
      version = (previous?.version ?? 0) + 1;
    }
    for (let attempt = 0; attempt < MAX_VERSION_ATTEMPTS; attempt += 1) {
      const writtenHere = previous !== undefined && previous === this.newestWritten.get(hintKey);
      const guard = writtenHere ? this.latestEtags.get(hintKey) : undefined;
      // Built here from checked parts (the request's schema, the catalogue, the verdict rules): not parsed again.
      const content = built ? await built.build(previous, attempt, guard !== undefined) : (draft as NewSubmission);
      const record: SubmissionRecord = { ...content, id: makeId(version), version };
      const payload = recordProperties(record);
      const latestEntity = { partitionKey, rowKey: latestRowKey(draft.agencyId), ...payload };
      const actions: TransactionAction[] = [
        ["create", { partitionKey, rowKey: versionRowKey(draft.agencyId, version), ...payload }],
        // A first version creates its latest copy: one that exists means a version this draft was not built on.
        version === 1 ? ["create", latestEntity] : guard === undefined ? ["upsert", latestEntity, "Replace"] : ["update", latestEntity, "Replace", { etag: guard }],
        ["create", { partitionKey, rowKey: idemRow, version, bodyHash, createdAt: record.submittedAt }],
      ];
      if (eventOf) {
        const event = eventOf(record);
        actions.push(["create", { partitionKey, rowKey: submitEventRowKey(event.at, draft.agencyId, version), ...eventProperties(event) }]);
      }
      try {
        const answer = await this.table.submitTransaction(actions);
        this.versionHints.set(hintKey, version);
        this.newestWritten.set(hintKey, record);
        // Sub-responses come in the order of the actions; an upsert's names no row key.
        const etag = answer.subResponses[LATEST_ACTION]?.etag;
        if (etag) this.latestEtags.set(hintKey, etag);
        else this.latestEtags.delete(hintKey);
        return { kind: "created", record };
      } catch (error) {
        if (!isConflict(error) && !isPreconditionFailed(error)) throw error;
      }
      // This key was used meanwhile (a concurrent retry) or before (a retry reaching a process that had not seen
      // it), another submission took the version number, a version existed where none was guessed, or the latest
      // copy was touched since this process wrote it (a review): read what is stored and build again.
      this.newestWritten.delete(hintKey);
      this.latestEtags.delete(hintKey);
      let latest: SubmissionRecord | undefined;
      if (guessedFirst && attempt === 0) {
        // Most often the versions were simply there before (written by another instance, or before a restart): no
        // racer to give way to, so no wait, and both reads go together.
        const [raced, found] = await Promise.all([this.readReplay(partitionKey, idemRow, bodyHash), this.latest(draft.decisionId, draft.period, draft.agencyId)]);
        if (raced) return raced;
        latest = found;
      } else {
        const raced = await this.readReplay(partitionKey, idemRow, bodyHash);
        if (raced) return raced;
        // Full jitter: racers that collided wait different times, so the next round is not the same collision again.
        await wait(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
        latest = await this.latest(draft.decisionId, draft.period, draft.agencyId);
      }
      previous = latest;
      version = Math.max(version, latest?.version ?? 0) + 1;
    }
    throw new VersionContentionError(MAX_VERSION_ATTEMPTS);
  }

  private async readReplay(partitionKey: string, idemRow: string, bodyHash: string): Promise<SubmitOutcome | undefined> {
    const idem = await this.getEntity(partitionKey, idemRow);
    if (!idem) return undefined;
    const stored = idempotencyEntitySchema.parse(idem);
    if (stored.bodyHash !== bodyHash) return { kind: "key_reused" };
    const agencyId = idemRow.split("~")[1]!;
    const entity = await this.getEntity(partitionKey, versionRowKey(agencyId, stored.version));
    if (!entity) throw new Error(`Thiếu phiên bản ${stored.version} mà khóa chống nộp trùng trỏ tới.`);
    return { kind: "replayed", record: recordOf(entity) };
  }

  async latest(decisionId: string, period: string, agencyId: string): Promise<SubmissionRecord | undefined> {
    const entity = await this.getEntity(partitionOf(decisionId, period), latestRowKey(agencyId));
    return entity ? recordOf(entity) : undefined;
  }

  async version(decisionId: string, period: string, agencyId: string, version: number): Promise<SubmissionRecord | undefined> {
    const entity = await this.getEntity(partitionOf(decisionId, period), versionRowKey(agencyId, version));
    return entity ? recordOf(entity) : undefined;
  }

  async versions(decisionId: string, period: string, agencyId: string): Promise<SubmissionRecord[]> {
    const records: SubmissionRecord[] = [];
    for await (const entity of this.range(partitionOf(decisionId, period), versionPrefix(agencyId))) records.push(recordOf(entity));
    return records;
  }

  /**
   * The newest version of every agency that reported in the period, one at a time so memory stays flat. Only what
   * aggregation reads is fetched (not the workbook, source file or counts) and checked, once, in that narrow shape.
   */
  async *latestOfPeriod(decisionId: string, period: string): AsyncGenerator<AggregateSource> {
    const select = ["agencyId", "version", "submittedAt", "late", ...chunkedJsonProperties("values")];
    for await (const entity of this.range(partitionOf(decisionId, period), LATEST_PREFIX, select)) {
      yield aggregateSourceSchema.parse({
        agencyId: entity.agencyId,
        version: entity.version,
        submittedAt: entity.submittedAt,
        late: entity.late,
        values: JSON.parse(chunkedJsonText(entity, "values")),
      });
    }
  }

  /** The audit events of the period's submissions under the decision (of one agency, when given), oldest first. */
  async *submitEvents(decisionId: string, period: string, agencyId?: string): AsyncGenerator<AuditEvent> {
    for await (const entity of this.range(partitionOf(decisionId, period), SUBMIT_EVENT_PREFIX)) {
      if (agencyId === undefined || entity.agencyId === agencyId) yield readAuditEvent(entity);
    }
  }

  /**
   * Whether any agency has submitted anything under the decision, in any period. One query for at most one key: the
   * decision's partitions are the key range "{decision}~…", and '~' ends the decision id so no other decision shares it.
   */
  async hasAnyForDecision(decisionId: string): Promise<boolean> {
    const prefix = partitionOf(decisionId, "");
    const pages = this.table
      .listEntities({
        queryOptions: {
          filter: `PartitionKey ge '${escapeOData(prefix)}' and PartitionKey lt '${escapeOData(prefixEnd(prefix))}'`,
          select: ["RowKey"],
        },
      })
      .byPage({ maxPageSize: 1 });
    for await (const page of pages) {
      if (page.length > 0) return true;
      // An empty page with a continuation token is possible on a range query; read on until a row or the end.
    }
    return false;
  }

  /**
   * Changes the latest copy's ETag without changing its content: called before a province records a review, so a
   * submission built without reading the reviews (see DraftOnPrevious) cannot be stored over it on any instance.
   */
  async touchLatest(decisionId: string, period: string, agencyId: string): Promise<void> {
    const partitionKey = partitionOf(decisionId, period);
    this.latestEtags.delete(`${partitionKey}/${agencyId}`);
    try {
      await this.table.updateEntity({ partitionKey, rowKey: latestRowKey(agencyId), touchedAt: new Date().toISOString() }, "Merge");
    } catch (error) {
      // No version yet: nothing a submission could be built on.
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }

  /** Records the version's workbook on the version and, when it is still the newest, on the latest copy. */
  async attachWorkbook(record: SubmissionRecord, workbook: StoredWorkbook): Promise<SubmissionRecord> {
    const partitionKey = partitionOf(record.decisionId, record.period);
    this.latestEtags.delete(`${partitionKey}/${record.agencyId}`);
    const properties = workbookProperties(workbook);
    await this.table.updateEntity({ partitionKey, rowKey: versionRowKey(record.agencyId, record.version), ...properties }, "Merge");
    for (let attempt = 0; attempt < MAX_VERSION_ATTEMPTS; attempt += 1) {
      const latest = await this.getEntity(partitionKey, latestRowKey(record.agencyId));
      if (!latest || Number(latest.version) !== record.version) break;
      try {
        await this.table.updateEntity({ partitionKey, rowKey: latestRowKey(record.agencyId), ...properties }, "Merge", {
          etag: String(latest.etag),
        });
        break;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode !== 412) throw error;
      }
    }
    return { ...record, workbook };
  }

  private getEntity(partitionKey: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
    return getRow(this.table, partitionKey, rowKey);
  }

  private range(partitionKey: string, prefix: string, select?: string[]): AsyncIterable<Record<string, unknown>> {
    return rowsWithPrefix(this.table, partitionKey, prefix, select);
  }
}

const idempotencyEntitySchema = z.object({ version: z.coerce.number().int().positive(), bodyHash: z.string() });

function recordProperties(record: SubmissionRecord): TableEntityProperties {
  return {
    id: record.id,
    decisionId: record.decisionId,
    province: record.province,
    agencyId: record.agencyId,
    period: record.period,
    version: record.version,
    submittedAt: record.submittedAt,
    submittedBy: record.submittedBy,
    channel: record.channel,
    catalogueVersion: record.catalogueVersion,
    reportDueDate: record.reportDueDate,
    late: record.late,
    counts: JSON.stringify(record.counts),
    ...(record.missing ? { missing: JSON.stringify(record.missing) } : {}),
    ...writeChunkedJson("values", record.values),
    ...(record.workbook ? workbookProperties(record.workbook) : {}),
    ...(record.sourceFile ? { sourceFile: JSON.stringify(record.sourceFile) } : {}),
  };
}

type TableEntityProperties = Omit<TableEntity, "partitionKey" | "rowKey">;

function workbookProperties(workbook: StoredWorkbook): TableEntityProperties {
  return { workbook: JSON.stringify(workbook) };
}

const storedRowSchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  province: z.string(),
  agencyId: z.string(),
  period: z.string(),
  version: z.coerce.number(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  channel: z.string(),
  catalogueVersion: z.coerce.number(),
  reportDueDate: z.string(),
  late: z.boolean(),
  counts: z.string(),
  missing: z.string().optional(),
  workbook: z.string().optional(),
  sourceFile: z.string().optional(),
});

/** Every row read back goes through the record schema: storage is a boundary too. */
function recordOf(entity: Record<string, unknown>): SubmissionRecord {
  const row = storedRowSchema.parse(entity);
  return submissionRecordSchema.parse({
    ...row,
    counts: verdictCountsSchema.parse(JSON.parse(row.counts)),
    missing: row.missing === undefined ? undefined : JSON.parse(row.missing),
    // Checked once, by the record schema below.
    values: readChunkedJson(entity, "values", z.unknown()),
    workbook: row.workbook === undefined ? undefined : storedWorkbookSchema.parse(JSON.parse(row.workbook)),
    sourceFile: row.sourceFile === undefined ? undefined : storedSourceFileSchema.parse(JSON.parse(row.sourceFile)),
  });
}
