import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema } from "../../shared/report/receipt";
import { aggregateSchema } from "../../shared/report/aggregate";
import { startStack, type TestStack } from "../support/stack";
import { agencyRows } from "../support/storageSnapshot";
import { auditEventSchema, type AuditEvent } from "../../shared/model/audit";

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q4";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;

let stack: TestStack;
let view: PeriodAssignments;

beforeAll(async () => {
  stack = await startStack();
  const response = await stack.call(`${BASE}/assignments`, { key: stack.keys.agency });
  expect(response.status).toBe(200);
  view = periodAssignmentsSchema.parse(await response.json());
});
afterAll(() => stack?.close());

function valuesOf(actuals: Array<number | string | null>) {
  return view.assignments.map((assignment, index) => ({ assignmentId: assignment.assignmentId, actual: actuals[index % actuals.length] ?? null }));
}

function submit(body: unknown, key: string, idempotencyKey?: string) {
  return stack.call(`${BASE}/submissions`, {
    key,
    method: "POST",
    headers: { "content-type": "application/json", ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
    body: JSON.stringify(body),
  });
}

async function submitEventsOf(version: number): Promise<AuditEvent[]> {
  const response = await stack.call(`${BASE}/audit?agency=so-tai-chinh&action=submit`, { key: stack.keys.province });
  expect(response.status).toBe(200);
  const { events } = (await response.json()) as { events: unknown[] };
  return events.map((event) => auditEventSchema.parse(event)).filter((event) => event.version === version);
}

describe("an agency's quarter, end to end over HTTP and Azurite", () => {
  it("hands the agency exactly its own assignments with the period's targets", () => {
    expect(view.agency).toMatchObject({ id: "so-tai-chinh", name: "Sở Tài chính" });
    expect(view.assignments).toHaveLength(8);
    expect(view.assignments.map((row) => row.targetText)).toContain("Tối thiểu 65%");
    expect(view.reportDueDate).toBe("2025-12-20");
  });

  it("judges a submission with the shared grammar and stores it as version 1", async () => {
    const row = view.assignments.find((assignment) => assignment.targetText === "Tối thiểu 65%")!;
    const values = [
      { assignmentId: row.assignmentId, actual: 0.7, numerator: 70, denominator: 100 },
      ...view.assignments.filter((a) => a !== row).map((a) => ({ assignmentId: a.assignmentId, actual: null })),
    ];
    const response = await submit({ agencyId: "so-tai-chinh", values }, stack.keys.agency, "first-submission-0001");
    expect(response.status).toBe(201);
    const receipt = submissionReceiptSchema.parse(await response.json());
    expect(receipt).toMatchObject({ version: 1, replayed: false, agencyId: "so-tai-chinh", id: `${DECISION}.${PERIOD}.so-tai-chinh.v1` });
    expect(receipt.verdicts.find((v) => v.assignmentId === row.assignmentId)).toMatchObject({ verdict: "met", label: "Đạt" });
    expect(receipt.counts).toEqual({ met: 1, no_data: 7 });
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toMatchObject({
      versions: ["v~so-tai-chinh~000001"],
      latest: ["latest~so-tai-chinh"],
    });
  });

  it("answers a retry with the same receipt and stores nothing twice", async () => {
    const body = { agencyId: "so-tai-chinh", values: valuesOf([0.5]) };
    const first = submissionReceiptSchema.parse(await (await submit(body, stack.keys.agency, "retry-key-000002")).json());
    const before = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const again = await submit(body, stack.keys.agency, "retry-key-000002");
    expect(again.status).toBe(200);
    const second = submissionReceiptSchema.parse(await again.json());
    expect(second).toMatchObject({ id: first.id, version: first.version, submittedAt: first.submittedAt, replayed: true });
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toEqual(before);
  });

  it("records a submission in the audit trail with its version, in the same transaction: a retry adds nothing", async () => {
    const body = { agencyId: "so-tai-chinh", values: valuesOf([0.6]) };
    const before = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const first = submissionReceiptSchema.parse(await (await submit(body, stack.keys.agency, "audit-once-0003")).json());
    const after = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    // The event sits in the version's own partition, beside it: the transaction that stored one stored the other.
    const version = String(first.version).padStart(6, "0");
    expect(after.versions.filter((key) => !before.versions.includes(key))).toEqual([`v~so-tai-chinh~${version}`]);
    expect(after.submitEvents.filter((key) => !before.submitEvents.includes(key))).toEqual([`audit~${first.submittedAt}~so-tai-chinh~${version}`]);

    expect((await submit(body, stack.keys.agency, "audit-once-0003")).status).toBe(200);
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toEqual(after);
    const events = await submitEventsOf(first.version);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "submit", actor: expect.any(String), agencyId: "so-tai-chinh", version: first.version, at: first.submittedAt });
    expect(events[0]!.details).toMatchObject({ channel: "api", values: body.values.length });
  });

  it("reads the submissions an earlier release recorded in the audit table together with the new ones, in time order", async () => {
    const earlier = await stack.services.audit.append({
      at: "2025-10-01T01:00:00.000Z",
      actor: "agency:so-tai-chinh",
      action: "submit",
      province: "phu-tho",
      decisionId: DECISION,
      period: PERIOD,
      agencyId: "so-tai-chinh",
      version: 999,
      details: { channel: "api" },
    });
    const response = await stack.call(`${BASE}/audit?agency=so-tai-chinh&action=submit`, { key: stack.keys.province });
    const { events } = (await response.json()) as { events: unknown[] };
    const trail = events.map((event) => auditEventSchema.parse(event));
    expect(trail[0]).toMatchObject({ version: 999, at: earlier.at });
    expect(trail.length).toBeGreaterThan(1);
    expect(trail.map((event) => event.at)).toEqual([...trail.map((event) => event.at)].sort());
  });

  it("refuses the same key with a different body", async () => {
    const before = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const response = await submit({ agencyId: "so-tai-chinh", values: valuesOf([0.99]) }, stack.keys.agency, "retry-key-000002");
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "idempotency_key_reused" });
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toEqual(before);
  });

  it("gives concurrent submissions of one agency distinct versions, never overwriting one", async () => {
    const before = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) => submit({ agencyId: "so-tai-chinh", values: valuesOf([index / 10]) }, stack.keys.agency, `concurrent-${index}-key`)),
    );
    const receipts = await Promise.all(responses.map(async (response) => submissionReceiptSchema.parse(await response.json())));
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
    const versions = receipts.map((receipt) => receipt.version).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(6);
    const after = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    expect(after.versions.length).toBe(before.versions.length + 6);
    expect(after.idempotency.length).toBe(before.idempotency.length + 6);

    const list = await (await stack.call(`${BASE}/agencies/so-tai-chinh/versions`, { key: stack.keys.agency })).json();
    expect(list.versions[0].version).toBe(Math.max(...versions));
    const newest = await (await stack.call(`${BASE}/agencies/so-tai-chinh/versions/${versions.at(-1)}`, { key: stack.keys.agency })).json();
    expect(newest.values).toHaveLength(view.assignments.length);
  });

  it("takes a form filled offline, and keeps the workbook exactly as sent", async () => {
    const form = await stack.call(`${BASE}/assignments.xlsx`, { key: stack.keys.agency });
    expect(form.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await form.arrayBuffer());
    const sheet = workbook.getWorksheet("Báo cáo")!;
    const codeRow = (code: string) => {
      let found = 0;
      sheet.eachRow((row, number) => {
        if (row.getCell(2).value === code) found = number;
      });
      return sheet.getRow(found);
    };
    const rate = view.assignments.find((a) => a.targetText === "Tối thiểu 65%")!;
    codeRow(rate.indicatorCode).getCell(5).value = 30;
    codeRow(rate.indicatorCode).getCell(6).value = 60;
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());

    const response = await stack.call(`${BASE}/agencies/so-tai-chinh/workbook-ingest`, {
      key: stack.keys.agency,
      method: "POST",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: filled,
    });
    expect(response.status).toBe(201);
    const receipt = submissionReceiptSchema.parse(await response.json());
    expect(receipt.verdicts.find((v) => v.assignmentId === rate.assignmentId)).toMatchObject({ verdict: "not_met" });
    expect(receipt.workbook?.mismatches).toEqual([]);

    const download = await stack.call(`${BASE}/agencies/so-tai-chinh/versions/${receipt.version}/workbook`, { key: stack.keys.agency });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(filled))).toBe(true);
  });

  it("cross-checks an uploaded workbook against the submitted values and reports the difference", async () => {
    const rate = view.assignments.find((a) => a.targetText === "Tối thiểu 65%")!;
    const submitted = submissionReceiptSchema.parse(
      await (await submit({ agencyId: "so-tai-chinh", values: [{ assignmentId: rate.assignmentId, actual: 0.8 }] }, stack.keys.agency, "crosscheck-0001")).json(),
    );
    const form = await (await stack.call(`${BASE}/assignments.xlsx`, { key: stack.keys.agency })).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(form);
    const sheet = workbook.getWorksheet("Báo cáo")!;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === rate.indicatorCode) row.getCell(7).value = 0.75;
    });
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const url = `${BASE}/agencies/so-tai-chinh/versions/${submitted.version}/workbook`;
    const upload = await stack.call(url, { key: stack.keys.agency, method: "PUT", body: bytes });
    expect(upload.status).toBe(201);
    const receipt = await upload.json();
    expect(receipt.workbook.mismatches).toEqual([
      expect.objectContaining({ assignmentId: rate.assignmentId, field: "actual", message: expect.stringContaining("0.75") }),
    ]);
    expect((await stack.call(url, { key: stack.keys.agency, method: "PUT", body: bytes })).status).toBe(200);
    const conflict = await stack.call(url, { key: stack.keys.agency, method: "PUT", body: new Uint8Array(form) });
    expect(conflict.status).toBe(409);
  });

  it("aggregates the period for the province and writes the consolidated report", async () => {
    const response = await stack.call(`${BASE}/aggregate`, { key: stack.keys.viewer });
    expect(response.status).toBe(200);
    const aggregate = aggregateSchema.parse(await response.json());
    const mine = aggregate.agencies.find((agency) => agency.id === "so-tai-chinh")!;
    expect(mine.status).toBe("late");
    expect(aggregate.completeness.assigned).toBe(aggregate.agencies.length);
    expect(aggregate.agencies.some((agency) => agency.id === "xa-ha-hoa" && agency.status === "missing")).toBe(true);
    expect(aggregate.completeness.missing).toBe(aggregate.agencies.length - 1);

    const report = await stack.call(`${BASE}/report.xlsx`, { key: stack.keys.province });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-disposition")).toContain("tong-hop-phu-tho-1521-qd-ubnd-2025-Q4.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await report.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 2)).toEqual(["Tổng hợp", "Chưa nộp, nộp muộn"]);
    const names = (sheetName: string) => {
      const found: unknown[] = [];
      workbook.getWorksheet(sheetName)!.eachRow((row) => found.push(row.getCell(2).value));
      return found;
    };
    expect(names("Tổng hợp")).toContain("Sở Tài chính");
    // The matrix, in blocks of indicators, ends each block with the share of agencies met.
    expect(names("Ma trận (1)")).toContain("Sở Tài chính");
    expect(names("Ma trận (1)")).toContain("Tỷ lệ cơ quan đạt");
  });
});
