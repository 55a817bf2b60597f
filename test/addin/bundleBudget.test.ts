import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Issue #16: every script the add-in ships, together, at most 200 KB gzipped. An officer who signs in with Microsoft
 * 365 downloads the pane's script and the sign-in script, so both count; growth in either fails here.
 */

const BUDGET_GZIP_BYTES = 200 * 1024;

let outDir: string;
let buildOutput: string;
/** Every file the build wrote, by its path in the output folder, with its gzipped size. */
let shipped: Array<{ name: string; gzip: number }>;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "kpi-addin-budget-"));
  ({ stdout: buildOutput } = await promisify(execFile)(process.execPath, ["addin/build/build.mjs"], { env: { ...process.env, KPI_ADDIN_OUT: outDir } }));
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  shipped = await Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: relative(outDir, path).split(sep).join("/"), gzip: gzipSync(await readFile(path), { level: 9 }).length };
    }),
  );
}, 120_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const scripts = () => shipped.filter((file) => /\.[cm]?js$/.test(file.name));
const kb = (bytes: number) => `${(bytes / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} KB`;

describe("the add-in's script budget", () => {
  it("ships the pane's script and the on-demand sign-in script, and nothing else the browser runs", () => {
    expect(scripts().map((file) => file.name).sort()).toEqual(["signin/signin.js", "taskpane.js"]);
    const others = shipped.filter((file) => !scripts().includes(file));
    expect(new Set(others.map((file) => extname(file.name)))).toEqual(new Set([".html", ".css", ".json", ".xml", ".png"]));
  });

  it("keeps all of them together within 200 KB gzipped", () => {
    expect(scripts().reduce((sum, file) => sum + file.gzip, 0)).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it("prints that total, every script counted, and each script in the officer's number format", () => {
    const total = scripts().reduce((sum, file) => sum + file.gzip, 0);
    expect(buildOutput).toContain(`Dung lượng mã add-in (nén gzip, mọi tệp): ${kb(total)} / ngân sách 200 KB — trong ngân sách.`);
    for (const script of scripts()) expect(buildOutput).toMatch(new RegExp(`^  ${script.name.replaceAll(".", "\\.")}: \\d+(,\\d)? KB \\(nén gzip ${kb(script.gzip)}\\)`, "m"));
  });
});
