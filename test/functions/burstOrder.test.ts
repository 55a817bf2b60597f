import diagnostics from "node:diagnostics_channel";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HttpRequest, InvocationContext } from "../../functions/http/azureRuntime";
import { toAzureHandler } from "../../functions/http/handle";
import { ROUTES } from "../../functions/http/routes";
import { periodAssignmentsSchema } from "../../shared/report/periodAssignments";
import { startStack, type TestStack } from "../support/stack";

/**
 * Submissions handed to the functions together, as a burst arrives in one turn of the event loop, are served one
 * after another up to their first wait on storage: the first reaches storage while the others have not started, so
 * storage works on it while they are being checked and judged, instead of waiting for all of them.
 */

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q3";
const BURST = 5;

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe("a burst of submissions", () => {
  it("is served one submission after another: the first reaches storage before the second is authenticated", async () => {
    const view = periodAssignmentsSchema.parse(
      await (await stack.call(`/decisions/${DECISION}/periods/${PERIOD}/assignments`, { key: stack.keys.agency })).json(),
    );
    const body = JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: view.assignments[0]!.assignmentId, actual: null, reportedText: "Đã hoàn thành" }] });
    const handler = toAzureHandler(ROUTES.find((route) => route.name === "submit")!, async () => stack.services);
    const requests = Array.from(
      { length: BURST },
      (_, i) =>
        new HttpRequest({
          method: "POST",
          url: `http://127.0.0.1/api/decisions/${DECISION}/periods/${PERIOD}/submissions`,
          headers: { authorization: `Bearer ${stack.keys.agency}`, "content-type": "application/json", "idempotency-key": `burst-${randomUUID()}-${i}` },
          params: { decisionId: DECISION, period: PERIOD },
          body: { string: body },
        }),
    );

    const steps: string[] = [];
    const verify = stack.services.verifier.verify.bind(stack.services.verifier);
    const authenticated = vi.spyOn(stack.services.verifier, "verify").mockImplementation((token) => {
      steps.push("authenticate");
      return verify(token);
    });
    const toStorage = () => steps.push("storage");
    diagnostics.subscribe("http.client.request.start", toStorage);
    try {
      const answers = await Promise.all(requests.map((request) => handler(request, new InvocationContext({ functionName: "submit", invocationId: randomUUID() }))));
      expect(answers.map((answer) => answer.status)).toEqual(Array(BURST).fill(201));
    } finally {
      diagnostics.unsubscribe("http.client.request.start", toStorage);
      authenticated.mockRestore();
    }
    expect(steps.filter((step) => step === "authenticate")).toHaveLength(BURST);
    expect(steps.indexOf("storage")).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf("storage")).toBeLessThan(steps.indexOf("authenticate", 1));
  });
});
