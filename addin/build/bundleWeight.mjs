// `node addin/build/bundleWeight.mjs [count] [--gzip] [--signin]`: what weighs in the add-in's script (with --signin,
// in the Microsoft 365 sign-in script, where MSAL's files are listed one by one). Bytes are the minified
// bytes each package or source folder puts in the bundle; with --gzip also how much smaller the gzipped bundle gets
// without it (the figure the budget counts), measured by building again with it left out (slow: one build each).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { addinBundleOptions } from "./addinBundle.mjs";
import { signInBundleOptions } from "./signInBundle.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const count = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 20);
const leaveOneOut = process.argv.includes("--gzip");
const signIn = process.argv.includes("--signin");
const scriptName = signIn ? "signin.js" : "taskpane.js";

/** node_modules/@scope/name/… → @scope/name (MSAL by file for the sign-in script); shared/target/… → shared/target. */
function groupOf(path) {
  if (signIn && /node_modules\/@azure\/msal-/.test(path)) return path.replace(/^.*node_modules\/@azure\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return pkg ? pkg[1] : path.split("/").slice(0, 2).join("/");
}

async function bundle(leftOut) {
  const plugins = leftOut
    ? [
        {
          name: "leave-out",
          setup(builder) {
            // Resolved as usual, then swapped for an empty CommonJS module outside the package (so that its "type"
            // does not apply): every import from it still resolves, to undefined.
            builder.onResolve({ filter: /.*/ }, async (args) => {
              if (args.pluginData === "inner" || args.kind === "entry-point") return undefined;
              const resolved = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "inner" });
              if (resolved.errors.length > 0 || !/\.[cm]?[jt]sx?$/.test(resolved.path)) return undefined;
              return groupOf(resolved.path.slice(root.length + 1)) === leftOut ? { path: resolved.path, namespace: "left-out" } : undefined;
            });
            builder.onLoad({ filter: /.*/, namespace: "left-out" }, () => ({ contents: "module.exports = {};", loader: "js" }));
          },
        },
      ]
    : [];
  const options = (signIn ? signInBundleOptions : addinBundleOptions)(root, resolve(root, "dist/weight", scriptName));
  const result = await build({ ...options, write: false, metafile: true, sourcemap: false, logLevel: "silent", plugins: [...plugins, ...options.plugins] });
  const script = result.outputFiles.find((file) => file.path.endsWith(".js"));
  return { gzip: gzipSync(script.contents, { level: 9 }).length, metafile: result.metafile };
}

const whole = await bundle();
const output = Object.entries(whole.metafile.outputs).find(([path]) => path.endsWith(".js"))[1];
const bytes = new Map();
for (const [path, input] of Object.entries(output.inputs)) bytes.set(groupOf(path), (bytes.get(groupOf(path)) ?? 0) + input.bytesInOutput);
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${scriptName}: ${kb(output.bytes)} KB, gzip ${kb(whole.gzip)} KB`);
console.log(`  minified KB${leaveOneOut ? "   gzip KB" : ""}   package or folder`);
for (const [group, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, count)) {
  // A build without it may fail (the sign-in build refuses when MSAL's browser controller is no longer loaded): "–".
  const without = leaveOneOut ? await bundle(group).catch(() => undefined) : undefined;
  const saved = leaveOneOut ? `   ${without ? kb(whole.gzip - without.gzip) : "      –"}` : "";
  console.log(`  ${kb(size)}${saved}   ${group}`);
}
