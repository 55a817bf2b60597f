import { readdir, readFile } from "node:fs/promises";
import { join, sep } from "node:path";
import { gzipSync } from "node:zlib";

/** Every script the add-in ships, gzipped as served: the pane's, and the sign-in script it may load on demand. */
export const BUDGET_GZIP_BYTES = 200 * 1024;

/** Scripts loaded only when an officer asks for what they do, with what that is. */
const ON_DEMAND = { "signin/signin.js": "chỉ tải khi đăng nhập bằng tài khoản Microsoft 365" };

/** Every script in the output folder and its subfolders (e.g. signin/signin.js), named by its path there with "/". */
export async function scriptSizes(outDir) {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isFile() && /\.[cm]?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name).slice(outDir.length + 1).split(sep).join("/"))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(outDir, name));
      return { name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }),
  );
}

const kb = (bytes) => `${(bytes / 1024).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} KB`;

/** One line per script and the total against the budget, in the officer's number format. */
export function budgetReport(sizes) {
  const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
  const lines = sizes.map((size) => `  ${size.name}: ${kb(size.bytes)} (nén gzip ${kb(size.gzip)})${ON_DEMAND[size.name] ? ` — ${ON_DEMAND[size.name]}` : ""}`);
  const verdict = total <= BUDGET_GZIP_BYTES ? "trong ngân sách" : `vượt ngân sách ${kb(total - BUDGET_GZIP_BYTES)}`;
  return [`Dung lượng mã add-in (nén gzip, mọi tệp): ${kb(total)} / ngân sách ${kb(BUDGET_GZIP_BYTES)} — ${verdict}.`, ...lines].join("\n");
}
