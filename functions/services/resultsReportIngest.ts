import type { Agency, CatalogueDecision } from "../../shared/catalogue/model";
import type { PeriodCode } from "../../shared/period/period";
import { valuesOfConfirmedReport } from "../../shared/report/confirmReport";
import { matchReportRows, reportLinesOf, type ReportLine } from "../../shared/report/matchReportRows";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import {
  reportRowStatusSchema,
  resultsReportPreviewSchema,
  type ReportRow,
  type ResultsReportConfirm,
  type ResultsReportPreview,
} from "../../shared/report/resultsReport";
import type { ImportProblem } from "../../shared/catalogue/draft";
import type { Principal } from "../auth/principal";
import { readSourceBytes, SourceError } from "../catalogue/readSource";
import { DomainError } from "./domainError";
import { requirePeriodOpen } from "./periodLock";
import type { CatalogueSnapshot } from "../storage/catalogueStore";
import { resultsReportBlobPath, sha256Hex } from "../storage/submissionKeys";
import type { StoredSourceFile } from "../../shared/model/submission";
import type { Services } from "./services";
import { periodView, submitValues, type SubmitResult } from "./submitValues";

/**
 * An agency's results report (Word, PDF or text) becomes that agency's submission in two steps: a preview that reads
 * the file, matches its rows to the agency's assignments and keeps the file (by its SHA-256, beside the workbooks);
 * then a confirmation naming that file and the choices a person made, which stores a normal new version.
 */

export interface ReportTarget {
  decision: CatalogueDecision;
  period: PeriodCode;
  agency: Agency;
  /** The lead-agency name that stands for the agency in this report, when the report names it otherwise. */
  alias?: string;
}

function assignedView(services: Services, snapshot: CatalogueSnapshot, target: ReportTarget): PeriodAssignments {
  const view = periodView(services, snapshot, target.decision, target.agency, target.period);
  if (view.assignments.length === 0) {
    throw new DomainError("validation_failed", `${target.agency.name} không được giao chỉ tiêu nào trong văn bản ${target.decision.number} kỳ này.`);
  }
  return view;
}

/** Reads the file as a results report; an unreadable file is refused before anything is stored. */
async function readReport(bytes: Uint8Array, name: string): Promise<{ lines: ReportLine[]; warnings: ImportProblem[] }> {
  let draft;
  try {
    ({ draft } = await readSourceBytes(Buffer.from(bytes), name, "results-report"));
  } catch (error) {
    if (error instanceof SourceError) throw new DomainError("results_report_invalid", error.message);
    throw error;
  }
  const errors = draft.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    throw new DomainError("results_report_invalid", `Tệp "${name}" không đọc được thành báo cáo kết quả: ${errors[0]!.message}`, { problems: errors });
  }
  const lines = reportLinesOf(draft);
  if (lines.length === 0) {
    throw new DomainError("results_report_invalid", `Tệp "${name}" không có dòng chỉ tiêu nào dưới dòng tiêu đề "TT | Chỉ tiêu | Cơ quan chủ trì | …".`);
  }
  // A report's indicator names no threshold of its own: here the target is the assignment's, so that is no news.
  return { lines, warnings: draft.problems.filter((problem) => problem.code !== "no_embedded_target") };
}

/** What the stored file is, from its first bytes: the download is served with it. */
function contentTypeOf(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "application/pdf";
  return "text/plain; charset=utf-8";
}

function previewOf(view: PeriodAssignments, rows: ReportRow[], file: ResultsReportPreview["file"], warnings: ImportProblem[]): ResultsReportPreview {
  const counts = Object.fromEntries(reportRowStatusSchema.options.map((status) => [status, rows.filter((row) => row.status === status).length]));
  const reported = new Set(rows.filter((row) => row.status === "matched" || row.status === "uncertain").map((row) => row.assignmentId));
  return resultsReportPreviewSchema.parse({
    decisionId: view.decision.id,
    period: view.period,
    agencyId: view.agency.id,
    file,
    rows,
    counts,
    missing: view.assignments
      .filter((assignment) => !reported.has(assignment.assignmentId))
      .map((assignment) => ({ assignmentId: assignment.assignmentId, indicatorCode: assignment.indicatorCode, text: assignment.text })),
    problems: warnings,
  });
}

/** Step one: read, match, keep the file. No submission is stored. */
export async function previewResultsReport(
  services: Services,
  snapshot: CatalogueSnapshot,
  target: ReportTarget,
  bytes: Uint8Array,
  name: string,
): Promise<ResultsReportPreview> {
  const view = assignedView(services, snapshot, target);
  // The preview keeps the file: nothing is kept for a locked period.
  await requirePeriodOpen(services, target.decision, target.period, target.agency);
  const { lines, warnings } = await readReport(bytes, name);
  const rows = matchReportRows(lines, view, target.alias);
  const sha256 = sha256Hex(bytes);
  const path = resultsReportBlobPath(target.decision.province, target.decision.id, target.period, target.agency.id, sha256);
  // Named by its content: the same file previewed twice is one blob, and no other file can ever sit at this path.
  await services.workbooks.putOnce(path, bytes, sha256, { contentType: contentTypeOf(bytes), name });
  return previewOf(view, rows, { sha256, name, size: bytes.byteLength }, warnings);
}

export interface ConfirmInput extends ReportTarget {
  principal: Principal;
  choices: ResultsReportConfirm;
  idempotencyKey?: string;
}

/** Step two: the previewed file read again, the person's choices applied, the values stored as a new version. */
export async function confirmResultsReport(
  services: Services,
  snapshot: CatalogueSnapshot,
  input: ConfirmInput,
): Promise<SubmitResult & { rows: Array<{ row: number; assignmentId: string }> }> {
  const view = assignedView(services, snapshot, input);
  const path = resultsReportBlobPath(input.decision.province, input.decision.id, input.period, input.agency.id, input.choices.file);
  const stored = await services.workbooks.readFile(path);
  if (!stored) {
    throw new DomainError("not_found", "Không có tệp báo cáo kết quả này cho cơ quan và kỳ này: hãy gửi tệp để xem trước (?dryRun=true) rồi mới xác nhận.");
  }
  if (sha256Hex(stored.bytes) !== input.choices.file) throw new Error("Tệp báo cáo kết quả lưu trữ không khớp mã SHA-256 của nó.");
  const name = stored.name ?? "bao-cao-ket-qua";
  const { lines } = await readReport(stored.bytes, name);
  const rows = matchReportRows(lines, view, input.alias);
  const outcome = valuesOfConfirmedReport(rows, view, { confirm: input.choices.confirm ?? [], skip: input.choices.skip ?? [] });
  if (!outcome.ok) {
    const unconfirmed = outcome.problems.every((problem) => problem.kind === "unconfirmed");
    throw new DomainError(
      unconfirmed ? "confirmation_required" : "validation_failed",
      `Chưa nộp được báo cáo kết quả (${outcome.problems.length} vấn đề): ${outcome.problems[0]!.message}`,
      { problems: outcome.problems },
    );
  }
  const choices = { file: input.choices.file, confirm: input.choices.confirm ?? [], skip: input.choices.skip ?? [] };
  const sourceFile: StoredSourceFile = {
    blobPath: path,
    sha256: input.choices.file,
    size: stored.bytes.byteLength,
    name: name.slice(0, 255),
    contentType: stored.contentType ?? contentTypeOf(stored.bytes),
  };
  const result = await submitValues(services, snapshot, {
    principal: input.principal,
    decision: input.decision,
    period: input.period,
    agency: input.agency,
    values: outcome.values,
    idempotencyKey: input.idempotencyKey ?? input.choices.idempotencyKey ?? `rr-${sha256Hex(JSON.stringify(choices)).slice(0, 48)}`,
    bodyHash: sha256Hex(JSON.stringify({ file: input.choices.file, values: outcome.values })),
    channel: "results_report",
    sourceFile,
  });
  return { ...result, rows: outcome.rows };
}
