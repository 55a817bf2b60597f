import { z } from "zod";
import { periodCodeSchema } from "../period/period";
import { agencyIdSchema, decisionIdSchema, submissionIdSchema } from "./ids";
import { submissionValueSchema } from "./submissionValue";

/**
 * How a submission arrived — its source: JSON from the add-in or another program, a workbook filled offline, or an
 * agency's results report (Word, PDF, text) read and confirmed by the province.
 */
export const submissionChannelSchema = z.enum(["api", "workbook", "results_report"]);
export type SubmissionChannel = z.infer<typeof submissionChannelSchema>;

/** The workbook as uploaded, kept so that a verdict can always be traced to the file the agency sent. */
export const submittedWorkbookSchema = z.object({
  blobPath: z
    .string({ error: "Đường dẫn tệp phải là chuỗi ký tự." })
    .min(1, { error: "Đường dẫn tệp không được để trống." })
    .max(1024, { error: "Đường dẫn tệp dài quá 1024 ký tự." }),
  sha256: z
    .string({ error: "Mã băm SHA-256 phải là chuỗi ký tự." })
    .regex(/^[0-9a-f]{64}$/, { error: "Mã băm SHA-256 phải gồm đúng 64 ký tự thập lục phân viết thường." }),
  size: z
    .number({ error: "Kích thước tệp phải là một số." })
    .int({ error: "Kích thước tệp phải là số nguyên (byte)." })
    .positive({ error: "Tệp báo cáo rỗng." }),
});
export type SubmittedWorkbook = z.infer<typeof submittedWorkbookSchema>;

/**
 * One agency's report for one period of one decision. A correction is a new version, never an overwrite, so earlier
 * verdicts stay explainable. The idempotency key makes a retried upload (flaky network, double click) land once.
 */
export const submissionSchema = z
  .object({
    id: submissionIdSchema,
    decisionId: decisionIdSchema,
    agencyId: agencyIdSchema,
    period: periodCodeSchema,
    version: z
      .number({ error: "Số phiên bản phải là một số." })
      .int({ error: "Số phiên bản phải là số nguyên." })
      .min(1, { error: "Số phiên bản bắt đầu từ 1." }),
    submittedAt: z.iso.datetime({ offset: true, error: "Thời điểm nộp phải theo ISO 8601, ví dụ 2025-07-05T08:30:00+07:00." }),
    idempotencyKey: z
      .string({ error: "Khóa chống nộp trùng phải là chuỗi ký tự." })
      .regex(/^[A-Za-z0-9._:-]{8,128}$/, { error: "Khóa chống nộp trùng gồm 8 đến 128 ký tự không dấu, không khoảng trắng." }),
    values: z.array(submissionValueSchema),
    channel: submissionChannelSchema.optional(),
    workbook: submittedWorkbookSchema.optional(),
  })
  .superRefine((submission, ctx) => {
    // Two values for one assignment would make the verdict depend on which one is read last.
    const seen = new Set<string>();
    submission.values.forEach((value, index) => {
      if (seen.has(value.assignmentId)) {
        ctx.addIssue({
          code: "custom",
          message: `Chỉ tiêu "${value.assignmentId}" được báo cáo hai lần trong cùng một lần nộp.`,
          path: ["values", index, "assignmentId"],
        });
      }
      seen.add(value.assignmentId);
    });
  });
export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionInput = z.input<typeof submissionSchema>;
