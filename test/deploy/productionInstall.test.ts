import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../../functions/http/routes";

/**
 * What azd deploys (infra/scripts/stage-api.mjs): the built entry with `npm ci --omit=dev` from the same lock file.
 * Installed here for real from the npm registry, so a runtime package left in devDependencies, or a dependency that
 * makes the Function App's package heavy again, fails here rather than on the first cold start in Azure.
 */

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const shell = process.platform === "win32";
const INSTALL_BUDGET_MB = 60;
const INSTALL_TIMEOUT_MS = 180_000;

async function registryUnreachable(): Promise<string | undefined> {
  try {
    await run(npm, ["ping"], { cwd: root, timeout: 20_000, shell });
    return undefined;
  } catch (error) {
    return `npm registry unreachable (npm ping failed: ${(error as Error).message.split("\n")[0]})`;
  }
}

const unreachable = await registryUnreachable();
if (unreachable) console.warn(`Skipping the production install test: ${unreachable}`);

describe.skipIf(unreachable !== undefined)("production install of the Function App", () => {
  let stage: string;

  beforeAll(async () => {
    stage = await mkdtemp(join(tmpdir(), "kpi-production-install-"));
    // The package.json script itself, with the output sent to the stage: the build a deployment ships.
    await run(npm, ["run", "build:functions", "--silent", "--", `--outfile=${join(stage, "dist/functions/index.js")}`], {
      cwd: root,
      shell,
    });
    for (const file of ["package.json", "package-lock.json", "host.json"]) await copyFile(resolve(root, file), join(stage, file));
    await run(npm, ["ci", "--omit=dev", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: stage,
      timeout: INSTALL_TIMEOUT_MS,
      shell,
    });
  }, INSTALL_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    if (stage) await rm(stage, { recursive: true, force: true });
  });

  it(`installs at most ${INSTALL_BUDGET_MB} MB of packages`, async () => {
    const { stdout } = await run("du", ["-sm", "node_modules"], { cwd: stage });
    const megabytes = Number(stdout.split("\t")[0]);
    expect(megabytes).toBeGreaterThan(0);
    expect(megabytes).toBeLessThanOrEqual(INSTALL_BUDGET_MB);
  });

  it("loads package.json's main with only that install and registers every route with app.http", async () => {
    const main = JSON.parse(await readFile(join(stage, "package.json"), "utf8")).main as string;
    // Runs from the stage, so @azure/functions resolves to the installed copy, the same instance the entry uses.
    const probe = join(stage, "registrations.mjs");
    await writeFile(
      probe,
      [
        `import { app } from "@azure/functions";`,
        `const registered = [];`,
        `const register = app.http;`,
        `app.http = (name, options) => { registered.push(name); return register.call(app, name, options); };`,
        `await import(${JSON.stringify(`./${main}`)});`,
        `process.stdout.write(JSON.stringify(registered));`,
      ].join("\n"),
    );
    // No storage settings and no NODE_PATH: the services are lazy, so loading must touch neither storage nor the
    // repository's own node_modules.
    const { stdout } = await run(process.execPath, [probe], { cwd: stage, env: { PATH: process.env.PATH ?? "" } });
    expect(JSON.parse(stdout)).toEqual(ROUTES.map((route) => route.name));
  });
});
