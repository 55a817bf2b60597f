import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TABLE_FIRST_ROW } from "../../addin/report/planReportTable";
import { DEMO_DECISION } from "../../functions/local/demoData";
import { startLocalHost } from "../../functions/local/localHost";
import { ROUTES } from "../../functions/http/routes";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import { startAddinStack, type AddinStack } from "../support/addinStack";
import { launchChromium } from "../support/chromium";
import { TaskpanePage } from "./taskpanePage";

/**
 * The task pane in real Chromium, as an officer uses it, against the real functions host on Azurite through the
 * HTTPS dev server: the preview page ("Xem thử ngoài Excel") on the in-page workbook. Screenshots are kept as test
 * artifacts (test-results/screenshots), or written to KPI_SCREENSHOT_DIR (`npm run screenshots` → docs/).
 */

const PERIOD = "2025-Q4";
const PANE_WIDTH = 350;
const artifactsDir = resolve("test-results/screenshots");
/** Set by `npm run screenshots`: the README's pictures are written there too. */
const docsDir = process.env.KPI_SCREENSHOT_DIR ? resolve(process.env.KPI_SCREENSHOT_DIR) : undefined;

let system: AddinStack;
let browser: Browser;
let agency: BrowserContext;
let officer: TaskpanePage;
let view: PeriodAssignments;

beforeAll(async () => {
  [system, browser] = await Promise.all([startAddinStack(), launchChromium()]);
  await mkdir(artifactsDir, { recursive: true });
  if (docsDir) await mkdir(docsDir, { recursive: true });
  const response = await system.stack.call(`/decisions/${DEMO_DECISION}/periods/${PERIOD}/assignments`, { key: system.stack.keys.agency });
  view = await response.json();
  agency = await newContext();
  officer = new TaskpanePage(await agency.newPage());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await system?.close();
});

/** A browser profile of its own (its own remembered connection), trusting the dev server's certificate. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  context.setDefaultTimeout(15_000);
  return context;
}

/** A province officer on another computer, connected with the province's key. */
async function asProvince(work: (province: TaskpanePage) => Promise<void>): Promise<void> {
  const context = await newContext();
  try {
    const province = new TaskpanePage(await context.newPage());
    await province.open(system.origin);
    await province.connect(system.stack.keys.province);
    await work(province);
  } finally {
    await context.close();
  }
}

/** A rate with a plain threshold of at least 50%: 19/20 meets it, 1/20 does not. */
function plainRate() {
  const rate = view.assignments.find((assignment) => assignment.indicatorKind === "percent" && Number(/^Tối thiểu (\d+)%$/.exec(assignment.targetText)?.[1]) >= 50);
  if (!rate) throw new Error("the demo catalogue has no rate with a plain threshold for Sở Tài chính");
  return rate;
}

const rowOf = (code: string) => TABLE_FIRST_ROW + view.assignments.findIndex((assignment) => assignment.indicatorCode === code);

async function versionsStored(): Promise<number[]> {
  const response = await system.stack.call(`/decisions/${DEMO_DECISION}/periods/${PERIOD}/agencies/so-tai-chinh/versions`, { key: system.stack.keys.agency });
  return ((await response.json()).versions as Array<{ version: number }>).map((version) => version.version);
}

/** Every screenshot is a test artifact; those the README shows are also written to docsDir. */
async function shoot(target: Locator | Page, name: string, options: { documented: boolean }): Promise<void> {
  const image = await target.screenshot({ path: join(artifactsDir, `${name}.png`) });
  if (docsDir && options.documented) await writeFile(join(docsDir, `${name}.png`), image);
}

describe("the task pane in Chromium against the local stack", { timeout: 60_000 }, () => {
  it("connects, pulls the assignments into the sheet, takes the officer's values and submits them: receipt in the pane and the sheet", async () => {
    await officer.open(system.origin);
    expect(await officer.pane.boundingBox()).toMatchObject({ width: PANE_WIDTH });
    await officer.connect(system.stack.keys.agency);
    await officer.pane.getByText(/^Sở Tài chính · /).waitFor();
    await officer.page.getByLabel("Kỳ báo cáo", { exact: true }).selectOption(PERIOD);
    await officer.button("Lấy chỉ tiêu").click();
    await officer.pane.getByText(`Đã ghi ${view.assignments.length} chỉ tiêu vào trang "Báo cáo"`).waitFor();
    const first = view.assignments[0]!;
    expect(await officer.cell(`B${rowOf(first.indicatorCode)}`)).toBe(first.indicatorCode);
    expect(await officer.cell(`D${rowOf(first.indicatorCode)}`)).toBe(first.targetText);

    for (const assignment of view.assignments) {
      const row = rowOf(assignment.indicatorCode);
      if (assignment.indicatorKind === "percent") {
        await officer.type(`E${row}`, "19");
        await officer.type(`F${row}`, "20");
      } else {
        await officer.type(`G${row}`, "Hoàn thành");
      }
    }
    const rate = plainRate();
    expect(await officer.cell(`G${rowOf(rate.indicatorCode)}`)).toBe("95,0%");
    expect(await officer.cell(`H${rowOf(rate.indicatorCode)}`)).toBe("Đạt");

    await officer.button("Nộp báo cáo").click();
    const receipt = officer.pane.getByLabel("Biên nhận nộp báo cáo");
    await receipt.waitFor();
    expect(await receipt.textContent()).toMatch(/Số biên nhận.*Phiên bản1.*Thời gian nộp.*giờ Việt Nam/);
    expect(await officer.cell("J1")).toBe("Số biên nhận");
    expect(await officer.cell("K2")).toBe("1");
    expect(await officer.cell(`N${rowOf(rate.indicatorCode)}`)).toBe("Đạt");
    expect(await versionsStored()).toEqual([1]);
    await officer.pane.getByRole("table", { name: "Các phiên bản đã nộp" }).getByRole("row").nth(1).waitFor();
    await shoot(officer.pane, "agency", { documented: true });
    await shoot(officer.page, "preview", { documented: true });
  });

  it("submits a corrected value as version 2 and lists both versions", async () => {
    const rate = plainRate();
    await officer.type(`E${rowOf(rate.indicatorCode)}`, "1");
    expect(await officer.cell(`H${rowOf(rate.indicatorCode)}`)).toBe("Không đạt");
    await officer.button("Nộp báo cáo").click();
    await officer.pane.getByLabel("Biên nhận nộp báo cáo").getByText("Phiên bản2").waitFor();
    expect(await officer.cell("K2")).toBe("2");
    expect(await versionsStored()).toEqual([2, 1]);
    await expect.poll(() => officer.pane.getByRole("table", { name: "Các phiên bản đã nộp" }).getByRole("row").count()).toBe(3);
  });

  it("points at the cell to fix and sends nothing while the table has a fault", async () => {
    const rate = plainRate();
    const row = rowOf(rate.indicatorCode);
    await officer.type(`E${row}`, "30");
    await officer.button("Nộp báo cáo").click();
    const alert = await officer.alertText();
    expect(alert).toContain("Chưa nộp: bảng có 1 lỗi cần sửa");
    expect(alert).toContain(`Ô E${row}: tử số (30) lớn hơn mẫu số (20)`);
    expect(await versionsStored()).toEqual([2, 1]);
    await officer.type(`E${row}`, "18");
  });

  it("keeps the typed values and says so when the server is down, then sends them once it is back", async () => {
    const rate = plainRate();
    const port = Number(new URL(system.stack.host.url).port);
    await system.stack.host.close();
    try {
      await officer.button("Nộp báo cáo").click();
      const alert = await officer.alertText();
      expect(alert).toContain("Không kết nối được máy chủ KPI");
      expect(alert).toContain("vẫn được giữ nguyên");
      expect(await officer.pane.getByRole("alert").count(), "the fixed fault is no longer listed").toBe(1);
      expect(await officer.cell(`E${rowOf(rate.indicatorCode)}`)).toBe("18");
      expect(await officer.cell("K2")).toBe("2");
      await shoot(officer.pane, "agency-offline", { documented: false });
    } finally {
      system.stack.host = await startLocalHost({ routes: ROUTES, services: async () => system.stack.services, port });
    }
    await officer.button("Nộp báo cáo").click();
    await officer.pane.getByLabel("Biên nhận nộp báo cáo").getByText("Phiên bản3").waitFor();
    expect(await versionsStored()).toEqual([3, 2, 1]);
  });

  it("shows the province who has submitted, filters, and pulls the aggregate with its chart into the workbook", async () => {
    await asProvince(async (province) => {
      await province.page.getByLabel("Kỳ báo cáo", { exact: true }).selectOption(PERIOD);
      const agencies = province.pane.getByRole("list", { name: "Các cơ quan" });
      const finance = agencies.getByRole("listitem").filter({ hasText: "Sở Tài chính" });
      await finance.waitFor();
      expect(await finance.textContent()).toMatch(/(Đã nộp đúng hạn|Nộp muộn) · bản 3/);

      await province.pane.getByLabel("Tình trạng", { exact: true }).selectOption("missing");
      await expect.poll(() => agencies.getByRole("listitem").filter({ hasText: "Sở Tài chính" }).count()).toBe(0);
      expect(await agencies.getByRole("listitem").count()).toBeGreaterThan(3);
      await province.pane.getByLabel("Tìm cơ quan", { exact: true }).fill("tai chinh");
      await province.pane.getByLabel("Tình trạng", { exact: true }).selectOption("all");
      await expect.poll(() => agencies.getByRole("listitem").count()).toBe(1);
      await province.pane.getByLabel("Tìm cơ quan", { exact: true }).fill("");

      await province.button("Lấy tổng hợp").click();
      await province.pane.getByText(/Đã ghi bảng tổng hợp \d+ cơ quan × \d+ chỉ tiêu/).waitFor();
      await province.page.getByRole("tab", { name: "Tổng hợp" }).waitFor();
      expect(await province.page.locator("figure.preview-chart").count()).toBe(1);
      expect(await province.page.getByRole("table", { name: "Trang tính Tổng hợp" }).textContent()).toContain("Sở Tài chính");
      await shoot(province.pane, "province", { documented: true });

      // The draft report to sign comes from the same pane, as a Word file named after the decision and period.
      const [download] = await Promise.all([province.page.waitForEvent("download"), province.button("Dự thảo báo cáo trình ký (.docx)").click()]);
      expect(download.suggestedFilename()).toBe(`bao-cao-${DEMO_DECISION}-${PERIOD}.docx`);
      const bytes = await readFile((await download.path())!);
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    });
  });

  it("lets the province check a decision laid out on the open sheet and import it", async () => {
    await asProvince(async (province) => {
      await province.button("Mở mẫu phụ lục giao chỉ tiêu").click();
      await province.pane.getByLabel("Số văn bản").fill("99/QĐ-UBND");
      await province.pane.getByLabel("Năm").fill("2026");
      await province.pane.getByLabel("Ngày ban hành").fill("31/02/2026");
      await province.pane.getByText("Ngày ban hành viết dạng ngày/tháng/năm").waitFor();
      expect(await province.button("Kiểm tra trang tính đang mở").isDisabled()).toBe(true);
      await province.pane.getByLabel("Ngày ban hành").fill("15/01/2026");
      await province.button("Kiểm tra trang tính đang mở").click();
      await province.settled();
      await shoot(province.pane, "province-import", { documented: false });
      await province.pane.getByText("Văn bản 99/QĐ-UBND (2026) đọc được").waitFor();
      const before = await (await system.stack.call("/decisions", { key: system.stack.keys.province })).json();
      expect(before.decisions.map((decision: { number: string }) => decision.number)).not.toContain("99/QĐ-UBND");

      // "Sở Y Tế (cũ)" resembles the registered "Sở Y tế": the officer chooses before anything is imported.
      await province.pane.getByText("Cơ quan đã đăng ký (1): Sở Nội vụ.").waitFor();
      expect(await province.button("Nhập vào danh mục").isDisabled()).toBe(true);
      await province.pane.getByLabel('Mục "Sở Y Tế (cũ)" giống cơ quan đã đăng ký: đây là cơ quan nào?').selectOption("so-y-te");
      expect(await province.button("Nhập vào danh mục").isDisabled()).toBe(false);

      await province.button("Nhập vào danh mục").click();
      await province.pane.getByText("Đã nhập vào danh mục").waitFor();
      const after = await (await system.stack.call("/decisions", { key: system.stack.keys.province })).json();
      const imported = after.decisions.find((decision: { number: string }) => decision.number === "99/QĐ-UBND");
      expect(imported).toMatchObject({ year: 2026, assignmentCount: 5 });
      const decision = await (await system.stack.call(`/decisions/${imported.id}`, { key: system.stack.keys.province })).json();
      expect(decision.assignedAgencies.map((agency: { id: string }) => agency.id).sort()).toEqual(["so-noi-vu", "so-y-te"]);
    });
  });
});
