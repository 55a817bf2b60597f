// azd `predeploy` hook of the `web` service: builds dist/addin for the origin the provisioned static web app serves
// (KPI_ADDIN_URL, an output of infra/main.bicep), so the production manifest never points at https://localhost:3000.
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const origin = (process.env.KPI_ADDIN_URL ?? "").replace(/\/+$/, "");
if (!/^https:\/\/[^/]+$/.test(origin)) {
  console.error(`KPI_ADDIN_URL phải là một địa chỉ https (nhận được "${origin}"): chạy "azd provision" trước để có địa chỉ của trang add-in.`);
  process.exit(1);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
execFileSync(npm, ["run", "build:addin"], {
  cwd: root,
  stdio: "inherit",
  shell: process.platform === "win32",
  env: { ...process.env, KPI_ADDIN_URL: origin, KPI_ADDIN_OUT: "dist/addin" },
});

const manifest = await readFile(resolve(root, "dist/addin/manifest.xml"), "utf8");
if (!manifest.includes(`${origin}/`) || manifest.includes("https://localhost:3000")) {
  console.error(`dist/addin/manifest.xml không trỏ tới ${origin}: không triển khai.`);
  process.exit(1);
}
console.log(`Đã build add-in cho ${origin}; tệp kê khai để cài: ${origin}/manifest.xml`);
