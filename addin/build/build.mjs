// Builds the add-in: functions.json from the custom functions' JSDoc, one classic-script bundle for the custom
// functions and the pane, the page the shared runtime loads, and the manifests. custom-functions-metadata exits 0
// even when it reports errors, so they are checked here.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { addinBundleOptions } from "./addinBundle.mjs";
import { signInBundleOptions } from "./signInBundle.mjs";
import { budgetReport, scriptSizes } from "./bundleBudget.mjs";
import { writeManifests } from "./manifest.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = resolve(root, process.env.KPI_ADDIN_OUT ?? "dist/addin");
const functionsSource = resolve(root, "addin/functions/functions.ts");

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

async function buildBundle() {
  await build(addinBundleOptions(root, resolve(outDir, "taskpane.js")));
  // One page for the task pane and the custom functions (the shared runtime): office.js, then the add-in's one
  // script, classic scripts in this order. preview.html is the same pane without Office, for a plain browser.
  await writeFile(resolve(outDir, "taskpane.html"), page("KPI chuyển đổi số", ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "taskpane.js"]));
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
// downloads before the pane draws. The budget counts it all the same: it is shipped, and an officer who signs in
// downloads both.
async function buildSignInScript() {
  await build(signInBundleOptions(root, resolve(outDir, "signin/signin.js")));
}

// Everything in the folder is made by this build: starting empty keeps a script of an earlier layout from being
// served, and counted in the budget, after it stopped being built.
if (root === outDir || root.startsWith(outDir + sep)) {
  console.error(`KPI_ADDIN_OUT phải là một thư mục riêng cho add-in, không phải ${outDir}: bước build xóa sạch thư mục đó.`);
  process.exit(2);
}
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
try {
  const ids = await buildMetadata();
  await buildBundle();
  await buildSignInScript();
  await writeManifests(root, outDir);
  console.log(`Đã build add-in vào ${outDir}: ${ids.length} hàm (${ids.join(", ")}).`);
  console.log(budgetReport(await scriptSizes(outDir)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
