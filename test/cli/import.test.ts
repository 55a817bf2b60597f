import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

function kpi(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/kpi.mjs", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kpi-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("kpi import", () => {
  it("prints the validated Phú Thọ structure with every section and exact targets", async () => {
    const { code, stdout } = await kpi(["import", "test/fixtures/seeds/000_631dd23ab7c0a6ab.txt", "--dry-run", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.decision).toMatchObject({ number: "1521/QĐ-UBND", province: "phu-tho", year: 2025 });
    expect(result.draft.sections).toHaveLength(17);
    expect(result.draft.sections[0].rows[0]).toMatchObject({ order: "1", targetText: "Tối thiểu 65%" });
  });

  it("writes a template, refuses it while still unfilled, and imports it once filled", async () => {
    const path = join(dir, "mau.xlsx");
    expect((await kpi(["template", path])).code).toBe(0);
    expect((await kpi(["template", path])).code).toBe(1);

    const empty = await kpi(["import", path, "--dry-run"]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("Không nhập");

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

    const into = join(dir, "danh-muc.json");
    const imported = await kpi(["import", path, "--into", into]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const catalogue = JSON.parse(await readFile(into, "utf8"));
    expect(catalogue.assignments).toHaveLength(1);
    expect(catalogue.decisions[0]).toMatchObject({ id: "phu-tho-12-qd-ubnd", date: "2026-01-15" });

    const listed = await kpi(["catalogue", "--file", into]);
    expect(listed.stdout).toContain("Sở Tài chính: 100%");
  });

  it("explains a file that is not there", async () => {
    const { code, stderr } = await kpi(["import", join(dir, "khong-co.xlsx")]);
    expect(code).toBe(1);
    expect(stderr).toContain("Không tìm thấy tệp");
  });
});
