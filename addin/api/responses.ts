import { z } from "zod";
import { reportProblemSchema } from "../../shared/report/reportTable";
import { submissionReceiptSchema, versionSummarySchema } from "../../shared/report/receipt";
import { importAnswerSchema, type ImportAnswer } from "../../shared/catalogue/importAnswer";

/**
 * The answers of the KPI server the task pane reads, checked on arrival: a server of another version or a proxy's
 * HTML error page becomes a clear message instead of a broken pane. Only the fields the pane uses are required.
 */

export const roleSchema = z.enum(["province", "agency", "viewer"]);
export type Role = z.infer<typeof roleSchema>;

export const meSchema = z.object({
  role: roleSchema,
  roleLabel: z.string(),
  province: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }).optional(),
  label: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const decisionChoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string().optional(),
  year: z.number().int(),
  periods: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type DecisionChoice = z.infer<typeof decisionChoiceSchema>;

export const decisionsSchema = z.object({ catalogueVersion: z.number().int(), decisions: z.array(decisionChoiceSchema) });

export const versionsSchema = z.object({ versions: z.array(versionSummarySchema) });

export const workbookReceiptSchema = submissionReceiptSchema.extend({ problems: z.array(reportProblemSchema).default([]) });
export type WorkbookReceipt = z.infer<typeof workbookReceiptSchema>;

/** One contract with the server and the CLI: what an import did or, checked only, would do. */
export const importResultSchema = importAnswerSchema;
export type ImportResult = ImportAnswer;

export const apiErrorBodySchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
