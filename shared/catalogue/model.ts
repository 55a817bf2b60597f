import * as z from "zod";
import { agencyGroupSchema, agencySchema, assignmentSchema, decisionSchema, indicatorCodeSchema, indicatorSchema } from "../model";

/**
 * The canonical catalogue as the importers build it and the functions store it: the domain records of shared/model,
 * with decisions as records (their rows live on as assignments) and the matches a person still has to confirm.
 */

export const catalogueDecisionSchema = decisionSchema.omit({ sections: true });
export type CatalogueDecision = z.infer<typeof catalogueDecisionSchema>;

/** An indicator text that resembles a catalogue entry without being clearly the same: a person confirms. */
export const uncertainMatchSchema = z.object({
  text: z.string(),
  candidateCode: indicatorCodeSchema,
  candidateName: z.string(),
  similarity: z.number().min(0).max(1),
  assignmentIds: z.array(z.string()),
});
export type UncertainMatch = z.infer<typeof uncertainMatchSchema>;

export const catalogueSchema = z.object({
  indicators: z.array(indicatorSchema),
  agencies: z.array(agencySchema),
  groups: z.array(agencyGroupSchema),
  decisions: z.array(catalogueDecisionSchema),
  assignments: z.array(assignmentSchema),
  uncertainMatches: z.array(uncertainMatchSchema).default([]),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export type { Agency, AgencyGroup, AgencyKind, Assignment, Indicator } from "../model";
