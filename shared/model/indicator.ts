import * as z from "zod";
import type { Target } from "../target/schema";
import { indicatorCodeSchema } from "./ids";
import { officerText } from "./text";

/**
 * What kind of value an indicator asks for. Coarser than a target's kind: "Hoàn thành năm 2022", "Quý II/2025" and
 * "Hàng năm" all ask whether a piece of work is done, so deadlines and recurring tasks are one "deliverable" family.
 */
export const indicatorKindSchema = z.enum(["percent", "count", "frequency", "deliverable", "document", "grade", "rank", "manual"], {
  error: "Loại chỉ tiêu phải là một trong: percent, count, frequency, deliverable, document, grade, rank, manual.",
});
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

export function indicatorKindOfTarget(target: Target): IndicatorKind {
  switch (target.kind) {
    case "deadline":
    case "recurring":
      return "deliverable";
    case "range":
      return target.measure;
    // A number per population is entered as a number, like a count.
    case "ratio":
      return "count";
    case "staged":
      return indicatorKindOfTarget(target.stages[0]!.target as Target);
    default:
      return target.kind;
  }
}

/** One catalogue entry; the same indicator recurs across agencies and decisions with different targets. */
export const indicatorSchema = z.object({
  code: indicatorCodeSchema,
  /** "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính". */
  name: officerText("Tên chỉ tiêu", 1000),
  kind: indicatorKindSchema,
  /** "%", "doanh nghiệp", "tin, bài". */
  unit: officerText("Đơn vị tính", 100).optional(),
  /** For rates, what is counted over what: "hồ sơ trực tuyến" over "hồ sơ tiếp nhận, giải quyết TTHC". */
  numerator: officerText("Tử số", 500).optional(),
  denominator: officerText("Mẫu số", 500).optional(),
  /** "Chính quyền số", "Kinh tế số", "Xã hội số". */
  group: officerText("Nhóm chỉ tiêu").optional(),
  /** Other wordings met in decisions, so that the next import finds this entry. */
  aliases: z.array(officerText("Tên gọi khác của chỉ tiêu", 1000)).default([]),
});
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorInput = z.input<typeof indicatorSchema>;
