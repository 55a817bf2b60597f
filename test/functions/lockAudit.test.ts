import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditAnswerSchema, lockAnswerSchema, type LockAnswer } from "../../shared/api/review";
import { apiErrorBodySchema } from "../../shared/api/errors";
import type { AuditEvent } from "../../shared/model/audit";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema } from "../../shared/report/receipt";
import { decisionSheets, ONLINE } from "../support/appendixSheets";
import { runKpi, storageEnvironment } from "../support/kpiProcess";
import { startStack, type TestStack } from "../support/stack";
import { agencyRows, storageSnapshot } from "../support/storageSnapshot";

/**
 * The province closes decision 1521's 2025-Q4 to data entry and opens it again, for all agencies or one; every way
 * data enters for an agency is refused while it is closed, and the audit trail says who did what, in order.
 */

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q4";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A clock the test owns: before the quarter's due date, one second later at every reading, so events never tie. */
function steppingClock(start: string): { now: () => Date; set(iso: string): void } {
  let current = Date.parse(start);
  return {
    now: () => new Date((current += 1000)),
    set: (iso) => {
      current = Date.parse(iso);
    },
  };
}

let stack: TestStack;
let financeView: PeriodAssignments;
let healthView: PeriodAssignments;
let keyCounter = 0;

beforeAll(async () => {
  stack = await startStack({ now: steppingClock("2025-12-15T03:00:00Z").now });
  financeView = await assignmentsOf(stack, stack.keys.agency);
  healthView = await assignmentsOf(stack, stack.keys.otherAgency);
});
afterAll(() => stack?.close());

async function assignmentsOf(on: TestStack, key: string): Promise<PeriodAssignments> {
  const response = await on.call(`${BASE}/assignments`, { key });
  expect(response.status).toBe(200);
  return periodAssignmentsSchema.parse(await response.json());
}

function submit(on: TestStack, view: PeriodAssignments, key: string) {
  keyCounter += 1;
  return on.call(`${BASE}/submissions`, {
    key,
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `lock-audit-${String(keyCounter).padStart(4, "0")}` },
    body: JSON.stringify({ agencyId: view.agency.id, values: [{ assignmentId: view.assignments[0]!.assignmentId, actual: 0.7 }] }),
  });
}

function post(path: string, body: unknown, key = stack.keys.province) {
  return stack.call(`${BASE}/${path}`, { key, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function lockAnswer(response: Response): Promise<LockAnswer> {
  expect(response.status).toBe(200);
  return lockAnswerSchema.parse(await response.json());
}

async function expectLocked(response: Response, agencyName: string): Promise<Record<string, unknown>> {
  expect(response.status).toBe(423);
  const body = apiErrorBodySchema.parse(await response.json());
  expect(body.code).toBe("period_locked");
  expect(body.message).toContain("Kỳ báo cáo quý IV/2025");
  expect(body.message).toContain(`đã khóa`);
  expect(body.message).toContain(agencyName);
  return body.details as Record<string, unknown>;
}

async function auditOf(query = "", key = stack.keys.province): Promise<AuditEvent[]> {
  const response = await stack.call(`${BASE}/audit${query}`, { key });
  expect(response.status).toBe(200);
  return auditAnswerSchema.parse(await response.json()).events;
}

async function blankForm(): Promise<ArrayBuffer> {
  const form = await stack.call(`${BASE}/assignments.xlsx`, { key: stack.keys.agency });
  expect(form.status).toBe(200);
  return form.arrayBuffer();
}

/** The form with one rate filled in, as an agency sends it offline. */
async function filledForm(): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await blankForm());
  const rate = financeView.assignments.find((assignment) => assignment.targetText === "Tối thiểu 65%")!;
  workbook.getWorksheet("Báo cáo")!.eachRow((row) => {
    if (row.getCell(2).value === rate.indicatorCode) {
      row.getCell(5).value = 70;
      row.getCell(6).value = 100;
    }
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer()).slice().buffer;
}

describe("locking a decision × period", () => {
  let firstVersion: number;

  it("locks all agencies on a bare POST, as curl sends it, and refuses a bare unlock for want of a reason", async () => {
    const other = `/decisions/${DECISION}/periods/2025-Q1`;
    const locked = await stack.call(`${other}/lock`, { key: stack.keys.province, method: "POST" });
    expect(locked.status).toBe(200);
    expect(await locked.json()).toMatchObject({ period: "2025-Q1", all: { locked: true, source: "all" } });
    const unlocked = await stack.call(`${other}/unlock`, { key: stack.keys.province, method: "POST" });
    expect(unlocked.status).toBe(400);
    expect(await unlocked.json()).toMatchObject({ code: "validation_failed", message: expect.stringContaining("Lý do mở khóa") });
  });

  it("takes submissions while the period is open", async () => {
    const response = await submit(stack, financeView, stack.keys.agency);
    expect(response.status).toBe(201);
    firstVersion = submissionReceiptSchema.parse(await response.json()).version;
    const state = await lockAnswer(await stack.call(`${BASE}/lock`, { key: stack.keys.agency }));
    expect(state.agency).toEqual({ locked: false, source: "none" });
  });

  it("locks the period for all agencies and says who locked it, when and why", async () => {
    const answer = await lockAnswer(await post("lock", { reason: "Đã chốt số liệu quý IV" }));
    expect(answer).toMatchObject({ decisionId: DECISION, period: PERIOD, all: { locked: true, source: "all", reason: "Đã chốt số liệu quý IV" } });
    expect(answer.entries).toEqual([
      expect.objectContaining({ scope: "all", locked: true, byLabel: "Sở KH&CN Phú Thọ", reason: "Đã chốt số liệu quý IV" }),
    ]);
    const seenByAgency = await lockAnswer(await stack.call(`${BASE}/lock`, { key: stack.keys.agency }));
    expect(seenByAgency).toMatchObject({ agencyId: "so-tai-chinh", agency: { locked: true, source: "all" } });
  });

  it("refuses a submission with 423 period_locked in Vietnamese and adds no version", async () => {
    const before = await storageSnapshot(stack);
    const rows = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const details = await expectLocked(await submit(stack, financeView, stack.keys.agency), "Sở Tài chính");
    expect(details).toMatchObject({ period: PERIOD, agencyId: "so-tai-chinh", source: "all" });
    await expectLocked(await submit(stack, healthView, stack.keys.otherAgency), "Sở Y tế");
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toEqual(rows);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("refuses a workbook upload, a workbook ingest and a results-report preview, storing nothing", async () => {
    const before = await storageSnapshot(stack);
    const form = await blankForm();
    const agencyPath = `${BASE}/agencies/so-tai-chinh`;
    const upload = await stack.call(`${agencyPath}/versions/${firstVersion}/workbook`, { key: stack.keys.agency, method: "PUT", body: form });
    await expectLocked(upload, "Sở Tài chính");
    const ingest = await stack.call(`${agencyPath}/workbook-ingest`, { key: stack.keys.agency, method: "POST", headers: { "content-type": XLSX }, body: await filledForm() });
    await expectLocked(ingest, "Sở Tài chính");
    const report = "TT\tChỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả thực hiện\n1\tTỷ lệ chi cho khoa học\tSở Tài chính\t\t1,2%";
    const preview = await stack.call(`${agencyPath}/results-report?dryRun=true&name=bao-cao.txt`, { key: stack.keys.province, method: "POST", body: report });
    await expectLocked(preview, "Sở Tài chính");
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("refuses an agency key's lock or unlock: only the province decides", async () => {
    const before = await storageSnapshot(stack);
    expect((await post("lock", {}, stack.keys.agency)).status).toBe(403);
    expect((await post("unlock", { reason: "Tự mở" }, stack.keys.agency)).status).toBe(403);
    expect((await stack.call(`${BASE}/lock`, { key: stack.keys.viewer })).status).toBe(403);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("refuses an unlock without a reason (400, in Vietnamese) and keeps the period locked", async () => {
    const before = await storageSnapshot(stack);
    for (const body of [{}, { reason: "   " }]) {
      const response = await post("unlock", body);
      expect(response.status).toBe(400);
      const error = apiErrorBodySchema.parse(await response.json());
      expect(error.code).toBe("validation_failed");
      expect(error.message).toContain("Lý do mở khóa");
    }
    expect(await storageSnapshot(stack)).toEqual(before);
    await expectLocked(await submit(stack, financeView, stack.keys.agency), "Sở Tài chính");
  });

  it("refuses a lock naming an agency the catalogue does not have, storing nothing", async () => {
    const before = await storageSnapshot(stack);
    const response = await post("lock", { agencyId: "so-khong-ton-tai", reason: "Thử" });
    expect(response.status).toBe(404);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("takes submissions and the workbook again once unlocked with a reason", async () => {
    const answer = await lockAnswer(await post("unlock", { reason: "Cho phép bổ sung số liệu" }));
    expect(answer.all).toMatchObject({ locked: false, source: "all", reason: "Cho phép bổ sung số liệu" });
    expect((await submit(stack, financeView, stack.keys.agency)).status).toBe(201);
    const upload = await stack.call(`${BASE}/agencies/so-tai-chinh/versions/${firstVersion}/workbook`, {
      key: stack.keys.agency,
      method: "PUT",
      body: await blankForm(),
    });
    expect(upload.status).toBe(201);
  });

  it("locks one agency alone: the other agency still submits", async () => {
    const answer = await lockAnswer(await post("lock", { agencyId: "so-y-te", reason: "Đang thanh tra số liệu" }));
    expect(answer).toMatchObject({ all: { locked: false }, agencyId: "so-y-te", agency: { locked: true, source: "agency" } });
    const before = await agencyRows(stack, DECISION, PERIOD, "so-y-te");
    const details = await expectLocked(await submit(stack, healthView, stack.keys.otherAgency), "Sở Y tế");
    expect(details).toMatchObject({ source: "agency" });
    expect(await agencyRows(stack, DECISION, PERIOD, "so-y-te")).toEqual(before);
    expect((await submit(stack, financeView, stack.keys.agency)).status).toBe(201);
  });

  it("opens one agency after a lock of all: that agency submits, the others stay closed", async () => {
    await lockAnswer(await post("lock", { reason: "Khóa lại toàn bộ" }));
    const answer = await lockAnswer(await post("unlock", { agencyId: "so-tai-chinh", reason: "Sở Tài chính xin nộp bổ sung" }));
    expect(answer).toMatchObject({ all: { locked: true }, agency: { locked: false, source: "agency" } });
    expect((await submit(stack, financeView, stack.keys.agency)).status).toBe(201);
    await expectLocked(await submit(stack, healthView, stack.keys.otherAgency), "Sở Y tế");
    const seenByProvince = await lockAnswer(await stack.call(`${BASE}/lock?agency=so-tai-chinh`, { key: stack.keys.province }));
    expect(seenByProvince).toMatchObject({ agencyId: "so-tai-chinh", agency: { locked: false, source: "agency" }, all: { locked: true } });
    expect(seenByProvince.entries.map((entry) => entry.agencyId ?? "all").sort()).toEqual(["all", "so-tai-chinh", "so-y-te"]);
    expect((await stack.call(`${BASE}/lock?agency=so-tai-chinh`, { key: stack.keys.otherAgency })).status).toBe(403);
    const seenByHealth = await lockAnswer(await stack.call(`${BASE}/lock`, { key: stack.keys.otherAgency }));
    // An agency reads the decisions for all and its own, never another agency's.
    expect(seenByHealth.entries.every((entry) => entry.scope === "all" || entry.agencyId === "so-y-te")).toBe(true);
    expect(seenByHealth.agency).toMatchObject({ locked: true, source: "all" });
  });
});

describe("the audit trail of the period", () => {
  const ORDER = ["submit", "lock", "unlock", "submit", "workbook", "lock", "submit", "lock", "unlock", "submit"];

  it("lists every change of the period in order, with who and a UTC time, and nothing for refused requests", async () => {
    const events = await auditOf();
    expect(events.map((event) => event.action)).toEqual(ORDER);
    const times = events.map((event) => event.at);
    expect([...times].sort()).toEqual(times);
    for (const event of events) {
      expect(event.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(vietnamTimeText(event.at)).toMatch(/^\d{2}:\d{2} ngày \d{2}\/12\/2025 \(giờ Việt Nam\)$/);
      expect(event.actor).toMatch(/^key:phu-tho\./);
      expect(event).toMatchObject({ decisionId: DECISION, period: PERIOD, province: "phu-tho" });
    }
    expect(events[0]).toMatchObject({ actorLabel: "Sở Tài chính", agencyId: "so-tai-chinh", version: 1 });
    expect(events[1]).toMatchObject({
      actorLabel: "Sở KH&CN Phú Thọ",
      details: { scope: "all", reason: "Đã chốt số liệu quý IV", before: false, after: true },
    });
    expect(events[2]!.details).toMatchObject({ scope: "all", reason: "Cho phép bổ sung số liệu", before: true, after: false });
    expect(events[4]).toMatchObject({ agencyId: "so-tai-chinh", version: 1, details: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(typeof events[4]!.details.mismatches).toBe("number");
    expect(events[5]).toMatchObject({ agencyId: "so-y-te", details: { scope: "agency", agencyId: "so-y-te", before: false, after: true } });
    expect(events[8]).toMatchObject({
      agencyId: "so-tai-chinh",
      details: { scope: "agency", agencyId: "so-tai-chinh", reason: "Sở Tài chính xin nộp bổ sung", before: true, after: false },
    });
  });

  it("filters by agency and action", async () => {
    const finance = await auditOf("?agency=so-tai-chinh");
    // The agency's own events and the locks of the whole period, which decided what it could still send.
    expect(finance.map((event) => event.action)).toEqual(["submit", "lock", "unlock", "submit", "workbook", "submit", "lock", "unlock", "submit"]);
    expect(finance.filter((event) => event.agencyId !== "so-tai-chinh").every((event) => event.agencyId === undefined && ["lock", "unlock"].includes(event.action))).toBe(true);
    const locks = await auditOf("?action=lock");
    expect(locks).toHaveLength(3);
    expect(locks.every((event) => event.action === "lock")).toBe(true);
  });

  it("shows an agency its own events only, and refuses another agency's or a viewer", async () => {
    const own = await auditOf("", stack.keys.agency);
    expect(own.map((event) => event.action)).toEqual(["submit", "lock", "unlock", "submit", "workbook", "submit", "lock", "unlock", "submit"]);
    expect(await auditOf("?agency=so-tai-chinh", stack.keys.agency)).toEqual(own);
    const health = await auditOf("", stack.keys.otherAgency);
    expect(health.filter((event) => event.agencyId === "so-y-te").map((event) => event.action)).toEqual(["lock"]);
    expect(health.some((event) => event.agencyId === "so-tai-chinh")).toBe(false);
    const other = await stack.call(`${BASE}/audit?agency=so-y-te`, { key: stack.keys.agency });
    expect(other.status).toBe(403);
    expect(apiErrorBodySchema.parse(await other.json()).message).toContain("nhật ký của cơ quan mình");
    expect((await stack.call(`${BASE}/audit`, { key: stack.keys.viewer })).status).toBe(403);
    expect((await stack.call(`${BASE}/audit`, { key: stack.keys.otherProvince })).status).toBe(403);
  });

  it("refuses an unknown action or format with 400", async () => {
    for (const query of ["?action=delete", "?format=pdf", "?agency=Không hợp lệ"]) {
      const response = await stack.call(`${BASE}/audit${query}`, { key: stack.keys.province });
      expect(response.status).toBe(400);
      expect(apiErrorBodySchema.parse(await response.json()).code).toBe("validation_failed");
    }
  });

  it("exports the trail as an xlsx log with Vietnamese headers, Vietnam times as dates, one row per event", async () => {
    const events = await auditOf();
    const response = await stack.call(`${BASE}/audit?format=xlsx`, { key: stack.keys.province });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Nhật ký"]);
    const sheet = workbook.getWorksheet("Nhật ký")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Thời điểm", "Người thực hiện", "Hành động", "Cơ quan", "Phiên bản", "Chi tiết"]);
    expect(sheet.actualRowCount).toBe(events.length + 1);
    events.forEach((event, index) => {
      const row = sheet.getRow(index + 2);
      const when = row.getCell(1).value;
      expect(when).toBeInstanceOf(Date);
      // The cell shows Vietnam's wall clock: the stored UTC instant seven hours on.
      expect(Math.abs((when as Date).getTime() - (Date.parse(event.at) + 7 * 3_600_000))).toBeLessThan(1000);
      expect(String(row.getCell(2).value)).toContain(event.actorLabel!);
    });
    const row = (n: number) => sheet.getRow(n + 2);
    expect(row(0).getCell(3).value).toBe("Nộp báo cáo");
    expect(row(0).getCell(4).value).toBe("Sở Tài chính");
    expect(row(0).getCell(5).value).toBe(1);
    expect(row(1).getCell(3).value).toBe("Khóa kỳ báo cáo");
    expect(row(1).getCell(6).value).toBe("Tất cả cơ quan. Lý do: Đã chốt số liệu quý IV. Trước: đang mở; sau: đã khóa.");
    expect(row(4).getCell(3).value).toBe("Gửi tệp Excel");
    expect(row(8).getCell(6).value).toContain("Riêng Sở Tài chính");
  });

  it("exports an agency's own log for an agency key", async () => {
    const response = await stack.call(`${BASE}/audit?format=xlsx`, { key: stack.keys.otherAgency });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("Nhật ký")!;
    const agencies = Array.from({ length: sheet.actualRowCount - 1 }, (_, index) => sheet.getRow(index + 2).getCell(4).value);
    expect(agencies).toContain("Sở Y tế");
    expect(agencies).not.toContain("Sở Tài chính");
  });
});

describe("the province's own trail: imports, registrations, keys", () => {
  async function provinceEvents(query = ""): Promise<AuditEvent[]> {
    const response = await stack.call(`/audit${query}`, { key: stack.keys.province });
    expect(response.status).toBe(200);
    return auditAnswerSchema.parse(await response.json()).events;
  }

  it("records an import (not its dry run) and a registration", async () => {
    const sheets = JSON.stringify(decisionSheets("77/QĐ-UBND", 2026, [["Sở Tài chính", [[ONLINE, "Tối thiểu 90%"]]]]));
    const importOf = (dryRun: string) =>
      stack.call(`/catalogue/import?format=sheets&dryRun=${dryRun}`, { key: stack.keys.province, method: "POST", headers: { "content-type": "application/json" }, body: sheets });
    expect((await importOf("true")).status).toBe(200);
    expect(await provinceEvents()).toEqual([]);
    const imported = await importOf("false");
    expect(imported.status).toBe(201);
    const decisionId = ((await imported.json()) as { decision: { id: string } }).decision.id;

    const registered = await stack.call("/agencies", {
      key: stack.keys.province,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agencies: [{ name: "Ban Quản lý các khu công nghiệp" }] }),
    });
    expect(registered.status).toBe(200);
    const added = ((await registered.json()) as { added: Array<{ id: string }> }).added.map((row) => row.id);

    const events = await provinceEvents();
    expect(events.map((event) => event.action)).toEqual(["import", "register"]);
    expect(events[0]).toMatchObject({ actorLabel: "Sở KH&CN Phú Thọ", province: "phu-tho", details: { decisions: [decisionId], rows: 1 } });
    expect(events[0]!.period).toBeUndefined();
    expect(events[1]!.details).toMatchObject({ added, catalogueVersion: expect.any(Number) });
    expect((await provinceEvents("?action=register")).map((event) => event.action)).toEqual(["register"]);
  });

  it("records a key issued and revoked with the command line, and not a revoke that changed nothing", async () => {
    const env = storageEnvironment(stack);
    const issued = await runKpi(["key", "issue", "--role", "viewer", "--province", "phu-tho", "--label", "Thanh tra tỉnh", "--json"], env);
    expect(issued.code, issued.stderr).toBe(0);
    const keyId = (JSON.parse(issued.stdout) as { keyId: string }).keyId;
    expect((await runKpi(["key", "revoke", keyId], env)).code).toBe(0);
    expect((await runKpi(["key", "revoke", keyId], env)).code).toBe(0);

    const keys = await provinceEvents("?action=key_issue");
    expect(keys).toEqual([
      expect.objectContaining({ action: "key_issue", actorLabel: "Dòng lệnh kpi", details: { keyId, role: "viewer", label: "Thanh tra tỉnh" } }),
    ]);
    expect(keys[0]!.actor).toMatch(/^cli:/);
    expect((await provinceEvents("?action=key_revoke")).map((event) => event.details.keyId)).toEqual([keyId]);
  });

  it("keeps the province's trail from agency keys and viewers", async () => {
    expect((await stack.call("/audit", { key: stack.keys.agency })).status).toBe(403);
    expect((await stack.call("/audit", { key: stack.keys.viewer })).status).toBe(403);
  });
});

describe("the automatic lock (KPI_AUTO_LOCK_DAYS)", () => {
  let auto: TestStack;
  const clock = steppingClock("2025-12-22T03:00:00Z");

  beforeAll(async () => {
    auto = await startStack({ now: clock.now, settings: { autoLockDays: 3 } });
  });
  afterAll(() => auto?.close());

  it("keeps the period open until N days after the due date, then refuses with 423", async () => {
    const view = await assignmentsOf(auto, auto.keys.agency);
    const open = lockAnswerSchema.parse(await (await auto.call(`${BASE}/lock`, { key: auto.keys.province })).json());
    // Due 20/12/2025, the day ends at 17:00 UTC; three days later.
    expect(open).toMatchObject({ automaticAt: "2025-12-23T17:00:00.000Z", all: { locked: false } });
    expect((await submit(auto, view, auto.keys.agency)).status).toBe(201);

    clock.set("2025-12-24T03:00:00Z");
    const before = await agencyRows(auto, DECISION, PERIOD, "so-tai-chinh");
    const response = await submit(auto, view, auto.keys.agency);
    expect(response.status).toBe(423);
    const body = apiErrorBodySchema.parse(await response.json());
    expect(body.message).toContain("Khóa tự động sau hạn nộp báo cáo");
    expect(body.details).toMatchObject({ source: "automatic", lockedAt: "2025-12-23T17:00:00.000Z" });
    expect(await agencyRows(auto, DECISION, PERIOD, "so-tai-chinh")).toEqual(before);
  });

  it("lets the province open one agency after the automatic lock", async () => {
    const response = await auto.call(`${BASE}/unlock`, {
      key: auto.keys.province,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agencyId: "so-tai-chinh", reason: "Gia hạn do sự cố mạng" }),
    });
    expect(response.status).toBe(200);
    expect(lockAnswerSchema.parse(await response.json())).toMatchObject({ all: { locked: true, source: "automatic" }, agency: { locked: false } });
    expect((await submit(auto, await assignmentsOf(auto, auto.keys.agency), auto.keys.agency)).status).toBe(201);
    expect((await submit(auto, await assignmentsOf(auto, auto.keys.otherAgency), auto.keys.otherAgency)).status).toBe(423);
  });
});
