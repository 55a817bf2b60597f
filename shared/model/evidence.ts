import * as z from "zod";
import { isoDateSchema } from "../period/isoDate";
import { assignmentIdSchema } from "./ids";
import { officerText } from "./text";

/**
 * Minh chứng: what proves a reported value. Provinces cite a document by its number, date and summary (số hiệu, ngày
 * ban hành, trích yếu) and sometimes a link; a plain text, as older clients send, is kept as the summary alone.
 */
export const evidenceDocumentSchema = z.object({
  documentNumber: officerText("Số hiệu văn bản minh chứng", 100).optional(),
  issuedOn: isoDateSchema.optional(),
  summary: officerText("Trích yếu minh chứng", 1000),
  url: z
    .url({ protocol: /^https?$/, error: "Đường dẫn minh chứng phải là địa chỉ http:// hoặc https:// đầy đủ." })
    .max(2000, { error: "Đường dẫn minh chứng dài quá 2000 ký tự." })
    .optional(),
});
export type EvidenceDocument = z.infer<typeof evidenceDocumentSchema>;

/** What a client may send: the structured form, or a plain text taken as the summary. Stored always structured. */
export const evidenceInputSchema = z.preprocess(
  (input) => (typeof input === "string" ? { summary: input } : input),
  evidenceDocumentSchema.extend({ summary: officerText("Minh chứng", 1000) }),
);

export const MAX_EVIDENCE_PER_VALUE = 20;

export const evidenceListSchema = z
  .array(evidenceInputSchema)
  .max(MAX_EVIDENCE_PER_VALUE, { error: `Mỗi giá trị có tối đa ${MAX_EVIDENCE_PER_VALUE} minh chứng.` });

/** Whether the evidence names a document by number and date: what a document or deliverable target asks for. */
export function citesIssuedDocument(evidence: readonly EvidenceDocument[] | undefined): boolean {
  return (evidence ?? []).some((item) => item.documentNumber !== undefined && item.issuedOn !== undefined);
}

/** The kinds of file an evidence upload may be, told from the bytes, never from the name. */
export const evidenceFileKindSchema = z.enum(["pdf", "docx", "xlsx", "png", "jpg"]);
export type EvidenceFileKind = z.infer<typeof evidenceFileKindSchema>;

export const MAX_EVIDENCE_FILE_BYTES = 10 * 1024 * 1024;

/** A file attached as evidence to one value of one version, kept once in Blob storage by its SHA-256. */
export const evidenceFileSchema = z.object({
  evidenceId: z.string().regex(/^[0-9a-f]{16}$/),
  assignmentId: assignmentIdSchema,
  name: z.string().min(1).max(255),
  kind: evidenceFileKindSchema,
  contentType: z.string(),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
