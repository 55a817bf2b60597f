import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionViewSchema } from "../../shared/api/review";
import { periodAssignmentsSchema } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema } from "../../shared/report/receipt";
import { ROUTES } from "../../functions/http/routes";
import { startLocalHost, type LocalHost } from "../../functions/local/localHost";
import { createServices } from "../../functions/services/services";
import { startStack, type TestStack } from "../support/stack";

/**
 * Two instances of the Function App on one storage, as Azure scales out: the agency submits through one, the province
 * judges through the other. The submitting instance builds a resubmission on the version it wrote itself without
 * reading the reviews; the province's verdict recorded meanwhile on the other instance must still reach it. And an
 * instance that has seen nothing of the agency first stores a submission as its first version without a read: when
 * versions exist, that must end in the next version, built on the newest one, or in the first receipt of a retry.
 */

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q4";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;
const REASON = "Đã đối chiếu biên bản kiểm tra ngày 05/12/2025.";

let stack: TestStack;
let provinceInstance: LocalHost;
let clock = Date.parse("2025-12-10T02:00:00.000Z");

beforeAll(async () => {
  stack = await startStack({ now: () => new Date((clock += 1000)) });
  const services = await createServices(stack.services.settings, { now: () => new Date((clock += 1000)) });
  provinceInstance = await startLocalHost({ routes: ROUTES, services: async () => services, port: 0 });
});
afterAll(async () => {
  await provinceInstance?.close();
  await stack?.close();
});

function onProvinceInstance(method: string, path: string, body: unknown) {
  return fetch(`${provinceInstance.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.keys.province}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** An instance started now, as after a scale-out or a restart: it has seen no submission of any agency. */
async function withFreshInstance<T>(use: (instance: LocalHost) => Promise<T>): Promise<T> {
  const services = await createServices(stack.services.settings, { now: () => new Date((clock += 1000)) });
  const instance = await startLocalHost({ routes: ROUTES, services: async () => services, port: 0 });
  try {
    return await use(instance);
  } finally {
    await instance.close();
  }
}

function submitOn(instance: LocalHost, agencyId: string, values: unknown[], idempotencyKey: string) {
  return fetch(`${instance.url}/api${BASE}/submissions`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.keys.province}`, "content-type": "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify({ agencyId, values }),
  });
}

describe("a verdict recorded on another instance between two submissions", () => {
  it("is kept on the unchanged value of the resubmission, which the agency's instance builds without reading reviews", async () => {
    const view = periodAssignmentsSchema.parse(await (await stack.call(`${BASE}/assignments`, { key: stack.keys.agency })).json());
    const judged = view.assignments.find((assignment) => assignment.targetText === "Tối thiểu 80%")!.assignmentId;
    const values = [{ assignmentId: judged, actual: null, reportedText: "Đạt" }];
    const submit = async (idempotencyKey: string) => {
      const response = await stack.call(`${BASE}/submissions`, {
        key: stack.keys.agency,
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
        body: JSON.stringify({ agencyId: "so-tai-chinh", values }),
      });
      expect(response.status).toBe(201);
      return submissionReceiptSchema.parse(await response.json());
    };

    const first = await submit("between-instances-1");
    // Once more on the agency's instance, so that the next one is built on a version this instance wrote.
    const second = await submit("between-instances-2");
    expect(second.version).toBe(first.version + 1);

    const verdict = await onProvinceInstance("PUT", `${BASE}/agencies/so-tai-chinh/versions/${second.version}/verdicts`, {
      verdicts: [{ assignmentId: judged, verdict: "met", reason: REASON }],
    });
    expect(verdict.status).toBe(200);

    const third = await submit("between-instances-3");
    const stored = versionViewSchema.parse(
      await (await stack.call(`${BASE}/agencies/so-tai-chinh/versions/${third.version}`, { key: stack.keys.province })).json(),
    );
    const value = stored.values.find((entry) => entry.assignmentId === judged)!;
    expect(value.person).toMatchObject({ verdict: "met", reason: REASON, carriedFrom: second.version });
    expect(value.final).toMatchObject({ verdict: "met", decidedBy: "person" });
  });
});

describe("an instance that has seen nothing of the agency", () => {
  it("stores the next version after the ones another instance wrote, with the province's verdict on the unchanged value", async () => {
    const view = periodAssignmentsSchema.parse(
      await (await stack.call(`${BASE}/assignments?agency=so-noi-vu`, { key: stack.keys.province })).json(),
    );
    const [judged, changed] = view.assignments.map((assignment) => assignment.assignmentId);
    expect(changed).toBeDefined();
    const values = [
      { assignmentId: judged!, actual: null, reportedText: "Đã hoàn thành" },
      { assignmentId: changed!, actual: null, reportedText: "Đang thực hiện" },
    ];
    const first = submissionReceiptSchema.parse(await (await submitOn(provinceInstance, "so-noi-vu", values, "fresh-instance-1")).json());
    const verdict = await onProvinceInstance("PUT", `${BASE}/agencies/so-noi-vu/versions/${first.version}/verdicts`, {
      verdicts: [{ assignmentId: judged, verdict: "met", reason: REASON }],
    });
    expect(verdict.status).toBe(200);

    const next = await withFreshInstance(async (instance) => {
      const response = await submitOn(instance, "so-noi-vu", [values[0], { ...values[1], reportedText: "Đã hoàn thành" }], "fresh-instance-2");
      expect(response.status).toBe(201);
      return submissionReceiptSchema.parse(await response.json());
    });
    expect(next.version).toBe(first.version + 1);
    const stored = versionViewSchema.parse(
      await (await stack.call(`${BASE}/agencies/so-noi-vu/versions/${next.version}`, { key: stack.keys.province })).json(),
    );
    expect(stored.values.find((entry) => entry.assignmentId === judged)!.person).toMatchObject({ verdict: "met", carriedFrom: first.version });
    expect(stored.values.find((entry) => entry.assignmentId === changed)!.person).toBeUndefined();
    const versions = await (await stack.call(`${BASE}/agencies/so-noi-vu/versions`, { key: stack.keys.province })).json();
    expect(versions.versions.map((entry: { version: number }) => entry.version)).toEqual([next.version, first.version]);
  });

  it("answers a retry of a stored submission with its first receipt and stores nothing new", async () => {
    const view = periodAssignmentsSchema.parse(
      await (await stack.call(`${BASE}/assignments?agency=so-y-te`, { key: stack.keys.province })).json(),
    );
    const values = [{ assignmentId: view.assignments[0]!.assignmentId, actual: null, reportedText: "Đã hoàn thành" }];
    const firstResponse = await submitOn(provinceInstance, "so-y-te", values, "fresh-instance-retry");
    expect(firstResponse.status).toBe(201);
    const first = submissionReceiptSchema.parse(await firstResponse.json());

    const retried = await withFreshInstance(async (instance) => {
      const response = await submitOn(instance, "so-y-te", values, "fresh-instance-retry");
      expect(response.status).toBe(200);
      return submissionReceiptSchema.parse(await response.json());
    });
    expect(retried).toMatchObject({ id: first.id, version: first.version, submittedAt: first.submittedAt, replayed: true });
    const versions = await (await stack.call(`${BASE}/agencies/so-y-te/versions`, { key: stack.keys.province })).json();
    expect(versions.versions).toHaveLength(1);
  });
});
