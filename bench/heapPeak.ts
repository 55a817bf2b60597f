import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Node's gc, exposed on the fly when the run was not started with --expose-gc. */
export function collectGarbage(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * The most heap `work` had in use at once, above what was in use before it started (collected first, so garbage
 * of earlier work does not count): sampled on a short timer — which fires whenever the work waits for storage —
 * and at every `settle`, which samples and then collects, the way a long run of independent steps (one province
 * after another) should leave memory. Garbage of the current step counts, as it does for the process's memory;
 * garbage of earlier steps does not, so a peak that grows with the number of steps is memory kept between them.
 * Never negative: the peak is at least the baseline itself.
 */
export async function peakHeapOf(work: (settle: () => void) => Promise<void>, intervalMs = 2): Promise<number> {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sample = () => {
    const used = process.memoryUsage().heapUsed;
    if (used > peak) peak = used;
  };
  const timer = setInterval(sample, intervalMs);
  try {
    await work(() => {
      sample();
      collectGarbage();
    });
    sample();
  } finally {
    clearInterval(timer);
  }
  return peak - baseline;
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
