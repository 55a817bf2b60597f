/**
 * Table and container names. Azure allows letters and digits only for tables, lowercase and dashes for containers.
 * A prefix gives a separate namespace in one account: each test file, each benchmark run, or a staging copy.
 */
export interface StorageNames {
  submissionsTable: string;
  keysTable: string;
  /** Reviews, evidence files and locks: what is added to a version after it is stored. */
  reviewsTable: string;
  /** The append-only audit trail. */
  auditTable: string;
  catalogueContainer: string;
  workbooksContainer: string;
}

export const STORAGE_PREFIX_PATTERN = /^([a-z][a-z0-9]{0,15})?$/;

export function storageNames(prefix = ""): StorageNames {
  return {
    submissionsTable: `${prefix}KpiSubmissions`,
    keysTable: `${prefix}KpiKeys`,
    reviewsTable: `${prefix}KpiReviews`,
    auditTable: `${prefix}KpiAudit`,
    catalogueContainer: `${prefix ? `${prefix}-` : ""}kpi-catalogue`,
    workbooksContainer: `${prefix ? `${prefix}-` : ""}kpi-workbooks`,
  };
}
