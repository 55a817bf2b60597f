import * as z from "zod";
import { targetSchema } from "../target/schema";
import { milestoneSchema } from "../period/milestone";
import { agencyGroupIdSchema, agencyIdSchema, assignmentIdSchema, decisionIdSchema, indicatorCodeSchema } from "./ids";
import { asWritten, officerText } from "./text";

/**
 * One indicator assigned by one decision to one agency or one class of agencies, with its target. What the agency
 * reports against, and what a verdict is computed from.
 */
export const assignmentSchema = z
  .object({
    id: assignmentIdSchema,
    decisionId: decisionIdSchema,
    agencyId: agencyIdSchema.optional(),
    groupId: agencyGroupIdSchema.optional(),
    indicatorCode: indicatorCodeSchema,
    /** The row number in the appendix, as written. */
    order: asWritten("Số thứ tự dòng", 20),
    /** Exactly as written, so the officer sees the decision's words next to the parsed rule. */
    targetText: asWritten("Chỉ tiêu giao"),
    target: targetSchema,
    milestones: z.array(milestoneSchema).default([]),
    leadAgencyId: agencyIdSchema.optional(),
    coordinatingAgencyIds: z.array(agencyIdSchema).default([]),
    /** The indicator or task as this decision words it for this agency (the catalogue name may differ slightly). */
    text: officerText("Nội dung chỉ tiêu, nhiệm vụ", 2000).optional(),
    /** The section number as written: "10" (Phú Thọ has two). */
    sectionOrder: asWritten("Số thứ tự mục", 20).optional(),
    /** Which appendix of a plan: "Phụ lục I". */
    part: officerText("Phụ lục").optional(),
    /** A unit written in a column of its own: "%" beside a bare "70". */
    unit: officerText("Đơn vị tính", 100).optional(),
    /** Agencies as the document names them, kept until they are registered and resolved to ids. */
    leadAgency: officerText("Cơ quan chủ trì").optional(),
    coordinatingAgencies: z.array(officerText("Cơ quan phối hợp")).default([]),
    /** "Quý II/2025", "Hàng năm": the time column of task tables. */
    deadlineText: asWritten("Thời hạn hoàn thành", 300).optional(),
    /** Last year's target and result in multi-year plans. */
    history: z
      .array(z.object({ year: z.number().int(), targetText: z.string().optional(), resultText: z.string().optional() }))
      .default([]),
  })
  .superRefine((assignment, ctx) => {
    if ((assignment.agencyId === undefined) === (assignment.groupId === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "Mỗi chỉ tiêu được giao cho đúng một cơ quan (agencyId) hoặc một nhóm cơ quan (groupId).",
        path: ["agencyId"],
      });
    }
    // Two thresholds due the same day contradict each other: the report could not say which one applies.
    const dues = new Set<string>();
    assignment.milestones.forEach((milestone, index) => {
      if (dues.has(milestone.due)) {
        ctx.addIssue({
          code: "custom",
          message: `Mốc ${milestone.due} được ghi hai lần: mỗi mốc thời gian chỉ có một chỉ tiêu.`,
          path: ["milestones", index, "due"],
        });
      }
      dues.add(milestone.due);
    });
  });
export type Assignment = z.infer<typeof assignmentSchema>;
export type AssignmentInput = z.input<typeof assignmentSchema>;
