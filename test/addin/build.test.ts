import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "kpi-addin-"));
  await run(process.execPath, ["addin/build/build.mjs"], { env: { ...process.env, KPI_ADDIN_OUT: outDir } });
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("add-in build", () => {
  it("declares the six KPI functions with stable ids in functions.json", async () => {
    const metadata = JSON.parse(await readFile(join(outDir, "functions.json"), "utf8"));
    const byId = new Map(metadata.functions.map((fn: { id: string }) => [fn.id, fn]));
    expect([...byId.keys()].sort()).toEqual(["EXPLAIN", "FORMULA", "GAP", "RATE", "STATUS", "TARGET"]);
    const status = byId.get("STATUS") as { parameters: Array<{ name: string; optional?: boolean }> };
    expect(status.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ["actual", false],
      ["target", false],
      ["asOf", true],
      ["unit", true],
    ]);
  });

  it("bundles the functions and the pane as one classic script that registers them", async () => {
    const bundle = await readFile(join(outDir, "taskpane.js"), "utf8");
    expect(bundle).not.toMatch(/^\s*(import|export)\s/m);
    expect(bundle).toContain('"STATUS"');
    const page = await readFile(join(outDir, "taskpane.html"), "utf8");
    expect(page).toContain('<script src="taskpane.js"></script>');
    expect(page).not.toContain('type="module"');
    expect((await readdir(outDir)).filter((file) => file.endsWith(".js"))).toEqual(["taskpane.js"]);
  });
});

describe("the bundle in a custom-functions runtime", () => {
  class RuntimeError {
    constructor(
      readonly code: string,
      readonly message: string,
    ) {}
  }

  async function loadRegistered(): Promise<Map<string, (...args: unknown[]) => unknown>> {
    const registered = new Map<string, (...args: unknown[]) => unknown>();
    const runtime = {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      Error: RuntimeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
    };
    // A runtime with no page to draw on: the script must still register the functions (and not try to mount the pane).
    const context: Record<string, unknown> = { CustomFunctions: runtime };
    context.window = context;
    runInNewContext(await readFile(join(outDir, "taskpane.js"), "utf8"), context);
    return registered;
  }

  it("registers every function and judges through them", async () => {
    const registered = await loadRegistered();
    expect([...registered.keys()].sort()).toEqual(["EXPLAIN", "FORMULA", "GAP", "RATE", "STATUS"]);
    expect(registered.get("STATUS")!(0.9, "Tối thiểu 90%")).toBe("Đạt");
    expect(registered.get("RATE")!(45, 50)).toBe(0.9);
  });

  it("turns a bad target into a #VALUE! error with a Vietnamese message", async () => {
    const registered = await loadRegistered();
    let thrown: unknown;
    try {
      registered.get("STATUS")!(0.5, "= 90%");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RuntimeError);
    expect(thrown).toMatchObject({ code: "#VALUE!" });
    expect((thrown as RuntimeError).message).toMatch(/Dùng ≥/);
    expect(() => registered.get("RATE")!(1, 0)).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
  });
});

describe("the production build", () => {
  it("ships no source maps: the add-in's source is not handed to every Excel that loads it", async () => {
    const files = await readdir(outDir, { recursive: true });
    expect(files.filter((file) => String(file).endsWith(".map"))).toEqual([]);
    expect(await readFile(join(outDir, "taskpane.js"), "utf8")).not.toContain("sourceMappingURL");
  });
});
