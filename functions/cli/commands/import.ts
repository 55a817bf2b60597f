import { existsSync } from "node:fs";
import { z } from "zod";
import { buildCatalogue, type BuildReport } from "../../../shared/catalogue/build";
import { decisionFromHeader } from "../../../shared/catalogue/decision";
import type { ImportDraft, ImportProblem } from "../../../shared/catalogue/draft";
import type { Catalogue } from "../../../shared/catalogue/model";
import { loadCatalogue, saveCatalogue } from "../../catalogue/catalogueFile";
import { readSource, SOURCE_FORMATS, SourceError } from "../../catalogue/readSource";
import { readArgs } from "../args";
import { CliError, type CliIo } from "../io";
import { IMPORT_COMMAND } from "./importArgs";

const optionsSchema = z.object({
  format: z.enum(SOURCE_FORMATS, { error: `--format phải là một trong: ${SOURCE_FORMATS.join(", ")}.` }).optional(),
  "dry-run": z.boolean().optional(),
  json: z.boolean().optional(),
  into: z.string().optional(),
  number: z.string().optional(),
  province: z.string().optional(),
  year: z.coerce.number().int().min(2000).max(2100, { message: "--year phải là năm, ví dụ 2025." }).optional(),
  title: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "--date phải có dạng YYYY-MM-DD." }).optional(),
});

/**
 * `kpi import <tệp> [--format …] [--dry-run] [--json] [--into catalogue.json]`: reads a decision's appendix and
 * reports what it found. Without --dry-run the decision is added to the catalogue file — all of it, or nothing
 * when any error was found.
 */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(IMPORT_COMMAND, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const options = optionsSchema.safeParse(values);
  if (!options.success) throw new CliError(options.error.issues.map((issue) => issue.message).join(" "), 2);
  const [path] = positionals;
  if (!path) throw new CliError("Thiếu tệp cần nhập. Ví dụ: kpi import phu-luc.xlsx --dry-run", 2);

  let draft: ImportDraft;
  try {
    ({ draft } = await readSource(path, options.data.format));
  } catch (error) {
    if (error instanceof SourceError) throw new CliError(error.message);
    throw error;
  }
  const { format: _format, "dry-run": dryRun, json, into, ...overrides } = options.data;
  const header = decisionFromHeader(draft.header, overrides);
  const catalogPath = into ?? ".data/catalogue.json";
  const existing: Catalogue | undefined = !dryRun && existsSync(catalogPath) ? await loadCatalogue(catalogPath) : undefined;
  const built = "decision" in header ? buildCatalogue([{ draft, decision: header.decision }], existing) : undefined;
  const report = built?.reports[0];
  const problems: ImportProblem[] = report?.problems ?? [...draft.problems, ...("problems" in header ? header.problems : [])];
  const errors = problems.filter((problem) => problem.severity === "error");

  if (json) {
    io.out(JSON.stringify({ draft, decision: "decision" in header ? header.decision : undefined, report, catalogue: dryRun ? built?.catalogue : undefined }, null, 2));
  } else {
    printSummary(io, draft, report, problems);
  }
  if (errors.length > 0) {
    io.err(`Không nhập: có ${errors.length} lỗi. Sửa tệp rồi nhập lại; danh mục không thay đổi.`);
    return 1;
  }
  if (!dryRun && built) {
    await saveCatalogue(catalogPath, built.catalogue);
    if (!json) io.out(`Đã ghi danh mục vào ${catalogPath}.`);
  }
  return 0;
}

function printSummary(io: CliIo, draft: ImportDraft, report: BuildReport | undefined, problems: ImportProblem[]): void {
  const h = draft.header;
  io.out(`Văn bản: ${h.number ?? "(không rõ số)"}${h.date ? ` ngày ${h.date}` : ""}${h.province ? ` – ${h.province}` : ""}`);
  if (h.title) io.out(`Trích yếu: ${h.title}`);
  const rows = draft.sections.reduce((sum, section) => sum + section.rows.length, 0);
  io.out(`Tìm thấy ${draft.sections.length} mục cơ quan, ${rows} dòng chỉ tiêu/nhiệm vụ.`);
  for (const section of draft.sections) io.out(`  ${section.order}. ${section.heading}: ${section.rows.length} dòng${section.part ? ` (${section.part})` : ""}`);
  if (report) io.out(`Chỉ tiêu: ${report.newIndicators} mới, ${report.matchedIndicators} trùng với chỉ tiêu đã có.`);
  if (draft.stats) io.out(`Dòng đã đọc: ${draft.stats.linesRead}; đã xếp: ${draft.stats.linesPlaced}; không xếp được: ${draft.stats.linesSkipped}.`);
  for (const problem of problems) io.out(`${problem.severity === "error" ? "Lỗi" : "Lưu ý"}: ${problem.message}`);
}
