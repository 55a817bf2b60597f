import * as z from "zod";
import { importProblemSchema } from "./draft";

/**
 * The answer of POST catalogue/import, as the pane and the CLI read it: what the import did (or, for a dry run, would
 * do), including which agencies it creates, which registered ones it found, and which a person still has to choose.
 */

const agencyOutcomeSchema = z.object({ heading: z.string(), id: z.string(), name: z.string() });

export const closeAgencySchema = z.object({
  heading: z.string(),
  name: z.string(),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), similarity: z.number() })),
});
export type CloseAgencyAnswer = z.infer<typeof closeAgencySchema>;

export const importAnswerSchema = z.object({
  dryRun: z.boolean(),
  catalogueVersion: z.number().int().optional(),
  needsAgencyChoices: z.boolean().optional(),
  decision: z.object({ id: z.string(), number: z.string(), year: z.number().int(), title: z.string().optional() }),
  report: z.object({
    replaced: z.boolean().default(false),
    sections: z.number().int(),
    rows: z.number().int(),
    newIndicators: z.number().int(),
    matchedIndicators: z.number().int(),
    agencies: z
      .object({ created: z.array(agencyOutcomeSchema), matched: z.array(agencyOutcomeSchema), close: z.array(closeAgencySchema) })
      .default({ created: [], matched: [], close: [] }),
    problems: z.array(importProblemSchema),
  }),
});
export type ImportAnswer = z.infer<typeof importAnswerSchema>;

/** The details of a refused import: the problems, and the headings waiting for a choice. */
export const importRefusalDetailsSchema = z.object({
  problems: z.array(importProblemSchema).default([]),
  close: z.array(closeAgencySchema).default([]),
});
