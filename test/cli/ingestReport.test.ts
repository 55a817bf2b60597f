import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../support/stack";
import { runKpi, storageEnvironment } from "../support/kpiProcess";
import { agencyRows } from "../support/storageSnapshot";

const D = "phu-tho-1521-qd-ubnd";
const P = "2025-Q4";
const REPORT = [
  "TT\tChỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả thực hiện",
  "1\tTỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện\tSở Tài chính\t\t95%",
  "2\tTỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận giải quyết TTHC\tSở Tài chính\t\tĐạt",
  "3\tSố lượng cán bộ được tập huấn kỹ năng số\tSở Tài chính\t\t250 lượt",
  "4\tTỷ lệ các bệnh viện công lập được triển khai bệnh án điện tử\tSở Y tế\t\t100%",
].join("\n");

let stack: TestStack;
let dir: string;
let file: string;

function kpi(args: string[]) {
  return runKpi(args, storageEnvironment(stack, { KPI_KEY_CACHE_MS: "0" }));
}

const target = ["--decision", D, "--period", P, "--agency", "so-tai-chinh"];

beforeAll(async () => {
  stack = await startStack();
  dir = await mkdtemp(join(tmpdir(), "kpi-ingest-"));
  file = join(dir, "bao-cao-ket-qua.txt");
  await writeFile(file, REPORT);
});
afterAll(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("kpi ingest-report", () => {
  it("prints the preview in Vietnamese on a dry run and stores no submission", async () => {
    const run = await kpi(["ingest-report", file, ...target, "--dry-run"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Khớp (1):");
    expect(run.stdout).toMatch(/Dòng 1 .*«95%» → Đạt: 95% ≥ 90%/);
    expect(run.stdout).toContain("Cần xác nhận (1):");
    expect(run.stdout).toMatch(/Dòng 2 .*«Đạt» → Cần đánh giá: Cơ quan tự đánh giá «Đạt», không có số liệu để đối chiếu/);
    expect(run.stdout).toContain("Không khớp (1):");
    expect(run.stdout).toContain("Cơ quan khác chủ trì (1):");
    expect(run.stdout).toContain("chủ trì: Sở Y tế");
    expect((await agencyRows(stack, D, P, "so-tai-chinh")).versions).toEqual([]);
  });

  it("refuses to submit while a row needs confirmation, listing it", async () => {
    const run = await kpi(["ingest-report", file, ...target]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Chưa nộp: 1 dòng cần xác nhận (dòng 2)");
    expect(run.stderr).toContain("--confirm-all");
    expect((await agencyRows(stack, D, P, "so-tai-chinh")).versions).toEqual([]);
  });

  it("submits with --confirm-all as a new version", async () => {
    const run = await kpi(["ingest-report", file, ...target, "--confirm-all"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Đã nộp: số biên nhận ${D}.${P}.so-tai-chinh.v1, phiên bản 1`);
    expect(run.stdout).toContain("Kết quả đánh giá: Đạt: 1, Cần đánh giá: 1.");
    // The report covers two of the agency's eight assignments: the rest is said, not silently left out.
    expect(run.stdout).toMatch(/Chưa có số liệu 6 chỉ tiêu: /);
    expect((await agencyRows(stack, D, P, "so-tai-chinh")).versions).toEqual(["v~so-tai-chinh~000001"]);
  });

  it("says what is missing when the agency is not named", async () => {
    const run = await kpi(["ingest-report", file, "--decision", D, "--period", P]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Thiếu tham số --agency");
  });

  it("reports the server's refusal for an agency key", async () => {
    const run = await kpi(["ingest-report", file, ...target, "--dry-run", "--server", stack.host.url, "--key", stack.keys.agency]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("(403)");
  });
});
