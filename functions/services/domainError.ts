import type { ApiErrorCode } from "../../shared/api/errors";

/**
 * A refusal of the domain (not found, not allowed, invalid, busy…), named by the contract's code with a Vietnamese
 * message. Services know nothing of HTTP: functions/http/handle.ts gives every such error its status, once.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** One invalid field of a body: where ("values[3].actual") and what is wrong with it, in Vietnamese. */
export interface FieldProblem {
  path: string;
  message: string;
}
