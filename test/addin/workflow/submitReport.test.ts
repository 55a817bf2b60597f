import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KpiClient } from "../../../addin/api/kpiClient";
import { KpiApiError } from "../../../shared/api/client";
import { MemoryWorkbook } from "../../../addin/preview/memoryWorkbook";
import { TABLE_FIRST_ROW } from "../../../addin/report/planReportTable";
import { PendingSubmissions } from "../../../addin/workflow/pendingSubmissions";
import { pullReport } from "../../../addin/workflow/pullReport";
import { answerPercentQuestions, checkReport, sendReport } from "../../../addin/workflow/submitReport";
import { DEMO_DECISION } from "../../../functions/local/demoData";
import { REPORT_COLUMNS, REPORT_SHEET_NAME } from "../../../shared/report/reportTable";
import { startStack, type TestStack } from "../../support/stack";

/**
 * The task pane's pull and submit, without a browser: the preview workbook, the real client, the real local host on
 * Azurite. The browser tests drive the same code through the UI; these pin the retry rules down case by case.
 */

const PERIOD = "2025-Q4";
const scope = { decisionId: DEMO_DECISION, period: PERIOD, agencyId: "so-tai-chinh" };
const pull = { decisionId: DEMO_DECISION, period: PERIOD, verdictMode: "kpi", functionNamespace: "KPI" } as const;
let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

function clientFor(key: string, fetchImpl?: typeof fetch) {
  return new KpiClient({ serverUrl: stack.host.url, key }, fetchImpl ? { fetch: fetchImpl } : {});
}

async function filledWorkbook(client: KpiClient) {
  const workbook = new MemoryWorkbook();
  const pulled = await pullReport(client, workbook, pull);
  expect(pulled.rowCount).toBeGreaterThan(3);
  // Rates by their parts, everything else as done; the first row stays empty on purpose.
  const view = await client.assignments(DEMO_DECISION, PERIOD);
  view.assignments.forEach((assignment, index) => {
    if (index === 0) return;
    const row = TABLE_FIRST_ROW + index;
    const typed =
      assignment.indicatorKind === "percent"
        ? [workbook.setCell(REPORT_SHEET_NAME, `E${row}`, 19), workbook.setCell(REPORT_SHEET_NAME, `F${row}`, 20)]
        : [workbook.setCell(REPORT_SHEET_NAME, `G${row}`, "Hoàn thành")];
    expect(typed.every((result) => result.ok)).toBe(true);
  });
  return workbook;
}

async function storedVersions() {
  const response = await stack.call(`/decisions/${DEMO_DECISION}/periods/${PERIOD}/agencies/so-tai-chinh/versions`, { key: stack.keys.agency });
  return (await response.json()).versions as Array<{ version: number }>;
}

describe("pull and submit from the task pane", () => {
  it("checks the table by cell, sends once, writes the receipt; an answer lost on the way is retried with the same key", async () => {
    const client = clientFor(stack.keys.agency);
    const workbook = await filledWorkbook(client);
    const check = await checkReport(client, workbook, scope);
    expect(check.problems).toEqual([]);
    expect(check.emptyCells).toEqual([`G${TABLE_FIRST_ROW}`]);

    // The request reaches the server and is stored, but the answer never comes back.
    const pending = new PendingSubmissions(new MemoryStorage());
    const lostAnswer: typeof fetch = async (input, init) => {
      await fetch(input, init);
      throw new TypeError("Failed to fetch");
    };
    const error = await sendReport(clientFor(stack.keys.agency, lostAnswer), workbook, check, pending, () => {}).catch((caught) => caught);
    expect(error).toBeInstanceOf(KpiApiError);
    expect(error).toMatchObject({ code: "offline", retryable: true });
    expect(error.message).toMatch(/vẫn được giữ nguyên/);
    const remembered = pending.read(check.scope)!;
    expect(remembered.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(await storedVersions()).toHaveLength(1);

    const stages: string[] = [];
    const outcome = await sendReport(client, workbook, await checkReport(client, workbook, scope), pending, (progress) => stages.push(progress.stage));
    expect(outcome.retried).toBe(true);
    expect(outcome.receipt).toMatchObject({ version: 1, replayed: true });
    expect(stages).toEqual(["values", "receipt"]);
    expect(pending.read(check.scope)).toBeUndefined();
    expect(await storedVersions()).toHaveLength(1);
    expect(workbook.cell(REPORT_SHEET_NAME, "K1")?.value).toBe(outcome.receipt.id);
    expect(workbook.cell(REPORT_SHEET_NAME, `N${TABLE_FIRST_ROW + 1}`)?.value).toBe("Đạt");

    // Changed values are a new submission: a new key and version 2.
    workbook.setCell(REPORT_SHEET_NAME, `G${TABLE_FIRST_ROW}`, "Hoàn thành");
    const second = await sendReport(client, workbook, await checkReport(client, workbook, scope), pending, () => {});
    expect(second).toMatchObject({ retried: false, receipt: { version: 2, replayed: false } });
    expect(workbook.cell(REPORT_SHEET_NAME, "K2")?.value).toBe("2");
  });

  it("finds faults by cell and sends nothing while there are any", async () => {
    const client = clientFor(stack.keys.otherAgency);
    const workbook = new MemoryWorkbook();
    await pullReport(client, workbook, pull);
    const binding = workbook.binding()!;
    const view = await client.assignments(DEMO_DECISION, PERIOD);
    const rate = view.assignments.findIndex((assignment) => assignment.indicatorKind === "percent");
    expect(rate).toBeGreaterThanOrEqual(0);
    const row = TABLE_FIRST_ROW + rate;
    workbook.setCell(REPORT_SHEET_NAME, `E${row}`, 50);
    workbook.setCell(REPORT_SHEET_NAME, `F${row}`, 40);
    const check = await checkReport(client, workbook, { ...scope, agencyId: binding.agencyId });
    expect(check.problems).toEqual([expect.objectContaining({ code: "numerator_over_denominator", cell: `E${row}` })]);
    const before = await stack.call(`/decisions/${DEMO_DECISION}/periods/${PERIOD}/agencies/${binding.agencyId}/versions`, { key: stack.keys.otherAgency });
    await expect(sendReport(client, workbook, check, new PendingSubmissions(new MemoryStorage()), () => {})).rejects.toThrow(/sửa các ô/);
    const after = await stack.call(`/decisions/${DEMO_DECISION}/periods/${PERIOD}/agencies/${binding.agencyId}/versions`, { key: stack.keys.otherAgency });
    expect(await after.json()).toEqual(await before.json());
  });

  it("sends the workbook file after the values, and a receipt the sheet cannot take still leaves the submission confirmed", async () => {
    const client = clientFor(stack.keys.agency);
    // The period's offline form stands in for the file Excel would give: a real xlsx of this report.
    const form = new Uint8Array(await (await stack.call(`/decisions/${DEMO_DECISION}/periods/${PERIOD}/assignments.xlsx`, { key: stack.keys.agency })).arrayBuffer());
    class ExcelLikeWorkbook extends MemoryWorkbook {
      override async readDocumentBytes(onProgress: (done: number, total: number) => void) {
        onProgress(form.byteLength, form.byteLength);
        return form;
      }
      override async writeReceipt(): Promise<void> {
        throw new Error('Không tìm thấy trang "Báo cáo"');
      }
    }
    const workbook = new ExcelLikeWorkbook();
    await pullReport(client, workbook, pull);
    workbook.setCell(REPORT_SHEET_NAME, `G${TABLE_FIRST_ROW}`, "Hoàn thành");
    const pending = new PendingSubmissions(new MemoryStorage());
    const stages: string[] = [];
    const check = await checkReport(client, workbook, scope);
    const outcome = await sendReport(client, workbook, check, pending, (progress) => stages.push(progress.stage));

    expect(stages).toEqual(["values", "file", "upload", "receipt"]);
    expect(outcome.receipt).toMatchObject({ replayed: false, workbook: { size: form.byteLength, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const stored = await stack.call(`/decisions/${DEMO_DECISION}/periods/${PERIOD}/agencies/so-tai-chinh/versions/${outcome.receipt.version}/workbook`, { key: stack.keys.agency });
    expect(new Uint8Array(await stored.arrayBuffer())).toEqual(form);
    expect(outcome.receiptError).toMatch(/Đã nộp \(biên nhận .+\) nhưng chưa ghi được biên nhận/);
    expect(pending.read(check.scope)).toBeUndefined();
  });

  it("asks what 0,92 in a General cell means instead of reading it, and sends 0,92 once the officer says 92%", async () => {
    const client = clientFor(stack.keys.agency);
    const view = await client.assignments(DEMO_DECISION, PERIOD);
    const rate = view.assignments.find((assignment) => assignment.targetText === "Tối thiểu 65%")!;
    // The table copied in from another workbook: values without the percent format the pane would have written.
    const row = REPORT_COLUMNS.map((column) => (column.key === "code" ? rate.indicatorCode : column.key === "actual" ? 0.92 : null));
    const workbook = new MemoryWorkbook({ sheets: [{ name: REPORT_SHEET_NAME, rows: [REPORT_COLUMNS.map((column) => column.header), row] }] });
    expect(workbook.cell(REPORT_SHEET_NAME, "G2")).toMatchObject({ value: 0.92, numberFormat: "General" });

    const check = await checkReport(client, workbook, scope);
    expect(check.problems).toEqual([]);
    expect(check.values.find((value) => value.assignmentId === rate.assignmentId)).toBeUndefined();
    expect(check.questions).toEqual([
      {
        cell: "G2",
        assignmentId: rate.assignmentId,
        question: "Ô G2: 0,92 nghĩa là 92% hay 0,92%?",
        choices: [
          { label: "92%", fraction: 0.92 },
          { label: "0,92%", fraction: 0.0092 },
        ],
      },
    ]);
    const before = await storedVersions();
    const pending = new PendingSubmissions(new MemoryStorage());
    await expect(sendReport(client, workbook, check, pending, () => {})).rejects.toThrow(/trả lời các câu hỏi/);
    expect(await storedVersions()).toEqual(before);

    const answered = await answerPercentQuestions(workbook, check, [{ cell: "G2", fraction: 0.92 }]);
    expect(workbook.cell(REPORT_SHEET_NAME, "G2")).toMatchObject({ value: 0.92, numberFormat: "0.0%", display: "92,0%" });
    expect(answered.questions).toEqual([]);
    expect(answered.values).toEqual([{ assignmentId: rate.assignmentId, actual: 0.92 }]);
    await expect(answerPercentQuestions(workbook, check, [{ cell: "G2", fraction: 0.5 }])).rejects.toThrow(/không có câu hỏi/);

    const outcome = await sendReport(client, workbook, answered, pending, () => {});
    expect(outcome.receipt.verdicts.find((verdict) => verdict.assignmentId === rate.assignmentId)).toMatchObject({
      verdict: "met",
      explanation: "Đạt: 92% ≥ 65%",
    });
    const stored = await (
      await stack.call(`/decisions/${DEMO_DECISION}/periods/${PERIOD}/agencies/so-tai-chinh/versions/${outcome.receipt.version}`, { key: stack.keys.agency })
    ).json();
    expect(stored.values).toEqual([expect.objectContaining({ assignmentId: rate.assignmentId, actual: 0.92 })]);
  });

  it("says what to do when there is no report sheet yet", async () => {
    await expect(checkReport(clientFor(stack.keys.agency), new MemoryWorkbook(), scope)).rejects.toThrow(/Lấy chỉ tiêu/);
  });
});
