import type { EvidenceUploadAnswer } from "../../shared/api/review";
import { evidenceFileSchema, type EvidenceFile } from "../../shared/model/evidence";
import type { SubmissionRecord } from "../../shared/model/submission";
import type { PeriodCode } from "../../shared/period/period";
import type { Principal } from "../auth/principal";
import { detectEvidenceKind, EVIDENCE_CONTENT_TYPES, EVIDENCE_EXTENSIONS, EvidenceFileRejectedError } from "../documents/evidenceKind";
import { evidenceBlobPath, sha256Hex } from "../storage/submissionKeys";
import { DomainError } from "./domainError";
import { requirePeriodOpen } from "./periodLock";
import type { Services } from "./services";

export interface EvidenceUpload {
  principal: Principal;
  decision: { id: string; number: string };
  period: PeriodCode;
  agency: { id: string; name: string };
  record: SubmissionRecord;
  assignmentId: string;
  /** The name as sent, already cleaned (see cleanEvidenceName). */
  name: string;
  bytes: Uint8Array;
}

/**
 * Attaches a file to one value of a stored version. The bytes are kept once per content (a Blob named by its
 * SHA-256) and recorded on the version; the same file again for the same value changes nothing. Checks come before
 * any write, so a refused file leaves no trace.
 */
export async function attachEvidenceFile(services: Services, upload: EvidenceUpload): Promise<EvidenceUploadAnswer> {
  const { record, assignmentId } = upload;
  const value = record.values.find((candidate) => candidate.assignmentId === assignmentId);
  if (!value) {
    throw new DomainError("not_found", `Phiên bản ${record.version} không có giá trị nào của chỉ tiêu "${assignmentId}" để gắn minh chứng.`);
  }
  await requirePeriodOpen(services, upload.decision, upload.period, upload.agency);
  const kind = kindOf(upload.bytes, upload.name);
  const sha256 = sha256Hex(upload.bytes);
  const evidenceId = sha256.slice(0, 16);
  const name = withExtension(upload.name, EVIDENCE_EXTENSIONS[kind]);
  const answer = (file: EvidenceFile, created: boolean): EvidenceUploadAnswer => ({
    evidenceId: file.evidenceId,
    sha256: file.sha256,
    size: file.size,
    name: file.name,
    kind: file.kind,
    created,
  });

  const existing = await findFile(services, record, assignmentId, evidenceId);
  if (existing) return answer(existing, false);

  const blobPath = evidenceBlobPath(record.province, record.decisionId, record.period, record.agencyId, sha256);
  const put = await services.workbooks.putOnce(blobPath, upload.bytes, sha256, { contentType: EVIDENCE_CONTENT_TYPES[kind] });
  if (put.outcome === "exists" && put.sha256 !== undefined && put.sha256 !== sha256) {
    throw new DomainError("conflict", "Kho lưu trữ đã có một tệp khác ở chỗ của tệp minh chứng này. Hãy báo cơ quan thường trực của tỉnh.");
  }
  const file = evidenceFileSchema.parse({
    evidenceId,
    assignmentId,
    name,
    kind,
    contentType: EVIDENCE_CONTENT_TYPES[kind],
    size: upload.bytes.byteLength,
    sha256,
    uploadedAt: services.now().toISOString(),
    uploadedBy: upload.principal.subject,
  });
  const outcome = await services.reviews.addEvidenceFile(record.decisionId, record.period, record.agencyId, record.version, file);
  if (outcome === "exists") {
    // Two identical uploads at once: the first one recorded is the file; this one is its retry.
    const recorded = await findFile(services, record, assignmentId, evidenceId);
    return answer(recorded ?? file, false);
  }
  await services.audit.append({
    at: file.uploadedAt,
    actor: upload.principal.subject,
    actorLabel: upload.principal.label,
    action: "evidence",
    province: record.province,
    decisionId: record.decisionId,
    period: record.period,
    agencyId: record.agencyId,
    version: record.version,
    details: { assignmentId, name, sha256, size: file.size, kind },
  });
  return answer(file, true);
}

/**
 * The file recorded for one value of a version by its id; undefined when there is none such. One document often
 * proves several indicators, so the same file may be recorded for several values (its bytes are stored once).
 */
export async function findFile(services: Services, record: SubmissionRecord, assignmentId: string, evidenceId: string): Promise<EvidenceFile | undefined> {
  const files = await services.reviews.evidenceFiles(record.decisionId, record.period, record.agencyId, record.version);
  return files.find((file) => file.evidenceId === evidenceId && file.assignmentId === assignmentId);
}

function kindOf(bytes: Uint8Array, name: string) {
  try {
    return detectEvidenceKind(bytes, name);
  } catch (error) {
    if (error instanceof EvidenceFileRejectedError) throw new DomainError(error.code, error.message);
    throw error;
  }
}

/** A name the officer's computer will open: the kind's extension is added when the name carries another. */
function withExtension(name: string, extensions: readonly string[]): string {
  const lower = name.toLowerCase();
  if (extensions.some((extension) => lower.endsWith(extension))) return name;
  const stem = name.slice(0, 255 - extensions[0]!.length);
  return `${stem}${extensions[0]}`;
}

/**
 * The file name as an officer gave it, made safe to keep and to send back in a header: the last path segment, NFC,
 * without control characters or the few characters no file system accepts. Undefined when nothing is left.
 */
export function cleanEvidenceName(raw: string): string | undefined {
  const lastSegment = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  return cleaned === "" ? undefined : cleaned;
}
