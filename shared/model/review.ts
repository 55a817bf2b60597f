import * as z from "zod";
import { assignmentIdSchema } from "./ids";
import { officerText } from "./text";

/**
 * The province's review of a version: a person's verdict where no rule can judge (or where the rule is overruled),
 * comments per row, and the decision to return the version for correction or to approve it.
 */

export const personVerdictCodeSchema = z.enum(["met", "not_met"], { error: "Đánh giá phải là met (Đạt) hoặc not_met (Không đạt)." });
export type PersonVerdictCode = z.infer<typeof personVerdictCodeSchema>;

export const personVerdictSchema = z.object({
  assignmentId: assignmentIdSchema,
  verdict: personVerdictCodeSchema,
  reason: z.string(),
  /** Key id or signed-in user. */
  by: z.string(),
  /** Who, as an officer reads it: "Sở Khoa học và Công nghệ". */
  byLabel: z.string(),
  at: z.string(),
  /** The version the verdict was given on, when it was carried to a later version whose value did not change. */
  carriedFrom: z.number().int().positive().optional(),
});
export type PersonVerdict = z.infer<typeof personVerdictSchema>;

export const rowCommentSchema = z.object({
  assignmentId: assignmentIdSchema,
  comment: officerText("Nhận xét của dòng", 1000),
});
export type RowComment = z.infer<typeof rowCommentSchema>;

export const reviewDecisionSchema = z.enum(["returned", "approved"]);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** What the province recorded on one version; stored beside the version, which itself never changes. */
export const versionReviewSchema = z.object({
  decision: reviewDecisionSchema.optional(),
  comment: z.string().optional(),
  rows: z.array(rowCommentSchema).default([]),
  by: z.string().optional(),
  byLabel: z.string().optional(),
  at: z.string().optional(),
  verdicts: z.array(personVerdictSchema).default([]),
});
export type VersionReview = z.infer<typeof versionReviewSchema>;

/** An agency's report for a period, as the province's process sees it. */
export const reviewStateSchema = z.enum(["not_submitted", "submitted", "returned", "resubmitted", "approved"]);
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  not_submitted: "Chưa nộp",
  submitted: "Đã nộp",
  returned: "Bị trả lại",
  resubmitted: "Đã nộp lại",
  approved: "Đã duyệt",
};

/**
 * The state of a version from its own review and whether any earlier version was returned or approved: a version
 * sent after a decision on an earlier one answers it ("đã nộp lại").
 */
export function versionStateOf(review: Pick<VersionReview, "decision"> | undefined, earlierDecided: boolean): ReviewState {
  if (review?.decision) return review.decision;
  return earlierDecided ? "resubmitted" : "submitted";
}
