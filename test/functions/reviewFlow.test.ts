import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { versionViewSchema, type VersionView } from "../../shared/api/review";
import type { AuditEvent } from "../../shared/model/audit";
import { aggregateSchema } from "../../shared/report/aggregate";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema, versionSummarySchema } from "../../shared/report/receipt";
import { startStack, type TestStack } from "../support/stack";
import { storageSnapshot } from "../support/storageSnapshot";

/**
 * The province's review of an agency's quarter over HTTP and Azurite: a person's verdicts, a return with comments,
 * the agency reading why, a resubmission that keeps the verdicts of unchanged values, approval, and the figures of
 * the aggregate and the consolidated report counting the final verdicts.
 */

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q4";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;
const AGENCY = `${BASE}/agencies/so-tai-chinh`;
const PROVINCE_LABEL = "Sở KH&CN Phú Thọ";

let stack: TestStack;
let view: PeriodAssignments;
// Before the report due date (20/12/2025), moving on a second per reading so events keep their order.
let clock = Date.parse("2025-12-10T02:00:00.000Z");

/** "Tối thiểu 65%": reported 70%, met by the rule. */
let rate65: string;
/** "Tối thiểu 70%": reported 50%, not met by the rule; the province overrules it. */
let rate70: string;
/** "Tối thiểu 80%": the report only says "Đạt", which no rule can judge; the province does. */
let rate80: string;
/** An assignment of the agency the versions leave out. */
let leftOut: string;

const CONFIRMED = "Đã đối chiếu biên bản kiểm tra ngày 05/12/2025: tỷ lệ thực tế 85%.";
const OVERRULED = "Số liệu 50% là của quý III; quý IV đạt 72% theo báo cáo của Sở.";

beforeAll(async () => {
  stack = await startStack({ now: () => new Date((clock += 1000)) });
  const response = await stack.call(`${BASE}/assignments`, { key: stack.keys.agency });
  view = periodAssignmentsSchema.parse(await response.json());
  const byTarget = (text: string) => view.assignments.find((assignment) => assignment.targetText === text)!.assignmentId;
  rate65 = byTarget("Tối thiểu 65%");
  rate70 = byTarget("Tối thiểu 70%");
  rate80 = byTarget("Tối thiểu 80%");
  leftOut = view.assignments.find((assignment) => ![rate65, rate70, rate80].includes(assignment.assignmentId))!.assignmentId;
});
afterAll(() => stack?.close());

function send(method: string, path: string, body: unknown, key = stack.keys.province, headers: Record<string, string> = {}) {
  return stack.call(path, { key, method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}

async function submitVersion(actual70: number, idempotencyKey: string) {
  const values = [
    { assignmentId: rate65, actual: 0.7 },
    { assignmentId: rate70, actual: actual70 },
    { assignmentId: rate80, actual: null, reportedText: "Đạt" },
  ];
  const response = await send("POST", `${BASE}/submissions`, { agencyId: "so-tai-chinh", values }, stack.keys.agency, { "idempotency-key": idempotencyKey });
  expect(response.status).toBe(201);
  return submissionReceiptSchema.parse(await response.json());
}

async function readVersion(version: number, key = stack.keys.province): Promise<VersionView> {
  const response = await stack.call(`${AGENCY}/versions/${version}`, { key });
  expect(response.status).toBe(200);
  return versionViewSchema.parse(await response.json());
}

async function answer(response: Response, status: number): Promise<VersionView> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return versionViewSchema.parse(body);
}

async function refusal(response: Response, status: number, code: string) {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  expect(body).toMatchObject({ code });
  expect(body.message).toMatch(/[àáảãạăâđêôơư]/);
  return body as { code: string; message: string; details?: { problems?: { path: string; message: string }[] } };
}

const valueOf = (version: VersionView, assignmentId: string) => version.values.find((value) => value.assignmentId === assignmentId)!;

async function auditOf(action: AuditEvent["action"]): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for await (const event of stack.services.audit.events("phu-tho", PERIOD, { agencyId: "so-tai-chinh", action })) events.push(event);
  return events;
}

async function aggregate() {
  const response = await stack.call(`${BASE}/aggregate`, { key: stack.keys.province });
  expect(response.status).toBe(200);
  const result = aggregateSchema.parse(await response.json());
  return { result, agency: result.agencies.find((agency) => agency.id === "so-tai-chinh")! };
}

describe("the province's review of a version, end to end", () => {
  it("shows a fresh version as submitted, every final verdict the rule's", async () => {
    const receipt = await submitVersion(0.5, "review-flow-v1-0001");
    expect(receipt.version).toBe(1);
    const version = await readVersion(1);
    expect(version).toMatchObject({ version: 1, latest: true, agencyState: "submitted", review: { state: "submitted", rows: [] }, lock: { locked: false } });
    expect(valueOf(version, rate80)).toMatchObject({ verdict: "needs_review", final: { verdict: "needs_review", decidedBy: "rule" } });
    expect(valueOf(version, rate70).final).toMatchObject({ verdict: "not_met", decidedBy: "rule", override: false });
    expect(version.missing.map((row) => row.assignmentId)).toContain(leftOut);
  });

  it("refuses a person's verdict without a reason, and one on a value the version does not have, storing nothing", async () => {
    const before = await storageSnapshot(stack);
    const noReason = await refusal(await send("PUT", `${AGENCY}/versions/1/verdicts`, { verdicts: [{ assignmentId: rate70, verdict: "met" }] }), 400, "validation_failed");
    expect(noReason.details?.problems?.[0]).toMatchObject({ path: "verdicts[0].reason" });
    const notInVersion = await refusal(
      await send("PUT", `${AGENCY}/versions/1/verdicts`, {
        verdicts: [
          { assignmentId: rate80, verdict: "met", reason: CONFIRMED },
          { assignmentId: leftOut, verdict: "met", reason: CONFIRMED },
        ],
      }),
      400,
      "validation_failed",
    );
    expect(notInVersion.details?.problems?.map((problem) => problem.path)).toEqual(["verdicts[1].assignmentId"]);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("refuses the agency's own key (403) and stores nothing", async () => {
    const before = await storageSnapshot(stack);
    const body = { verdicts: [{ assignmentId: rate80, verdict: "met", reason: CONFIRMED }] };
    await refusal(await send("PUT", `${AGENCY}/versions/1/verdicts`, body, stack.keys.agency), 403, "forbidden");
    await refusal(await send("POST", `${AGENCY}/versions/1/approve`, {}, stack.keys.agency), 403, "forbidden");
    await refusal(await send("POST", `${AGENCY}/versions/1/return`, { comment: "Trả lại" }, stack.keys.agency), 403, "forbidden");
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("records a person's verdicts with who and why, marks an override, and audits each change", async () => {
    const version = await answer(
      await send("PUT", `${AGENCY}/versions/1/verdicts`, {
        verdicts: [
          { assignmentId: rate80, verdict: "met", reason: CONFIRMED },
          { assignmentId: rate70, verdict: "met", reason: OVERRULED },
        ],
      }),
      200,
    );
    expect(valueOf(version, rate80)).toMatchObject({
      verdict: "needs_review",
      person: { verdict: "met", reason: CONFIRMED, byLabel: PROVINCE_LABEL },
      final: { verdict: "met", label: "Đạt", decidedBy: "person", override: false },
    });
    expect(valueOf(version, rate80).final.explanation).toContain(`đánh giá của ${PROVINCE_LABEL}: ${CONFIRMED}`);
    expect(valueOf(version, rate70)).toMatchObject({ verdict: "not_met", final: { verdict: "met", decidedBy: "person", override: true } });
    expect(valueOf(version, rate65).final).toMatchObject({ verdict: "met", decidedBy: "rule" });

    // One event per changed verdict; both carry the same moment, so their order in the trail is not asserted.
    const events = await auditOf("verdict");
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.details)).toEqual(
      expect.arrayContaining([
        { assignmentId: rate80, before: null, after: { verdict: "met", reason: CONFIRMED } },
        { assignmentId: rate70, before: null, after: { verdict: "met", reason: OVERRULED } },
      ]),
    );
    expect(events[0]).toMatchObject({ actorLabel: PROVINCE_LABEL, version: 1, decisionId: DECISION });
  });

  it("withdraws a person's verdict, so the rule's counts again", async () => {
    const version = await answer(await send("PUT", `${AGENCY}/versions/1/verdicts`, { verdicts: [{ assignmentId: rate70, verdict: null }] }), 200);
    expect(valueOf(version, rate70).person).toBeUndefined();
    expect(valueOf(version, rate70).final).toMatchObject({ verdict: "not_met", decidedBy: "rule" });
    expect(valueOf(version, rate80).final).toMatchObject({ verdict: "met", decidedBy: "person" });
    expect((await auditOf("verdict")).at(-1)!.details).toEqual({ assignmentId: rate70, before: { verdict: "met", reason: OVERRULED }, after: null });
    // Given again, to see below that a changed value loses it.
    await answer(await send("PUT", `${AGENCY}/versions/1/verdicts`, { verdicts: [{ assignmentId: rate70, verdict: "met", reason: OVERRULED }] }), 200);
  });

  it("counts the final verdicts in the aggregate: a value no rule could judge, judged met by a person, is met", async () => {
    const { result, agency } = await aggregate();
    // The rule alone met one value (65%); the person met the other two.
    expect(agency.metCount).toBe(3);
    const cell = agency.cells.find((entry) => entry.assignmentId === rate80)!;
    expect(cell).toMatchObject({
      verdict: "met",
      label: "Đạt",
      decidedBy: "person",
      person: { reason: CONFIRMED, byLabel: PROVINCE_LABEL, override: false, automaticVerdict: "needs_review", automaticLabel: "Cần đánh giá" },
    });
    expect(agency.cells.find((entry) => entry.assignmentId === rate70)).toMatchObject({ verdict: "met", person: { override: true, automaticVerdict: "not_met" } });
    const indicator = result.indicators.find((entry) => entry.code === cell.indicatorCode)!;
    expect(indicator.metCount).toBe(1);
    expect(agency.reviewState).toBe("submitted");
    expect(result.agencies.find((entry) => entry.id === "so-y-te")?.reviewState).toBe("not_submitted");
  });

  it("refuses row comments on assignments the version does not hold, storing nothing", async () => {
    const before = await storageSnapshot(stack);
    const otherAgencyRow = `${DECISION}.so-y-te.1`;
    const body = await refusal(
      await send("POST", `${AGENCY}/versions/1/return`, { comment: "Đề nghị bổ sung.", rows: [{ assignmentId: otherAgencyRow, comment: "Sai dòng." }] }),
      400,
      "validation_failed",
    );
    expect(body.details?.problems?.[0]).toMatchObject({ path: "rows[0].assignmentId" });
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("returns the version with comments, which the agency reads with the province's reasons", async () => {
    const returned = await answer(
      await send("POST", `${AGENCY}/versions/1/return`, {
        comment: "Đề nghị Sở bổ sung số liệu còn thiếu.",
        rows: [
          { assignmentId: rate80, comment: "Gửi kèm biên bản kiểm tra." },
          { assignmentId: leftOut, comment: "Chưa báo cáo chỉ tiêu này." },
        ],
      }),
      200,
    );
    expect(returned).toMatchObject({ agencyState: "returned", review: { state: "returned", byLabel: PROVINCE_LABEL, comment: "Đề nghị Sở bổ sung số liệu còn thiếu." } });

    const seen = await readVersion(1, stack.keys.agency);
    expect(seen.review).toMatchObject({ state: "returned", rows: [{ assignmentId: rate80 }, { assignmentId: leftOut, comment: "Chưa báo cáo chỉ tiêu này." }] });
    expect(valueOf(seen, rate80)).toMatchObject({ comment: "Gửi kèm biên bản kiểm tra.", person: { reason: CONFIRMED }, final: { verdict: "met" } });

    const [event] = await auditOf("return");
    expect(event!.details).toEqual({ comment: "Đề nghị Sở bổ sung số liệu còn thiếu.", rows: 2, before: "submitted", after: "returned" });
    await refusal(await send("POST", `${AGENCY}/versions/1/return`, { comment: "Lần nữa." }), 409, "review_closed");
  });

  it("marks the resubmission, keeps the person's verdict of an unchanged value and drops it from a changed one", async () => {
    const receipt = await submitVersion(0.6, "review-flow-v2-0001");
    expect(receipt.version).toBe(2);
    const version = await readVersion(2, stack.keys.agency);
    expect(version).toMatchObject({ latest: true, agencyState: "resubmitted", review: { state: "resubmitted", rows: [] } });
    expect(valueOf(version, rate80)).toMatchObject({
      person: { verdict: "met", reason: CONFIRMED, carriedFrom: 1 },
      final: { verdict: "met", decidedBy: "person" },
    });
    expect(valueOf(version, rate70).person).toBeUndefined();
    expect(valueOf(version, rate70).final).toMatchObject({ verdict: "not_met", decidedBy: "rule" });

    const old = await readVersion(1, stack.keys.agency);
    expect(old).toMatchObject({ latest: false, agencyState: "resubmitted", review: { state: "returned" } });
    const list = await (await stack.call(`${AGENCY}/versions`, { key: stack.keys.agency })).json();
    const states = list.versions.map((entry: unknown) => versionSummarySchema.parse(entry)).map((entry: { version: number; state?: string }) => [entry.version, entry.state]);
    expect(states).toEqual([
      [2, "resubmitted"],
      [1, "returned"],
    ]);
  });

  it("refuses a verdict on, or the approval of, a version that is no longer the newest", async () => {
    const before = await storageSnapshot(stack);
    const verdict = await refusal(
      await send("PUT", `${AGENCY}/versions/1/verdicts`, { verdicts: [{ assignmentId: rate65, verdict: "not_met", reason: OVERRULED }] }),
      409,
      "version_superseded",
    );
    expect(verdict.message).toContain("phiên bản 2");
    await refusal(await send("POST", `${AGENCY}/versions/1/approve`, {}), 409, "version_superseded");
    await refusal(await send("POST", `${AGENCY}/versions/1/return`, { comment: "Trả lại bản cũ." }), 409, "version_superseded");
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("approves the newest version once; its review is then closed", async () => {
    const approved = await answer(await send("POST", `${AGENCY}/versions/2/approve`, { comment: "Số liệu đầy đủ." }), 200);
    expect(approved).toMatchObject({ agencyState: "approved", review: { state: "approved", byLabel: PROVINCE_LABEL, comment: "Số liệu đầy đủ." } });
    const [event] = await auditOf("approve");
    expect(event).toMatchObject({ version: 2, details: { before: "resubmitted", after: "approved" } });

    const before = await storageSnapshot(stack);
    // An empty body, as `curl -X POST` sends, is an approval without a comment: refused here only because it is closed.
    const emptyBody = await stack.call(`${AGENCY}/versions/2/approve`, { key: stack.keys.province, method: "POST" });
    const again = await refusal(emptyBody, 409, "review_closed");
    expect(again.message).toContain("được duyệt");
    await refusal(
      await send("PUT", `${AGENCY}/versions/2/verdicts`, { verdicts: [{ assignmentId: rate70, verdict: "met", reason: OVERRULED }] }),
      409,
      "review_closed",
    );
    await refusal(await send("POST", `${AGENCY}/versions/2/return`, { comment: "Trả lại." }), 409, "review_closed");
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("shows the agency approved and the final verdicts in the aggregate and the consolidated report", async () => {
    const { result, agency } = await aggregate();
    expect(agency).toMatchObject({ version: 2, status: "on_time", reviewState: "approved", metCount: 2 });
    expect(result.completeness.approved).toBe(1);

    const response = await stack.call(`${BASE}/report.xlsx`, { key: stack.keys.province });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const summary = workbook.getWorksheet("Tổng hợp")!;
    let financeRow: ExcelJS.Row | undefined;
    summary.eachRow((row) => {
      if (row.getCell(2).value === "Sở Tài chính") financeRow = row;
    });
    // Met and assigned are two number columns.
    expect([3, 5, 6].map((column) => financeRow!.getCell(column).value)).toEqual(["Đã nộp đúng hạn, đã duyệt", 2, agency.assignedCount]);

    const sheet = workbook.getWorksheet("Sở Tài chính")!;
    expect(sheet.getCell("A1").value).toBe("Sở Tài chính — Đã nộp đúng hạn, đã duyệt");
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(5).value)));
    expect(texts).toContain(`Đạt (đánh giá của ${PROVINCE_LABEL}: ${CONFIRMED})`);
  });
});
