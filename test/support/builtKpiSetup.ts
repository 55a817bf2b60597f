import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import type { TestProject } from "vitest/node";

/**
 * `kpi` built once per run, so that each test still spawns a real process (real argv, exit code, stdout, stderr)
 * without paying for tsx compiling the whole CLI again on every call.
 *
 * The bundle lives under the project's node_modules/.cache: the few packages left external resolve from there
 * exactly as they do for bin/kpi.mjs. test/cli/entryPoint.test.ts still runs bin/kpi.mjs itself.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cache = fileURLToPath(new URL("../../node_modules/.cache/", import.meta.url));
  await mkdir(cache, { recursive: true });
  const directory = await mkdtemp(join(cache, "kpi-cli-"));
  const entry = join(directory, "kpi.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("../../functions/cli/main.ts", import.meta.url))],
    outfile: entry,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // As in build:functions: @azure/functions looks for the Functions host's module when it runs, and the chart
    // renderer loads its wasm and fonts by path from their packages.
    external: ["@azure/functions", "@resvg/resvg-wasm", "dejavu-fonts-ttf"],
    // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
    banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
    // Less text for every process to compile; names and behaviour stay as written.
    minifyWhitespace: true,
    plugins: [keepSourceLocations],
    logLevel: "warning",
  });
  project.provide("builtKpi", entry);
  return () => rm(directory, { recursive: true, force: true });
}

/**
 * Modules that find files next to themselves (the demo catalogue, the seed decisions, pdf.js, the chart fonts)
 * read import.meta.url. Bundled, that would be the bundle's own address; each module keeps its source file's
 * address instead, as under tsx, so the built CLI reads the same files bin/kpi.mjs reads.
 */
const keepSourceLocations: Plugin = {
  name: "keep-source-locations",
  setup(builder) {
    builder.onLoad({ filter: /\.(ts|js|mjs)$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      if (!text.includes("import.meta.url")) return undefined;
      return {
        contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
        loader: path.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};

declare module "vitest" {
  export interface ProvidedContext {
    builtKpi: string;
  }
}
