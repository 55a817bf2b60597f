import * as z from "zod";
import { auditEventSchema } from "../model/audit";
import { evidenceFileKindSchema, evidenceFileSchema } from "../model/evidence";
import { agencyIdSchema, assignmentIdSchema } from "../model/ids";
import { lockEntrySchema, lockStateSchema } from "../model/lock";
import { personVerdictCodeSchema, personVerdictSchema, reviewStateSchema, rowCommentSchema } from "../model/review";
import { officerText } from "../model/text";
import {
  judgedValueSchema,
  missingAssignmentSchema,
  sourceFileSummarySchema,
  submissionRecordSchema,
  workbookSummarySchema,
} from "../model/submission";
import { finalVerdictSchema } from "../verdict/finalVerdict";

/**
 * The province's review in the API contract: requests (person's verdicts, return, approve, lock, unlock) and the
 * answers clients read (a version with its review, the lock state, the audit trail, an evidence upload).
 */

// Requests ---------------------------------------------------------------------------------------------------------

const reasonSchema = officerText("Lý do", 1000);

/** PUT …/versions/{n}/verdicts. `verdict: null` withdraws the province's verdict (the rule's counts again). */
export const verdictsRequestSchema = z.object({
  verdicts: z
    .array(
      z.object({
        assignmentId: assignmentIdSchema,
        verdict: personVerdictCodeSchema.nullable(),
        reason: reasonSchema.optional(),
      }),
    )
    .min(1, { error: "Chưa có đánh giá nào." })
    .max(2000, { error: "Một lần gửi có tối đa 2000 đánh giá." }),
});
export type VerdictsRequest = z.infer<typeof verdictsRequestSchema>;

/** POST …/versions/{n}/return: an overall comment (required) and comments on rows. */
export const returnRequestSchema = z.object({
  comment: officerText("Nhận xét chung khi trả lại", 2000),
  rows: z.array(rowCommentSchema).max(2000).default([]),
});
export type ReturnRequest = z.input<typeof returnRequestSchema>;

/** POST …/versions/{n}/approve. */
export const approveRequestSchema = z.object({ comment: officerText("Nhận xét khi duyệt", 2000).optional() });
export type ApproveRequest = z.infer<typeof approveRequestSchema>;

/** POST decisions/{d}/periods/{p}/lock: all agencies, or one. */
export const lockRequestSchema = z.object({ reason: officerText("Lý do khóa", 1000).optional(), agencyId: agencyIdSchema.optional() });
export type LockRequest = z.infer<typeof lockRequestSchema>;

/** POST …/unlock: a reason is required. */
export const unlockRequestSchema = z.object({
  reason: officerText("Lý do mở khóa", 1000),
  agencyId: agencyIdSchema.optional(),
});
export type UnlockRequest = z.infer<typeof unlockRequestSchema>;

// Answers ----------------------------------------------------------------------------------------------------------

/** A value of a version as the province and the agency read it: the rule's verdict, the person's, the final one. */
export const reviewedValueSchema = judgedValueSchema.extend({
  /** The province's verdict on this version, or carried from an earlier one whose value was the same. */
  person: personVerdictSchema.optional(),
  final: finalVerdictSchema,
  /** The province's comment on this row when it returned the version. */
  comment: z.string().optional(),
  files: z.array(evidenceFileSchema).default([]),
});
export type ReviewedValue = z.infer<typeof reviewedValueSchema>;

export const versionReviewViewSchema = z.object({
  /** The state of this version: submitted/resubmitted until the province returns or approves it. */
  state: reviewStateSchema,
  comment: z.string().optional(),
  rows: z.array(rowCommentSchema).default([]),
  by: z.string().optional(),
  byLabel: z.string().optional(),
  at: z.string().optional(),
});

/** GET …/versions/{n}, and the answer of verdicts, return and approve. */
export const versionViewSchema = submissionRecordSchema
  .omit({ values: true, workbook: true, sourceFile: true, province: true })
  .extend({
    values: z.array(reviewedValueSchema),
    missing: z.array(missingAssignmentSchema).default([]),
    review: versionReviewViewSchema,
    /** Whether this is the agency's newest version: only the newest can be judged, returned or approved. */
    latest: z.boolean(),
    /** The agency's state for the period (its newest version's). */
    agencyState: reviewStateSchema,
    lock: lockStateSchema,
    workbook: workbookSummarySchema.optional(),
    sourceFile: sourceFileSummarySchema.optional(),
  });
export type VersionView = z.infer<typeof versionViewSchema>;

/** POST lock / unlock, and GET …/periods/{p}/lock. */
export const lockAnswerSchema = z.object({
  decisionId: z.string(),
  period: z.string(),
  entries: z.array(lockEntrySchema),
  /** When the automatic lock applies, if set. */
  automaticAt: z.string().optional(),
  /** For all agencies: locked unless an agency was opened on its own. */
  all: lockStateSchema,
  /** For one agency (an agency key's own, or the agency a lock or unlock named): what decides whether it may submit. */
  agencyId: agencyIdSchema.optional(),
  agency: lockStateSchema.optional(),
});
export type LockAnswer = z.infer<typeof lockAnswerSchema>;

/** GET decisions/{d}/periods/{p}/audit. */
export const auditAnswerSchema = z.object({ events: z.array(auditEventSchema) });
export type AuditAnswer = z.infer<typeof auditAnswerSchema>;

/** PUT …/versions/{n}/evidence/{assignmentId}/file?name=… */
export const evidenceUploadAnswerSchema = z.object({
  evidenceId: z.string(),
  sha256: z.string(),
  size: z.number().int().positive(),
  name: z.string(),
  kind: evidenceFileKindSchema,
  /** False when the same file was already attached to this value: nothing new was stored. */
  created: z.boolean(),
});
export type EvidenceUploadAnswer = z.infer<typeof evidenceUploadAnswerSchema>;
