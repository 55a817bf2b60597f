import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** The demo catalogue already holds 1521/QĐ-UBND: the dry run imports it as another number of the same province. */
function dryRun(body: Buffer, name: string) {
  return stack.call(`/catalogue/import?dryRun=true&number=${encodeURIComponent("9521/QĐ-UBND")}&name=${encodeURIComponent(name)}`, { key: stack.keys.province, method: "POST", body: new Uint8Array(body) });
}

describe("POST /catalogue/import with Word and PDF files", () => {
  it.each([
    ["docx", "Tệp Word"],
    ["pdf", "Tệp PDF"],
  ])("a dry run of the Phú Thọ decision as .%s names the layout and reports what its text gives", async (extension, kindName) => {
    const text = await (await dryRun(await readFile("test/fixtures/seeds/000_631dd23ab7c0a6ab.txt"), "qd-1521.txt")).json();
    const before = await storageSnapshot(stack);
    const response = await dryRun(await readFile(`test/fixtures/documents/000_631dd23ab7c0a6ab.${extension}`), `qd-1521.${extension}`);
    const body = await response.json();
    expect({ status: response.status, message: body.message }).toEqual({ status: 200, message: undefined });
    expect(body.kind).toBe(extension);
    expect(body.layout).toMatch(new RegExp(`^${kindName}; bố cục: quyết định giao chỉ tiêu theo cơ quan`));
    expect(body.decision).toMatchObject({ number: "9521/QĐ-UBND", province: "phu-tho", year: 2025 });
    const { decisionId, sections, rows, newIndicators, matchedIndicators } = body.report;
    expect({ decisionId, sections, rows, newIndicators, matchedIndicators }).toEqual({
      decisionId: text.report.decisionId,
      sections: text.report.sections,
      rows: text.report.rows,
      newIndicators: text.report.newIndicators,
      matchedIndicators: text.report.matchedIndicators,
    });
    expect(rows).toBe(130);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("refuses a scanned PDF with the OCR message and its code, storing nothing", async () => {
    const before = await storageSnapshot(stack);
    const response = await dryRun(await readFile("test/fixtures/documents/scanned.pdf"), "scan.pdf");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ code: "validation_failed", details: { sourceCode: "pdf_needs_ocr" } });
    expect(body.message).toMatch(/nhận dạng chữ \(OCR\)/);
    expect(await storageSnapshot(stack)).toEqual(before);
  });
});
