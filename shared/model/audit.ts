import * as z from "zod";

/**
 * The audit trail: one event per thing that changed what the province sees, append-only. Actions are named in the
 * API contract; details carry before/after for verdicts and states.
 */
export const auditActionSchema = z.enum([
  "submit",
  "workbook",
  "evidence",
  "verdict",
  "comment",
  "return",
  "approve",
  "lock",
  "unlock",
  "import",
  "register",
  "key_issue",
  "key_revoke",
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  submit: "Nộp báo cáo",
  workbook: "Gửi tệp Excel",
  evidence: "Gửi minh chứng",
  verdict: "Đánh giá của tỉnh",
  comment: "Nhận xét",
  return: "Trả lại báo cáo",
  approve: "Duyệt báo cáo",
  lock: "Khóa kỳ báo cáo",
  unlock: "Mở khóa kỳ báo cáo",
  import: "Nhập văn bản giao chỉ tiêu",
  register: "Đăng ký cơ quan",
  key_issue: "Cấp khóa truy cập",
  key_revoke: "Thu hồi khóa truy cập",
};

export const auditEventSchema = z.object({
  /** Stored in UTC; shown in Vietnam time. */
  at: z.string(),
  /** Key id or signed-in user. */
  actor: z.string(),
  actorLabel: z.string().optional(),
  action: auditActionSchema,
  province: z.string(),
  decisionId: z.string().optional(),
  period: z.string().optional(),
  agencyId: z.string().optional(),
  version: z.number().int().positive().optional(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditEventInput = z.input<typeof auditEventSchema>;
