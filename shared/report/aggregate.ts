import * as z from "zod";
import { agencyIdSchema, assignmentIdSchema, decisionIdSchema, indicatorCodeSchema, provinceCodeSchema } from "../model/ids";
import { agencyKindSchema } from "../model/agency";
import { isoDateSchema } from "../period/isoDate";
import { periodCodeSchema } from "../period/period";
import { verdictCodeSchema } from "../verdict/schema";
import { reviewStateSchema } from "../model/review";

/**
 * A decision × period as the province reads it: every assigned agency × every indicator, from each agency's latest
 * submission, with who has not reported and who reported late. The JSON answer of the aggregate route and the input
 * of the consolidated xlsx report.
 */

export const submissionStatusSchema = z.enum(["on_time", "late", "missing"]);
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  on_time: "Đã nộp đúng hạn",
  late: "Nộp muộn",
  missing: "Chưa nộp",
};

export const aggregateCellSchema = z.object({
  indicatorCode: indicatorCodeSchema,
  assignmentId: assignmentIdSchema,
  order: z.string(),
  /** The indicator as the decision words it for this agency. */
  text: z.string(),
  targetText: z.string(),
  /** Absent when the agency has not submitted or left the value out. */
  actual: z.union([z.number(), z.string(), z.boolean(), z.null()]).optional(),
  /** The indicator is a rate: a number actual is a fraction (0,92), shown as a percentage whatever the unit column. */
  percent: z.boolean().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  note: z.string().optional(),
  /** The final verdict, which every figure counts: the province's where it gave one, else the rule's. */
  verdict: verdictCodeSchema,
  /** "Đạt", "Không đạt" … as an officer reads it. */
  label: z.string(),
  explanation: z.string(),
  /** Who decided the final verdict; absent means the rule (servers before the province's review). */
  decidedBy: z.enum(["rule", "person"]).optional(),
  /** The province's verdict, when it gave one: shown as such everywhere ("Đạt (đánh giá của …: …)"). */
  person: z
    .object({
      reason: z.string(),
      byLabel: z.string(),
      at: z.string(),
      /** The person's verdict differs from a met/not_met the rule gave. */
      override: z.boolean(),
      /** The rule's verdict it replaced. */
      automaticVerdict: verdictCodeSchema,
      automaticLabel: z.string(),
    })
    .optional(),
  /** Something the province should check although the rule judged it ("done" without a cited document). */
  flags: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});
export type AggregateCell = z.infer<typeof aggregateCellSchema>;

export const aggregateAgencySchema = z.object({
  id: agencyIdSchema,
  name: z.string(),
  kind: agencyKindSchema,
  status: submissionStatusSchema,
  /** Where the province's review of the agency's report stands; absent from servers before the review. */
  reviewState: reviewStateSchema.optional(),
  version: z.number().int().positive().optional(),
  submittedAt: z.string().optional(),
  assignedCount: z.number().int().nonnegative(),
  reportedCount: z.number().int().nonnegative(),
  metCount: z.number().int().nonnegative(),
  /** In the order of the decision's appendix. */
  cells: z.array(aggregateCellSchema),
});
export type AggregateAgency = z.infer<typeof aggregateAgencySchema>;

export const aggregateIndicatorSchema = z.object({
  code: indicatorCodeSchema,
  name: z.string(),
  assignedCount: z.number().int().nonnegative(),
  reportedCount: z.number().int().nonnegative(),
  metCount: z.number().int().nonnegative(),
  /** metCount / assignedCount, 0..1; null when no agency is assigned the indicator. */
  metShare: z.number().min(0).max(1).nullable(),
});
export type AggregateIndicator = z.infer<typeof aggregateIndicatorSchema>;

export const aggregateSchema = z.object({
  decision: z.object({
    id: decisionIdSchema,
    number: z.string(),
    title: z.string().optional(),
    province: provinceCodeSchema,
  }),
  period: periodCodeSchema,
  periodLabel: z.string(),
  reportDueDate: isoDateSchema,
  generatedAt: z.string(),
  catalogueVersion: z.number().int().nonnegative(),
  agencies: z.array(aggregateAgencySchema),
  indicators: z.array(aggregateIndicatorSchema),
  completeness: z.object({
    assigned: z.number().int().nonnegative(),
    onTime: z.number().int().nonnegative(),
    late: z.number().int().nonnegative(),
    missing: z.number().int().nonnegative(),
    /** Agencies whose latest report the province approved. */
    approved: z.number().int().nonnegative().optional(),
  }),
});
export type Aggregate = z.infer<typeof aggregateSchema>;
