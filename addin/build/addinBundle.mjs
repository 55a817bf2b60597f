// How the add-in's one script is bundled, shared by the build and by `node addin/build/bundleWeight.mjs`.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

/**
 * zod wires its JSON Schema export into every schema it builds, so tree-shaking keeps ~19 KB of it (6 KB gzipped)
 * although the add-in never asks a schema for its JSON Schema. Its two modules are swapped here for ones with the
 * same exports that refuse if called: if a zod upgrade imports a new name from them the build fails, it does not
 * ship something half-working.
 */
const withoutZodJsonSchema = {
  name: "without-zod-json-schema",
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const names = [...source.matchAll(/^export (?:function|const|class) (\w+)/gm), ...source.matchAll(/^export \{ \w+ as (\w+) \}/gm)].map((match) => match[1]);
      const refuse = 'function refuse() { throw new Error("Bản add-in không kèm phần xuất JSON Schema của zod."); }';
      // createToJSONSchemaMethod and createStandardJSONSchemaMethod are factories (a schema's `~standard` calls one
      // when read): they hand back the method, which refuses when called.
      const exports = names.map((name) => `export const ${name} = ${name.startsWith("create") ? "() => refuse" : "refuse"};`);
      return { contents: [refuse, ...exports].join("\n"), loader: "js" };
    });
  },
};

/**
 * One classic script (IIFE, not an ES module) for taskpane.html and preview.html: the shared runtime must run the
 * custom functions' associate() calls before Excel asks for them, and the pane and the functions then share one copy
 * of zod, the target grammar and shared/ instead of each carrying its own.
 */
export function addinBundleOptions(root, outfile) {
  return {
    entryPoints: [resolve(root, "addin/taskpane/main.tsx")],
    outfile,
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2019",
    minify: true,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    // Source maps would ship the whole source to every Excel that loads the add-in: only on request, for debugging.
    sourcemap: process.env.KPI_ADDIN_SOURCEMAPS === "1",
    legalComments: "none",
    logLevel: "warning",
    // The pane is written against React's API, but Excel downloads Preact's compatible one: React DOM alone is ~42 KB
    // of the gzipped script, Preact with its compat layer ~9 KB. The Fluent UI components the pane uses run on it
    // (the Chromium tests drive them). Subpaths follow: react/jsx-runtime, react-dom/client.
    alias: { react: "preact/compat", "react-dom": "preact/compat" },
    plugins: [withoutZodJsonSchema],
  };
}
