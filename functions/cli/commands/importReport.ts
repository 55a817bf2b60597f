import { showDate } from "../../../shared/verdict/present";
import { apiErrorBodySchema } from "../../../shared/api/errors";
import { askForHeaderFields } from "../../../shared/catalogue/decision";
import type { ImportDraft } from "../../../shared/catalogue/draft";
import { importRefusalDetailsSchema, type CloseAgencyAnswer, type ImportAnswer } from "../../../shared/catalogue/importAnswer";
import type { CliIo } from "../io";

/** What `kpi import` prints: the document, the agencies (created, found, to choose) and every problem by its place. */
export function printImportAnswer(io: CliIo, draft: ImportDraft, answer: ImportAnswer): void {
  const h = draft.header;
  const { report } = answer;
  io.out(`Văn bản: ${answer.decision.number}${h.date ? ` ngày ${showDate(h.date)}` : ""}${h.province ? ` – ${h.province}` : ""} (mã ${answer.decision.id})`);
  if (h.title) io.out(`Trích yếu: ${h.title}`);
  io.out(`Tìm thấy ${report.sections} mục cơ quan, ${report.rows} dòng chỉ tiêu/nhiệm vụ.`);
  for (const section of draft.sections) io.out(`  ${section.order}. ${section.heading}: ${section.rows.length} dòng${section.part ? ` (${section.part})` : ""}`);
  io.out(`Chỉ tiêu: ${report.newIndicators} mới, ${report.matchedIndicators} trùng với chỉ tiêu đã có.`);
  if (draft.stats) io.out(`Dòng đã đọc: ${draft.stats.linesRead}; đã xếp: ${draft.stats.linesPlaced}; không xếp được: ${draft.stats.linesSkipped}.`);
  const { created, matched, close } = report.agencies;
  io.out(`Cơ quan tạo mới (${created.length}): ${created.map((agency) => `${agency.name} (${agency.id})`).join(", ") || "không có"}.`);
  io.out(`Cơ quan đã đăng ký (${matched.length}): ${matched.map((agency) => `${agency.heading} → ${agency.id}`).join(", ") || "không có"}.`);
  printClose(io, close);
  for (const problem of report.problems) {
    if (problem.code !== "agency_choice_required") io.out(`${problem.severity === "error" ? "Lỗi" : "Lưu ý"}: ${problem.message}`);
  }
  if (answer.dryRun) {
    io.out(close.length > 0 ? "Xem trước: chưa nhập được cho đến khi chọn xong các cơ quan trên." : "Xem trước: chưa ghi gì. Bỏ --dry-run để nhập.");
  } else {
    io.out(`${report.replaced ? "Đã thay văn bản bằng bản nhập lại" : "Đã nhập"}: danh mục phiên bản ${answer.catalogueVersion ?? "?"}.`);
  }
}

/** A refused import: the server's message, the problems by place, and how to choose the agencies it asks about. */
export function printRefusal(io: CliIo, status: number, body: unknown): void {
  const error = apiErrorBodySchema.safeParse(body);
  const details = importRefusalDetailsSchema.safeParse(error.success ? (error.data.details ?? {}) : {});
  // The server asks for missing header fields as query parameters; on the command line they are flags.
  const ask = details.success ? askForHeaderFields(details.data.problems, "flags") : undefined;
  const message = ask ? `Không nhập: ${ask} Danh mục không thay đổi.` : error.success ? error.data.message : undefined;
  io.err(`Không nhập (${status}${error.success ? `, ${error.data.code}` : ""}): ${message ?? "lỗi không rõ"}`);
  if (!details.success) return;
  for (const problem of details.data.problems) {
    if (problem.severity === "error" && problem.code !== "agency_choice_required") io.err(`  - ${problem.message}`);
  }
  printClose(io, details.data.close, "err");
}

function printClose(io: CliIo, close: CloseAgencyAnswer[], stream: "out" | "err" = "out"): void {
  const write = (line: string) => io[stream](line);
  if (close.length === 0) return;
  write(`Cần chọn cơ quan (${close.length}): các mục sau giống cơ quan đã đăng ký, phần mềm không tự quyết.`);
  for (const item of close) {
    const first = item.candidates[0];
    write(`  "${item.heading}" giống ${item.candidates.map((candidate) => `${candidate.name} (${candidate.id})`).join(", ")}`);
    if (first) write(`      là cơ quan đó: --agency "${item.heading}=${first.id}"   hay cơ quan mới: --create "${item.heading}"`);
  }
}
