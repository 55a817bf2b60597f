import { CompositeVerifier } from "../auth/compositeVerifier";
import { EntraVerifier } from "../auth/entra/entraVerifier";
import { KeyStore } from "../auth/keyStore";
import type { TokenVerifier } from "../auth/principal";
import { blobService } from "../storage/blobClient";
import { CatalogueStore } from "../storage/catalogueStore";
import { AuditLog } from "../storage/auditLog";
import { ReviewStore } from "../storage/reviewStore";
import { SubmissionStore } from "../storage/submissionStore";
import { ensureTable, tableClient } from "../storage/tableClient";
import { storageNames } from "../storage/tableNames";
import { WorkbookStore } from "../storage/workbookStore";
import type { Settings } from "./settings";

/** Everything a handler may use; built once per process and shared by all requests. */
export interface Services {
  settings: Settings;
  catalogue: CatalogueStore;
  submissions: SubmissionStore;
  reviews: ReviewStore;
  audit: AuditLog;
  workbooks: WorkbookStore;
  keys: KeyStore;
  verifier: TokenVerifier;
  now: () => Date;
}

export async function createServices(settings: Settings, options: { now?: () => Date } = {}): Promise<Services> {
  const names = storageNames(settings.storagePrefix);
  const blobs = blobService(settings.connection);
  await Promise.all(
    [names.submissionsTable, names.keysTable, names.reviewsTable, names.auditTable].map((table) => ensureTable(settings.connection, table)),
  );
  const catalogue = new CatalogueStore(blobs, names.catalogueContainer, settings.catalogueCacheMs);
  const workbooks = new WorkbookStore(blobs, names.workbooksContainer);
  await Promise.all([catalogue.init(), workbooks.init()]);
  const keys = new KeyStore(tableClient(settings.connection, names.keysTable), settings.keyCacheMs);
  return {
    settings,
    catalogue,
    submissions: new SubmissionStore(tableClient(settings.connection, names.submissionsTable)),
    reviews: new ReviewStore(tableClient(settings.connection, names.reviewsTable)),
    audit: new AuditLog(tableClient(settings.connection, names.auditTable)),
    workbooks,
    keys,
    // With Entra ID configured, Microsoft sign-in and pasted keys both work; without it, keys only.
    verifier: settings.entra ? new CompositeVerifier(new EntraVerifier(settings.entra), keys) : keys,
    now: options.now ?? (() => new Date()),
  };
}

/** Built on first use and again after a failure (storage not up yet), never once per request. */
export function lazyServices(build: () => Promise<Services>): () => Promise<Services> {
  let pending: Promise<Services> | undefined;
  return () => {
    pending ??= build().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
