import { execFile } from "node:child_process";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import * as z from "zod";
import { aggregateSchema } from "../shared/report/aggregate";
import { buildConsolidatedReport } from "../functions/report/consolidatedReport";
import { demoAggregate } from "./reportDemo/demoAggregate";

/**
 * `npm run render:xlsx`: the consolidated report.xlsx of the demo quarter (the same made-up reports as the drafted
 * report.docx, judged by the real rules), printed through LibreOffice (`soffice --headless --convert-to pdf`, which
 * needs libreoffice-calc) and poppler (`pdftoppm -png -r 60`) into docs/report-xlsx-page-N.png, to look at the pages
 * as the province prints them. Not part of the tests or CI.
 *
 *   npx tsx scripts/renderConsolidatedReport.ts [pages=1-7,13] [outDir=docs]
 *
 * The default pages are the summary, the missing and late list, the results per indicator, the two charts, the first
 * block of the matrix and the first agency's sheet.
 */

const pageRanges = z
  .string()
  .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, { error: "Trang phải có dạng 1-7,13." })
  .transform((text) => text.split(",").map((part) => part.split("-").map(Number) as [number, number?]));
const optionsSchema = z.object({
  pages: z.string().default("1-7,13").pipe(pageRanges),
  outDir: z.string().default("docs"),
});
const options = optionsSchema.parse({ pages: process.argv[2], outDir: process.argv[3] });

const run = promisify(execFile);
const PERIOD = "2025-Q3";
const work = join(tmpdir(), `report-xlsx-${process.pid}`);
await mkdir(work, { recursive: true });
try {
  const xlsx = join(work, "tong-hop.xlsx");
  const { aggregate } = await demoAggregate(PERIOD);
  await writeFile(xlsx, await buildConsolidatedReport(aggregateSchema.parse(aggregate)));
  await run("soffice", ["--headless", `-env:UserInstallation=file://${join(work, "profile")}`, "--convert-to", "pdf", "--outdir", work, xlsx], {
    timeout: 180_000,
  });
  for (const [first, last] of options.pages) {
    await run("pdftoppm", ["-png", "-r", "60", "-f", String(first), "-l", String(last ?? first), join(work, "tong-hop.pdf"), join(work, "page")]);
  }
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  for (const old of (await readdir(outDir)).filter((name) => /^report-xlsx-page-\d+\.png$/.test(name))) await rm(join(outDir, old));
  const pages = (await readdir(work)).filter((name) => /^page-\d+\.png$/.test(name)).sort();
  for (const page of pages) {
    const number = Number(/(\d+)/.exec(page)![1]);
    await rename(join(work, page), join(outDir, `report-xlsx-page-${number}.png`));
  }
  console.log(`${pages.length} trang → ${outDir}`);
} finally {
  if (!process.env.KEEP_RENDER) await rm(work, { recursive: true, force: true });
  else console.log(`Giữ lại ${work}`);
}
