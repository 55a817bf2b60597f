import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildReportDocx } from "../functions/report/docx/reportDocx";
import { demoAggregate } from "./reportDemo/demoAggregate";

/**
 * `npm run render:report`: drafts report.docx for a demo quarter, prints it through LibreOffice
 * (`soffice --headless --convert-to pdf`) and poppler (`pdftoppm -png -r 60`) into docs/report-docx-page-N.png, so
 * the pages can be looked at as a clerk would. Needs both programs installed (apt-get install libreoffice-writer
 * poppler-utils); not part of the tests or CI.
 */

const run = promisify(execFile);
const OUT = "docs";
const PERIOD = "2025-Q3";

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "kpi-report-"));
  try {
    const { aggregate, context } = await demoAggregate(PERIOD);
    const docx = join(work, "bao-cao.docx");
    await writeFile(docx, await buildReportDocx(aggregate, context));
    // A profile of its own: a LibreOffice already open on the machine would otherwise take the job and return at once.
    await run("soffice", [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", work, docx], { timeout: 180_000 });
    await run("pdftoppm", ["-png", "-r", "60", join(work, "bao-cao.pdf"), join(work, "page")]);
    for (const old of (await readdir(OUT)).filter((name) => /^report-docx-page-\d+\.png$/.test(name))) await rm(join(OUT, old));
    const pages = (await readdir(work)).filter((name) => /^page-\d+\.png$/.test(name)).sort();
    for (const page of pages) {
      const number = Number(/(\d+)/.exec(page)![1]);
      await copyFile(join(work, page), join(OUT, `report-docx-page-${number}.png`));
    }
    console.log(`${pages.length} trang: ${OUT}/report-docx-page-1.png … ${OUT}/report-docx-page-${pages.length}.png`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
