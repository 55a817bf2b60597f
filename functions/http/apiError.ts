import type { z } from "zod";
import { statusOfCode } from "../../shared/api/errors";
import { DomainError, type FieldProblem } from "../services/domainError";

/**
 * An answer a program can branch on (`code`) and a person can read (`message`, Vietnamese), raised by the HTTP layer
 * itself (authentication, bodies, routes). Its status comes from the contract's list (shared/api/errors), as for the
 * services' DomainError; anything else is logged and answered as a plain 500 without details.
 */
export class ApiError extends DomainError {
  get status(): number {
    return statusOfCode(this.code);
  }
}

/** zod's issues as "where: what" pairs, the path written the way a JSON body is navigated ("values[3].actual"). */
function fieldProblems(error: z.ZodError): FieldProblem[] {
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
