import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodAssignmentsSchema } from "../../shared/report/periodAssignments";
import { ROUTES } from "../../functions/http/routes";
import { startLocalHost, type LocalHost } from "../../functions/local/localHost";
import { createServices } from "../../functions/services/services";
import { startStack, type TestStack } from "../support/stack";

/**
 * Two instances of the Function App on one storage, each relying for a short while on the lock read it last made (as
 * on Azure, where reading the locks for every submission would double the reads). When the province's lock answers on
 * one instance, the other must already refuse: the lock waits until no read made before it can still answer.
 */

const LOCK_CACHE_MS = 600;
const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q3";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;

let stack: TestStack;
let agencyInstance: LocalHost;
let submissions = 0;

beforeAll(async () => {
  stack = await startStack({ settings: { lockCacheMs: LOCK_CACHE_MS } });
  const services = await createServices(stack.services.settings);
  agencyInstance = await startLocalHost({ routes: ROUTES, services: async () => services, port: 0 });
});
afterAll(async () => {
  await agencyInstance?.close();
  await stack?.close();
});

async function submitOnAgencyInstance(values: unknown[]): Promise<Response> {
  submissions += 1;
  return fetch(`${agencyInstance.url}/api${BASE}/submissions`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.keys.agency}`, "content-type": "application/json", "idempotency-key": `lock-between-${submissions}` },
    body: JSON.stringify({ agencyId: "so-tai-chinh", values }),
  });
}

describe("a lock set on one instance", () => {
  it("is in force on the other instance by the time it answers, though that one had just read the period open", async () => {
    const view = periodAssignmentsSchema.parse(await (await stack.call(`${BASE}/assignments`, { key: stack.keys.agency })).json());
    const values = [{ assignmentId: view.assignments[0]!.assignmentId, actual: null, reportedText: "Đã hoàn thành" }];
    // The agency's instance reads the locks now (open) and may rely on that read for LOCK_CACHE_MS.
    expect((await submitOnAgencyInstance(values)).status).toBe(201);

    const locked = await stack.call(`${BASE}/lock`, {
      key: stack.keys.province,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "Đã chốt số liệu quý III" }),
    });
    expect(locked.status).toBe(200);

    const after = await submitOnAgencyInstance(values);
    expect(after.status).toBe(423);
    expect(await after.json()).toMatchObject({ code: "period_locked" });
    const versions = await (await stack.call(`${BASE}/agencies/so-tai-chinh/versions`, { key: stack.keys.province })).json();
    expect(versions.versions).toHaveLength(1);
  });
});
