import * as z from "zod";
import { agencyIdSchema, assignmentIdSchema, decisionIdSchema, indicatorCodeSchema, provinceCodeSchema } from "../model/ids";
import { indicatorKindSchema } from "../model/indicator";
import { isoDateSchema } from "../period/isoDate";
import { periodCodeSchema } from "../period/period";
import { targetSchema } from "../target/schema";

/**
 * One row an agency reports for one period: the assignment with the target that applies to that period (a Huế
 * milestone "đến 30/6/2025" for Q2, the year's target otherwise). What the task pane writes into the sheet and what
 * the server judges a submitted value against, so both sides read the same row.
 */
export const periodAssignmentSchema = z.object({
  assignmentId: assignmentIdSchema,
  indicatorCode: indicatorCodeSchema,
  /** The row number in the decision's appendix, as written. */
  order: z.string(),
  /** The indicator or task as the decision words it for this agency. */
  text: z.string(),
  /** The target that applies to the period, exactly as written (the milestone's cell when there is one). */
  targetText: z.string(),
  target: targetSchema,
  /** The year's target as written, shown beside a milestone so the officer sees where the year is heading. */
  yearTargetText: z.string(),
  milestoneDue: isoDateSchema.optional(),
  unit: z.string().optional(),
  indicatorKind: indicatorKindSchema,
  /** For rates: what is counted over what, so the officer knows which two numbers to type. */
  numeratorLabel: z.string().optional(),
  denominatorLabel: z.string().optional(),
  /** Assigned to the agency's class ("UBND các xã, phường") rather than by name. */
  viaGroupId: z.string().optional(),
});
export type PeriodAssignment = z.infer<typeof periodAssignmentSchema>;

export const periodAssignmentsSchema = z.object({
  decision: z.object({
    id: decisionIdSchema,
    number: z.string(),
    title: z.string().optional(),
    province: provinceCodeSchema,
    year: z.number().int(),
  }),
  period: periodCodeSchema,
  periodLabel: z.string(),
  agency: z.object({ id: agencyIdSchema, name: z.string(), province: provinceCodeSchema }),
  /** The day the period's report is due; a later submission is counted as late. */
  reportDueDate: isoDateSchema,
  /** Changes whenever the catalogue does, so a workbook can tell that its rows were pulled from an older one. */
  catalogueVersion: z.number().int().nonnegative(),
  assignments: z.array(periodAssignmentSchema),
});
export type PeriodAssignments = z.infer<typeof periodAssignmentsSchema>;
