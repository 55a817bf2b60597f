import { evidenceDocumentSchema, MAX_EVIDENCE_PER_VALUE, type EvidenceDocument } from "../../shared/model/evidence";
import { parseDateText } from "../../shared/period/excelDate";
import type { SubmissionValue } from "../../shared/model/submissionValue";

/**
 * Citations typed in the pane's "Minh chứng" form, kept per row until the next submission carries them with the
 * values. A row the officer did not touch keeps what its latest version cited, so a resubmission does not drop them.
 */

export interface CitationForm {
  documentNumber: string;
  /** As the officer types a date: "20/10/2025". */
  issuedOn: string;
  summary: string;
  url: string;
}

export const EMPTY_CITATION: CitationForm = { documentNumber: "", issuedOn: "", summary: "", url: "" };

export type CitationReading = { ok: true; citation: EvidenceDocument } | { ok: false; problems: string[] };

/** The form as the contract's structured evidence; every problem named by its field, in Vietnamese. */
export function readCitationForm(form: CitationForm): CitationReading {
  const issuedOn = form.issuedOn.trim() ? parseDateText(form.issuedOn) : undefined;
  if (form.issuedOn.trim() && !issuedOn) return { ok: false, problems: ["Ngày ban hành viết dạng ngày/tháng/năm, ví dụ 20/10/2025."] };
  const parsed = evidenceDocumentSchema.safeParse({
    ...(form.documentNumber.trim() ? { documentNumber: form.documentNumber } : {}),
    ...(issuedOn ? { issuedOn } : {}),
    summary: form.summary,
    ...(form.url.trim() ? { url: form.url.trim() } : {}),
  });
  if (parsed.success) return { ok: true, citation: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}

export type CitationDrafts = ReadonlyMap<string, readonly EvidenceDocument[]>;

export function withCitation(drafts: CitationDrafts, assignmentId: string, citation: EvidenceDocument): Map<string, readonly EvidenceDocument[]> | string {
  const current = drafts.get(assignmentId) ?? [];
  if (current.length >= MAX_EVIDENCE_PER_VALUE) return `Mỗi giá trị có tối đa ${MAX_EVIDENCE_PER_VALUE} minh chứng.`;
  return new Map(drafts).set(assignmentId, [...current, citation]);
}

export function withoutCitation(drafts: CitationDrafts, assignmentId: string, index: number): Map<string, readonly EvidenceDocument[]> {
  const current = drafts.get(assignmentId) ?? [];
  return new Map(drafts).set(assignmentId, current.filter((_citation, at) => at !== index));
}

/** The values with the citations of their rows; a row with none keeps whatever the sheet gave it. */
export function valuesWithCitations(values: readonly SubmissionValue[], drafts: CitationDrafts): SubmissionValue[] {
  return values.map((value) => {
    const citations = drafts.get(value.assignmentId);
    if (citations === undefined) return value;
    const { evidence: _sheet, ...rest } = value;
    return citations.length > 0 ? { ...rest, evidence: [...citations] } : rest;
  });
}
