import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";
import { buildZip, zipBomb } from "../support/zipFixtures";

const D = "phu-tho-1521-qd-ubnd";
const P = `/decisions/${D}/periods/2025-Q4`;
const OWN = `${D}.so-tai-chinh.1`;

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
  const response = await stack.call(`${P}/submissions`, {
    key: stack.keys.agency,
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": "baseline-0001" },
    body: JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: OWN, actual: 0.9 }] }),
  });
  expect(response.status).toBe(201);
});
afterAll(() => stack?.close());

interface BadRequest {
  name: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body: () => BodyInit;
  status: number;
  code: string;
}

const submit = (body: string, headers: Record<string, string> = {}): Omit<BadRequest, "name" | "status" | "code"> => ({
  path: `${P}/submissions`,
  method: "POST",
  headers: { "content-type": "application/json", "idempotency-key": `bad-${Math.random().toString(36).slice(2, 12)}`, ...headers },
  body: () => body,
});

/** A report whose agency name carries a byte no UTF-8 text has: a file saved in another code page. */
const NOT_UTF8 = Uint8Array.from([...new TextEncoder().encode('{"agencyId":"so-t'), 0xe0, 0xe1, ...new TextEncoder().encode('i-chinh","values":[]}')]);

const ingest = (bytes: Uint8Array<ArrayBuffer>): Omit<BadRequest, "name" | "status" | "code"> => ({
  path: `${P}/agencies/so-tai-chinh/workbook-ingest`,
  method: "POST",
  body: () => bytes,
});

const CASES: BadRequest[] = [
  { name: "malformed JSON", ...submit("{ values: [ "), status: 400, code: "invalid_json" },
  { name: "JSON that is not UTF-8", ...submit(""), body: () => NOT_UTF8, status: 400, code: "invalid_json" },
  { name: "wrong types", ...submit(JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: OWN, actual: { x: 1 } }] })), status: 400, code: "validation_failed" },
  { name: "values not a list", ...submit(JSON.stringify({ agencyId: "so-tai-chinh", values: "0.9" })), status: 400, code: "validation_failed" },
  { name: "unknown assignment", ...submit(JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: `${D}.so-y-te.1`, actual: 1 }] })), status: 400, code: "validation_failed" },
  { name: "the same row twice", ...submit(JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: OWN, actual: 1 }, { assignmentId: OWN, actual: 0.5 }] })), status: 400, code: "validation_failed" },
  { name: "numerator above denominator", ...submit(JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: `${D}.so-tai-chinh.2`, actual: 1.2, numerator: 12, denominator: 10 }] })), status: 400, code: "validation_failed" },
  { name: "someone else's agency", ...submit(JSON.stringify({ agencyId: "so-y-te", values: [{ assignmentId: `${D}.so-y-te.1`, actual: 1 }] })), status: 403, code: "forbidden" },
  { name: "no idempotency key", path: `${P}/submissions`, method: "POST", headers: { "content-type": "application/json" }, body: () => JSON.stringify({ agencyId: "so-tai-chinh", values: [] }), status: 400, code: "idempotency_key_required" },
  { name: "a period outside the decision's year", ...submit(JSON.stringify({ agencyId: "so-tai-chinh", values: [] })), path: `/decisions/${D}/periods/2024-Q4/submissions`, status: 400, code: "validation_failed" },
  { name: "a body over the JSON limit", ...submit(JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: OWN, actual: "x".repeat(3 * 1024 * 1024) }] })), status: 413, code: "payload_too_large" },
  { name: "a body over the host's limit", ...ingest(new Uint8Array(22 * 1024 * 1024)), status: 413, code: "payload_too_large" },
  { name: "non-xlsx bytes", ...ingest(new TextEncoder().encode("STT,Mã,Kết quả\n1,CDS-001,90%\n")), status: 422, code: "not_xlsx" },
  { name: "a zip that is no workbook", ...ingest(buildZip([{ name: "readme.txt", data: new TextEncoder().encode("xin chào") }])), status: 422, code: "not_xlsx" },
  { name: "a truncated workbook", ...ingest(zipBomb(1).slice(0, 400)), status: 422, code: "not_xlsx" },
  { name: "a zip bomb", ...ingest(zipBomb(200)), status: 422, code: "zip_bomb" },
  { name: "a zip bomb lying about its size", ...ingest(zipBomb(200, 1000)), status: 422, code: "zip_bomb" },
  { name: "a workbook upload for a version that does not exist", path: `${P}/agencies/so-tai-chinh/versions/99/workbook`, method: "PUT", body: () => zipBomb(1), status: 404, code: "not_found" },
  { name: "an unknown decision", ...submit("{}"), path: "/decisions/khong-co/periods/2025-Q4/submissions", status: 404, code: "not_found" },
  { name: "an import of cells that are not sheets", path: "/catalogue/import?format=sheets", method: "POST", headers: { "content-type": "application/json" }, body: () => JSON.stringify({ sheets: [{ name: 1, rows: "x" }] }), status: 400, code: "validation_failed" },
  { name: "an import of an unreadable file", path: "/catalogue/import?format=xlsx", method: "POST", body: () => "không phải xlsx", status: 422, code: "not_xlsx" },
];

describe("bad input gets a clear error and changes nothing stored", () => {
  it.each(CASES.map((item) => [item.name, item] as const))("%s", async (_name, item) => {
    const before = await storageSnapshot(stack);
    const key = item.path.startsWith("/catalogue") ? stack.keys.province : stack.keys.agency;
    const response = await stack.call(item.path, { key, method: item.method ?? "POST", headers: item.headers, body: item.body() });
    const body = await response.json();
    expect({ status: response.status, code: body.code }).toEqual({ status: item.status, code: item.code });
    expect(body.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i);
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules/);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("reads the next report as usual after one that was not UTF-8", async () => {
    const post = (body: BodyInit, key: string) =>
      stack.call(`${P}/submissions`, { key: stack.keys.agency, method: "POST", headers: { "content-type": "application/json", "idempotency-key": key }, body });
    expect((await post(NOT_UTF8, "not-utf8-0001")).status).toBe(400);
    const response = await post(JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: OWN, actual: 0.95 }] }), "after-not-utf8-0001");
    expect(response.status).toBe(201);
  });

  it("answers an unknown address and a wrong method in JSON", async () => {
    const missing = await stack.call("/khong-co", { key: stack.keys.agency });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "not_found" });
    const wrong = await stack.call("/health", { method: "DELETE" });
    expect(wrong.status).toBe(405);
  });
});
