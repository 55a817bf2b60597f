import { setTimeout as wait } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lockStateFor } from "../../functions/services/periodLock";
import { createServices, type Services } from "../../functions/services/services";
import { startStack, type TestStack } from "../support/stack";

/**
 * An instance relies on its last lock read for KPI_LOCK_CACHE_MS; past half of that time it renews the read in the
 * background, so submissions in a steady stream never wait on one. Another instance writes the lock, as the
 * province's instance does on Azure: this one hears of it only through its reads.
 */

const LOCK_CACHE_MS = 3_000;
const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q3";
const AGENCY = "so-tai-chinh";

let stack: TestStack;
let agencyInstance: Services;

beforeAll(async () => {
  stack = await startStack({ settings: { lockCacheMs: LOCK_CACHE_MS } });
  agencyInstance = await createServices(stack.services.settings);
});
afterAll(async () => {
  await stack?.close();
});

const lockOnProvinceInstance = () =>
  stack.services.reviews.setLock(DECISION, PERIOD, { scope: "all", locked: true, reason: "Đã chốt số liệu", by: "test", byLabel: "Sở KH&CN", at: new Date().toISOString() });

const stateOnAgencyInstance = () => lockStateFor(agencyInstance, DECISION, PERIOD, AGENCY, { recentMs: LOCK_CACHE_MS });

describe("the lock read an instance relies on", () => {
  it("is renewed in the background past half its time, and a lock written meanwhile is seen once the renewal answers", async () => {
    const reads = vi.spyOn(agencyInstance.reviews, "locks");
    expect((await stateOnAgencyInstance()).locked).toBe(false);
    expect(reads).toHaveBeenCalledTimes(1);

    await lockOnProvinceInstance();
    // Within the first half, the read answers alone: no new read.
    expect((await stateOnAgencyInstance()).locked).toBe(false);
    expect(reads).toHaveBeenCalledTimes(1);

    await wait(LOCK_CACHE_MS / 2 + 100);
    // Past half its time the read still answers (it is younger than the setting allows) and a renewal starts.
    expect((await stateOnAgencyInstance()).locked).toBe(false);
    expect(reads).toHaveBeenCalledTimes(2);
    await reads.mock.results[1]!.value;

    // The renewal, not a fresh read after expiry, now answers: locked, and no third read.
    const state = await stateOnAgencyInstance();
    expect(state).toMatchObject({ locked: true, source: "all", reason: "Đã chốt số liệu" });
    expect(reads).toHaveBeenCalledTimes(2);
    reads.mockRestore();
  });
});
