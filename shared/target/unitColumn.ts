import type { Target } from "./schema";
import { normalizeText } from "../text/normalize";

/**
 * Multi-year tables write the unit in a column of its own: "%" beside "≥ 70" makes the bare number a percentage.
 * Parsing, evaluating, the fast judge and the compiled formula all apply this one rule, so a count target evaluated
 * with unit "%" reads the same as the text parsed with it.
 */
export function applyUnitColumn(target: Target, unit: string | undefined): Target {
  if (unit === undefined || target.kind !== "count" || target.unit !== undefined || target.action !== undefined) {
    return target;
  }
  if (normalizeText(unit) !== "%") return target;
  // "≥ 150" beside "%" cannot be a share; it stays a number for a person to question.
  if (target.value > 100) return target;
  return { kind: "percent", comparator: target.comparator, value: target.value };
}
