// Builds the add-in's custom functions: functions.json from the JSDoc, one classic-script bundle, and the page the
// shared runtime loads. custom-functions-metadata exits 0 even when it reports errors, so they are checked here.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { budgetReport, scriptSizes } from "./bundleBudget.mjs";
import { writeManifests } from "./manifest.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = resolve(root, process.env.KPI_ADDIN_OUT ?? "dist/addin");
const functionsSource = resolve(root, "addin/functions/functions.ts");
const taskpaneSource = resolve(root, "addin/taskpane/main.tsx");

async function buildMetadata() {
  const result = await generateCustomFunctionsMetadata(functionsSource, false);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata báo lỗi:\n${result.errors.join("\n")}`);
  }
  const metadata = JSON.parse(result.metadataJson);
  if (!Array.isArray(metadata.functions) || metadata.functions.length === 0) {
    throw new Error("functions.json không có hàm nào: kiểm tra chú thích @customfunction.");
  }
  await writeFile(resolve(outDir, "functions.json"), JSON.stringify(metadata, null, 2) + "\n");
  return metadata.functions.map((fn) => fn.id);
}

const bundleOptions = {
  bundle: true,
  // IIFE, not an ES module: the shared runtime must run the associate() calls before Excel asks for the functions.
  format: "iife",
  platform: "browser",
  target: "es2019",
  minify: true,
  // Source maps would ship the whole source to every Excel that loads the add-in: only on request, for debugging.
  sourcemap: process.env.KPI_ADDIN_SOURCEMAPS === "1",
  legalComments: "none",
  logLevel: "warning",
};

async function buildBundles() {
  await build({ ...bundleOptions, entryPoints: [functionsSource], outfile: resolve(outDir, "functions.js") });
  await build({
    ...bundleOptions,
    entryPoints: [taskpaneSource],
    outfile: resolve(outDir, "taskpane.js"),
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  // One page for the task pane and the custom functions (the shared runtime): office.js, then the functions, then
  // the pane, all classic scripts in this order. preview.html is the same pane without Office, for a plain browser.
  await writeFile(resolve(outDir, "taskpane.html"), page("KPI chuyển đổi số", ['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', "functions.js", "taskpane.js"]));
  await writeFile(resolve(outDir, "preview.html"), page("KPI chuyển đổi số – xem thử ngoài Excel", ["taskpane.js"]));
}

function page(title, scripts) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="assets/icon-32.png">
<link rel="stylesheet" href="taskpane.css">
${scripts.map((src) => `<script src="${src}"></script>`).join("\n")}
</head>
<body>
<div id="root"></div>
</body>
</html>
`;
}

// Microsoft 365 sign-in (MSAL, nested app authentication) is its own script, in a folder of its own: the pane loads
// it only when the server offers that sign-in and the officer chooses it, so it is not part of what every Excel
// downloads before the pane draws (the budget above counts the top-level scripts only).
async function buildSignInScript() {
  const outfile = resolve(outDir, "signin/signin.js");
  await build({ ...bundleOptions, entryPoints: [resolve(root, "addin/connection/signinScript.ts")], outfile });
  const [size] = await scriptSizes(dirname(outfile));
  return `Tải khi đăng nhập Microsoft 365: signin/${size.name}: ${(size.gzip / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} KB nén gzip.`;
}

await mkdir(outDir, { recursive: true });
try {
  const ids = await buildMetadata();
  await buildBundles();
  const signInReport = await buildSignInScript();
  await writeManifests(root, outDir);
  console.log(`Đã build add-in vào ${outDir}: ${ids.length} hàm (${ids.join(", ")}).`);
  console.log(budgetReport(await scriptSizes(outDir)));
  console.log(signInReport);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
