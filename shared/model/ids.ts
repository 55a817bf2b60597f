import * as z from "zod";

/**
 * Identifiers. They end up in URLs, blob paths, workbook names and Excel formulas, so they are plain ASCII and never
 * change once issued; the Vietnamese names live beside them.
 */

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

function slug(what: string, example: string) {
  return z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .regex(SLUG, { error: `${what} chỉ gồm chữ thường không dấu, số và dấu gạch ngang, tối đa 64 ký tự (ví dụ ${example}).` });
}

export const agencyIdSchema = slug("Mã cơ quan", "so-tai-chinh");
export type AgencyId = z.infer<typeof agencyIdSchema>;

export const agencyGroupIdSchema = slug("Mã nhóm cơ quan", "ubnd-cac-xa-phuong");
export type AgencyGroupId = z.infer<typeof agencyGroupIdSchema>;

export const provinceCodeSchema = slug("Mã tỉnh, thành phố", "phu-tho");
export type ProvinceCode = z.infer<typeof provinceCodeSchema>;

/** Joins province and number ("phu-tho-1521-qd-ubnd") because decision numbers repeat across provinces. */
export const decisionIdSchema = slug("Mã văn bản", "phu-tho-1521-qd-ubnd");
export type DecisionId = z.infer<typeof decisionIdSchema>;

export const indicatorCodeSchema = z
  .string({ error: "Mã chỉ tiêu phải là chuỗi ký tự." })
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,31}$/, {
    error: "Mã chỉ tiêu chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch dưới và gạch ngang, tối đa 32 ký tự (ví dụ CDS-001).",
  });
export type IndicatorCode = z.infer<typeof indicatorCodeSchema>;

/** Record ids are derived from other ids ("phu-tho-1521-qd-ubnd.so-tai-chinh.3"), hence the dots. */
function recordId(what: string) {
  return z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, {
      error: `${what} chỉ gồm chữ không dấu, số và các dấu . _ : -, không có khoảng trắng, tối đa 200 ký tự.`,
    });
}

export const assignmentIdSchema = recordId("Mã phân giao chỉ tiêu");
export type AssignmentId = z.infer<typeof assignmentIdSchema>;

export const submissionIdSchema = recordId("Mã lần nộp báo cáo");
export type SubmissionId = z.infer<typeof submissionIdSchema>;
