import { execFile } from "node:child_process";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import { z } from "zod";
import { CatalogueLookup } from "../shared/catalogue/lookup";
import { AggregateBuilder } from "../shared/report/aggregateBuilder";
import { aggregateSchema, type Aggregate, type AggregateCell } from "../shared/report/aggregate";
import { VERDICT_LABELS } from "../shared/verdict/labels";
import type { VerdictCode } from "../shared/verdict/schema";
import { DEMO_DECISION, demoCatalogue } from "../functions/local/demoData";
import { buildConsolidatedReport } from "../functions/report/consolidatedReport";

/**
 * Renders the consolidated report of the demo decision through LibreOffice into PNGs under docs/, to look at the
 * pages as the province prints them. Not part of CI (LibreOffice is large). The figures are made up, deterministic,
 * and spread over every verdict, a late and a missing agency and the province's own verdicts; the layout is the real
 * one: `buildConsolidatedReport` as the server calls it.
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

/** A fixed sequence in [0, 1): the same report every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function demoAggregate(): Promise<Aggregate> {
  const catalogue = await demoCatalogue();
  const lookup = new CatalogueLookup(catalogue);
  const decision = catalogue.decisions.find((item) => item.id === DEMO_DECISION);
  if (!decision) throw new Error(`Không có văn bản mẫu ${DEMO_DECISION}.`);
  const empty = new AggregateBuilder(lookup, decision, "2025-Q4", 1).result("2025-12-22T02:30:00.000Z");
  const next = sequence(1521);
  const agencies = empty.agencies.map((agency, index) => {
    const status = index % 9 === 4 ? "missing" : index % 7 === 3 ? "late" : "on_time";
    if (status === "missing") return { ...agency, status, reviewState: "not_submitted" as const };
    const cells = agency.cells.map((cell, row): AggregateCell => {
      const draw = next();
      const verdict: VerdictCode = draw < 0.62 ? "met" : draw < 0.78 ? "not_met" : draw < 0.86 ? "pending" : draw < 0.92 ? "needs_review" : "no_data";
      const threshold = Number(/(\d+(?:[.,]\d+)?)\s*%/.exec(cell.targetText)?.[1]?.replace(",", ".") ?? "80") / 100;
      const actual =
        verdict === "no_data"
          ? undefined
          : cell.percent
            ? Math.round((verdict === "met" ? threshold + (1 - threshold) * next() : threshold * (0.6 + 0.39 * next())) * 1000) / 1000
            : verdict === "needs_review"
              ? "Đã triển khai, đang hoàn thiện hồ sơ"
              : Math.round(next() * 120_000);
      // The province confirmed the first value of the first agency and overruled the rule on the second.
      const person = index === 0 && row < 2;
      const overruled = person && row === 1;
      return {
        ...cell,
        actual,
        verdict: overruled ? "not_met" : verdict,
        label: VERDICT_LABELS[overruled ? "not_met" : verdict],
        explanation: verdict === "met" ? "Đạt." : `${VERDICT_LABELS[verdict]}: kết quả so với chỉ tiêu giao.`,
        ...(person
          ? {
              decidedBy: "person" as const,
              person: {
                reason: row === 0 ? "Đã đối chiếu văn bản số 45/KH-STC" : "Số liệu chưa khớp báo cáo quý III",
                byLabel: "Sở KH&CN Phú Thọ",
                at: "2025-12-21T03:00:00.000Z",
                override: overruled,
                automaticVerdict: "met" as const,
                automaticLabel: VERDICT_LABELS.met,
              },
            }
          : {}),
      };
    });
    const submittedAt = status === "late" ? `2025-12-2${2 + (index % 3)}T0${index % 9}:15:00.000Z` : `2025-12-1${index % 10}T0${index % 9}:40:00.000Z`;
    return {
      ...agency,
      status,
      reviewState: index % 5 === 0 ? ("approved" as const) : index % 5 === 1 ? ("returned" as const) : ("submitted" as const),
      version: 1 + (index % 3),
      submittedAt,
      cells,
      reportedCount: cells.filter((cell) => cell.actual !== undefined).length,
      metCount: cells.filter((cell) => cell.verdict === "met").length,
    };
  });
  const indicators = empty.indicators.map((indicator) => {
    const cells = agencies.flatMap((agency) => agency.cells.filter((cell) => cell.indicatorCode === indicator.code));
    const metCount = cells.filter((cell) => cell.verdict === "met").length;
    return {
      ...indicator,
      assignedCount: cells.length,
      reportedCount: cells.filter((cell) => cell.actual !== undefined).length,
      metCount,
      metShare: cells.length > 0 ? metCount / cells.length : null,
    };
  });
  return aggregateSchema.parse({
    ...empty,
    agencies,
    indicators,
    completeness: {
      assigned: agencies.length,
      onTime: agencies.filter((agency) => agency.status === "on_time").length,
      late: agencies.filter((agency) => agency.status === "late").length,
      missing: agencies.filter((agency) => agency.status === "missing").length,
      approved: agencies.filter((agency) => agency.reviewState === "approved").length,
    },
  });
}

const run = promisify(execFile);
const work = join(tmpdir(), `report-xlsx-${process.pid}`);
await mkdir(work, { recursive: true });
try {
  const xlsx = join(work, "tong-hop.xlsx");
  await writeFile(xlsx, await buildConsolidatedReport(await demoAggregate()));
  await run("soffice", ["--headless", `-env:UserInstallation=file://${join(work, "profile")}`, "--convert-to", "pdf", "--outdir", work, xlsx], {
    timeout: 180_000,
  });
  for (const [first, last] of options.pages) {
    await run("pdftoppm", ["-png", "-r", "60", "-f", String(first), "-l", String(last ?? first), join(work, "tong-hop.pdf"), join(work, "page")]);
  }
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
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
