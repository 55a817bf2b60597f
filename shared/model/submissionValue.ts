import * as z from "zod";
import { assignmentIdSchema } from "./ids";
import { evidenceListSchema } from "./evidence";
import { officerText, refuseXmlForbidden } from "./text";

/**
 * One reported value. The actual is what the officer typed in the workbook: a number (52.9, or 0.529 from a
 * percent-formatted cell), a text ("Đã ban hành Quyết định 123/QĐ-UBND"), a yes/no, or null when not yet known.
 * Rates also carry their parts, so the province can re-add them across agencies instead of averaging percentages.
 */
export const submissionValueShape = z.object({
    assignmentId: assignmentIdSchema,
    actual: z.union(
      [
        z.number({ error: "Kết quả thực hiện phải là số hữu hạn." }),
        z.string().max(2000, { error: "Kết quả thực hiện dài quá 2000 ký tự." }).superRefine(refuseXmlForbidden("Kết quả thực hiện")),
        z.boolean(),
        z.null(),
      ],
      { error: "Kết quả thực hiện phải là số, chữ, đúng/sai hoặc để trống." },
    ),
    numerator: z
      .number({ error: "Tử số phải là một số." })
      .min(0, { error: "Tử số không được âm." })
      .optional(),
    denominator: z
      .number({ error: "Mẫu số phải là một số." })
      .positive({ error: "Mẫu số phải lớn hơn 0: không tính được tỷ lệ trên 0." })
      .optional(),
    note: officerText("Ghi chú", 2000).optional(),
    /**
     * Documents that prove the value (số hiệu, ngày ban hành, trích yếu, đường dẫn); a plain text is taken as the
     * summary. Files are attached to a stored version separately (evidence uploads).
     */
    evidence: evidenceListSchema.optional(),
    /**
     * The result exactly as an agency's results report wrote it ("Đạt 95%", "Đạt"), kept beside the value read from
     * it: the verdict can always be checked against what the agency said, and a text no rule can read is judged by a
     * person (see readReportedResult).
     */
    reportedText: officerText("Kết quả thực hiện như báo cáo ghi", 2000).optional(),
});

export const submissionValueSchema = submissionValueShape.refine((value) => (value.numerator === undefined) === (value.denominator === undefined), {
    error: "Tử số và mẫu số phải được nhập cùng nhau.",
    path: ["denominator"],
  });
export type SubmissionValue = z.infer<typeof submissionValueSchema>;
