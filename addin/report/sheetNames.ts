/** Excel refuses longer sheet names. */
export const SHEET_NAME_LIMIT = 31;

/** Names to move a sheet aside under, first free one wins: "Báo cáo 2025-Q4", then "Báo cáo 2025-Q4 (2)" … */
export function archiveNames(base: string): string[] {
  const fit = (suffix: string) => `${base.slice(0, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
  return [fit(""), ...Array.from({ length: 8 }, (_, index) => fit(` (${index + 2})`))];
}

/** A name no sheet has, for when every archive name is taken or a sheet must step aside for a moment. */
export function timeStampedSheetName(base: string): string {
  const suffix = ` ${Date.now().toString(36)}`;
  return `${base.slice(0, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
}
