import { createHash } from "node:crypto";

/**
 * Row layout of the submissions table. One partition per decision × period (a decision belongs to one province), so
 * "the province's quarter" is one partition and "one agency's versions" a key range inside it:
 *   v~{agency}~{000007}   every version, never overwritten
 *   latest~{agency}       a copy of the newest version, what aggregation reads
 *   idem~{agency}~{hash}  the idempotency key of a submission, pointing at the version it created
 *   audit~{time}~{agency}~{000007}  the audit trail's "submit" event of that version, written with it
 * '~' sorts after every character an id may contain, so a prefix never swallows another agency's rows.
 */

export function partitionOf(decisionId: string, period: string): string {
  return `${decisionId}~${period}`;
}

export function versionRowKey(agencyId: string, version: number): string {
  return `${versionPrefix(agencyId)}${String(version).padStart(6, "0")}`;
}

export function versionPrefix(agencyId: string): string {
  return `v~${agencyId}~`;
}

export function latestRowKey(agencyId: string): string {
  return `latest~${agencyId}`;
}

export const LATEST_PREFIX = "latest~";

/** After every other prefix's first letter but 'v', and sorted by time: a period's submissions read in order. */
export const SUBMIT_EVENT_PREFIX = "audit~";

export function submitEventRowKey(at: string, agencyId: string, version: number): string {
  return `${SUBMIT_EVENT_PREFIX}${at}~${agencyId}~${String(version).padStart(6, "0")}`;
}

export function idempotencyRowKey(agencyId: string, idempotencyKey: string): string {
  return `idem~${agencyId}~${sha256Hex(idempotencyKey)}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Blob path of a results report as sent, named by its content so a preview and its confirmation meet on one file. */
export function resultsReportBlobPath(province: string, decisionId: string, period: string, agencyId: string, sha256: string): string {
  return `${province}/${decisionId}/${period}/${agencyId}/results-reports/${sha256}`;
}

/** Blob path of a version's workbook, built only from validated ids so no request can choose where it lands. */
export function workbookBlobPath(province: string, decisionId: string, period: string, agencyId: string, version: number): string {
  return `${province}/${decisionId}/${period}/${agencyId}/v${String(version).padStart(6, "0")}.xlsx`;
}

/** Blob path of an evidence file, named by its content: the same file attached twice is kept once. */
export function evidenceBlobPath(province: string, decisionId: string, period: string, agencyId: string, sha256: string): string {
  return `${province}/${decisionId}/${period}/${agencyId}/evidence/${sha256}`;
}
