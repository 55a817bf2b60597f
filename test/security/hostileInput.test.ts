import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConsolidatedReport } from "../../functions/report/consolidatedReport";
import { buildReportWorkbook } from "../../functions/workbook/reportForm";
import { aggregateSchema } from "../../shared/report/aggregate";
import { periodAssignmentsSchema } from "../../shared/report/periodAssignments";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";
import { partitionOf, versionRowKey } from "../../functions/storage/submissionKeys";
import { tableClient } from "../../functions/storage/tableClient";
import { storageNames } from "../../functions/storage/tableNames";
import { expectOurError } from "./hostileFiles";

/** Probes of the JSON routes: text no file can hold, bodies past the size limit, many submissions at once. */

const D = "phu-tho-1521-qd-ubnd";
const P = `/decisions/${D}/periods/2025-Q4`;
const OWN = `${D}.so-tai-chinh.1`;
/** Every character XML 1.0 refuses that a careless copy or a hostile client can send. */
const HOSTILE = "Ghi\u0000chú\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800 cuối";

let stack: TestStack;
let keyCounter = 0;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(() => stack?.close());

const submit = (values: unknown[], key = `hostile-${(keyCounter += 1).toString().padStart(6, "0")}`) =>
  stack.call(`${P}/submissions`, {
    key: stack.keys.agency,
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({ agencyId: "so-tai-chinh", values }),
  });

describe("text XML cannot carry", () => {
  it.each([
    ["a note with U+FFFF", { assignmentId: OWN, actual: 0.9, note: "Đã xong\uFFFF" }, "values[0].note", "Ghi chú"],
    ["a text result with a control character", { assignmentId: OWN, actual: "Đã ban hành\u0001" }, "values[0].actual", "Kết quả thực hiện"],
    ["evidence with a lone surrogate", { assignmentId: OWN, actual: 0.9, evidence: ["QD-123\uD800.pdf"] }, "values[0].evidence[0].summary", "Minh chứng"],
  ])("%s is refused with the field named, nothing stored", async (_name, value, path, label) => {
    const before = await storageSnapshot(stack);
    const response = await submit([value]);
    const body = await response.json();
    expect(response.status).toBe(400);
    expectOurError(body, "validation_failed");
    expect(body.message).toContain(label);
    expect(body.message).toContain(path);
    expect(body.details.problems[0].path).toBe(path);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("an agency name with a control character is refused by the register, naming the row", async () => {
    const response = await stack.call("/agencies", {
      key: stack.keys.province,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agencies: [{ name: "UBND xã Hạ Hòa" }, { name: "UBND xã\u0007 Lâm Thao" }] }),
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expectOurError(body, "validation_failed");
    expect(body.details.problems[0].path).toBe("agencies[1].name");
  });

  it("a decision imported from the pane's sheets with U+FFFF in a cell is refused naming the cell, the catalogue unchanged", async () => {
    const sheets = [
      { name: "Quyết định", rows: [["Số quyết định", "99/QĐ-UBND"], ["Ngày ban hành", "2025-10-01"], ["Tỉnh", "phu-tho"], ["Năm thực hiện", 2025]] },
      { name: "Phụ lục", rows: [["1. Sở Tài chính"], ["STT", "Nội dung", "Chỉ tiêu"], [1, "Tỷ lệ hồ sơ trực tuyến\uFFFF", "Tối thiểu 90%"]] },
    ];
    for (const dryRun of ["true", "false"]) {
      const before = await storageSnapshot(stack);
      const response = await stack.call(`/catalogue/import?format=sheets&dryRun=${dryRun}`, {
        key: stack.keys.province,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sheets }),
      });
      const body = await response.json();
      expect(response.status).toBe(400);
      expectOurError(body, "validation_failed");
      expect(body.message).toContain('trang tính "Phụ lục", ô B3');
      expect(await storageSnapshot(stack)).toEqual(before);
    }
  });

  it("a consolidated report and a report form built from hostile text still open in exceljs, without those characters", async () => {
    const aggregate = aggregateSchema.parse(await (await stack.call(`${P}/aggregate`, { key: stack.keys.province })).json());
    aggregate.agencies[0]!.name = `Sở${HOSTILE}`;
    aggregate.indicators[0]!.name = `Chỉ tiêu${HOSTILE}`;
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await buildConsolidatedReport(aggregate)) as unknown as ArrayBuffer);
    const texts: string[] = [];
    report.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
    expect(texts.some((text) => text.includes("Ghichú cuối"))).toBe(true);

    const view = periodAssignmentsSchema.parse(await (await stack.call(`${P}/assignments`, { key: stack.keys.agency })).json());
    const hostileView = { ...view, agency: { ...view.agency, name: `Sở${HOSTILE}` } };
    const values = [{ assignmentId: view.assignments[0]!.assignmentId, actual: `Kết quả${HOSTILE}`, note: HOSTILE }];
    const formBook = new ExcelJS.Workbook();
    await formBook.xlsx.load((await buildReportWorkbook(hostileView, { values })) as unknown as ArrayBuffer);
    expect(String(formBook.getWorksheet("Báo cáo")!.getCell("A2").value)).toContain("SởGhichú cuối");
  });
});

describe("the size of a JSON body", () => {
  it("an 11 MB agency list is refused before it is parsed, nothing stored", async () => {
    const before = await storageSnapshot(stack);
    const agencies = Array.from({ length: 45_000 }, (_, index) => ({ name: `UBND xã Thử Nghiệm ${index} ${"x".repeat(240)}` }));
    const body = JSON.stringify({ agencies });
    expect(body.length).toBeGreaterThan(11 * 1024 * 1024);
    const response = await stack.call("/agencies", { key: stack.keys.province, method: "POST", headers: { "content-type": "application/json" }, body });
    expect(response.status).toBe(413);
    expectOurError(await response.json(), "payload_too_large");
    expect(await storageSnapshot(stack)).toEqual(before);
  });
});

describe("zod's own messages", () => {
  it.each([
    ["values missing", { agencyId: "so-tai-chinh" }],
    ["values of the wrong type", { agencyId: "so-tai-chinh", values: "0.9" }],
    ["an actual that is an object", { agencyId: "so-tai-chinh", values: [{ assignmentId: OWN, actual: { x: 1 } }] }],
    ["an agency id that is a number", { agencyId: 7, values: [] }],
  ])("%s are Vietnamese", async (_name, payload) => {
    const response = await stack.call(`${P}/submissions`, {
      key: stack.keys.agency,
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `zod-${(keyCounter += 1).toString().padStart(6, "0")}` },
      body: JSON.stringify(payload),
    });
    expect(response.status).toBe(400);
    expectOurError(await response.json(), "validation_failed");
  });
});

describe("150 submissions of one agency at once", () => {
  it("each is stored once as its own version (201) or told to come back later (503), and the versions stay consistent", async () => {
    const answers = await Promise.all(
      Array.from({ length: 150 }, async (_, index) => {
        const response = await submit([{ assignmentId: OWN, actual: (index % 100) / 100 }], `burst-${index.toString().padStart(6, "0")}`);
        return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
      }),
    );
    const created = answers.filter((answer) => answer.status === 201);
    const busy = answers.filter((answer) => answer.status === 503);
    console.info(`150 lần nộp cùng lúc: ${created.length} × 201, ${busy.length} × 503`);
    expect(created.length + busy.length).toBe(150);
    for (const answer of busy) {
      expectOurError(answer.body, "busy");
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    const createdVersions = created.map((answer) => answer.body.version as number).sort((a, b) => a - b);
    expect(new Set(createdVersions).size).toBe(created.length);

    const list = await (await stack.call(`${P}/agencies/so-tai-chinh/versions`, { key: stack.keys.agency })).json();
    const stored = (list.versions as Array<{ version: number }>).map((entry) => entry.version).sort((a, b) => a - b);
    // Every stored version came from exactly one answer, numbered without gaps, and the newest is the latest copy.
    expect(stored).toEqual(createdVersions);
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, index) => stored[0]! + index));
    const aggregate = await (await stack.call(`${P}/aggregate`, { key: stack.keys.province })).json();
    expect(JSON.stringify(aggregate)).toContain("so-tai-chinh");
    const latest = await (await stack.call(`${P}/agencies/so-tai-chinh/versions/${stored.at(-1)}`, { key: stack.keys.agency })).json();
    expect(latest.version).toBe(stored.at(-1));

    // Sent again with the same key, a busy one is stored once; a created one is only replayed.
    if (busy.length > 0) {
      const index = answers.indexOf(busy[0]!);
      const retried = await submit([{ assignmentId: OWN, actual: (index % 100) / 100 }], `burst-${index.toString().padStart(6, "0")}`);
      expect(retried.status).toBe(201);
    }
    const first = answers.indexOf(created[0]!);
    const replayed = await submit([{ assignmentId: OWN, actual: (first % 100) / 100 }], `burst-${first.toString().padStart(6, "0")}`);
    expect(replayed.status).toBe(200);
    expect((await replayed.json()).version).toBe(created[0]!.body.version);
  }, 180_000);
});

describe("a version number that cannot be had", () => {
  it("is answered 503 busy with Retry-After and a Vietnamese message, nothing stored", async () => {
    // Another writer (a second host) holds versions 1–30 without having updated the latest copy yet: every attempt of
    // this host meets a taken number, as under a long burst from several hosts.
    const table = tableClient(stack.services.settings.connection, storageNames(stack.prefix).submissionsTable);
    const partitionKey = partitionOf(D, "2025-Q3");
    for (let version = 1; version <= 30; version += 1) {
      await table.createEntity({ partitionKey, rowKey: versionRowKey("so-tai-chinh", version), foreign: true });
    }
    const before = await storageSnapshot(stack);
    const response = await stack.call(`/decisions/${D}/periods/2025-Q3/submissions`, {
      key: stack.keys.agency,
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "busy-000001" },
      body: JSON.stringify({ agencyId: "so-tai-chinh", values: [{ assignmentId: OWN, actual: 0.9 }] }),
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expectOurError(await response.json(), "busy");
    expect(await storageSnapshot(stack)).toEqual(before);
  }, 60_000);
});
