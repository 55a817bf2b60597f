import * as z from "zod";
import { reportProblemSchema } from "../report/reportTable";
import { submissionReceiptSchema, versionSummarySchema } from "../report/receipt";

/**
 * The answers of the KPI server its clients read, checked on arrival: a server of another version or a proxy's HTML
 * error page becomes a clear message instead of a broken pane. Only the fields the clients use are required. The
 * schemas that belong to a domain stay there and are named here by re-export, so each is defined once.
 */

export { apiErrorBodySchema, type ApiErrorBody, type ApiErrorCode } from "./errors";
export { importAnswerSchema, type ImportAnswer } from "../catalogue/importAnswer";
export { aggregateSchema, type Aggregate } from "../report/aggregate";
export { periodAssignmentsSchema, type PeriodAssignments } from "../report/periodAssignments";
export * from "./review";
export {
  submissionReceiptSchema,
  targetBatchResponseSchema,
  TARGET_BATCH_LIMIT,
  type SubmissionReceipt,
  type SubmissionRequest,
  type TargetAnswer,
  type TargetQuery,
  type VersionSummary,
} from "../report/receipt";

/**
 * Who a key belongs to. The province's standing agency manages the catalogue and reads everything of its province;
 * an agency officer reads and submits for one agency; a viewer reads aggregates only.
 */
export const roleSchema = z.enum(["province", "agency", "viewer"], { error: "Vai trò phải là province, agency hoặc viewer." });
export type Role = z.infer<typeof roleSchema>;

/** GET me. */
export const meSchema = z.object({
  role: roleSchema,
  roleLabel: z.string(),
  province: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }).optional(),
  label: z.string(),
});
export type Me = z.infer<typeof meSchema>;

const decisionChoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string().optional(),
  year: z.number().int(),
  periods: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type DecisionChoice = z.infer<typeof decisionChoiceSchema>;

/** GET decisions. */
export const decisionsSchema = z.object({ catalogueVersion: z.number().int(), decisions: z.array(decisionChoiceSchema) });

/** GET …/agencies/{a}/versions. */
export const versionsSchema = z.object({ versions: z.array(versionSummarySchema) });

/** PUT …/versions/{n}/workbook: the receipt, and what the server noticed comparing the file with the values. */
export const workbookReceiptSchema = submissionReceiptSchema.extend({ problems: z.array(reportProblemSchema).default([]) });
export type WorkbookReceipt = z.infer<typeof workbookReceiptSchema>;
