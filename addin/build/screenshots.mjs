// `npm run screenshots`: runs the browser tests against the local stack with the README's pictures written to docs/.
import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const vitest = resolve(root, "node_modules/vitest/vitest.mjs");
const result = spawnSync(process.execPath, [vitest, "run", "test/browser/taskpane.test.ts", "test/browser/reviewCycle.test.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, KPI_SCREENSHOT_DIR: resolve(root, "docs") },
});
if (result.status === 0) console.log("Đã ghi ảnh vào docs/: agency.png, province.png, preview.png, review-view.png, returned-view.png.");
process.exit(result.status ?? 1);
