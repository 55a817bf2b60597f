/**
 * A submission the server answered "busy" (503, code "busy": too many submissions of one agency at once) is sent
 * again, with the same idempotency key, a bounded number of times: the server stores it at most once either way.
 * Shared by the task pane and the CLI so both wait and give up the same way.
 */

export const BUSY_ATTEMPTS = 4;

/** Milliseconds before attempt `attempt + 1`: a growing wait with jitter, so retries of many clients spread out. */
function busyDelayMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(500 * attempt * (0.5 + random()));
}

export async function retryWhenBusy<T>(
  send: () => Promise<T>,
  isBusy: (outcome: unknown) => boolean,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= BUSY_ATTEMPTS || !isBusy(error)) throw error;
      await wait(busyDelayMs(attempt));
    }
  }
}
