import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `office-addin-manifest validate` asks an online service; here the manifests are checked locally for what breaks
 * sideloading in practice: ids, every resource id resolving, every URL pointing at a file the build produced, the
 * namespace, and a version bump whenever a function's signature changes (Excel caches functions.json per version).
 */

const ORIGIN = "https://kpi.tinh.gov.vn";
let outDir: string;
let production: string;
let development: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "kpi-manifest-"));
  await promisify(execFile)(process.execPath, ["addin/build/build.mjs"], { env: { ...process.env, KPI_ADDIN_OUT: outDir, KPI_ADDIN_URL: ORIGIN } });
  production = await readFile(join(outDir, "manifest.xml"), "utf8");
  development = await readFile(join(outDir, "manifest.dev.xml"), "utf8");
}, 120_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

const one = (xml: string, pattern: RegExp) => pattern.exec(xml)?.[1];
const all = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].map((match) => match[1]!);

describe("manifests", () => {
  it("give the production and development copies their own ids and namespaces", () => {
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const prodId = one(production, /<Id>([^<]+)<\/Id>/)!;
    const devId = one(development, /<Id>([^<]+)<\/Id>/)!;
    expect(prodId).toMatch(guid);
    expect(devId).toMatch(guid);
    expect(devId).not.toBe(prodId);
    expect(one(production, /id="Functions.Namespace" DefaultValue="([^"]+)"/)).toBe("KPI");
    expect(one(development, /id="Functions.Namespace" DefaultValue="([^"]+)"/)).toBe("KPIDEV");
    expect(one(production, /<Version>([^<]+)<\/Version>/)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(production).toContain('<Override Locale="en-US"');
  });

  it("resolve every resource id they use", () => {
    for (const xml of [production, development]) {
      const defined = new Set(all(xml, /\sid="([^"]+)"/g));
      const used = all(xml, /resid="([^"]+)"/g);
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((id) => !defined.has(id))).toEqual([]);
    }
  });

  it("point every URL at the production origin and at a file the build produced", () => {
    const urls = all(production, /(?:DefaultValue|Value)="(https:[^"]+)"/g).concat(all(production, /<AppDomain>([^<]+)<\/AppDomain>/g));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith(ORIGIN))).toEqual([]);
    const files = urls.map((url) => url.slice(ORIGIN.length).replace(/^\//, "")).filter((path) => path !== "");
    expect(files.filter((path) => !existsSync(join(outDir, path)))).toEqual([]);
    expect(development).not.toContain(ORIGIN);
  });

  it("run the task pane and the custom functions in one long-lived shared runtime, opened from a ribbon button", () => {
    for (const xml of [production, development]) {
      expect(xml).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
      expect(one(xml, /<Runtime resid="([^"]+)" lifetime="long"\/>/)).toBe("Taskpane.Url");
      const functionsPage = one(xml, /<Page>\s*<SourceLocation resid="([^"]+)"\/>/);
      const buttonPage = one(xml, /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"\/>/);
      expect([functionsPage, buttonPage]).toEqual(["Taskpane.Url", "Taskpane.Url"]);
      expect(one(xml, /<OfficeTab id="([^"]+)">/)).toBe("TabHome");
      for (const id of ["Group.Label", "TaskpaneButton.Label", "TaskpaneButton.Tooltip"]) {
        const text = one(xml, new RegExp(`id="${id.replace(".", "\\.")}" DefaultValue="([^"]+)"`))!;
        expect(text).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýộ]/i);
        expect(xml).toMatch(new RegExp(`id="${id.replace(".", "\\.")}" DefaultValue="[^"]+">\\s*<bt:Override Locale="en-US"`));
      }
    }
    expect(one(production, /<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/)).toBe(`${ORIGIN}/taskpane.html`);
    expect(one(development, /<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/)).toBe("https://localhost:3000/taskpane.html?ns=KPIDEV");
  });

  it("load office.js, then the one script of the functions and the pane, as classic scripts, and a preview page without Office", async () => {
    const page = await readFile(join(outDir, "taskpane.html"), "utf8");
    expect(all(page, /<script src="([^"]+)"><\/script>/g)).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "taskpane.js"]);
    expect(page).not.toContain("type=\"module\"");
    const preview = await readFile(join(outDir, "preview.html"), "utf8");
    expect(all(preview, /<script src="([^"]+)"><\/script>/g)).toEqual(["taskpane.js"]);
    for (const file of ["taskpane.js", "taskpane.css"]) expect(existsSync(join(outDir, file)), file).toBe(true);
  });

  it("have their version bumped whenever a function signature changes", async () => {
    const metadata = JSON.parse(await readFile(join(outDir, "functions.json"), "utf8"));
    const signature = createHash("sha256")
      .update(JSON.stringify(metadata.functions.map((fn: { id: string; parameters: unknown[]; result: unknown }) => [fn.id, fn.parameters, fn.result])))
      .digest("hex")
      .slice(0, 16);
    const recorded = JSON.parse(await readFile("addin/functions.signature.json", "utf8"));
    const version = one(production, /<Version>([^<]+)<\/Version>/);
    expect(
      { signature, version },
      "functions.json changed: bump <Version> in manifest.xml and record both in addin/functions.signature.json",
    ).toEqual({ signature: recorded.signature, version: recorded.manifestVersion });
  });
});
