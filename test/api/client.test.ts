import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { CLIENT_MESSAGES, KpiApiClient, KpiApiError } from "../../shared/api/client";
import { meSchema, submissionReceiptSchema } from "../../shared/api/contract";
import { partitionOf, versionRowKey } from "../../functions/storage/submissionKeys";
import { tableClient } from "../../functions/storage/tableClient";
import { storageNames } from "../../functions/storage/tableNames";
import { startStack, type TestStack } from "../support/stack";

/** The one client of the KPI server (pane, KPI.TARGET, `kpi --server`): what it makes of answers and of silence. */

const D = "phu-tho-1521-qd-ubnd";

/** A plain HTTP server on 127.0.0.1 answering with `answer`: only to produce answers the real server never gives. */
async function serve(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

async function failureOf(promise: Promise<unknown>): Promise<KpiApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(KpiApiError);
  return error as KpiApiError;
}

const anything = z.object({ ok: z.literal(true) });

describe("the client's reading of answers outside the real server", () => {
  it("maps a contract error body to code, message, status and details", async () => {
    const { url, server } = await serve((_, response) => {
      response.writeHead(409, { "content-type": "application/json" });
      response.end(JSON.stringify({ code: "idempotency_key_reused", message: "Khóa chống nộp trùng đã dùng cho nội dung khác.", details: { key: "k-1" } }));
    });
    try {
      const error = await failureOf(new KpiApiClient({ baseUrl: url, key: "k" }).request("GET", "me", anything));
      expect({ ...error, message: error.message }).toMatchObject({
        status: 409,
        code: "idempotency_key_reused",
        message: "Khóa chống nộp trùng đã dùng cho nội dung khác.",
        details: { key: "k-1" },
      });
      expect(error.retryable).toBe(false);
    } finally {
      await stop(server);
    }
  });

  it("gives an error page without the contract's body a Vietnamese message by status, and a non-JSON or foreign answer 'bad_response'", async () => {
    const { url, server } = await serve((request, response) => {
      if (request.url === "/api/proxy-error") {
        response.writeHead(502, { "content-type": "text/html" });
        response.end("<html><body>Bad gateway</body></html>");
      } else if (request.url === "/api/html") {
        response.writeHead(200, { "content-type": "text/html" });
        response.end("<html>đăng nhập Wi-Fi</html>");
      } else {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ ok: "yes" }));
      }
    });
    try {
      const client = new KpiApiClient({ baseUrl: `${url}/`, key: "k" });
      const proxy = await failureOf(client.request("GET", "proxy-error", anything));
      expect(proxy).toMatchObject({ code: "server_error", status: 502, message: CLIENT_MESSAGES.serverError(502) });
      expect(proxy.retryable).toBe(true);
      expect(await failureOf(client.request("GET", "html", anything))).toMatchObject({ code: "bad_response", message: CLIENT_MESSAGES.notJson });
      expect(await failureOf(client.request("GET", "other", anything))).toMatchObject({ code: "bad_response", message: CLIENT_MESSAGES.unexpected });
    } finally {
      await stop(server);
    }
  });

  it("gives up on a server that never answers with 'timeout', even where AbortSignal.timeout does not exist (older webviews)", async () => {
    const { url, server } = await serve(() => {});
    const original = AbortSignal.timeout;
    // As in the Excel for Mac webviews without it: the client must time the request by itself.
    (AbortSignal as { timeout?: unknown }).timeout = undefined;
    try {
      const error = await failureOf(new KpiApiClient({ baseUrl: url, key: "k", timeoutMs: 200 }).request("GET", "me", anything));
      expect(error).toMatchObject({ code: "timeout", status: undefined, message: CLIENT_MESSAGES.timeout });
      expect(error.message).toContain("vẫn được giữ nguyên");
      expect(error.retryable).toBe(true);
    } finally {
      AbortSignal.timeout = original;
      await stop(server);
    }
  });

  it("says 'offline' when nothing listens at the address", async () => {
    const { url, server } = await serve(() => {});
    await stop(server);
    const error = await failureOf(new KpiApiClient({ baseUrl: url, key: "k" }).request("GET", "me", anything));
    expect(error).toMatchObject({ code: "offline", status: undefined, message: CLIENT_MESSAGES.offline });
    expect(error.retryable).toBe(true);
  });
});

describe("the client against the real functions", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);
  afterAll(() => stack?.close());

  it("sends the bearer key and checks the answer against the contract", async () => {
    const me = await new KpiApiClient({ baseUrl: stack.host.url, key: stack.keys.agency }).request("GET", "/me", meSchema);
    expect(me).toMatchObject({ role: "agency", province: "phu-tho", agency: { id: "so-tai-chinh" } });
  });

  it("turns the server's refusals into the same error type, with the contract's code and status", async () => {
    const revoked = new KpiApiClient({ baseUrl: stack.host.url, key: "kpi_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(await failureOf(revoked.request("GET", "me", meSchema))).toMatchObject({ status: 401, code: "unauthorized" });
    // Refused by a service (a domain error), given its status by the HTTP layer.
    const otherAgency = new KpiApiClient({ baseUrl: stack.host.url, key: stack.keys.otherAgency });
    const forbidden = await failureOf(otherAgency.request("GET", `decisions/${D}/periods/2025-Q4/agencies/so-tai-chinh/versions`, anything));
    expect(forbidden).toMatchObject({ status: 403, code: "forbidden", details: { agencyId: "so-tai-chinh" } });
    expect(forbidden.message).toMatch(/chỉ dùng cho cơ quan của bạn/);
    const missing = await failureOf(otherAgency.request("GET", `decisions/khong-co/periods/2025-Q4/assignments`, anything));
    expect(missing).toMatchObject({ status: 404, code: "not_found" });
  });

  it("sends a busy submission again with the same Idempotency-Key, and it is stored once", async () => {
    // Versions 1–40 of the period taken by another writer: the server answers "busy" until they are gone.
    const table = tableClient(stack.services.settings.connection, storageNames(stack.prefix).submissionsTable);
    const partitionKey = partitionOf(D, "2025-Q3");
    for (let version = 1; version <= 40; version += 1) {
      await table.createEntity({ partitionKey, rowKey: versionRowKey("so-tai-chinh", version), foreign: true });
    }
    const sent: Array<{ key: string | null; status: number }> = [];
    // Passes every request through to the real server; after the first "busy" the other writer's rows go away.
    const spy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      sent.push({ key: new Headers(init?.headers).get("idempotency-key"), status: response.status });
      if (response.status === 503) {
        for (let version = 1; version <= 40; version += 1) await table.deleteEntity(partitionKey, versionRowKey("so-tai-chinh", version));
      }
      return response;
    };
    const client = new KpiApiClient({ baseUrl: stack.host.url, key: stack.keys.agency, fetch: spy });
    const receipt = await client.request("POST", `decisions/${D}/periods/2025-Q3/submissions`, submissionReceiptSchema, {
      json: { agencyId: "so-tai-chinh", values: [{ assignmentId: `${D}.so-tai-chinh.1`, actual: 0.9 }] },
      idempotencyKey: "client-busy-0001",
    });
    expect(sent).toEqual([
      { key: "client-busy-0001", status: 503 },
      { key: "client-busy-0001", status: 201 },
    ]);
    expect(receipt).toMatchObject({ version: 1, replayed: false });
    const versions = await stack.call(`/decisions/${D}/periods/2025-Q3/agencies/so-tai-chinh/versions`, { key: stack.keys.agency });
    expect((await versions.json()).versions).toHaveLength(1);
  }, 120_000);
});
