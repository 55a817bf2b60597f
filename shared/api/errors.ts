import * as z from "zod";

/**
 * The error half of the contract between the KPI server and its clients (task pane, KPI.TARGET, `kpi`): an answer a
 * program can branch on (`code`) and a person can read (`message`, Vietnamese), with the HTTP status each code is
 * sent with. The server answers every failure a client can cause or hear about with one of these codes.
 */
export const API_ERROR_CODES = {
  invalid_json: 400,
  validation_failed: 400,
  agency_choice_required: 400,
  idempotency_key_required: 400,
  confirmation_required: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_reused: 409,
  decision_has_submissions: 409,
  /** Only the agency's newest version can be judged, returned or approved. */
  version_superseded: 409,
  /** The version was already approved (or returned): its review is closed. */
  review_closed: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_xlsx: 422,
  zip_bomb: 422,
  too_many_entries: 422,
  workbook_invalid: 422,
  results_report_invalid: 422,
  macro_enabled: 422,
  external_links: 422,
  embedded_objects: 422,
  no_worksheet: 422,
  sheet_too_large: 422,
  evidence_file_invalid: 422,
  /** The decision × period is locked for this agency: nothing is accepted until the province unlocks it. */
  period_locked: 423,
  busy: 503,
  storage_unavailable: 503,
  internal: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export function statusOfCode(code: ApiErrorCode): number {
  return API_ERROR_CODES[code];
}

/** The body of every error answer: `{"code": "…", "message": "…tiếng Việt…", "details": …}`. */
export const apiErrorBodySchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
