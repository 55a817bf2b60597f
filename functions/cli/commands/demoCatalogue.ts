import { buildDemoCatalogue } from "../../catalogue/demoCatalogue";
import { DEMO_CATALOGUE_PATH, saveCatalogue } from "../../catalogue/catalogueFile";
import { defineCommand, readArgs } from "../args";
import type { CliIo } from "../io";

export const DEMO_CATALOGUE_COMMAND = defineCommand({
  command: "demo-catalogue",
  synopsis: "",
  summary: "Dựng lại danh mục mẫu (functions/data/demo-catalogue.json) từ ba văn bản gốc; dành cho người phát triển.",
  options: {},
});

/** `kpi demo-catalogue`: rebuilds the shipped demo catalogue from the seed decisions (review the diff before committing). */
export async function runDemoCatalogue(args: string[], io: CliIo): Promise<number> {
  if (!readArgs(DEMO_CATALOGUE_COMMAND, args, io)) return 0;
  const { catalogue, reports } = await buildDemoCatalogue();
  const errors = reports.flatMap((report) => report.problems.filter((problem) => problem.severity === "error"));
  for (const error of errors) io.err(`Lỗi: ${error.message}`);
  if (errors.length > 0) return 1;
  await saveCatalogue(DEMO_CATALOGUE_PATH, catalogue);
  io.out(
    `Đã ghi ${DEMO_CATALOGUE_PATH}: ${catalogue.decisions.length} văn bản, ${catalogue.agencies.length} cơ quan, ${catalogue.groups.length} nhóm, ` +
      `${catalogue.indicators.length} chỉ tiêu, ${catalogue.assignments.length} phân giao, ${catalogue.uncertainMatches.length} cặp cần xác nhận.`,
  );
  return 0;
}
