import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * MSAL is heavy: it is built into its own script that the pane loads only for Microsoft 365 sign-in, so officers of a
 * province with keys only, or who choose keys, never download it.
 */

let outDir: string;
let buildOutput: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "kpi-addin-signin-"));
  ({ stdout: buildOutput } = await promisify(execFile)(process.execPath, ["addin/build/build.mjs"], { env: { ...process.env, KPI_ADDIN_OUT: outDir } }));
}, 120_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("the sign-in script", () => {
  it("carries MSAL's nested app authentication as a classic script of its own", async () => {
    const script = await readFile(join(outDir, "signin/signin.js"), "utf8");
    expect(script).toContain("nestedAppAuthBridge");
    expect(script).toContain("kpiNestedAuth");
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("is not in the pane's script nor on its pages: officers who use a key never download it", async () => {
    const pane = await readFile(join(outDir, "taskpane.js"), "utf8");
    expect(pane).not.toContain("nestedAppAuthBridge");
    expect(pane).not.toContain("msal.js.browser");
    for (const page of ["taskpane.html", "preview.html"]) expect(await readFile(join(outDir, page), "utf8")).not.toContain("signin");
    expect((await readdir(outDir)).filter((name) => name.endsWith(".js")).sort()).toEqual(["taskpane.js"]);
  });

  it("carries only MSAL's nested app authentication: its browser controller (web pop-ups, redirects, iframes) is left out", async () => {
    const script = await readFile(join(outDir, "signin/signin.js"), "utf8");
    // The hidden iframe's sandbox, the refresh-token client's telemetry name, the browser-extension broker.
    for (const browserFlow of ["allow-scripts allow-same-origin allow-forms", "acquireTokenByRefreshToken", "PlatformAuthExtensionHandler"]) {
      expect(script).not.toContain(browserFlow);
    }
  });

  it("has its compressed size printed by the build, as loaded on demand", () => {
    expect(buildOutput).toMatch(/^  signin\/signin\.js: \d+(,\d)? KB \(nén gzip \d+(,\d)? KB\) — chỉ tải khi đăng nhập bằng tài khoản Microsoft 365$/m);
  });
});
