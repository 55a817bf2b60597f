import { z } from "zod";

/**
 * A parsed target: what a decision asks of an agency, independent of how it was written.
 * Thresholds are stored in the unit an officer reads: percent targets in percentage points (90 for 90%).
 */

export const comparatorSchema = z.enum(["gte", "gt", "lte", "lt"]);
export type Comparator = z.infer<typeof comparatorSchema>;

export const periodUnitSchema = z.enum(["year", "half", "quarter", "month", "week", "day"]);
export type PeriodUnit = z.infer<typeof periodUnitSchema>;

/** A calendar point as a decision writes it: a year, a quarter, a month or a day of a year. */
export const calendarPointSchema = z.discriminatedUnion("precision", [
  z.object({ precision: z.literal("year"), year: z.number().int() }),
  z.object({ precision: z.literal("half"), year: z.number().int(), half: z.number().int().min(1).max(2) }),
  z.object({ precision: z.literal("quarter"), year: z.number().int(), quarter: z.number().int().min(1).max(4) }),
  z.object({ precision: z.literal("month"), year: z.number().int(), month: z.number().int().min(1).max(12) }),
  z.object({
    precision: z.literal("day"),
    year: z.number().int(),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
]);
export type CalendarPoint = z.infer<typeof calendarPointSchema>;

export const percentTargetSchema = z.object({
  kind: z.literal("percent"),
  comparator: comparatorSchema,
  /** Percentage points: 90 means 90%. */
  value: z.number().min(0),
  /** "Mức 4" in "Mức 4 ≥ 80%": the share counts only items of that level. */
  qualifier: z.string().min(1).optional(),
  /** "tổng chi ngân sách" in "Tối thiểu 1% tổng chi ngân sách": the share is of that base. */
  base: z.string().min(1).optional(),
});

export const countTargetSchema = z.object({
  kind: z.literal("count"),
  comparator: comparatorSchema,
  value: z.number().min(0),
  /** "doanh nghiệp", "lượt cán bộ", "danh mục", "lượt sử dụng các dịch vụ khác nhau". */
  unit: z.string().min(1).optional(),
  /** A leading action such as "Giới thiệu" in "Giới thiệu tối thiểu 2000 doanh nghiệp". */
  action: z.string().min(1).optional(),
});

export const frequencyTargetSchema = z.object({
  kind: z.literal("frequency"),
  comparator: comparatorSchema,
  value: z.number().min(0),
  /** "tin, bài", "lần", "cuộc". */
  unit: z.string().min(1),
  per: periodUnitSchema,
  /** A leading action such as "Cập nhật". */
  action: z.string().min(1).optional(),
});

export const deadlineTargetSchema = z.object({
  kind: z.literal("deadline"),
  /** complete: done by the point; start: begun from the point on. */
  mode: z.enum(["complete", "start"]),
  due: calendarPointSchema,
  /** "Hoàn thành 30% dữ liệu trong năm 2022": the share of the work due by then, in percentage points. */
  share: z.number().min(0).max(100).optional(),
  /** What the share is of: "dữ liệu". */
  subject: z.string().min(1).optional(),
});

export const recurringTargetSchema = z.object({
  kind: z.literal("recurring"),
  /** "Hàng năm" (every year), "Hằng quý", "Thường xuyên" (continuously). */
  cadence: z.enum(["yearly", "half_yearly", "quarterly", "monthly", "continuous"]),
});

export const documentTypeSchema = z.enum(["nghi_quyet", "quyet_dinh", "ke_hoach", "de_an", "chi_thi", "van_ban"]);
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const documentTargetSchema = z.object({
  kind: z.literal("document"),
  documentType: documentTypeSchema,
  /** What the document is about, as written: "chuyển đổi số" in "Kế hoạch chuyển đổi số". */
  subject: z.string().min(1).optional(),
  /** "HĐND tỉnh", "UBND tỉnh". */
  issuer: z.string().min(1).optional(),
});

export const gradeTargetSchema = z.object({
  kind: z.literal("grade"),
  /** Best grade is "A"; a grade at or better than this one meets the target. */
  grade: z.string().regex(/^[A-F]$/),
});

export const rankTargetSchema = z.object({
  kind: z.literal("rank"),
  /** "top 10": a rank of 10 or better (smaller) meets the target. */
  top: z.number().int().min(1),
});

export const manualReasonSchema = z.enum(["empty", "free_text", "multiple_thresholds", "vague"]);
export type ManualReason = z.infer<typeof manualReasonSchema>;

/** No rule can judge it: a person gives the verdict. */
export const manualTargetSchema = z.object({
  kind: z.literal("manual"),
  reason: manualReasonSchema,
  /** The text as normalised, kept so that a person sees what was asked. */
  text: z.string(),
});

export const targetSchema = z.discriminatedUnion("kind", [
  percentTargetSchema,
  countTargetSchema,
  frequencyTargetSchema,
  deadlineTargetSchema,
  recurringTargetSchema,
  documentTargetSchema,
  gradeTargetSchema,
  rankTargetSchema,
  manualTargetSchema,
]);

export type Target = z.infer<typeof targetSchema>;
export type TargetKind = Target["kind"];
export type PercentTarget = z.infer<typeof percentTargetSchema>;
export type CountTarget = z.infer<typeof countTargetSchema>;
export type FrequencyTarget = z.infer<typeof frequencyTargetSchema>;
export type DeadlineTarget = z.infer<typeof deadlineTargetSchema>;
export type RecurringTarget = z.infer<typeof recurringTargetSchema>;
export type DocumentTarget = z.infer<typeof documentTargetSchema>;
export type GradeTarget = z.infer<typeof gradeTargetSchema>;
export type RankTarget = z.infer<typeof rankTargetSchema>;
export type ManualTarget = z.infer<typeof manualTargetSchema>;

/** A problem found in a target text: where it is (in the normalised text) and what to do about it. */
export const parseErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  offset: z.number().int().min(0),
  length: z.number().int().min(0),
  hint: z.string().optional(),
});
export type ParseError = z.infer<typeof parseErrorSchema>;

export type ParseResult =
  | { ok: true; target: Target; normalized: string }
  | { ok: false; errors: ParseError[]; normalized: string };
