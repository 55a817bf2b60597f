import type { HttpResponseInit } from "@azure/functions";
import * as z from "zod";
import { resultsReportConfirmSchema } from "../../shared/report/resultsReport";
import { MAX_SOURCE_BYTES } from "../catalogue/readSource";
import { ApiError, validationError } from "../http/apiError";
import { readBytes, readJson } from "../http/readBody";
import { fileResponse, json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { confirmResultsReport, previewResultsReport } from "../services/resultsReportIngest";
import { receiptOf } from "../../shared/report/receipt";
import { requireVersion, resolveAgencyRoute } from "./submissions";

const querySchema = z.object({
  dryRun: z.enum(["true", "false"], { error: 'dryRun là "true" hoặc "false".' }).optional(),
  /** The file name as the agency sent it: kept for the download and named in messages. */
  name: z
    .string()
    .trim()
    .max(200, { error: "Tên tệp dài quá 200 ký tự." })
    .transform((name) => name.split(/[\\/]/).pop()!.normalize("NFC"))
    .optional(),
  /** The lead-agency name standing for the agency in this report ("STC", "Sở TC"). */
  agency: z.string().trim().min(1).max(200).optional(),
});

/**
 * POST …/agencies/{agencyId}/results-report — an agency's "Báo cáo kết quả thực hiện" ingested as its submission.
 * `?dryRun=true` with the file as the body: the preview (rows matched, to confirm, unmatched, led by another agency;
 * each result as written and the value read from it); the file is kept by its SHA-256. Without dryRun, a JSON body
 * confirms that preview ({ file, confirm, skip }) and the values are stored as a new version.
 */
export async function resultsReportHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { snapshot, decision, period, agency } = await resolveAgencyRoute(context);
  const query = querySchema.safeParse(Object.fromEntries(context.request.query.entries()));
  if (!query.success) throw validationError(query.error, "Tham số báo cáo kết quả");
  const target = { decision, period, agency, ...(query.data.agency ? { alias: query.data.agency } : {}) };

  if (query.data.dryRun === "true") {
    const bytes = await readBytes(context.request, MAX_SOURCE_BYTES);
    if (bytes.byteLength === 0) throw new ApiError("validation_failed", "Chưa gửi kèm tệp báo cáo kết quả (Word, PDF hoặc văn bản).");
    const name = query.data.name || "bao-cao-ket-qua";
    return json(200, await previewResultsReport(context.services, snapshot, target, bytes, name));
  }

  const type = context.request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(
      "unsupported_media_type",
      "Gửi tệp báo cáo kết quả kèm ?dryRun=true để xem trước; bước xác nhận gửi JSON {\"file\", \"confirm\", \"skip\"} (Content-Type: application/json).",
    );
  }
  const choices = await readJson(context.request, resultsReportConfirmSchema, "Xác nhận báo cáo kết quả");
  const result = await confirmResultsReport(context.services, snapshot, {
    ...target,
    principal: context.principal,
    choices,
    ...(context.request.headers.get("idempotency-key") ? { idempotencyKey: context.request.headers.get("idempotency-key")! } : {}),
  });
  return json(result.replayed ? 200 : 201, { ...receiptOf(result.record, result.replayed), rows: result.rows });
}

/** GET …/versions/{version}/results-report — the results report a version was read from, exactly as it was sent. */
export async function downloadResultsReportHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { decision, period, agency } = await resolveAgencyRoute(context);
  const record = await requireVersion(context, decision.id, period, agency.id);
  if (!record.sourceFile) throw new ApiError("not_found", `Phiên bản ${record.version} không được đọc từ báo cáo kết quả nào.`);
  const file = await context.services.workbooks.readFile(record.sourceFile.blobPath);
  if (!file) throw new ApiError("not_found", "Không tìm thấy tệp báo cáo kết quả của phiên bản này trong kho lưu trữ.");
  return fileResponse(file.bytes, record.sourceFile.name, record.sourceFile.contentType);
}
