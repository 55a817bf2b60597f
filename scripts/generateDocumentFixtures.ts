import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { readSource } from "../functions/catalogue/readSource";
import { specFromLayoutText } from "./documentFixtures/fromLayoutText";
import { specFromSeed } from "./documentFixtures/fromSeed";
import type { DocumentSpec } from "./documentFixtures/spec";
import { writeDocx } from "./documentFixtures/writeDocx";
import { writePdf, writeScannedPdf } from "./documentFixtures/writePdf";

/**
 * `npm run fixtures`: Word and PDF (with a text layer) versions of the seed decisions and of every layout text in
 * test/fixtures/layouts, plus a scanned-like PDF without text, written to test/fixtures/documents. The tests read
 * the committed files; run this again after changing a seed, a layout or the writers.
 */
const SEEDS = "test/fixtures/seeds";
const LAYOUTS = "test/fixtures/layouts";
const OUT = "test/fixtures/documents";

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const specs: DocumentSpec[] = [];
  for (const file of (await readdir(SEEDS)).filter((entry) => entry.endsWith(".txt")).sort()) {
    const path = join(SEEDS, file);
    const { format, draft } = await readSource(path);
    specs.push(specFromSeed(basename(file, ".txt"), await readFile(path, "utf8"), format, draft));
  }
  if (existsSync(LAYOUTS)) {
    for (const file of (await readdir(LAYOUTS)).filter((entry) => entry.endsWith(".txt")).sort()) {
      specs.push(specFromLayoutText(`layout-${basename(file, ".txt")}`, await readFile(join(LAYOUTS, file), "utf8")));
    }
  }
  for (const spec of specs) {
    await writeFile(join(OUT, `${spec.name}.docx`), await writeDocx(spec));
    await writeFile(join(OUT, `${spec.name}.pdf`), await writePdf(spec));
    console.log(`${spec.name}: .docx, .pdf`);
  }
  await writeFile(join(OUT, "scanned.pdf"), await writeScannedPdf());
  console.log("scanned: .pdf");
}

await main();
