import type { z } from "zod";

/**
 * An answer a program can branch on (`code`) and a person can read (`message`, Vietnamese). Every failure a client
 * can cause or hear about is one of these; anything else is logged and answered as a plain 500 without details.
 */
export const API_ERROR_CODES = {
  invalid_json: 400,
  validation_failed: 400,
  agency_choice_required: 400,
  idempotency_key_required: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_reused: 409,
  decision_has_submissions: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_xlsx: 422,
  zip_bomb: 422,
  too_many_entries: 422,
  workbook_invalid: 422,
  results_report_invalid: 422,
  confirmation_required: 400,
  macro_enabled: 422,
  external_links: 422,
  embedded_objects: 422,
  no_worksheet: 422,
  sheet_too_large: 422,
  busy: 503,
  storage_unavailable: 503,
  internal: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = API_ERROR_CODES[code];
  }
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** zod's issues as "where: what" pairs, the path written the way a JSON body is navigated ("values[3].actual"). */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
      "",
    ),
    message: issue.message,
  }));
}

export function validationError(error: z.ZodError, what: string): ApiError {
  const problems = fieldProblems(error);
  const first = problems[0];
  const where = first?.path ? ` (${first.path})` : "";
  return new ApiError("validation_failed", `${what} không hợp lệ: ${first?.message ?? "sai định dạng"}${where}.`, { problems });
}
