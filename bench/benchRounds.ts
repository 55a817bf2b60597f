/** The pieces of the benchmarks the HTTP client process needs too: nothing here loads the functions' code. */

export const COMMUNES = 170;

export const agencyOf = (c: number) => `xa-${String(c).padStart(3, "0")}`;

/** The values commune c reports: one per assignment, spread over met and not met. */
export function valuesFor(assignmentIds: readonly string[], c: number): { assignmentId: string; actual: number }[] {
  return assignmentIds.map((assignmentId, index) => ({ assignmentId, actual: ((c * 7 + index * 13) % 100) / 100 }));
}

/**
 * `total` calls of `run`, `concurrency` at a time, each given a commune number (from the one after `skip`, round the
 * COMMUNES); the time each took.
 */
export async function rounds(concurrency: number, total: number, run: (c: number) => Promise<number>, skip = 0): Promise<number[]> {
  const samples: number[] = [];
  for (let done = 0; done < total; done += concurrency) {
    samples.push(...(await Promise.all(Array.from({ length: concurrency }, (_, i) => run(((skip + done + i) % COMMUNES) + 1)))));
  }
  return samples;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
