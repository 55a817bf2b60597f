import type { HttpResponseInit } from "@azure/functions";
import * as z from "zod";
import { MAX_EVIDENCE_FILE_BYTES } from "../../shared/model/evidence";
import { assignmentIdSchema } from "../../shared/model/ids";
import { ApiError } from "../http/apiError";
import { readBytes } from "../http/readBody";
import { fileResponse, json } from "../http/respond";
import type { RouteContext } from "../http/route";
import { evidenceBlobPath } from "../storage/submissionKeys";
import { attachEvidenceFile, cleanEvidenceName, findFile } from "../services/evidenceFiles";
import { requireVersion, resolveAgencyRoute } from "./submissions";

const MAX_NAME_LENGTH = 255;
const evidenceIdSchema = z.string().regex(/^[0-9a-f]{16}$/);

/**
 * PUT …/versions/{version}/evidence/{assignmentId}/file?name=… — a file proving one value, the raw bytes as the
 * body. 201 when it is new, 200 when the same file was already attached to that value.
 */
export async function uploadEvidenceHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { decision, period, agency } = await resolveAgencyRoute(context);
  const record = await requireVersion(context, decision.id, period, agency.id);
  const assignmentId = assignmentParam(context);
  const name = nameParam(context);
  const bytes = await readBytes(context.request, MAX_EVIDENCE_FILE_BYTES);
  if (bytes.byteLength === 0) throw new ApiError("validation_failed", "Chưa gửi kèm tệp minh chứng (PDF, Word, Excel hoặc ảnh).");
  const answer = await attachEvidenceFile(context.services, {
    principal: context.principal,
    decision,
    period,
    agency,
    record,
    assignmentId,
    name,
    bytes,
  });
  return json(answer.created ? 201 : 200, answer);
}

/** GET …/versions/{version}/evidence/{assignmentId}/{evidenceId} — the file as it was sent, under its own name. */
export async function downloadEvidenceHandler(context: RouteContext): Promise<HttpResponseInit> {
  const { decision, period, agency } = await resolveAgencyRoute(context);
  const record = await requireVersion(context, decision.id, period, agency.id);
  const assignmentId = assignmentParam(context);
  const evidenceId = evidenceIdSchema.safeParse(context.request.params.evidenceId);
  const file = evidenceId.success ? await findFile(context.services, record, assignmentId, evidenceId.data) : undefined;
  if (!file || file.assignmentId !== assignmentId) {
    throw new ApiError("not_found", `Phiên bản ${record.version} không có tệp minh chứng này cho chỉ tiêu "${assignmentId}".`);
  }
  const stored = await context.services.workbooks.read(evidenceBlobOf(record, file.sha256));
  if (!stored) throw new ApiError("not_found", "Không tìm thấy tệp minh chứng này trong kho lưu trữ.");
  const response = fileResponse(stored, file.name, file.contentType);
  // The type is the one told from the bytes; a browser must not guess another from the content.
  return { ...response, headers: { ...(response.headers as Record<string, string>), "x-content-type-options": "nosniff" } };
}

function evidenceBlobOf(record: { province: string; decisionId: string; period: string; agencyId: string }, sha256: string): string {
  return evidenceBlobPath(record.province, record.decisionId, record.period, record.agencyId, sha256);
}

function assignmentParam(context: RouteContext): string {
  const parsed = assignmentIdSchema.safeParse(context.request.params.assignmentId);
  if (!parsed.success) throw new ApiError("validation_failed", `Mã chỉ tiêu "${context.request.params.assignmentId ?? ""}" không hợp lệ.`);
  return parsed.data;
}

function nameParam(context: RouteContext): string {
  const raw = context.request.query.get("name");
  if (raw === null || raw.trim() === "") {
    throw new ApiError("validation_failed", "Thiếu tên tệp minh chứng (tham số ?name=…): tên giúp tỉnh biết tệp là văn bản nào.");
  }
  const name = cleanEvidenceName(raw);
  if (!name) throw new ApiError("validation_failed", `Tên tệp "${raw}" không dùng được: hãy đặt tên có chữ hoặc số.`);
  if (name.length > MAX_NAME_LENGTH) throw new ApiError("validation_failed", `Tên tệp minh chứng dài quá ${MAX_NAME_LENGTH} ký tự.`);
  return name;
}
