// Builds the add-in's custom functions: functions.json from the JSDoc, one classic-script bundle, and the page the
// shared runtime loads. custom-functions-metadata exits 0 even when it reports errors, so they are checked here.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
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
  // IIFE, not an ES module: the shared runtime must run the associate() calls before Excel asks for the functions.
  await build({
    entryPoints: [functionsSource],
    outfile: resolve(outDir, "functions.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2017",
    minify: true,
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
  });
  await writeFile(
    resolve(outDir, "functions.html"),
    `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>KPI chuyển đổi số – hàm tùy chỉnh</title>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"></script>
<script src="functions.js"></script>
</head>
<body></body>
</html>
`,
  );
}

await mkdir(outDir, { recursive: true });
try {
  const ids = await buildMetadata();
  await buildBundle();
  await writeManifests(root, outDir);
  console.log(`Đã build add-in vào ${outDir}: ${ids.length} hàm (${ids.join(", ")}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
