import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decisionSheets, SIGNED } from "../support/appendixSheets";
import { startStack, type TestStack } from "../support/stack";
import { runKpi, storageEnvironment } from "../support/kpiProcess";

const SEED_1521 = "test/fixtures/seeds/000_631dd23ab7c0a6ab.txt";

let stack: TestStack;
let dir: string;

function kpi(args: string[]) {
  return runKpi(args, storageEnvironment(stack, { KPI_KEY: "", KPI_SERVER: "" }));
}

async function decisionIds(): Promise<string[]> {
  const body = (await (await stack.call("/decisions", { key: stack.keys.province })).json()) as { decisions: Array<{ id: string }> };
  return body.decisions.map((decision) => decision.id);
}

beforeAll(async () => {
  stack = await startStack();
  dir = await mkdtemp(join(tmpdir(), "kpi-import-"));
});
afterAll(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("kpi import into the system that runs", () => {
  it("previews a seed decision as JSON: its structure, and every agency found registered", async () => {
    const { code, stdout } = await kpi(["import", SEED_1521, "--number", "1600/QĐ-UBND", "--dry-run", "--json", "--server", stack.host.url, "--key", stack.keys.province]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.decision).toMatchObject({ id: "phu-tho-1600-qd-ubnd", number: "1600/QĐ-UBND", year: 2025 });
    expect(result.draft.sections).toHaveLength(17);
    expect(result.draft.sections[0].rows[0]).toMatchObject({ order: "1", targetText: "Tối thiểu 65%" });
    expect(result.report.agencies.created).toEqual([]);
    expect(result.report.agencies.matched).toHaveLength(16);
    expect(await decisionIds()).not.toContain("phu-tho-1600-qd-ubnd");
  });

  it("imports a seed decision through a running server with the province's key; it is then among the decisions", async () => {
    const result = await kpi(["import", SEED_1521, "--number", "1600/QĐ-UBND", "--server", stack.host.url, "--key", stack.keys.province]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Cơ quan tạo mới (0)");
    expect(result.stdout).toMatch(/Đã nhập: danh mục phiên bản \d+/);
    expect(await decisionIds()).toContain("phu-tho-1600-qd-ubnd");
  });

  it("imports a filled template straight into storage without a server, and kpi catalogue reads it back", async () => {
    const path = join(dir, "mau.xlsx");
    expect((await kpi(["template", path])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const decision = workbook.getWorksheet("Quyết định")!;
    decision.getCell("B1").value = "12/QĐ-UBND";
    decision.getCell("B2").value = "15/01/2026";
    decision.getCell("B3").value = "Phú Thọ";
    decision.getCell("B5").value = 2026;
    const appendix = workbook.getWorksheet("Phụ lục")!;
    appendix.getCell("A1").value = "1. Sở Tài chính";
    appendix.getRow(3).values = ["1", "Tỷ lệ văn bản đi được ký số", "100%"];
    await workbook.xlsx.writeFile(path);

    const imported = await kpi(["import", path]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Sở Tài chính → so-tai-chinh");
    expect(await decisionIds()).toContain("phu-tho-12-qd-ubnd");

    const listed = await kpi(["catalogue", "--decision", "phu-tho-12-qd-ubnd"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("Sở Tài chính: 100%");
    const served = await kpi(["catalogue", "--decision", "phu-tho-12-qd-ubnd", "--server", stack.host.url, "--key", stack.keys.viewer]);
    expect(served.stdout).toBe(listed.stdout);
  });

  it("refuses a heading close to a registered agency until the person chooses, then imports it as chosen", async () => {
    const path = join(dir, "so-y-te-cu.json");
    await writeFile(path, JSON.stringify(decisionSheets("50/QĐ-UBND", 2026, [["Sở Y Tế (cũ)", [[SIGNED, "100%"]]]])));
    const refused = await kpi(["import", path, "--format", "sheets"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("agency_choice_required");
    expect(refused.stderr).toContain('--agency "Sở Y Tế (cũ)=so-y-te"');
    expect(await decisionIds()).not.toContain("phu-tho-50-qd-ubnd");

    const chosen = await kpi(["import", path, "--format", "sheets", "--agency", "Sở Y Tế (cũ)=so-y-te"]);
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain("Sở Y Tế (cũ) → so-y-te");
    expect(await decisionIds()).toContain("phu-tho-50-qd-ubnd");
  });

  it("refuses --key without --server, in Vietnamese", async () => {
    const result = await kpi(["import", SEED_1521, "--key", stack.keys.province]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--key chỉ dùng cùng --server");
    expect((await kpi(["catalogue", "--key", stack.keys.province])).code).toBe(2);
  });

  it("explains a file that is not there", async () => {
    const { code, stderr } = await kpi(["import", join(dir, "khong-co.xlsx")]);
    expect(code).toBe(1);
    expect(stderr).toContain("Không tìm thấy tệp");
  });
});
