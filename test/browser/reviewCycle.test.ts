import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Locator } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TABLE_FIRST_ROW } from "../../addin/report/planReportTable";
import { auditAnswerSchema, versionViewSchema, type VersionView } from "../../shared/api/review";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { startAddinStack, type AddinStack } from "../support/addinStack";
import { launchChromium } from "../support/chromium";
import { TaskpanePage } from "./taskpanePage";

/**
 * The province's evaluation cycle through the task pane, in real Chromium against the real host on Azurite: the
 * agency submits with a cited document, the province judges the value no rule can judge and returns the report with
 * a row comment, the agency reads the return and resubmits, the province approves and locks the period, and the
 * agency's next submission is refused. Vĩnh Phúc's decision is used because Sở Lao động - Thương binh và Xã hội has
 * targets of every sort a person reviews: a deliverable due in the year and tasks with no threshold ("Thực hiện
 * theo lộ trình của Bộ"). The screenshots of both views are test artifacts, and go to docs/ with `npm run screenshots`.
 */

const DECISION = "vinh-phuc-488-qd-ct";
const PERIOD = "2022-Q4";
const AGENCY = "so-lao-dong-thuong-binh-va-xa-hoi";
const PROVINCE_LABEL = "Sở Thông tin và Truyền thông Vĩnh Phúc";
const REASON = "Đã đối chiếu lộ trình của Bộ: triển khai đúng tiến độ năm 2022.";
const ROW_COMMENT = "Kiểm tra lại tử số: số hồ sơ giải quyết đúng hạn trong quý là 20.";
const OVERALL = "Đề nghị sửa chỉ tiêu được đánh dấu và nộp lại trước ngày 10/01/2023.";
const CITATION = { number: "15/KH-SLĐTBXH", date: "20/10/2022", summary: "Kế hoạch chuyển đổi số năm 2022 của Sở" };
const EVIDENCE_FILE = "ke-hoach-15.pdf";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const artifactsDir = resolve("test-results/screenshots");
/** The lock answers after this plus a second (lockSettleMs). */
const LOCK_CACHE_MS = 500;
/** Set by `npm run screenshots`: the pictures of both views are written there too (docs/). */
const docsDir = process.env.KPI_SCREENSHOT_DIR ? resolve(process.env.KPI_SCREENSHOT_DIR) : undefined;

let system: AddinStack;
let browser: Browser;
const contexts: BrowserContext[] = [];
let agency: TaskpanePage;
let province: TaskpanePage;
let keys: { province: string; agency: string };
let view: PeriodAssignments;

beforeAll(async () => {
  // Lock reads cached for a moment, as on Azure: the lock's answer waits until no cached read can still let a report in,
  // and the province sees meanwhile that the lock is under way.
  [system, browser] = await Promise.all([startAddinStack({ stack: { settings: { lockCacheMs: LOCK_CACHE_MS } } }), launchChromium()]);
  await mkdir(artifactsDir, { recursive: true });
  const issue = async (input: Parameters<typeof system.stack.services.keys.issue>[0]) => (await system.stack.services.keys.issue(input)).token;
  keys = {
    province: await issue({ role: "province", province: "vinh-phuc", label: PROVINCE_LABEL }),
    agency: await issue({ role: "agency", province: "vinh-phuc", agencyId: AGENCY, label: "Sở Lao động - Thương binh và Xã hội" }),
  };
  view = periodAssignmentsSchema.parse(await (await api(`/decisions/${DECISION}/periods/${PERIOD}/assignments`, keys.agency)).json());
  agency = await officer(keys.agency);
  province = await officer(keys.province);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

/** Both panes after every step, as test artifacts: what each officer saw when a step failed. */
afterEach(async (context) => {
  const step = context.task.name.split(":")[0]!.replace(/\W+/g, "-");
  await agency?.pane.screenshot({ path: join(artifactsDir, `cycle-${step}-agency.png`) }).catch(() => undefined);
  await province?.pane.screenshot({ path: join(artifactsDir, `cycle-${step}-province.png`) }).catch(() => undefined);
});

function api(path: string, key: string): Promise<Response> {
  return system.stack.call(path, { key });
}

/** An officer on a computer of their own (own remembered connection), connected and on the period. */
async function officer(key: string): Promise<TaskpanePage> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = new TaskpanePage(await context.newPage());
  await page.open(system.origin);
  await page.connect(key);
  await page.page.getByLabel("Kỳ báo cáo", { exact: true }).selectOption(PERIOD);
  return page;
}

function assignment(code: string) {
  const found = view.assignments.find((item) => item.indicatorCode === code);
  if (!found) throw new Error(`${AGENCY} has no ${code} in ${DECISION}`);
  return found;
}

const rowOf = (code: string) => TABLE_FIRST_ROW + view.assignments.findIndex((item) => item.indicatorCode === code);
/** A deliverable due in the year: "done" is flagged unless a document is cited. */
const DELIVERABLE = "CDS-123";
/** "Thực hiện theo lộ trình của Bộ LD-TB&XH": no rule can judge it. */
const TASK = "CDS-124";
/** ">95%": 19/20 is not met; the province asks to check the numerator. */
const RATE = "CDS-083";
/** ">90%": 19/20 is met by the rule, nothing for a person to look at. */
const PLAIN = "CDS-079";
/** A task with no written target, left empty in the resubmission and carried forward. */
const CARRIED = "CDS-125";

async function version(n: number): Promise<VersionView> {
  const response = await api(`/decisions/${DECISION}/periods/${PERIOD}/agencies/${AGENCY}/versions/${n}`, keys.province);
  expect(response.status).toBe(200);
  return versionViewSchema.parse(await response.json());
}

async function versionsStored(): Promise<number[]> {
  const response = await api(`/decisions/${DECISION}/periods/${PERIOD}/agencies/${AGENCY}/versions`, keys.agency);
  return ((await response.json()).versions as Array<{ version: number }>).map((item) => item.version);
}

const valueOf = (stored: VersionView, code: string) => stored.values.find((value) => value.assignmentId === assignment(code).assignmentId);
const row = (page: TaskpanePage, code: string) => page.pane.getByRole("listitem", { name: `Chỉ tiêu ${code}`, exact: true });

/** The evidence stored with a row's value (not the agency's form for the next submission). */
const sentEvidence = (page: TaskpanePage, code: string) => row(page, code).getByRole("list", { name: "Minh chứng", exact: true });

/** A section of the pane in full: the window is made as tall as the section for the picture, then put back. */
async function shoot(page: TaskpanePage, section: Locator, name: string): Promise<void> {
  const box = await section.evaluate((element) => element.scrollHeight);
  await page.page.setViewportSize({ width: 1280, height: Math.min(6000, box + 400) });
  await section.scrollIntoViewIfNeeded();
  const image = await section.screenshot({ path: join(artifactsDir, `${name}.png`) });
  if (docsDir) await writeFile(join(docsDir, `${name}.png`), image);
  await page.page.setViewportSize({ width: 1280, height: 900 });
}

describe("the evaluation cycle in the task pane", { timeout: 90_000 }, () => {
  it("agency: warns of a row left empty, cites a document for a deliverable, submits version 1 and attaches a file", async () => {
    await agency.button("Lấy chỉ tiêu").click();
    await agency.pane.getByText(`Đã ghi ${view.assignments.length} chỉ tiêu vào trang "Báo cáo"`).waitFor();
    for (const item of view.assignments) {
      const at = rowOf(item.indicatorCode);
      if (item.indicatorKind === "percent") {
        await agency.type(`E${at}`, "19");
        await agency.type(`F${at}`, "20");
      } else if (item.indicatorKind === "count") {
        await agency.type(`G${at}`, "3");
      } else if (item.indicatorCode !== CARRIED) {
        await agency.type(`G${at}`, "Hoàn thành");
      }
    }

    await agency.button("Nộp báo cáo").click();
    const warning = agency.pane.getByRole("status").filter({ hasText: "Báo cáo chưa đủ" });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`Còn 1 chỉ tiêu chưa có số liệu: ${CARRIED}`);
    expect(await warning.textContent()).toContain("Gửi báo cáo thiếu?");
    expect(await versionsStored()).toEqual([]);
    await agency.type(`G${rowOf(CARRIED)}`, "Đã cập nhật hệ thống theo hướng dẫn của Bộ");

    const deliverable = row(agency, DELIVERABLE);
    await deliverable.getByRole("button", { name: "Minh chứng" }).click();
    await deliverable.getByLabel("Số hiệu").fill(CITATION.number);
    await deliverable.getByLabel("Ngày ban hành").fill("31/02/2022");
    await deliverable.getByLabel("Trích yếu").fill(CITATION.summary);
    await deliverable.getByRole("button", { name: "Thêm minh chứng" }).click();
    await deliverable.getByText("Ngày ban hành viết dạng ngày/tháng/năm").waitFor();
    await deliverable.getByLabel("Ngày ban hành").fill(CITATION.date);
    await deliverable.getByRole("button", { name: "Thêm minh chứng" }).click();
    await deliverable.getByText(`Gửi kèm lần nộp tới: Số ${CITATION.number} ngày ${CITATION.date}: ${CITATION.summary}`).waitFor();

    await agency.button("Nộp báo cáo").click();
    await agency.pane.getByLabel("Biên nhận nộp báo cáo").getByText("Phiên bản1").waitFor();
    const first = await version(1);
    expect(valueOf(first, DELIVERABLE)).toMatchObject({
      evidence: [{ documentNumber: CITATION.number, issuedOn: "2022-10-20", summary: CITATION.summary }],
      verdict: "met",
    });
    expect(valueOf(first, DELIVERABLE)?.flags ?? []).toEqual([]);
    expect(valueOf(first, TASK)?.verdict).toBe("needs_review");
    expect(first.review.state).toBe("submitted");
    await sentEvidence(agency, DELIVERABLE).getByText(`Số ${CITATION.number} ngày ${CITATION.date}: ${CITATION.summary}`).waitFor();

    // A file proves the stored value: it goes to version 1 at once.
    await deliverable.getByLabel("Tệp minh chứng cho bản 1").setInputFiles({ name: EVIDENCE_FILE, mimeType: "application/pdf", buffer: PDF });
    await deliverable.getByRole("button", { name: "Tải tệp lên" }).click();
    await sentEvidence(agency, DELIVERABLE).getByRole("button", { name: `Tải tệp ${EVIDENCE_FILE}` }).waitFor();
    expect(valueOf(await version(1), DELIVERABLE)?.files).toMatchObject([{ name: EVIDENCE_FILE, kind: "pdf", size: PDF.byteLength }]);
  });

  it("province: judges the value no rule can judge, with its reason, and returns the report with a row comment", async () => {
    // The province opened its pane before the agency sent anything.
    await province.button("Làm mới").click();
    await province.pane.getByRole("listitem").filter({ hasText: "Sở Lao động" }).filter({ hasText: "Đã nộp" }).first().waitFor();
    await province.pane.getByLabel("Cơ quan", { exact: true }).selectOption(AGENCY);
    const review = province.pane.getByRole("region", { name: "Xem xét báo cáo" });
    const task = row(province, TASK);
    await task.getByText("Cần đánh giá", { exact: true }).first().waitFor();
    await sentEvidence(province, DELIVERABLE).getByText(`Số ${CITATION.number} ngày ${CITATION.date}: ${CITATION.summary}`).waitFor();
    const [download] = await Promise.all([
      province.page.waitForEvent("download"),
      sentEvidence(province, DELIVERABLE).getByRole("button", { name: `Tải tệp ${EVIDENCE_FILE}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(EVIDENCE_FILE);
    expect(new Uint8Array(await readFile(await download.path()))).toEqual(new Uint8Array(PDF));

    await province.button("Lưu đánh giá").waitFor();
    expect(await province.button("Lưu đánh giá").getAttribute("aria-disabled")).toBe("true");
    await task.getByLabel("Đánh giá của tỉnh").selectOption("met");
    await province.button("Lưu đánh giá").click();
    await review.getByText("chưa ghi lý do đánh giá").waitFor();
    await task.getByLabel("Lý do đánh giá").fill(REASON);
    await province.button("Lưu đánh giá").click();
    await review.getByText("Đã lưu đánh giá của tỉnh.").waitFor();
    await task.getByText(`Đạt (đánh giá của ${PROVINCE_LABEL}: ${REASON})`).waitFor();
    expect(valueOf(await version(1), TASK)).toMatchObject({ final: { verdict: "met", decidedBy: "person" }, person: { reason: REASON } });

    const rate = row(province, RATE);
    await rate.getByRole("button", { name: "Đánh giá, nhận xét" }).click();
    await rate.getByLabel("Nhận xét cho dòng này (gửi kèm khi trả lại)").fill(ROW_COMMENT);
    await province.button("Trả lại").click();
    await province.button("Xác nhận trả lại").click();
    await review.getByText("Cần ghi nhận xét chung để cơ quan biết phải sửa gì.").waitFor();
    expect((await version(1)).review.state).toBe("submitted");
    await review.getByLabel("Nhận xét chung (bắt buộc khi trả lại)").fill(OVERALL);
    await review.getByText("Cơ quan sẽ thấy nhận xét chung và nhận xét ở 1 dòng", { exact: false }).waitFor();
    await review.getByRole("checkbox", { name: /^Chỉ hiện dòng cần xem xét/ }).check();
    await expect.poll(() => row(province, PLAIN).count()).toBe(0);
    expect(await row(province, RATE).count()).toBe(1);
    await shoot(province, review, "review-view");
    await province.button("Xác nhận trả lại").click();
    await review.getByText(/^Đã trả lại bản 1 cho Sở Lao động/).waitFor();
    const returned = await version(1);
    expect(returned.review).toMatchObject({ state: "returned", comment: OVERALL, rows: [{ assignmentId: assignment(RATE).assignmentId, comment: ROW_COMMENT }] });
    await province.pane.getByRole("listitem").filter({ hasText: "Sở Lao động" }).filter({ hasText: "Bị trả lại" }).first().waitFor();
  });

  it("agency: sees the return, the row to fix with its comment and the province's verdict with its reason", async () => {
    await agency.button("Làm mới").click();
    const report = agency.pane.getByRole("region", { name: "Báo cáo của cơ quan" });
    const notice = report.getByRole("status").filter({ hasText: "Báo cáo bị trả lại" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(OVERALL);
    const rate = row(agency, RATE);
    await rate.getByText(`Nhận xét của tỉnh: ${ROW_COMMENT}`).waitFor();
    expect(await rate.getAttribute("class")).toContain("kpi-returned-row");
    expect(await row(agency, TASK).getAttribute("class")).not.toContain("kpi-returned-row");
    await row(agency, TASK).getByText(`Đạt (đánh giá của ${PROVINCE_LABEL}: ${REASON})`).waitFor();
    await report.getByRole("checkbox", { name: /^Chỉ hiện dòng tỉnh nhận xét/ }).check();
    await expect.poll(() => row(agency, PLAIN).count()).toBe(0);
    expect(await row(agency, RATE).count()).toBe(1);
    await shoot(agency, report, "returned-view");
  });

  it("agency: corrects the row, leaves one empty and keeps its previous value: version 2 answers the return", async () => {
    await agency.type(`E${rowOf(RATE)}`, "20");
    await agency.type(`G${rowOf(CARRIED)}`, "");
    await agency.button("Nộp báo cáo").click();
    await agency.pane.getByText(`Còn 1 chỉ tiêu chưa có số liệu: ${CARRIED}`, { exact: false }).waitFor();
    await agency.button("Gửi, giữ số liệu bản trước cho các chỉ tiêu này").click();
    await agency.pane.getByLabel("Biên nhận nộp báo cáo").getByText("Phiên bản2").waitFor();
    await agency.pane.getByLabel("Biên nhận nộp báo cáo").getByText("1 chỉ tiêu giữ số liệu của bản 1.").waitFor();
    expect(await versionsStored()).toEqual([2, 1]);
    const second = await version(2);
    expect(second.review.state).toBe("resubmitted");
    expect(valueOf(second, RATE)).toMatchObject({ numerator: 20, denominator: 20, verdict: "met" });
    expect(valueOf(second, CARRIED)).toMatchObject({ carriedForwardFrom: 1, actual: "Đã cập nhật hệ thống theo hướng dẫn của Bộ" });
    expect(valueOf(second, DELIVERABLE)?.evidence).toEqual([{ documentNumber: CITATION.number, issuedOn: "2022-10-20", summary: CITATION.summary }]);
    expect(valueOf(second, TASK)?.final).toMatchObject({ verdict: "met", decidedBy: "person" });
    await agency.pane.getByRole("region", { name: "Báo cáo của cơ quan" }).getByText(/Bản 2, nộp lúc .* · Đã nộp lại/).waitFor();
    const versions = agency.pane.getByRole("table", { name: "Các phiên bản đã nộp" });
    await versions.getByRole("row").filter({ hasText: "Đã nộp lại" }).waitFor();
    await versions.getByRole("row").filter({ hasText: "Bị trả lại" }).waitFor();
  });

  it("province: approves version 2 and locks the period, both confirmed", async () => {
    await province.button("Làm mới").click();
    const review = province.pane.getByRole("region", { name: "Xem xét báo cáo" });
    await review.getByText(/^Bản 2, nộp lúc/).waitFor();
    // By keyboard: the confirmation takes the focus from the button that opened it. The button answers once the
    // refresh is over (until then it is aria-disabled, as it should be).
    await expect.poll(() => province.button("Duyệt").getAttribute("aria-disabled")).not.toBe("true");
    await province.button("Duyệt").focus();
    await province.page.keyboard.press("Enter");
    await expect.poll(() => province.button("Xác nhận duyệt").evaluate((element) => element === document.activeElement)).toBe(true);
    await province.page.keyboard.press("Enter");
    await review.getByText(/^Đã duyệt bản 2 của Sở Lao động/).waitFor();
    expect((await version(2)).review.state).toBe("approved");

    const lock = province.pane.getByRole("region", { name: "Khóa kỳ báo cáo" });
    await lock.getByText("Tất cả cơ quan: đang mở.").waitFor();
    // The reason takes the focus as the confirmation opens, before the browser draws again: a key pressed at once
    // lands there, its first letter included.
    const focusedAtOnce = await province.button("Khóa kỳ báo cáo").evaluate(
      (button) =>
        new Promise<string | null | undefined>((resolve) => {
          (button as HTMLElement).click();
          setTimeout(() => resolve((document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent));
        }),
    );
    expect(focusedAtOnce).toBe("Lý do khóa (không bắt buộc)");
    await province.page.keyboard.type("Đã duyệt xong báo cáo quý IV.");
    expect(await lock.getByLabel("Lý do khóa (không bắt buộc)").inputValue()).toBe("Đã duyệt xong báo cáo quý IV.");
    await province.button("Xác nhận khóa").click();
    const underWay = province.pane.getByText("Đang khóa kỳ báo cáo (vài giây, để mọi máy chủ cùng dừng nhận số liệu)…");
    await underWay.waitFor();
    // The request has left: "Hủy" (nothing changes) would no longer be true, so it waits with it.
    expect(await province.button("Hủy").getAttribute("aria-disabled")).toBe("true");
    await province.pane.screenshot({ path: join(artifactsDir, "cycle-locking-province.png") });
    await lock.getByText(/^Đã khóa .* đối với tất cả cơ quan\.$/).waitFor();
    expect(await underWay.count()).toBe(0);
    await lock.getByText(/^Tất cả cơ quan: đã khóa lúc .* bởi Sở Thông tin và Truyền thông Vĩnh Phúc\. Lý do: Đã duyệt xong báo cáo quý IV\./).waitFor();
    await province.pane.getByRole("listitem").filter({ hasText: "Sở Lao động" }).filter({ hasText: "Đã duyệt" }).first().waitFor();
    expect(await province.button("Khóa kỳ báo cáo").getAttribute("aria-disabled")).toBe("true");

    // Opening it again needs a reason: the confirmation waits for one.
    await province.button("Mở khóa").click();
    await lock.getByText("Cần ghi lý do mở khóa.").waitFor();
    expect(await province.button("Xác nhận mở khóa").getAttribute("aria-disabled")).toBe("true");
    await province.button("Hủy").click();
  });

  it("agency: a further submission is refused with the Vietnamese locked message and nothing is stored", async () => {
    await agency.type(`G${rowOf(CARRIED)}`, "Đã cập nhật hệ thống theo hướng dẫn của Bộ");
    await agency.button("Nộp báo cáo").click();
    const refusal = agency.pane.getByRole("alert").filter({ hasText: "Kỳ báo cáo đã khóa: chưa nộp được" });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/đã khóa.*không nhận thêm số liệu/);
    expect(await versionsStored()).toEqual([2, 1]);
  });

  it("lists the report's history in the province's pane: submit, verdict, return, approve, lock", async () => {
    const history = province.pane.getByRole("region", { name: "Lịch sử báo cáo" });
    await province.pane.getByLabel("Cơ quan", { exact: true }).selectOption("");
    await province.pane.getByLabel("Cơ quan", { exact: true }).selectOption(AGENCY);
    await history.getByText("Khóa kỳ báo cáo", { exact: false }).waitFor();
    const text = (await history.textContent()) ?? "";
    for (const action of ["Nộp báo cáo (bản 1)", "Đánh giá của tỉnh (bản 1)", "Trả lại báo cáo (bản 1)", "Nộp báo cáo (bản 2)", "Duyệt báo cáo (bản 2)", "Khóa kỳ báo cáo"]) {
      expect(text).toContain(action);
    }
    expect(text).toContain(REASON);
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    const audit = auditAnswerSchema.parse(await (await api(`/decisions/${DECISION}/periods/${PERIOD}/audit`, keys.province)).json());
    const actions = new Set(audit.events.map((event) => event.action));
    for (const action of ["submit", "verdict", "return", "approve", "lock"] as const) expect(actions).toContain(action);
  });
});
