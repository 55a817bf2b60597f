import type { SubmissionValue } from "../../shared/model/submissionValue";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import type { SubmissionReceipt, SubmissionRequest } from "../../shared/report/receipt";
import { columnLetter, readReportRows, reportColumnIndex, type ReportBinding, type ReportProblem } from "../../shared/report/reportTable";
import { KpiApiError } from "../../shared/api/client";
import { messageOf, type KpiClient } from "../api/kpiClient";
import type { PercentAnswer, ReportTableReading, WorkbookPort } from "../excel/workbookPort";
import { TABLE_FIRST_ROW } from "../report/planReportTable";
import type { PendingSubmissions, Scope } from "./pendingSubmissions";
import { valuesWithCitations, type CitationDrafts } from "../review/evidenceDraft";
import { valuesForCarryForward } from "./unreported";

/**
 * "Nộp báo cáo" in two steps: `checkReport` reads the table (one batched read) and finds every fault by cell before
 * anything is sent; `sendReport` sends the values under an idempotency key, then the workbook file, then writes the
 * receipt into the sheet. Nothing in the workbook is cleared at any point, so a failed send loses nothing.
 */

export interface ReportCheck {
  scope: Scope;
  binding: ReportBinding;
  view: PeriodAssignments;
  values: SubmissionValue[];
  /** Faults that stop the submission, each naming its cell. */
  problems: ReportProblem[];
  /**
   * Rate cells whose meaning is unclear ("Ô G7: 0,92 nghĩa là 92% hay 0,92%?"): the officer picks a reading, which
   * `answerPercentQuestions` writes into the cell; nothing is sent while any is open.
   */
  questions: PercentQuestion[];
  /** Kết quả cells left empty: allowed, but the officer confirms. */
  emptyCells: string[];
  /** Assigned indicators with no row in the table (deleted rows). */
  missingCodes: string[];
}

export interface PercentQuestion {
  cell: string;
  assignmentId: string;
  question: string;
  choices: Array<{ label: string; fraction: number }>;
}

export class ReportNotFoundError extends Error {}

export async function checkReport(client: KpiClient, workbook: WorkbookPort, selection: Scope): Promise<ReportCheck> {
  const table = await workbook.readReportTable();
  if (!table) throw new ReportNotFoundError('Chưa có trang "Báo cáo" trong sổ làm việc: bấm "Lấy chỉ tiêu" để tạo bảng, nhập số liệu rồi nộp.');
  // The table says what it reports; the pane's selection only speaks for a table copied in without its binding.
  const scope: Scope = table.binding
    ? { decisionId: table.binding.decisionId, period: table.binding.period, agencyId: table.binding.agencyId }
    : selection;
  const view = await client.assignments(scope.decisionId, scope.period, scope.agencyId);
  const binding: ReportBinding = table.binding ?? {
    decisionId: view.decision.id,
    period: view.period,
    province: view.decision.province,
    agencyId: view.agency.id,
    catalogueVersion: view.catalogueVersion,
    assignmentIds: [],
  };
  return readCheck(table, view, binding, { ...scope, agencyId: view.agency.id });
}

/**
 * Writes the officer's choices ("92%") into their cells as fractions with a percent format, then reads the table
 * again against the same assignments: the answered cells now read as what was chosen, here and in the file sent.
 */
export async function answerPercentQuestions(workbook: WorkbookPort, check: ReportCheck, answers: readonly PercentAnswer[]): Promise<ReportCheck> {
  const open = new Map(check.questions.map((question) => [question.cell, question]));
  for (const answer of answers) {
    const question = open.get(answer.cell);
    if (!question || !question.choices.some((choice) => choice.fraction === answer.fraction)) {
      throw new Error(`Ô ${answer.cell} không có câu hỏi với lựa chọn này: hãy bấm nộp lại để kiểm tra bảng.`);
    }
  }
  await workbook.writePercentAnswers(answers);
  const table = await workbook.readReportTable();
  if (!table) throw new ReportNotFoundError(`Không còn trang "Báo cáo" trong sổ làm việc: hãy lấy lại chỉ tiêu.`);
  return readCheck(table, check.view, check.binding, check.scope);
}

function readCheck(table: ReportTableReading, view: PeriodAssignments, binding: ReportBinding, scope: Scope): ReportCheck {
  // The number formats go with the values: a rate in a General cell may be asked about (shared/report/percentCell).
  const reading = readReportRows(table.grid, view.assignments, { binding, origin: table.origin, numberFormats: table.numberFormats });
  const actualColumn = columnLetter(table.origin.column + reportColumnIndex("actual"));
  const emptyCells = reading.values
    .filter((value) => value.actual === null)
    .map((value) => {
      const row = binding.assignmentIds.indexOf(value.assignmentId);
      return row >= 0 ? `${actualColumn}${TABLE_FIRST_ROW + row}` : codeOf(view, value.assignmentId);
    });
  const missingCodes = reading.missing.map((id) => codeOf(view, id));
  const questions: PercentQuestion[] = [];
  const problems: ReportProblem[] = [];
  for (const problem of reading.problems) {
    if (problem.code === "ambiguous_percent" && problem.cell && problem.assignmentId && problem.question && problem.choices) {
      questions.push({ cell: problem.cell, assignmentId: problem.assignmentId, question: problem.question, choices: problem.choices });
    } else {
      problems.push(problem);
    }
  }
  return { scope, binding, view, values: reading.values, problems, questions, emptyCells, missingCodes };
}

function codeOf(view: PeriodAssignments, assignmentId: string): string {
  return view.assignments.find((assignment) => assignment.assignmentId === assignmentId)?.indicatorCode ?? assignmentId;
}

export type SubmitProgress =
  | { stage: "values"; retry: boolean }
  | { stage: "file"; done: number; total: number }
  | { stage: "upload"; size: number }
  | { stage: "receipt" };

export interface SubmitOutcome {
  receipt: SubmissionReceipt;
  /** The values had been sent before and this was the retry of that same request. */
  retried: boolean;
  /** Set when the values were stored but the workbook file could not be sent: the officer may resend it later. */
  fileError?: string;
  /** Where the uploaded workbook disagrees with the values (e.g. edited between reading and saving). */
  fileProblems: ReportProblem[];
  /** Set when the submission is stored but the receipt could not be written into the sheet. */
  receiptError?: string;
}

export interface SendOptions {
  /** Keep the previous version's values for the rows left empty (they are left out and the server copies them). */
  carryForward?: boolean;
  /** Citations typed in the pane ("Minh chứng"), per assignment, sent with the values. */
  citations?: CitationDrafts;
}

export async function sendReport(
  client: KpiClient,
  workbook: WorkbookPort,
  check: ReportCheck,
  pending: PendingSubmissions,
  onProgress: (progress: SubmitProgress) => void,
  options: SendOptions = {},
): Promise<SubmitOutcome> {
  if (check.problems.length > 0) throw new Error("Bảng còn lỗi: sửa các ô được chỉ ra rồi nộp lại.");
  if (check.questions.length > 0) throw new Error("Còn ô tỷ lệ chưa rõ nghĩa: hãy trả lời các câu hỏi rồi nộp.");
  const cited = options.citations ? valuesWithCitations(check.values, options.citations) : check.values;
  const request: SubmissionRequest = {
    agencyId: check.scope.agencyId,
    catalogueVersion: check.binding.catalogueVersion,
    values: options.carryForward ? valuesForCarryForward(cited) : cited,
    ...(options.carryForward ? { carryForward: true } : {}),
  };
  const body = JSON.stringify(request);
  const { idempotencyKey, retry } = pending.keyFor(check.scope, body);
  pending.remember(check.scope, body, idempotencyKey);
  onProgress({ stage: "values", retry });
  const receipt = await client.submit(check.scope.decisionId, check.scope.period, request, idempotencyKey);
  pending.settle(check.scope);

  let final: SubmissionReceipt = receipt;
  let fileError: string | undefined;
  let fileProblems: ReportProblem[] = [];
  try {
    const bytes = await workbook.readDocumentBytes((done, total) => onProgress({ stage: "file", done, total }));
    if (bytes) {
      onProgress({ stage: "upload", size: bytes.byteLength });
      const uploaded = await client.uploadWorkbook(check.scope.decisionId, check.scope.period, check.scope.agencyId, receipt.version, bytes);
      const { problems, ...withWorkbook } = uploaded;
      final = { ...withWorkbook, replayed: receipt.replayed };
      fileProblems = problems;
    }
  } catch (error) {
    const reason = error instanceof KpiApiError ? "chưa gửi được tệp Excel" : "không đọc được tệp Excel để gửi kèm";
    fileError = `Số liệu đã được nộp (biên nhận ${receipt.id}) nhưng ${reason}: ${messageOf(error)}`;
  }
  onProgress({ stage: "receipt" });
  // The submission is stored whatever happens here: a sheet renamed or in cell-edit mode must not make it look failed
  // (a second press would then send it again as a new version).
  const receiptError = await workbook.writeReceipt(final, check.binding).then(
    () => undefined,
    (error: unknown) => `Đã nộp (biên nhận ${final.id}) nhưng chưa ghi được biên nhận vào trang tính: ${messageOf(error)}`,
  );
  return { receipt: final, retried: retry, fileProblems, ...(fileError ? { fileError } : {}), ...(receiptError ? { receiptError } : {}) };
}
