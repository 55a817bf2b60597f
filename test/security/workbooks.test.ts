import { request } from "node:http";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";
import { zipBomb } from "../support/zipFixtures";
import {
  EXTERNAL_LINK_PARTS,
  expectOurError,
  MACRO_PARTS,
  OLE_PARTS,
  sparseWorkbook,
  withParts,
  workbookWithoutSheets,
  workbookWithSheet,
} from "./hostileFiles";

/**
 * Probes of the workbook routes — report ingest, workbook upload, agency register, catalogue import — against the
 * real local host on Azurite: what a tester sent that once stalled, crashed or was stored.
 */

const D = "phu-tho-1521-qd-ubnd";
const P = `/decisions/${D}/periods/2025-Q4`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let stack: TestStack;
let form: Uint8Array<ArrayBuffer>;

/** The agency's own downloaded form with one value filled in: accepted as it is. */
async function filledForm(extraRows = 0): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await (await stack.call(`${P}/assignments.xlsx`, { key: stack.keys.agency })).arrayBuffer()) as ArrayBuffer);
  const sheet = workbook.getWorksheet("Báo cáo")!;
  sheet.getRow(6).getCell(7).value = 0.9;
  if (extraRows > 0) {
    const extra = workbook.addWorksheet("Số liệu chi tiết");
    for (let row = 1; row <= extraRows; row += 1) extra.addRow([row, `Hồ sơ số ${row}`, row % 7, "đã xử lý"]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  stack = await startStack();
  form = await filledForm();
}, 120_000);
afterAll(() => stack?.close());

const ingest = (body: Uint8Array<ArrayBuffer>) =>
  stack.call(`${P}/agencies/so-tai-chinh/workbook-ingest`, { key: stack.keys.agency, method: "POST", headers: { "content-type": XLSX }, body });

describe("a large but honest workbook", () => {
  it("with a 16,000-row extra sheet is ingested, and /health answers while it is read", async () => {
    const bytes = await filledForm(16_000);
    const events: string[] = [];
    const started = Date.now();
    let ingestMs = 0;
    const done = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${stack.api}${P}/agencies/so-tai-chinh/workbook-ingest`);
      const call = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { authorization: `Bearer ${stack.keys.agency}`, "content-type": XLSX, "content-length": bytes.byteLength } },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => {
            ingestMs = Date.now() - started;
            events.push("ingest");
            resolve({ status: response.statusCode ?? 0, body });
          });
        },
      );
      call.on("error", reject);
      // Health is asked only once the whole upload has left: the server is then reading the workbook.
      call.on("finish", () => void askHealth());
      call.end(Buffer.from(bytes));
    });
    let finished = false;
    async function askHealth(): Promise<void> {
      while (!finished) {
        const health = await fetch(`${stack.api}/health`);
        await health.arrayBuffer();
        if (!finished) events.push(`health ${health.status}`);
      }
    }
    const answer = await done;
    finished = true;
    console.info(`16.000 dòng thêm (${Math.round(bytes.byteLength / 1024)} KB): ${answer.status} sau ${ingestMs} ms; /health trả lời ${events.filter((e) => e.startsWith("health")).length} lần trong lúc đó`);
    expect(answer.status).toBe(201);
    expect(events.indexOf("health 200")).toBeGreaterThanOrEqual(0);
    expect(events.indexOf("health 200")).toBeLessThan(events.indexOf("ingest"));
  }, 120_000);
});

describe("a sparse workbook whose cells are A1 and XFD1048576", () => {
  it.each([
    ["with its <dimension>", sparseWorkbook()],
    ["without a <dimension>", sparseWorkbook({ dimension: false })],
  ])("is refused %s, before any grid is built, and nothing is stored", async (_name, bytes) => {
    expect(bytes.byteLength).toBeLessThan(10 * 1024);
    const before = await storageSnapshot(stack);
    const started = Date.now();
    const response = await ingest(bytes);
    const body = await response.json();
    console.info(`Tệp thưa A1/XFD1048576 (${bytes.byteLength} byte): ${response.status} ${body.code} sau ${Date.now() - started} ms`);
    expect(response.status).toBe(422);
    expectOurError(body, "sheet_too_large");
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("is refused the same way by the catalogue import and the agency register", async () => {
    for (const path of ["/catalogue/import?format=xlsx", "/agencies"]) {
      const response = await stack.call(path, { key: stack.keys.province, method: "POST", headers: { "content-type": XLSX }, body: sparseWorkbook() });
      expect(response.status).toBe(422);
      expectOurError(await response.json(), "sheet_too_large");
    }
  });
});

describe("a sheet made to make a reader backtrack", () => {
  it("400.000 cells that never close are read in one pass and refused in our words", async () => {
    // Each cell different, so the file compresses like a real sheet and is no bomb: only the reader can be slow here.
    const cells = Array.from({ length: 400_000 }, (_, index) => `<c r="A${index + 1}" t="inlineStr"><is><t>${(index * 7919).toString(36)}`);
    const bytes = workbookWithSheet(`<sheetData><row r="1">${cells.join("")}</row></sheetData>`);
    const before = await storageSnapshot(stack);
    const started = Date.now();
    const response = await ingest(bytes);
    const body = await response.json();
    console.info(`Trang tính 400.000 ô không đóng (${Math.round(bytes.byteLength / 1024)} KB nén): ${response.status} ${body.code} sau ${Date.now() - started} ms`);
    expect(response.status).toBe(422);
    expectOurError(body, "workbook_invalid");
    expect(await storageSnapshot(stack)).toEqual(before);
  });
});

describe("a zip bomb", () => {
  it("sent to the catalogue import is refused before it is inflated", async () => {
    const bomb = zipBomb(1200);
    const before = await storageSnapshot(stack);
    const started = Date.now();
    const response = await stack.call("/catalogue/import?format=xlsx", { key: stack.keys.province, method: "POST", headers: { "content-type": XLSX }, body: bomb });
    const body = await response.json();
    console.info(`Bom nén ${Math.round(bomb.byteLength / 1024)} KB → 1,2 GB tới nhập văn bản: ${response.status} ${body.code} sau ${Date.now() - started} ms`);
    expect(response.status).toBe(422);
    expectOurError(body, "zip_bomb");
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("sent to the agency register is refused too", async () => {
    const response = await stack.call("/agencies", { key: stack.keys.province, method: "POST", headers: { "content-type": XLSX }, body: zipBomb(200) });
    expect(response.status).toBe(422);
    expectOurError(await response.json(), "zip_bomb");
  });
});

describe("parts a report never needs", () => {
  const cases: Array<[string, () => Uint8Array<ArrayBuffer>, string]> = [
    ["macros (vbaProject.bin, macro content type)", () => withParts(form, MACRO_PARTS.add, MACRO_PARTS.types), "macro_enabled"],
    ["an external link to \\\\host\\share", () => withParts(form, EXTERNAL_LINK_PARTS.add, EXTERNAL_LINK_PARTS.types), "external_links"],
    ["an embedded OLE object", () => withParts(form, OLE_PARTS.add, OLE_PARTS.types), "embedded_objects"],
    ["no worksheet at all, only <workbook/> and filler", workbookWithoutSheets, "no_worksheet"],
  ];

  it("the same form without them is accepted", async () => {
    const response = await ingest(form);
    expect(response.status).toBe(201);
  });

  it.each(cases)("%s: refused on ingest with its own code, nothing stored", async (_name, make, code) => {
    const before = await storageSnapshot(stack);
    const response = await ingest(make());
    expect(response.status).toBe(422);
    expectOurError(await response.json(), code);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it.each(cases)("%s: refused as the workbook of a stored version, nothing stored", async (_name, make, code) => {
    const submitted = await stack.call(`${P}/submissions`, {
      key: stack.keys.agency,
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `parts-${code}-0001` },
      body: JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: `${D}.so-tai-chinh.1`, actual: 0.9 }] }),
    });
    const { version } = await submitted.json();
    const before = await storageSnapshot(stack);
    const response = await stack.call(`${P}/agencies/so-tai-chinh/versions/${version}/workbook`, {
      key: stack.keys.agency,
      method: "PUT",
      headers: { "content-type": XLSX },
      body: make(),
    });
    expect(response.status).toBe(422);
    expectOurError(await response.json(), code);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("macros are refused by the catalogue import and the agency register as well", async () => {
    for (const path of ["/catalogue/import?format=xlsx", "/agencies"]) {
      const before = await storageSnapshot(stack);
      const response = await stack.call(path, { key: stack.keys.province, method: "POST", headers: { "content-type": XLSX }, body: withParts(form, MACRO_PARTS.add, MACRO_PARTS.types) });
      expect(response.status).toBe(422);
      expectOurError(await response.json(), "macro_enabled");
      expect(await storageSnapshot(stack)).toEqual(before);
    }
  });

  it("a file that is no zip at all gets our words, not the zip library's", async () => {
    const response = await stack.call("/catalogue/import?format=xlsx", { key: stack.keys.province, method: "POST", body: "PK không phải tệp nén" });
    expect(response.status).toBe(422);
    const body = await response.json();
    expectOurError(body, "not_xlsx");
    expect(body.message).not.toMatch(/zip|central directory/i);
  });
});
