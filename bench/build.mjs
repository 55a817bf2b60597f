// Builds the benchmarks the way the functions ship: one esbuild bundle, compiled as `npm run build:functions`
// compiles them (no keepNames, no source maps), so what is measured is the code Azure runs, not tsx's
// development transform (which wraps every function created at run time in a naming call). Packages stay in
// node_modules. Each module keeps its own import.meta.url, so files found beside a module (the demo catalogue,
// Azurite's launcher, the HTTP client) are found as they are without the bundle.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (path.includes(`${"/"}node_modules${"/"}`)) return undefined;
      const source = await readFile(path, "utf8");
      return { contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)), loader: "ts" };
    });
  },
};

await build({
  entryPoints: [resolve(root, "bench/run.ts")],
  outfile: resolve(root, "dist/bench/run.mjs"),
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  packages: "external",
  logLevel: "warning",
  plugins: [ownImportMetaUrl],
});
