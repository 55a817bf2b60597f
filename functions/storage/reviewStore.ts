import type { TableClient } from "@azure/data-tables";
import * as z from "zod";
import { evidenceFileSchema, type EvidenceFile } from "../../shared/model/evidence";
import { lockEntrySchema, type LockEntry } from "../../shared/model/lock";
import { versionReviewSchema, type VersionReview } from "../../shared/model/review";
import { chunkedJsonProperties, readChunkedJson, writeChunkedJson } from "./chunkedJson";
import { partitionOf } from "./submissionKeys";
import { getRow, isConflict, rowsWithPrefix } from "./tableClient";

/**
 * What the province and the agencies add to a stored version, kept apart from the version (which never changes):
 *   review~{agency}~{000007}              the province's verdicts, row comments, return or approval (ETag-guarded)
 *   file~{agency}~{000007}~{assignment}~{evidenceId}   an evidence file attached to a value, written once
 *   lock~all, lock~agency~{agency}        the newest lock decision for all agencies or one
 * One partition per decision × period, like the submissions, so a period's reviews are one range query.
 */

const MAX_UPDATE_ATTEMPTS = 10;

export class ReviewConflictError extends Error {}

function pad(version: number): string {
  return String(version).padStart(6, "0");
}

const reviewRowKey = (agencyId: string, version: number) => `review~${agencyId}~${pad(version)}`;
const fileRowPrefix = (agencyId: string, version: number) => `file~${agencyId}~${pad(version)}~`;
const LOCK_PREFIX = "lock~";
/** What a period's reviews are read with: the row's agency and version, and the review itself. */
const REVIEW_PROPERTIES = ["agencyId", "version", ...chunkedJsonProperties("review")];
const lockRowKey = (agencyId?: string) => (agencyId ? `lock~agency~${agencyId}` : "lock~all");

export class ReviewStore {
  constructor(private readonly table: TableClient) {}

  /** The review of a version; an empty one when the province has not touched it. */
  async review(decisionId: string, period: string, agencyId: string, version: number): Promise<VersionReview> {
    const entity = await this.getEntity(partitionOf(decisionId, period), reviewRowKey(agencyId, version));
    return entity ? reviewOf(entity) : versionReviewSchema.parse({});
  }

  /**
   * Changes a version's review with `change`, which may throw to refuse (a DomainError). Guarded by the row's ETag:
   * two officers saving at once never lose one another's verdicts; the loser's change is applied again to the new row.
   * `beforeWrite` runs once, after `change` accepted and before anything is written.
   */
  async updateReview(
    decisionId: string,
    period: string,
    agencyId: string,
    version: number,
    change: (current: VersionReview) => VersionReview,
    beforeWrite?: () => Promise<void>,
  ): Promise<{ before: VersionReview; after: VersionReview }> {
    const partitionKey = partitionOf(decisionId, period);
    const rowKey = reviewRowKey(agencyId, version);
    let prepared = false;
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt += 1) {
      const entity = await this.getEntity(partitionKey, rowKey);
      const before = entity ? reviewOf(entity) : versionReviewSchema.parse({});
      const after = versionReviewSchema.parse(change(before));
      if (beforeWrite && !prepared) {
        await beforeWrite();
        prepared = true;
      }
      const row = { partitionKey, rowKey, agencyId, version, ...writeChunkedJson("review", after) };
      try {
        if (entity) await this.table.updateEntity(row, "Replace", { etag: String(entity.etag) });
        else await this.table.createEntity(row);
        return { before, after };
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status !== 412 && !isConflict(error)) throw error;
      }
    }
    throw new ReviewConflictError("Review kept changing under this update.");
  }

  /** Every review of an agency's versions in the period, by version. */
  async reviewsOfAgency(decisionId: string, period: string, agencyId: string): Promise<Map<number, VersionReview>> {
    const reviews = new Map<number, VersionReview>();
    for await (const entity of this.range(partitionOf(decisionId, period), `review~${agencyId}~`)) {
      reviews.set(Number(entity.version), reviewOf(entity));
    }
    return reviews;
  }

  /** Every review in the period, agency by agency: what the aggregate joins to the latest versions. */
  async reviewsOfPeriod(decisionId: string, period: string): Promise<Map<string, Map<number, VersionReview>>> {
    const byAgency = new Map<string, Map<number, VersionReview>>();
    for await (const entity of this.range(partitionOf(decisionId, period), "review~", REVIEW_PROPERTIES)) {
      const agencyId = String(entity.agencyId);
      const reviews = byAgency.get(agencyId) ?? new Map<number, VersionReview>();
      reviews.set(Number(entity.version), reviewOf(entity));
      byAgency.set(agencyId, reviews);
    }
    return byAgency;
  }

  /** Records an evidence file on a version once: the same file again for the same value is the same evidence. */
  async addEvidenceFile(decisionId: string, period: string, agencyId: string, version: number, file: EvidenceFile): Promise<"created" | "exists"> {
    const row = { partitionKey: partitionOf(decisionId, period), rowKey: `${fileRowPrefix(agencyId, version)}${file.assignmentId}~${file.evidenceId}`, file: JSON.stringify(file) };
    try {
      await this.table.createEntity(row);
      return "created";
    } catch (error) {
      if (isConflict(error)) return "exists";
      throw error;
    }
  }

  async evidenceFiles(decisionId: string, period: string, agencyId: string, version: number): Promise<EvidenceFile[]> {
    const files: EvidenceFile[] = [];
    for await (const entity of this.range(partitionOf(decisionId, period), fileRowPrefix(agencyId, version))) {
      files.push(evidenceFileSchema.parse(JSON.parse(String(entity.file))));
    }
    return files;
  }

  /** Replaces the lock decision for all agencies (no agency) or for one agency. History is in the audit trail. */
  async setLock(decisionId: string, period: string, entry: LockEntry): Promise<void> {
    const checked = lockEntrySchema.parse(entry);
    await this.table.upsertEntity(
      { partitionKey: partitionOf(decisionId, period), rowKey: lockRowKey(checked.agencyId), entry: JSON.stringify(checked) },
      "Replace",
    );
  }

  async locks(decisionId: string, period: string): Promise<LockEntry[]> {
    const entries: LockEntry[] = [];
    for await (const entity of this.range(partitionOf(decisionId, period), LOCK_PREFIX)) {
      entries.push(lockEntrySchema.parse(JSON.parse(String(entity.entry))));
    }
    return entries;
  }

  private getEntity(partitionKey: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
    return getRow(this.table, partitionKey, rowKey);
  }

  private range(partitionKey: string, prefix: string, select?: string[]): AsyncIterable<Record<string, unknown>> {
    return rowsWithPrefix(this.table, partitionKey, prefix, select);
  }
}

function reviewOf(entity: Record<string, unknown>): VersionReview {
  return readChunkedJson(entity, "review", versionReviewSchema);
}


export const reviewRowSchema = z.object({ agencyId: z.string(), version: z.coerce.number() });
