import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KpiClient } from "../../addin/api/kpiClient";
import { KpiApiError } from "../../shared/api/client";
import { partitionOf, versionRowKey } from "../../functions/storage/submissionKeys";
import { tableClient } from "../../functions/storage/tableClient";
import { storageNames } from "../../functions/storage/tableNames";
import { BUSY_ATTEMPTS } from "../../shared/net/retryWhenBusy";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";

/** The task pane's client meeting a server that cannot allocate a version: it tries again, the same way, a few times. */

const D = "phu-tho-1521-qd-ubnd";
let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(() => stack?.close());

describe("the pane's submit when the server is busy", () => {
  it("is sent again with the same idempotency key a bounded number of times, then reports busy; nothing is stored", async () => {
    // Versions 1–40 of the period taken by another writer: every attempt of the server meets a taken number.
    const table = tableClient(stack.services.settings.connection, storageNames(stack.prefix).submissionsTable);
    for (let version = 1; version <= 40; version += 1) {
      await table.createEntity({ partitionKey: partitionOf(D, "2025-Q2"), rowKey: versionRowKey("so-tai-chinh", version), foreign: true });
    }
    const sent: Array<{ key: string | null; status: number }> = [];
    // A spy that passes every request through to the real server and notes what went and what came back.
    const spy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      sent.push({ key: new Headers(init?.headers).get("idempotency-key"), status: response.status });
      return response;
    };
    const client = new KpiClient({ serverUrl: stack.host.url, key: stack.keys.agency }, { fetch: spy });
    const before = await storageSnapshot(stack);
    const failure = await client
      .submit(D, "2025-Q2", { agencyId: "so-tai-chinh", values: [{ assignmentId: `${D}.so-tai-chinh.1`, actual: 0.9 }] }, "pane-busy-0001")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KpiApiError);
    expect((failure as KpiApiError).code).toBe("busy");
    expect((failure as KpiApiError).message).toMatch(/gửi lại sau/);
    expect(sent).toEqual(Array.from({ length: BUSY_ATTEMPTS }, () => ({ key: "pane-busy-0001", status: 503 })));
    expect(await storageSnapshot(stack)).toEqual(before);
  }, 120_000);
});
