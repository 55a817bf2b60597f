import { z } from "zod";
import { targetSchema } from "../target/schema";
import { draftMilestoneSchema, draftHistorySchema } from "./draft";

/**
 * The canonical catalogue: indicators shared across agencies and decisions, agencies of a province, decisions and
 * their assignments. Built from import drafts; stored and served by the functions.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang." });

export const provinceIdSchema = slug;
export const agencyIdSchema = slug;
export const decisionIdSchema = slug;
export const indicatorCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*-\d{3,}$/, { message: "Mã chỉ tiêu có dạng CDS-001." });

export const agencyKindSchema = z.enum([
  /** Sở, ban, ngành of the province. */
  "so_ban_nganh",
  /** Central agencies' provincial branches: Công an tỉnh, Cục Thuế, Bảo hiểm xã hội… */
  "nganh_doc",
  "ubnd_cap_huyen",
  "ubnd_cap_xa",
  "khac",
]);
export type AgencyKind = z.infer<typeof agencyKindSchema>;

export const agencySchema = z.object({
  province: provinceIdSchema,
  id: agencyIdSchema,
  name: z.string().min(1).max(300),
  kind: agencyKindSchema,
  /** Other spellings met in decisions ("SƠ Y TẾ", "Sở Y tế"), so that later imports find the same agency. */
  aliases: z.array(z.string()).default([]),
});
export type Agency = z.infer<typeof agencySchema>;

/** "UBND các xã, phường": every agency of a kind that the province registers. */
export const agencyGroupSchema = z.object({
  province: provinceIdSchema,
  id: agencyIdSchema,
  name: z.string().min(1),
  memberKind: agencyKindSchema,
});
export type AgencyGroup = z.infer<typeof agencyGroupSchema>;

export const indicatorFamilySchema = z.enum(["percent", "count", "frequency", "deliverable", "document", "grade", "rank", "manual"]);

export const indicatorSchema = z.object({
  code: indicatorCodeSchema,
  /** The Vietnamese name as first written, spaces normalised. */
  name: z.string().min(1),
  family: indicatorFamilySchema,
  unit: z.string().optional(),
  /** "Tỷ lệ A trên B": what is counted over what. */
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  group: z.string().optional(),
  /** Other wordings of the same indicator met in decisions. */
  aliases: z.array(z.string()).default([]),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const decisionSchema = z.object({
  id: decisionIdSchema,
  /** "1521/QĐ-UBND". */
  number: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  province: provinceIdSchema,
  provinceName: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  title: z.string().min(1),
});
export type Decision = z.infer<typeof decisionSchema>;

export const assignmentSchema = z
  .object({
    id: z.string().min(1),
    decisionId: decisionIdSchema,
    agencyId: agencyIdSchema.optional(),
    groupId: agencyIdSchema.optional(),
    indicatorCode: indicatorCodeSchema,
    /** The section and row numbers as the appendix writes them: "3", "12". */
    sectionOrder: z.string(),
    order: z.string(),
    /** The indicator text as this decision writes it for this agency. */
    text: z.string().min(1),
    /** Exactly as written. */
    targetText: z.string(),
    target: targetSchema,
    unit: z.string().optional(),
    milestones: z.array(draftMilestoneSchema).default([]),
    history: z.array(draftHistorySchema).default([]),
    leadAgency: z.string().optional(),
    coordinatingAgencies: z.array(z.string()).default([]),
    deadlineText: z.string().optional(),
    part: z.string().optional(),
  })
  .refine((assignment) => (assignment.agencyId === undefined) !== (assignment.groupId === undefined), {
    message: "Mỗi phân giao thuộc đúng một cơ quan hoặc một nhóm cơ quan.",
  });
export type Assignment = z.infer<typeof assignmentSchema>;

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
  decisions: z.array(decisionSchema),
  assignments: z.array(assignmentSchema),
  uncertainMatches: z.array(uncertainMatchSchema).default([]),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
