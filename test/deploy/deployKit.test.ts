import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ignoreRules, isIgnored } from "./ignoreFile";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (path: string) => readFileSync(resolve(root, path), "utf8");
const packageJson = JSON.parse(read("package.json")) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
  scripts: Record<string, string>;
};

describe("host.json", () => {
  const host = JSON.parse(read("host.json"));

  it("declares no extension bundle: the app has HTTP triggers only, and a bundle is a download that fails offline", () => {
    expect(host).not.toHaveProperty("extensionBundle");
    expect(host.version).toBe("2.0");
  });

  it("keeps the routes under /api, where the add-in and the CLI call them", () => {
    expect(host.extensions?.http?.routePrefix).toBe("api");
  });
});

describe(".funcignore", () => {
  const rules = ignoreRules(read(".funcignore"));
  // The entry bundles its libraries; what it still loads from node_modules is exactly `dependencies`, which
  // productionInstall.test.ts proves by loading the entry with nothing else installed.
  const runtimePackages = Object.keys(packageJson.dependencies);

  it("leaves out tests, sources, the add-in, documentation, local data, results and measurements", () => {
    for (const path of [
      "test/deploy/appSettings.test.ts",
      "functions/index.ts",
      "shared/model/submission.ts",
      "addin/taskpane/main.tsx",
      "dist/addin/taskpane.js",
      "docs/preview.png",
      ".data/blob/x",
      "test-results/vitest.json",
      "bench/run.ts",
      "dist/bench/run.mjs",
      "README.md",
      "local.settings.json",
      "infra/main.bicep",
    ]) {
      expect(isIgnored(rules, path), path).toBe(true);
    }
  });

  it("leaves out every development package when publishing from the repository root", () => {
    const kept = Object.keys(packageJson.devDependencies).filter((name) => !isIgnored(rules, `node_modules/${name}/package.json`));
    expect(kept).toEqual([]);
  });

  it("keeps the entry, host.json and every package the entry loads, at the root and in the staged dist/api", () => {
    expect(runtimePackages).toEqual(expect.arrayContaining(["@azure/functions"]));
    for (const base of ["", "dist/api/"]) {
      for (const path of ["host.json", "package.json", packageJson.main, ...runtimePackages.map((name) => `node_modules/${name}/package.json`)]) {
        expect(isIgnored(rules, `${base}${path}`), `${base}${path}`).toBe(false);
      }
    }
  });

  it("does not leave out node_modules as a whole: azd would take that as a request to build on Azure", () => {
    expect(isIgnored(rules, "node_modules", true)).toBe(false);
  });
});

describe("local.settings.json.example", () => {
  it("runs `func start` against Azurite with the Node worker", () => {
    const example = JSON.parse(read("local.settings.json.example"));
    expect(example.Values.AzureWebJobsStorage).toBe("UseDevelopmentStorage=true");
    expect(example.Values.FUNCTIONS_WORKER_RUNTIME).toBe("node");
  });
});

describe("azure.yaml", () => {
  const azureYaml = read("azure.yaml");
  const service = (name: string) => new RegExp(`^  ${name}:\\n((?:    .*\\n|\\s*\\n)+)`, "m").exec(azureYaml)?.[1] ?? "";

  it("provisions infra/main.bicep", () => {
    expect(azureYaml).toMatch(/^infra:\n(?: {2}.*\n)*? {2}path: infra\n/m);
    expect(azureYaml).toMatch(/^infra:\n(?: {2}.*\n)*? {2}module: main\n/m);
    expect(existsSync(resolve(root, "infra/main.bicep"))).toBe(true);
  });

  it("deploys the functions as the `api` service, a JavaScript Function App, from the staged package", () => {
    const api = service("api");
    expect(api).toMatch(/^ {4}language: js$/m);
    expect(api).toMatch(/^ {4}host: function$/m);
    expect(api).toMatch(/^ {4}dist: dist\/api$/m);
    expect(api).toContain("node infra/scripts/stage-api.mjs");
    expect(existsSync(resolve(root, "infra/scripts/stage-api.mjs"))).toBe(true);
    // The Bicep tags the Function App with the service's name; that is how azd finds where to deploy.
    expect(read("infra/app/api.bicep")).toMatch(/'azd-service-name':\s*'api'/);
  });

  it("deploys dist/addin as the `web` service after building it for KPI_ADDIN_URL", () => {
    const web = service("web");
    expect(web).toMatch(/^ {4}host: staticwebapp$/m);
    expect(web).toMatch(/^ {4}dist: dist\/addin$/m);
    expect(web).toContain("node infra/scripts/build-addin.mjs");
    expect(read("infra/scripts/build-addin.mjs")).toContain("KPI_ADDIN_URL");
    expect(read("infra/main.bicep")).toMatch(/'azd-service-name':\s*'web'/);
  });
});

describe(".github/workflows/deploy.yml", () => {
  const workflow = read(".github/workflows/deploy.yml");

  it("signs in to Azure with azure/login over OIDC: the job may request an ID token and holds no secret", () => {
    expect(workflow).toMatch(/uses: azure\/login@v\d+/);
    expect(workflow).toMatch(/^\s+id-token: write$/m);
    expect(workflow).toMatch(/client-id: \$\{\{ vars\.AZURE_CLIENT_ID \}\}/);
    expect(workflow).not.toMatch(/secrets\.|client-secret|creds:/);
  });

  it("builds and tests before it deploys with azd", () => {
    const order = ["npm ci", "chromium", "npm test", "azd provision", "azd deploy"].map((step) => workflow.indexOf(step));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("Node.js 22 everywhere", () => {
  const major = (range: string) => Number(/(\d+)/.exec(range)?.[1]);

  it("declares Node 22 or later, and builds the functions for it", () => {
    expect(major(packageJson.engines.node)).toBeGreaterThanOrEqual(22);
    expect(packageJson.scripts["build:functions"]).toContain("--target=node22");
  });

  it("runs the tests on the Node the Function App runs: the dev package `node` puts Node 22 first on npm's PATH", () => {
    expect(major(packageJson.devDependencies.node!)).toBe(22);
    expect(Number(process.versions.node.split(".")[0])).toBe(22);
    expect(read("infra/app/api.bicep")).toMatch(/name: 'node'\s*\n\s*version: '22'/);
  });
});
