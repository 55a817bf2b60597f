import { parseTarget } from "../target/parse";
import type { ParseError, Target } from "../target/schema";

export type AssignmentTargetResult = { ok: true; target: Target } | { ok: false; errors: ParseError[] };

/**
 * The rule an assignment is judged by, read from the target cell. A cell no rule can judge ("Thực hiện theo lộ trình
 * của Bộ", empty) is still ok: it becomes a manual target that a person gives a verdict on. Only a text that looks like
 * a rule but is wrong fails, with positions, so the import can show the officer what to fix instead of guessing.
 */
export function buildAssignmentTarget(targetText: string, unit?: string, year?: number): AssignmentTargetResult {
  // The decision's year completes a date written without one ("đến 30/6").
  const parsed = parseTarget(targetText, { unit, year });
  return parsed.ok ? { ok: true, target: parsed.target } : { ok: false, errors: parsed.errors };
}
