// azd `postbuild` hook of the `api` service: lays out dist/api as the Function App's package, the built entry with
// only the runtime dependencies, so the deployment carries neither the add-in's UI nor the test and build tools.
// The entry bundles its libraries; "dependencies" holds only what it still loads from node_modules (@azure/functions,
// which the Functions worker must find as a package, and the chart renderer's WebAssembly and fonts, read as files).
// Installed from the same package-lock.json as development, so production runs the versions the tests ran.
// The runtime dependencies are pure JavaScript, WebAssembly and fonts, so staging on Windows or macOS deploys to Linux
// as is.
import { execFileSync } from "node:child_process";
import { cp, mkdir, rm, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const stage = resolve(root, "dist/api");
const entry = resolve(root, "dist/functions/index.js");

try {
  await stat(entry);
} catch {
  console.error(`Chưa có ${entry}: chạy "npm run build" trước khi đóng gói dịch vụ api.`);
  process.exit(1);
}

await rm(stage, { recursive: true, force: true });
await mkdir(stage, { recursive: true });
// package.json's "main" is dist/functions/index.js: the same relative path inside the package.
await cp(resolve(root, "dist/functions"), resolve(stage, "dist/functions"), { recursive: true });
for (const file of ["host.json", "package.json", "package-lock.json"]) await cp(resolve(root, file), resolve(stage, file));

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
execFileSync(npm, ["ci", "--omit=dev", "--no-audit", "--no-fund"], { cwd: stage, stdio: "inherit", shell: process.platform === "win32" });
console.log(`Đã chuẩn bị gói triển khai dịch vụ api trong ${stage}.`);
