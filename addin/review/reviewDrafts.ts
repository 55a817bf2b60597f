import type { z } from "zod";
import {
  approveRequestSchema,
  returnRequestSchema,
  verdictsRequestSchema,
  type ApproveRequest,
  type ReturnRequest,
  type ReviewedValue,
  type VerdictsRequest,
} from "../../shared/api/review";

/**
 * What the province has typed on a version but not yet sent: a verdict and its reason per row, a comment per row,
 * an overall comment. Turned into the contract's requests here, checked with its schemas, so the pane says what is
 * missing before anything is sent and sends exactly what the server would accept.
 */

/** "keep": leave the row as it is; "clear": withdraw the province's verdict (the rule's counts again). */
export type VerdictChoice = "keep" | "met" | "not_met" | "clear";

export interface RowDraft {
  choice: VerdictChoice;
  reason: string;
  comment: string;
}

export const EMPTY_DRAFT: RowDraft = { choice: "keep", reason: "", comment: "" };

export type Drafts = Readonly<Record<string, RowDraft>>;

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** The verdicts to send, or what stops them: a verdict without its reason names the row. */
export function verdictsRequestOf(drafts: Drafts, values: readonly Pick<ReviewedValue, "assignmentId" | "person">[], nameOf: (assignmentId: string) => string): Checked<VerdictsRequest> | undefined {
  const problems: string[] = [];
  const verdicts: VerdictsRequest["verdicts"] = [];
  for (const value of values) {
    const draft = drafts[value.assignmentId];
    if (!draft || draft.choice === "keep") continue;
    if (draft.choice === "clear") {
      if (!value.person) continue;
      verdicts.push({ assignmentId: value.assignmentId, verdict: null, ...(draft.reason.trim() ? { reason: draft.reason } : {}) });
      continue;
    }
    if (!draft.reason.trim()) {
      problems.push(`${nameOf(value.assignmentId)}: chưa ghi lý do đánh giá.`);
      continue;
    }
    verdicts.push({ assignmentId: value.assignmentId, verdict: draft.choice, reason: draft.reason });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (verdicts.length === 0) return undefined;
  return checked(verdictsRequestSchema, { verdicts });
}

/** The return: the overall comment is required; rows are those with a comment typed. */
export function returnRequestOf(comment: string, drafts: Drafts): Checked<ReturnRequest> {
  const rows = Object.entries(drafts)
    .filter(([, draft]) => draft.comment.trim() !== "")
    .map(([assignmentId, draft]) => ({ assignmentId, comment: draft.comment }));
  if (!comment.trim()) return { ok: false, problems: ["Cần ghi nhận xét chung để cơ quan biết phải sửa gì."] };
  return checked(returnRequestSchema, { comment, rows });
}

export function approveRequestOf(comment: string): Checked<ApproveRequest> {
  return checked(approveRequestSchema, comment.trim() ? { comment } : {});
}

/** Whether any row has a verdict typed that is not yet sent. */
export function hasVerdictDrafts(drafts: Drafts): boolean {
  return Object.values(drafts).some((draft) => draft.choice !== "keep");
}

function checked<S extends z.ZodType>(schema: S, input: unknown): Checked<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}

/**
 * A row the province has to look at: no value, a value no rule could judge and no one has, a flag, a bad value, a
 * verdict or comment already given, or something typed on it now. The others are the rule's plain verdicts.
 */
export function needsAttention(
  value: Pick<ReviewedValue, "verdict" | "person" | "flags" | "comment"> | undefined,
  draft: RowDraft | undefined,
): boolean {
  if (!value) return true;
  if (draft && (draft.choice !== "keep" || draft.comment.trim() !== "")) return true;
  return (
    (value.verdict === "needs_review" && !value.person) ||
    value.verdict === "invalid_actual" ||
    (value.flags?.length ?? 0) > 0 ||
    value.person !== undefined ||
    Boolean(value.comment)
  );
}

/**
 * A row the agency has to look at in its newest version: no value yet, a verdict the province gave, a flag, or a
 * comment of the province when it returned the version.
 */
export function needsAgencyAttention(value: Pick<ReviewedValue, "person" | "flags"> | undefined, returnedComment: string | undefined): boolean {
  return !value || value.person !== undefined || (value.flags?.length ?? 0) > 0 || Boolean(returnedComment);
}
