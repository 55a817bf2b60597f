import * as z from "zod";
import { isoDateSchema } from "../period/isoDate";
import { milestoneSchema } from "../period/milestone";
import { agencyGroupIdSchema, agencyIdSchema, decisionIdSchema, provinceCodeSchema } from "./ids";
import { asWritten, officerText } from "./text";

/**
 * A decision (Quyết định) or plan (Kế hoạch) as its appendix is written: numbered sections, one per agency or class
 * of agencies, each a table of rows "STT | Nội dung chỉ tiêu, nhiệm vụ | Giao kết quả thực hiện". Orders and target
 * cells are kept as written — Phú Thọ's 1521/QĐ-UBND numbers two sections "10." — so a person can find each row in
 * the signed document.
 */

export const decisionRowSchema = z.object({
  /** "1", "12", "a", "I.2". */
  order: asWritten("Số thứ tự dòng", 20),
  /** "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính". */
  text: officerText("Nội dung chỉ tiêu, nhiệm vụ", 2000),
  /** "Tối thiểu 65%", exactly as in the cell, empty when the cell is. */
  targetText: asWritten("Chỉ tiêu giao"),
  /** The "Đơn vị tính" column of multi-year tables: "%" beside a bare "70". */
  unit: officerText("Đơn vị tính", 100).optional(),
  milestones: z.array(milestoneSchema).optional(),
  /** Agency names as written in results reports and task tables; resolved to ids on assignments. */
  leadAgency: officerText("Cơ quan chủ trì").optional(),
  coordinatingAgencies: z.array(officerText("Cơ quan phối hợp")).optional(),
  /** "Quý II/2025", "Hàng năm", "Thường xuyên". */
  deadlineText: asWritten("Thời hạn hoàn thành", 300).optional(),
  note: officerText("Ghi chú", 2000).optional(),
});
export type DecisionRow = z.infer<typeof decisionRowSchema>;

export const decisionSectionSchema = z
  .object({
    /** "1", "16", "I". */
    order: asWritten("Số thứ tự mục", 20),
    /** As written after the number: "Sở Tài chính", "Ban Quản lý các Khu công nghiệp", "UBND các xã, phường". */
    heading: asWritten("Tiêu đề mục", 500).refine((heading) => heading.trim() !== "", { error: "Tiêu đề mục không được để trống." }),
    agencyId: agencyIdSchema.optional(),
    groupId: agencyGroupIdSchema.optional(),
    rows: z.array(decisionRowSchema),
  })
  .refine((section) => section.agencyId === undefined || section.groupId === undefined, {
    error: "Mỗi mục giao cho một cơ quan hoặc một nhóm cơ quan, không cho cả hai.",
    path: ["groupId"],
  });
export type DecisionSection = z.infer<typeof decisionSectionSchema>;

export const decisionSchema = z.object({
  id: decisionIdSchema,
  /** "1521/QĐ-UBND", "106/KH-UBND". */
  number: z
    .string({ error: "Số văn bản phải là chuỗi ký tự." })
    .trim()
    .normalize("NFC")
    .regex(/^\d+[a-zA-Z]?\/[\p{L}\p{N}][\p{L}\p{N}.&/-]*$/u, { error: "Số văn bản có dạng 1521/QĐ-UBND hoặc 106/KH-UBND." }),
  /** The day it was signed: "ngày 24/10/2025". */
  date: isoDateSchema,
  province: provinceCodeSchema,
  /** The year the targets are for; a decision signed in December may assign the next year. */
  year: z
    .number({ error: "Năm thực hiện phải là một số." })
    .int({ error: "Năm thực hiện phải là số nguyên." })
    .min(2000, { error: "Năm thực hiện phải từ 2000 đến 2100." })
    .max(2100, { error: "Năm thực hiện phải từ 2000 đến 2100." }),
  /** "Về việc giao chỉ tiêu, nhiệm vụ chuyển đổi số năm 2025 cho Thủ trưởng các cơ quan, đơn vị…". */
  title: officerText("Trích yếu văn bản", 1000),
  /** "Chủ tịch UBND tỉnh". */
  issuer: officerText("Người, cơ quan ban hành").optional(),
  sections: z.array(decisionSectionSchema),
});
export type Decision = z.infer<typeof decisionSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;
