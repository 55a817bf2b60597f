import { parseTarget } from "../../shared/target/parse";
import type { ParseResult } from "../../shared/target/schema";
import { compileJudge, type Judge } from "../../shared/verdict/judge";

/**
 * Excel recalculates the same target text in every row; parsing (and specialising the judge) once per distinct
 * text keeps a sheet of thousands of KPI.STATUS cells fast. Bounded so that a long session of edits cannot grow it
 * without limit.
 */
const PARSE_CACHE_LIMIT = 2000;

export interface CachedTarget {
  parsed: ParseResult;
  /** Present when the target parsed: the verdict code for an actual, without an as-of date. */
  judge?: Judge;
}

const cache = new Map<string, CachedTarget>();

export function cachedTarget(text: string, unit?: string): CachedTarget {
  const key = unit === undefined ? text : `${unit}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = parseTarget(text, unit === undefined ? {} : { unit });
  const entry: CachedTarget = parsed.ok ? { parsed, judge: compileJudge(parsed.target, unit === undefined ? {} : { unit }) } : { parsed };
  if (cache.size >= PARSE_CACHE_LIMIT) {
    // Maps iterate in insertion order: the first key is the oldest entry.
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, entry);
  return entry;
}

export function cachedParse(text: string, unit?: string): ParseResult {
  return cachedTarget(text, unit).parsed;
}
