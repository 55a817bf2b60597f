import type { HttpResponseInit } from "@azure/functions";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import type { ReportProblem } from "../../shared/report/reportTable";
import { ApiError } from "../http/apiError";
import { readBytes } from "../http/readBody";
import { fileResponse, json } from "../http/respond";
import type { RouteContext } from "../http/route";
import type { Services } from "../services/services";
import { periodView, submitValues } from "../services/submitValues";
import { receiptOf } from "../../shared/report/receipt";
import type { StoredWorkbook, SubmissionRecord } from "../../shared/model/submission";
import { sha256Hex, workbookBlobPath } from "../storage/submissionKeys";
import { XLSX_CONTENT_TYPE } from "../storage/workbookStore";
import { crossCheckWorkbook } from "../../shared/report/crossCheck";
import { readReportWorkbook, WorkbookRejectedError } from "../workbook/reportForm";
import { MAX_WORKBOOK_BYTES } from "../workbook/xlsxInspect";
import { requirePeriodOpen } from "../services/periodLock";
import { requireVersion, resolveAgencyRoute } from "./submissions";

/** Mismatch lists are kept whole up to this size; a workbook differing in more rows is summarised by its count. */
const MAX_STORED_MISMATCHES = 200;

/**
 * PUT …/versions/{version}/workbook — the workbook the values were read from, kept as sent. Written once per version:
 * the same file again is a harmless retry, a different file is refused.
 */
export async function uploadWorkbookHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { snapshot, decision, period, agency } = await resolveAgencyRoute(context);
  const record = await requireVersion(context, decision.id, period, agency.id);
  const bytes = await readWorkbookBody(context);
  const sha256 = sha256Hex(bytes);
  if (record.workbook) {
    if (record.workbook.sha256 === sha256) return json(200, { ...receiptOf(record, true), problems: [] });
    throw new ApiError("conflict", `Phiên bản ${record.version} đã có tệp báo cáo khác. Muốn thay tệp, hãy nộp một phiên bản mới.`);
  }
  // After the retry answer above: a file already kept is no new data, but a new file for a locked period is.
  await requirePeriodOpen(context.services, decision, period, agency);
  const view = periodView(context.services, snapshot, decision, agency, period);
  const { reading, bindingProblem } = await parseWorkbook(bytes, view);
  const codes = new Map(view.assignments.map((assignment) => [assignment.assignmentId, assignment.indicatorCode]));
  const mismatches = crossCheckWorkbook(reading.values, record.values, (id) => codes.get(id) ?? id);
  const stored = await storeWorkbook(context.services, record, bytes, sha256, mismatches.slice(0, MAX_STORED_MISMATCHES));
  await recordWorkbook(context, stored, mismatches.length);
  const problems: ReportProblem[] = bindingProblem ? [{ code: "other_report", message: bindingProblem }, ...reading.problems] : reading.problems;
  return json(201, { ...receiptOf(stored, false), problems });
}

/** GET …/versions/{version}/workbook — the file exactly as it was sent. */
export async function downloadWorkbookHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { decision, period, agency } = await resolveAgencyRoute(context);
  const record = await requireVersion(context, decision.id, period, agency.id);
  if (!record.workbook) throw new ApiError("not_found", `Phiên bản ${record.version} được nộp không kèm tệp Excel.`);
  const bytes = await context.services.workbooks.read(record.workbook.blobPath);
  if (!bytes) throw new ApiError("not_found", "Không tìm thấy tệp của phiên bản này trong kho lưu trữ.");
  return fileResponse(bytes, `${agency.id}-${period}-v${record.version}.xlsx`, XLSX_CONTENT_TYPE);
}

/**
 * POST …/agencies/{agencyId}/workbook-ingest — a report form filled without the add-in becomes a submission the same
 * way: its table is read, every fault named by cell, and only a clean table is stored (values and file together).
 */
export async function ingestWorkbookHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { snapshot, decision, period, agency } = await resolveAgencyRoute(context);
  const bytes = await readWorkbookBody(context);
  const sha256 = sha256Hex(bytes);
  const view = periodView(context.services, snapshot, decision, agency, period);
  const { reading, bindingProblem } = await parseWorkbook(bytes, view);
  if (bindingProblem) throw new ApiError("workbook_invalid", bindingProblem);
  if (reading.problems.length > 0) {
    throw new ApiError("workbook_invalid", `Bảng báo cáo có ${reading.problems.length} lỗi: ${reading.problems[0]!.message}`, { problems: reading.problems });
  }
  if (reading.values.every((value) => value.actual === null && value.note === undefined)) {
    throw new ApiError("workbook_invalid", "Bảng báo cáo chưa có số liệu nào: hãy nhập cột Kết quả (hoặc Tử số, Mẫu số) rồi gửi lại.");
  }
  const result = await submitValues(context.services, snapshot, {
    principal: context.principal,
    decision,
    period,
    agency,
    values: reading.values,
    idempotencyKey: context.request.headers.get("idempotency-key") ?? `xlsx-${sha256}`,
    bodyHash: sha256,
    channel: "workbook",
  });
  const record = result.record.workbook ? result.record : await storeWorkbook(context.services, result.record, bytes, sha256, []);
  return json(result.replayed ? 200 : 201, { ...receiptOf(record, result.replayed), missing: reading.missing });
}

async function readWorkbookBody(context: RouteContext): Promise<Uint8Array> {
  const bytes = await readBytes(context.request, MAX_WORKBOOK_BYTES);
  if (bytes.byteLength === 0) throw new ApiError("validation_failed", "Chưa gửi kèm tệp Excel (.xlsx).");
  return bytes;
}

async function parseWorkbook(bytes: Uint8Array, view: PeriodAssignments) {
  try {
    return await readReportWorkbook(bytes, view);
  } catch (error) {
    if (error instanceof WorkbookRejectedError) throw new ApiError(error.code, error.message);
    throw error;
  }
}

async function storeWorkbook(
  services: Services,
  record: SubmissionRecord,
  bytes: Uint8Array,
  sha256: string,
  mismatches: StoredWorkbook["mismatches"],
): Promise<SubmissionRecord> {
  const blobPath = workbookBlobPath(record.province, record.decisionId, record.period, record.agencyId, record.version);
  const put = await services.workbooks.putOnce(blobPath, bytes, sha256);
  if (put.outcome === "exists" && put.sha256 !== sha256) {
    throw new ApiError("conflict", `Phiên bản ${record.version} đã có tệp báo cáo khác. Muốn thay tệp, hãy nộp một phiên bản mới.`);
  }
  const workbook: StoredWorkbook = { blobPath, sha256, size: bytes.byteLength, uploadedAt: services.now().toISOString(), mismatches };
  return services.submissions.attachWorkbook(record, workbook);
}

/** The upload in the audit trail, once the file is kept and the version points to it. */
async function recordWorkbook({ services, principal }: RouteContext, record: SubmissionRecord, mismatches: number): Promise<void> {
  const workbook = record.workbook!;
  await services.audit.append({
    at: workbook.uploadedAt,
    actor: principal.subject,
    actorLabel: principal.label,
    action: "workbook",
    province: record.province,
    decisionId: record.decisionId,
    period: record.period,
    agencyId: record.agencyId,
    version: record.version,
    details: { sha256: workbook.sha256, size: workbook.size, mismatches },
  });
}
