import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";

/** The draft decision of the fixtures, issued in the test stack's province. */
const DRAFT = readFileSync(new URL("../fixtures/layouts/du-thao-chua-so.txt", import.meta.url), "utf8").replace(/LÀO CAI/g, "PHÚ THỌ").replace(/Lào Cai/g, "Phú Thọ");

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

describe("POST catalogue/import of a draft without its number and date", () => {
  it("answers which fields to give as query parameters, and stores nothing", async () => {
    const before = await storageSnapshot(stack);
    const response = await stack.call("/catalogue/import?name=du-thao.txt&dryRun=true", { key: stack.keys.province, method: "POST", body: DRAFT });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe("validation_failed");
    expect(body.message).toBe("Không nhập: Văn bản chưa có số văn bản, ngày ban hành. Hãy cho biết khi nhập: number=123/QĐ-UBND&date=2025-10-24. Danh mục không thay đổi.");
    expect(body.details.problems.filter((problem: { severity: string }) => problem.severity === "error").map((problem: { code: string; field: string }) => [problem.code, problem.field])).toEqual([
      ["missing_header_field", "number"],
      ["missing_header_field", "date"],
    ]);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("imports the draft once they are given", async () => {
    const query = new URLSearchParams({ name: "du-thao.txt", dryRun: "true", number: "15/QĐ-UBND", date: "2025-11-03" });
    const response = await stack.call(`/catalogue/import?${query}`, { key: stack.keys.province, method: "POST", body: DRAFT });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.decision).toMatchObject({ id: "phu-tho-15-qd-ubnd", number: "15/QĐ-UBND", date: "2025-11-03", year: 2025 });
  });
});
