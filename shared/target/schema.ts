import * as z from "zod";

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

/**
 * "… vào năm 2025", "Đến năm 2026, …", "Đạt 100% trước 30/6/2025": the threshold must hold by then. Before that day an
 * unmet threshold is only "pending"; a threshold met but judged after that day cannot tell whether it was met in time.
 */
const dueField = { due: calendarPointSchema.optional() };

export const percentTargetSchema = z.object({
  kind: z.literal("percent"),
  ...dueField,
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
  ...dueField,
  comparator: comparatorSchema,
  value: z.number().min(0),
  /** "doanh nghiệp", "lượt cán bộ", "danh mục", "lượt sử dụng các dịch vụ khác nhau". */
  unit: z.string().min(1).optional(),
  /** A leading action such as "Giới thiệu" in "Giới thiệu tối thiểu 2000 doanh nghiệp". */
  action: z.string().min(1).optional(),
});

export const frequencyTargetSchema = z.object({
  kind: z.literal("frequency"),
  ...dueField,
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
  ...dueField,
  /** "top 10": a rank of 10 or better (smaller) meets the target. */
  top: z.number().int().min(1),
});

/**
 * "từ 50% đến 70%", "15 - 20% GRDP": within the range meets it; below it does not; above it is for a person to judge
 * (a plan that asks for 15–20% may or may not welcome 25%).
 */
export const rangeTargetSchema = z.object({
  kind: z.literal("range"),
  ...dueField,
  measure: z.enum(["percent", "count"]),
  /** Percentage points for percent ranges. */
  min: z.number().min(0),
  max: z.number().min(0),
  /** "GRDP" after a percent range, "doanh nghiệp" after a count range. */
  unit: z.string().min(1).optional(),
});

/** "trên 0,7/1.000 dân", "95/100 người trưởng thành", "128 thuê bao trên 100 dân": a number per a population base. */
export const ratioTargetSchema = z.object({
  kind: z.literal("ratio"),
  ...dueField,
  comparator: comparatorSchema,
  value: z.number().min(0),
  /** The population base: 1000 in "/1.000 dân". */
  per: z.number().int().min(10),
  /** "dân", "người trưởng thành". */
  population: z.string().min(1),
  /** What is counted, when written: "thuê bao". */
  unit: z.string().min(1).optional(),
});

/** A threshold with its own year, one of several in a text: "50% (năm 2025) và 80% (năm 2030)". */
export const stageSchema = z.object({
  due: calendarPointSchema,
  target: z.discriminatedUnion("kind", [
    percentTargetSchema.omit({ due: true }),
    countTargetSchema.omit({ due: true }),
    rangeTargetSchema.omit({ due: true }),
  ]),
});
export type Stage = z.infer<typeof stageSchema>;

/** Several thresholds for different years: the one for the period being judged applies. */
export const stagedTargetSchema = z.object({
  kind: z.literal("staged"),
  stages: z.array(stageSchema).min(2),
});

export const manualReasonSchema = z.enum([
  "empty",
  "free_text",
  "multiple_thresholds",
  "vague",
  /** "thuộc nhóm các địa phương dẫn đầu": a rank without its size. */
  "rank_without_size",
  /** A number that could be a rank or a count. */
  "unclear_number",
  /** Budgets and money amounts: "dự chi hơn 2.300 tỷ đồng". */
  "money",
  /** Cut off mid-number, as a copied excerpt: "đạt 96…". */
  "truncated",
  /** "giảm 20%", "tăng 10% so với năm 2024": a change relative to a baseline the text does not give. */
  "relative_change",
  /** "từ 1/9 đến 30/11/2025": a window, or several dates that apply to different parts. */
  "several_dates",
  /** "đến 30/6" with no year, and no decision year to take it from. */
  "missing_year",
  /** "15 chỉ tiêu", "27 trên tổng số 35 chỉ tiêu": a count of targets, not a target. */
  "aggregate",
]);
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
  rangeTargetSchema,
  ratioTargetSchema,
  stagedTargetSchema,
  manualTargetSchema,
]);

export type Target = z.infer<typeof targetSchema>;

/** The deadline a threshold carries ("… vào năm 2025"); a deadline target's own date is not one. */
export function thresholdDue(target: Target): CalendarPoint | undefined {
  return target.kind !== "deadline" && "due" in target ? target.due : undefined;
}
export type TargetKind = Target["kind"];
export type PercentTarget = z.infer<typeof percentTargetSchema>;
export type CountTarget = z.infer<typeof countTargetSchema>;
export type FrequencyTarget = z.infer<typeof frequencyTargetSchema>;
export type DeadlineTarget = z.infer<typeof deadlineTargetSchema>;
export type RecurringTarget = z.infer<typeof recurringTargetSchema>;
export type DocumentTarget = z.infer<typeof documentTargetSchema>;
export type GradeTarget = z.infer<typeof gradeTargetSchema>;
export type RankTarget = z.infer<typeof rankTargetSchema>;
export type RangeTarget = z.infer<typeof rangeTargetSchema>;
export type RatioTarget = z.infer<typeof ratioTargetSchema>;
export type StagedTarget = z.infer<typeof stagedTargetSchema>;
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
