// How the add-in's one script is bundled, shared by the build and by `node addin/build/bundleWeight.mjs`.
import { resolve } from "node:path";

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
  };
}
