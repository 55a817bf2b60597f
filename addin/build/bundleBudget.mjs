import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** What an officer's Excel downloads before the pane can draw: every script of the add-in, gzipped as served. */
export const BUDGET_GZIP_BYTES = 200 * 1024;

export async function scriptSizes(outDir) {
  const names = (await readdir(outDir)).filter((name) => name.endsWith(".js")).sort();
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
  const lines = sizes.map((size) => `  ${size.name}: ${kb(size.bytes)} (nén gzip ${kb(size.gzip)})`);
  const verdict = total <= BUDGET_GZIP_BYTES ? "trong ngân sách" : `vượt ngân sách ${kb(total - BUDGET_GZIP_BYTES)}`;
  return [`Dung lượng mã add-in (nén gzip): ${kb(total)} / ngân sách ${kb(BUDGET_GZIP_BYTES)} — ${verdict}.`, ...lines].join("\n");
}
