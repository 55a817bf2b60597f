import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The functions run with one set of V8 arguments wherever they run: on Azure (the worker's app setting), under
 * `func start`, under `npm start`, and in `npm run bench`, whose figures would otherwise describe another runtime.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (path: string) => readFileSync(resolve(root, path), "utf8");
const YOUNG_GENERATION = /--max-semi-space-size=(\d+)/g;

function youngGenerationIn(text: string): string[] {
  return [...text.matchAll(YOUNG_GENERATION)].map((match) => match[1]!);
}

describe("the Node arguments of the functions", () => {
  const packageJson = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
  const api = read("infra/app/api.bicep");
  const workerArguments = /languageWorkers__node__arguments:\s*'([^']*)'/.exec(api)?.[1];
  const localSettings = JSON.parse(read("local.settings.json.example")) as { Values: Record<string, string> };

  it("are set for the Node worker on Azure", () => {
    expect(workerArguments).toBeDefined();
    expect(youngGenerationIn(workerArguments!)).toHaveLength(1);
  });

  it("are the same under func start, npm start and npm run bench", () => {
    const onAzure = youngGenerationIn(workerArguments ?? "");
    expect(youngGenerationIn(localSettings.Values.languageWorkers__node__arguments ?? "")).toEqual(onAzure);
    expect(youngGenerationIn(packageJson.scripts.start!)).toEqual(onAzure);
    expect(youngGenerationIn(packageJson.scripts.bench!)).toEqual(onAzure);
  });
});
