/**
 * Where the catalogue's pieces live in its container. The current pieces share one prefix so that a single listing
 * answers "has anything changed" with every piece's ETag; each piece keeps its own history of versions beside it.
 *   current/indicators.json                 national indicator definitions
 *   current/provinces/{province}.json       one province's decisions, assignments, agencies and groups
 *   versions/indicators/{000007}-{time}.json
 *   versions/provinces/{province}/{000007}-{time}.json
 *   current.json, versions/{000007}-{time}.json   the single catalogue of earlier releases, kept as it was
 */

export const CURRENT_PREFIX = "current/";
export const INDICATORS_BLOB = `${CURRENT_PREFIX}indicators.json`;
const PROVINCE_PREFIX = `${CURRENT_PREFIX}provinces/`;
export const LEGACY_CURRENT_BLOB = "current.json";

export function provinceBlob(province: string): string {
  return `${PROVINCE_PREFIX}${province}.json`;
}

/** The province a current blob holds, or undefined for the indicators and for names this release did not write. */
export function provinceOfBlob(name: string): string | undefined {
  const match = /^current\/provinces\/([a-z0-9][a-z0-9-]{0,63})\.json$/.exec(name);
  return match?.[1];
}

export function indicatorsVersionBlob(version: number, updatedAt: string): string {
  return `versions/indicators/${versionName(version, updatedAt)}`;
}

export function provinceVersionBlob(province: string, version: number, updatedAt: string): string {
  return `versions/provinces/${province}/${versionName(version, updatedAt)}`;
}

function versionName(version: number, updatedAt: string): string {
  return `${String(version).padStart(6, "0")}-${updatedAt.replace(/[:.]/g, "")}.json`;
}
