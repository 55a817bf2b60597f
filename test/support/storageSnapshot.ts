import { blobService } from "../../functions/storage/blobClient";
import { tableClient } from "../../functions/storage/tableClient";
import { storageNames } from "../../functions/storage/tableNames";
import type { TestStack } from "./stack";

/**
 * Everything stored by a stack, read straight from Azurite (not through the app): submission rows with their
 * ETags, workbook blob names, and the catalogue blob's ETag. Equal snapshots mean nothing was written.
 */
export async function storageSnapshot(stack: TestStack): Promise<{ rows: string[]; blobs: string[]; catalogue: string[] }> {
  const names = storageNames(stack.prefix);
  const connection = stack.services.settings.connection;
  const rows: string[] = [];
  for await (const entity of tableClient(connection, names.submissionsTable).listEntities()) {
    rows.push(`${entity.partitionKey}|${entity.rowKey}|${entity.etag}`);
  }
  // Reviews, evidence files, locks and the audit trail: a refused request adds nothing to them either.
  for (const table of [names.reviewsTable, names.auditTable]) {
    try {
      for await (const entity of tableClient(connection, table).listEntities()) rows.push(`${table}|${entity.partitionKey}|${entity.rowKey}|${entity.etag}`);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
  const service = blobService(connection);
  const list = async (container: string) => {
    const found: string[] = [];
    for await (const blob of service.getContainerClient(container).listBlobsFlat()) found.push(`${blob.name}|${blob.properties.etag}`);
    return found.sort();
  };
  return { rows: rows.sort(), blobs: await list(names.workbooksContainer), catalogue: await list(names.catalogueContainer) };
}

/** Just the stored rows of one agency in one period, by kind: versions, the latest copy, idempotency keys, submit events. */
export async function agencyRows(stack: TestStack, decisionId: string, period: string, agencyId: string) {
  const snapshot = await storageSnapshot(stack);
  const mine = snapshot.rows.filter((row) => row.startsWith(`${decisionId}~${period}|`)).map((row) => row.split("|")[1]!);
  return {
    versions: mine.filter((key) => key.startsWith(`v~${agencyId}~`)),
    latest: mine.filter((key) => key === `latest~${agencyId}`),
    idempotency: mine.filter((key) => key.startsWith(`idem~${agencyId}~`)),
    submitEvents: mine.filter((key) => key.startsWith("audit~") && key.includes(`~${agencyId}~`)),
  };
}
