import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../support/stack";
import { runKpi, storageEnvironment } from "../support/kpiProcess";
import { agencyRows } from "../support/storageSnapshot";

const D = "phu-tho-1521-qd-ubnd";

let stack: TestStack;
let dir: string;

function kpi(args: string[]) {
  return runKpi(args, storageEnvironment(stack, { KPI_KEY_CACHE_MS: "0" }));
}

async function filledForm(agencyKey: string, result: number): Promise<string> {
  const form = await stack.call(`/decisions/${D}/periods/2025-Q3/assignments.xlsx`, { key: agencyKey });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await form.arrayBuffer());
  const sheet = workbook.getWorksheet("Báo cáo")!;
  sheet.eachRow((row) => {
    if (row.getCell(4).value === "Tối thiểu 65%") row.getCell(7).value = result;
  });
  const path = join(dir, `bao-cao-${result}.xlsx`);
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return path;
}

beforeAll(async () => {
  stack = await startStack();
  dir = await mkdtemp(join(tmpdir(), "kpi-cli-"));
});
afterAll(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("kpi key, submit and report", () => {
  it("issues a key that works, lists it, and revokes it", async () => {
    const issued = await kpi(["key", "issue", "--agency", "xa-ha-hoa"]);
    expect(issued.code).toBe(0);
    const token = issued.stdout.trim();
    expect(issued.stderr).toContain("UBND xã Hạ Hòa");
    const me = await stack.call("/me", { key: token });
    expect(await me.json()).toMatchObject({ role: "agency", agency: { id: "xa-ha-hoa" } });

    const keyId = token.split("_")[1]!;
    const listed = (await kpi(["key", "list"])).stdout;
    expect(listed).toContain(keyId);
    // Roles and times as an officer reads them: "Cán bộ cơ quan, đơn vị", "14:05 ngày 20/12/2025", no codes or ISO instants.
    expect(listed).toContain("Cán bộ cơ quan, đơn vị");
    expect(listed).toMatch(/cấp lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(listed).not.toMatch(/\d{4}-\d{2}-\d{2}T|\bagency\b|\bviewer\b/);
    expect((await kpi(["key", "revoke", keyId])).code).toBe(0);
    expect((await stack.call("/me", { key: token })).status).toBe(401);
  });

  it("refuses an agency id that exists in several provinces without --province", async () => {
    const result = await kpi(["key", "issue", "--agency", "so-tai-chinh"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--province");
  });

  it("submits a downloaded form directly to storage, reading decision, period and agency from the form", async () => {
    const path = await filledForm(stack.keys.agency, 0.7);
    const result = await kpi(["submit", path]);
    expect(result.stderr).toContain("Đang nộp");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/số biên nhận phu-tho-1521-qd-ubnd\.2025-Q3\.so-tai-chinh\.v1, phiên bản 1/);
    expect(result.stdout).toContain("Đạt: 1");
    expect(result.stdout).toMatch(/lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(result.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect((await agencyRows(stack, D, "2025-Q3", "so-tai-chinh")).versions).toEqual(["v~so-tai-chinh~000001"]);
  });

  it("submits through a running server with a key, and the same file again stores nothing new", async () => {
    const path = await filledForm(stack.keys.agency, 0.5);
    const first = await kpi(["submit", path, "--server", stack.host.url, "--key", stack.keys.agency]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("phiên bản 2");
    const again = await kpi(["submit", path, "--server", stack.host.url, "--key", stack.keys.agency]);
    expect(again.stdout).toContain("đã được nộp trước đó");
    expect((await agencyRows(stack, D, "2025-Q3", "so-tai-chinh")).versions).toHaveLength(2);
  });

  it("explains a refused submission", async () => {
    const result = await kpi(["submit", await filledForm(stack.keys.agency, 0.6), "--server", stack.host.url, "--key", stack.keys.otherAgency]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Không nộp được (403): Khóa truy cập này chỉ dùng cho cơ quan của bạn");
  });

  it("refuses a report to an agency's key with the server's message, and names a server that is not running", async () => {
    const refused = await kpi(["report", "--decision", D, "--period", "2025-Q3", "--out", join(dir, "khong.xlsx"), "--server", stack.host.url, "--key", stack.keys.agency]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Không lập được báo cáo (403): ");
    const down = await kpi(["report", "--decision", D, "--period", "2025-Q3", "--server", "http://127.0.0.1:9", "--key", stack.keys.province]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain("Không kết nối được máy chủ http://127.0.0.1:9. Máy chủ đã chạy chưa (npm start)?");
  });

  it("says which storage setting is wrong instead of a generic failure", async () => {
    const run = await runKpi(["key", "list"], { KPI_STORAGE_CONNECTION: "", AzureWebJobsStorage: "", AzureWebJobsStorage__accountName: "Khong hop le!" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Cấu hình kho lưu trữ chưa đúng: AzureWebJobsStorage__accountName");
  });

  it("writes the consolidated report", async () => {
    const out = join(dir, "tong-hop.xlsx");
    const result = await kpi(["report", "--decision", D, "--period", "2025-Q3", "--out", out]);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(out)).buffer);
    expect(workbook.getWorksheet("Tổng hợp")).toBeDefined();
  });
});
