import type { HttpResponseInit } from "@azure/functions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpResponse } from "../../functions/http/azureRuntime";
import type { RouteDefinition } from "../../functions/http/route";
import { startLocalHost, type LocalHost } from "../../functions/local/localHost";
import { startStack, type TestStack } from "../support/stack";

/**
 * The local host writes small answers together with their headers and large ones as they are: either way the bytes
 * that arrive must be the ones Azure's HttpResponse would send, Vietnamese text included, with a matching length.
 */

const MESSAGE = "Đã nhận báo cáo của Sở Tài chính: 18/20 chỉ tiêu đạt, tỷ lệ 52,9% ≥ 50% — “Hoàn thành năm 2025” 📄";
const ANSWERS: Record<string, HttpResponseInit> = {
  json: { status: 201, jsonBody: { code: "ok", message: MESSAGE } },
  text: { status: 200, body: MESSAGE },
  bytes: { status: 200, body: new TextEncoder().encode(MESSAGE), headers: { "content-type": "application/octet-stream" } },
  // Above the size written in one go with the headers.
  large: { status: 200, jsonBody: { rows: Array.from({ length: 2_000 }, (_, index) => `${index}: ${MESSAGE}`) } },
};

const routes: RouteDefinition[] = Object.entries(ANSWERS).map(([name, answer]) => ({
  name,
  methods: ["GET"],
  route: `answers/${name}`,
  roles: "public",
  handler: async () => answer,
}));

let stack: TestStack;
let host: LocalHost;

beforeAll(async () => {
  stack = await startStack();
  host = await startLocalHost({ routes, services: async () => stack.services, port: 0 });
});
afterAll(async () => {
  await host?.close();
  await stack?.close();
});

describe("answers written by the local host", () => {
  it.each(Object.keys(ANSWERS))("%s: the bytes, type and length Azure's HttpResponse gives", async (name) => {
    const expected = new HttpResponse(ANSWERS[name]!);
    const expectedBytes = new Uint8Array(await expected.arrayBuffer());
    const response = await fetch(`${host.url}/api/answers/${name}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.status).toBe(expected.status);
    expect(response.headers.get("content-type")).toBe(expected.headers.get("content-type"));
    expect(Number(response.headers.get("content-length"))).toBe(expectedBytes.byteLength);
    expect(Buffer.from(bytes).equals(Buffer.from(expectedBytes))).toBe(true);
  });

  it("the large answer is larger than what goes out with the headers", async () => {
    const bytes = await (await fetch(`${host.url}/api/answers/large`)).arrayBuffer();
    expect(bytes.byteLength).toBeGreaterThan(64 * 1024);
  });
});
