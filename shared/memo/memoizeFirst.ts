/**
 * A pure function of a string, with its results kept for the first `limit` keys it is given and computed afresh
 * beyond them: for inputs that are few in practice (periods, due dates), where a caller looping over many must not
 * grow memory, and where evicting would buy nothing.
 */
export function memoizeFirst<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as T;
    const value = compute(key);
    if (kept.size < limit) kept.set(key, value);
    return value;
  };
}
