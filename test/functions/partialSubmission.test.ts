import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema, type SubmissionReceipt } from "../../shared/report/receipt";
import { startStack, type TestStack } from "../support/stack";
import { agencyRows } from "../support/storageSnapshot";

/**
 * A partial report is said, never silent: the receipt lists what has no value, and only on request does a new
 * version keep the previous version's values for what was not sent.
 */

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q3";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;

let stack: TestStack;
let view: PeriodAssignments;
let counter = 0;

beforeAll(async () => {
  stack = await startStack();
  view = periodAssignmentsSchema.parse(await (await stack.call(`${BASE}/assignments`, { key: stack.keys.agency })).json());
});
afterAll(() => stack?.close());

async function submit(body: Record<string, unknown>): Promise<{ status: number; receipt?: SubmissionReceipt; error?: { code: string } }> {
  counter += 1;
  const response = await stack.call(`${BASE}/submissions`, {
    key: stack.keys.agency,
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `partial-${counter}-0000` },
    body: JSON.stringify({ agencyId: "so-tai-chinh", ...body }),
  });
  const answer = await response.json();
  return response.ok ? { status: response.status, receipt: submissionReceiptSchema.parse(answer) } : { status: response.status, error: answer };
}

describe("partial submissions", () => {
  it("lists the assignments a version has no value for", async () => {
    const [first, second] = view.assignments;
    const { receipt } = await submit({ values: [{ assignmentId: first!.assignmentId, actual: 0.8 }, { assignmentId: second!.assignmentId, actual: 12 }] });
    expect(receipt!.verdicts.map((verdict) => verdict.assignmentId)).toEqual([first!.assignmentId, second!.assignmentId]);
    expect(receipt!.missing.map((row) => row.assignmentId)).toEqual(view.assignments.slice(2).map((row) => row.assignmentId));
    expect(receipt!.missing[0]).toMatchObject({ indicatorCode: view.assignments[2]!.indicatorCode, text: view.assignments[2]!.text });
  });

  it("without carryForward, a one-value correction is exactly one value: the rest is missing, not silently kept", async () => {
    const [first] = view.assignments;
    const { receipt } = await submit({ values: [{ assignmentId: first!.assignmentId, actual: 0.9 }] });
    expect(receipt!.verdicts).toHaveLength(1);
    expect(receipt!.missing).toHaveLength(view.assignments.length - 1);
  });

  it("with carryForward, keeps the previous version's values for what was not sent, marked with their version", async () => {
    const [first, second, third] = view.assignments;
    const base = await submit({ values: [{ assignmentId: first!.assignmentId, actual: 0.7 }, { assignmentId: second!.assignmentId, actual: 15 }] });
    const { receipt } = await submit({ carryForward: true, values: [{ assignmentId: third!.assignmentId, actual: true }] });
    const byId = new Map(receipt!.verdicts.map((verdict) => [verdict.assignmentId, verdict]));
    expect(byId.get(third!.assignmentId)?.carriedForwardFrom).toBeUndefined();
    expect(byId.get(first!.assignmentId)?.carriedForwardFrom).toBe(base.receipt!.version);
    expect(byId.get(second!.assignmentId)?.carriedForwardFrom).toBe(base.receipt!.version);
    expect(receipt!.missing).toHaveLength(view.assignments.length - 3);

    // The stored version holds the carried values as its own, so the aggregate reads a complete report.
    const version = await (await stack.call(`${BASE}/agencies/so-tai-chinh/versions/${receipt!.version}`, { key: stack.keys.agency })).json();
    const carried = version.values.find((value: { assignmentId: string }) => value.assignmentId === first!.assignmentId);
    expect(carried).toMatchObject({ actual: 0.7, carriedForwardFrom: base.receipt!.version });
  });

  it("carries a carried value forward with the version it first came from", async () => {
    const [first, , third, fourth] = view.assignments;
    const before = await submit({ values: [{ assignmentId: first!.assignmentId, actual: 0.66 }] });
    await submit({ carryForward: true, values: [{ assignmentId: third!.assignmentId, actual: true }] });
    const { receipt } = await submit({ carryForward: true, values: [{ assignmentId: fourth!.assignmentId, actual: true }] });
    const carried = receipt!.verdicts.find((verdict) => verdict.assignmentId === first!.assignmentId);
    expect(carried?.carriedForwardFrom).toBe(before.receipt!.version);
  });

  it("treats a retry with carryForward added as another request: the key is refused, nothing stored", async () => {
    const [first] = view.assignments;
    const body = { agencyId: "so-tai-chinh", values: [{ assignmentId: first!.assignmentId, actual: 0.5 }] };
    const send = (extra: Record<string, unknown>) =>
      stack.call(`${BASE}/submissions`, {
        key: stack.keys.agency,
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "partial-same-key-01" },
        body: JSON.stringify({ ...body, ...extra }),
      });
    expect((await send({})).status).toBe(201);
    const rows = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const again = await send({ carryForward: true });
    expect(again.status).toBe(409);
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toEqual(rows);
  });

  it("refuses a carryForward that is not true or false, in Vietnamese", async () => {
    const { status, error } = await submit({ carryForward: "có", values: [] });
    expect(status).toBe(400);
    expect(JSON.stringify(error)).toContain("carryForward phải là true hoặc false.");
  });
});
