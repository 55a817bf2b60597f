import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKpi } from "../support/kpiProcess";

/**
 * Every `kpi` command asked for help, given a flag it does not have, or a path it cannot use: a Vietnamese answer,
 * a clean exit code, and never a stack trace or a library's English.
 */

interface Run {
  code: number;
  out: string;
  err: string;
}

let work: string;

async function kpi(args: string[], env: Record<string, string> = {}): Promise<Run> {
  // No storage: any command that got as far as opening it would fail, so these answers come before that.
  const run = await runKpi(args, { KPI_STORAGE_CONNECTION: "UseDevelopmentStorage=true;BlobEndpoint=http://127.0.0.1:9/x", KPI_SERVER: "", KPI_KEY: "", ...env });
  return { code: run.code, out: run.stdout, err: run.stderr };
}

/** Runs a few at a time: the machine is shared. */
async function runAll(cases: string[][]): Promise<Run[]> {
  const results: Run[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      while (next < cases.length) {
        const index = next++;
        results[index] = await kpi(cases[index]!);
      }
    }),
  );
  return results;
}

const COMMANDS = [["eval"], ["explain"], ["import"], ["catalogue"], ["template"], ["submit"], ["report"], ["key", "issue"], ["key", "revoke"], ["key", "list"], ["demo-catalogue"], ["ingest-report"]];
const ENGLISH = /Invalid input|expected|received|Error:|Unknown option|ERR_/;

function expectClean(run: Run): void {
  const text = run.out + run.err;
  expect(text).not.toContain("    at ");
  expect(text).not.toMatch(ENGLISH);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "kpi-cli-security-"));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("kpi help", () => {
  it("kpi --help, kpi -h, kpi help and kpi help <command> print the usage and exit 0", async () => {
    const runs = await runAll([["--help"], ["-h"], ["help"], ["help", "submit"], ["key", "--help"]]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.out).toContain("Cách dùng: kpi");
      expectClean(run);
    }
  }, 120_000);

  it("every command and subcommand answers --help with its usage, exit 0", async () => {
    const runs = await runAll(COMMANDS.map((command) => [...command, "--help"]));
    runs.forEach((run, index) => {
      expect({ command: COMMANDS[index]!.join(" "), code: run.code }).toEqual({ command: COMMANDS[index]!.join(" "), code: 0 });
      expect(run.out).toContain(`Cách dùng: kpi ${COMMANDS[index]!.join(" ")}`);
      expect(run.out).toContain("--help");
      expectClean(run);
    });
  }, 180_000);
});

describe("kpi with a wrong flag", () => {
  it("every command names the flag in one Vietnamese line, shows the usage and exits 2", async () => {
    const runs = await runAll(COMMANDS.map((command) => [...command, "--khong-co-tham-so-nay"]));
    runs.forEach((run, index) => {
      expect({ command: COMMANDS[index]!.join(" "), code: run.code }).toEqual({ command: COMMANDS[index]!.join(" "), code: 2 });
      const [first] = run.err.split("\n");
      expect(first).toContain("--khong-co-tham-so-nay");
      expect(run.err).toContain(`Cách dùng: kpi ${COMMANDS[index]!.join(" ")}`);
      expectClean(run);
    });
  }, 180_000);
});

describe("kpi with arguments it cannot use", () => {
  it.each([
    ["an unknown command", ["khong-co-lenh"], 2, "Không có lệnh"],
    ["a template into a folder that does not exist", ["template", "/khong/co/thu-muc/x.xlsx"], 2, "không có tệp hoặc thư mục này"],
    ["a report without --decision", ["report", "--period", "2025-Q4"], 2, "--decision"],
    ["a flag without its value", ["submit", "bao-cao.xlsx", "--agency"], 2, "--agency cần một giá trị"],
    ["--key without --server", ["submit", "bao-cao.xlsx", "--key", "kpi_x"], 2, "--key chỉ dùng cùng --server"],
    ["a file to submit that is not there", ["submit", "/khong/co/bao-cao.xlsx", "--server", "http://127.0.0.1:9", "--key", "k"], 2, "Không đọc được tệp"],
    ["a file to import that is not there", ["import", "/khong/co/phu-luc.xlsx"], 1, "Không tìm thấy tệp"],
    ["a yes/no flag given a value", ["import", "x.txt", "--dry-run=yes"], 2, "--dry-run không nhận giá trị"],
    ["an unknown key action", ["key", "doi-ten"], 2, 'Không có lệnh "kpi key doi-ten"'],
  ])("%s: a Vietnamese message, no stack trace", async (_name, args, code, message) => {
    const run = await kpi(args);
    expect(run.code).toBe(code);
    expect(run.err).toContain(message);
    expectClean(run);
  }, 60_000);

  it("a workbook refused by the reader is explained in our words", async () => {
    const path = join(work, "khong-phai.xlsx");
    await (await import("node:fs/promises")).writeFile(path, "PK không phải tệp nén");
    const run = await kpi(["import", path, "--dry-run"]);
    expect(run.code).toBe(1);
    expect(run.err).toContain("không phải tệp Excel .xlsx");
    expect(run.err).not.toMatch(/zip|central directory/i);
    expectClean(run);
  }, 60_000);

  it("KPI_DEBUG=1 adds the trace for whoever fixes the program", async () => {
    const run = await kpi(["template", join(work, "khong-co", "x.xlsx")], { KPI_DEBUG: "1" });
    expect(run.code).toBe(2);
    expect(run.err).toContain("    at ");
  }, 60_000);
});

describe("what the CLI prints for officers", () => {
  it("kpi explain names the kind of target in words", async () => {
    const run = await kpi(["explain", "Tối thiểu 90%"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Loại: Tỷ lệ");
    expect(run.out).not.toContain("percent");
  }, 60_000);
});
