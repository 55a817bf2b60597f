import { thresholdDue, type Comparator, type ManualReason, type Target } from "./schema";
import type { ParseResult } from "./schema";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { DOCUMENT_TYPE_NAMES } from "./keywords";
import { PER_UNIT_NAMES } from "./names";
import { formatCalendarPoint, formatTarget } from "./format";

/** How the product reads a target, in one or two sentences an officer can check against the decision. */

const COMPARATOR_WORDS: Record<Comparator, string> = {
  gte: "tối thiểu",
  gt: "lớn hơn",
  lte: "tối đa",
  lt: "nhỏ hơn",
};

const MANUAL_REASONS: Record<ManualReason, string> = {
  empty: "Không có chỉ tiêu: kết quả được ghi nhận, không so sánh.",
  free_text: "Chỉ tiêu là một yêu cầu bằng lời, không có ngưỡng để so sánh: cần người đánh giá.",
  multiple_thresholds: "Chỉ tiêu có nhiều ngưỡng khác nhau: cần người đánh giá, phần mềm không tự chọn ngưỡng.",
  vague: "Chỉ tiêu dùng từ ước lượng (khoảng, gần, có thể, tăng dần…): cần người đánh giá, phần mềm không tự đoán ngưỡng.",
  rank_without_size: "Chỉ tiêu về thứ hạng nhưng không nói nhóm bao nhiêu địa phương (\"nhóm dẫn đầu\"): cần người đánh giá.",
  unclear_number: "Không rõ con số trong chỉ tiêu là thứ hạng hay số lượng: cần người đánh giá, phần mềm không đoán.",
  money: "Chỉ tiêu về kinh phí, giá trị tiền: cần người đánh giá.",
  truncated: "Chỉ tiêu bị cắt dở (\"…\" ngay sau con số): cần xem lại văn bản gốc.",
  relative_change: "Chỉ tiêu là mức tăng/giảm so với một mốc không ghi trong chỉ tiêu: cần người đánh giá.",
  several_dates: "Chỉ tiêu có nhiều mốc thời gian (khoảng thời gian hoặc mốc riêng cho từng phần): cần người đánh giá.",
  missing_year: "Hạn không ghi năm và không biết năm của văn bản: cần người đánh giá hoặc ghi rõ năm.",
  aggregate: "Đây là số lượng chỉ tiêu/mục tiêu, không phải một ngưỡng để so sánh: cần người đánh giá.",
};

const CADENCE_WORDS = {
  yearly: "hằng năm",
  half_yearly: "định kỳ 6 tháng",
  quarterly: "hằng quý",
  monthly: "hằng tháng",
  continuous: "thường xuyên",
} as const;

export function explainTarget(target: Target): string {
  const body = explainWithoutDue(target);
  const due = thresholdDue(target);
  if (!due) return body;
  return `${body} Hạn đạt: ${formatCalendarPoint(due)}; trước hạn, chưa đạt là "Chưa đạt".`;
}

function explainWithoutDue(target: Target): string {
  const n = formatVietnameseNumber;
  switch (target.kind) {
    case "percent": {
      const of = target.base ? ` ${target.base}` : "";
      const level = target.qualifier ? ` (chỉ tính ${target.qualifier.toLowerCase()})` : "";
      return `Tỷ lệ${level} ${COMPARATOR_WORDS[target.comparator]} ${n(target.value)}%${of}. Nhập kết quả dạng 0,9 hoặc 90%.`;
    }
    case "count": {
      const action = target.action ? `${target.action}: ` : "";
      const unit = target.unit ? ` ${target.unit}` : "";
      return `${action}Số lượng ${COMPARATOR_WORDS[target.comparator]} ${n(target.value)}${unit}.`;
    }
    case "frequency": {
      const action = target.action ? `${target.action}: ` : "";
      return `${action}${capitalize(COMPARATOR_WORDS[target.comparator])} ${n(target.value)} ${target.unit} mỗi ${PER_UNIT_NAMES[target.per]}.`;
    }
    case "deadline": {
      const when = formatCalendarPoint(target.due);
      if (target.mode === "start") return `Phải bắt đầu triển khai từ ${when}. Nhập "Hoàn thành" hoặc ngày bắt đầu.`;
      if (target.share !== undefined) {
        const subject = target.subject ? ` ${target.subject}` : "";
        return `Hoàn thành tối thiểu ${n(target.share)}%${subject} trong ${when}. Nhập tỷ lệ đã hoàn thành.`;
      }
      return `Phải hoàn thành trong ${when}. Nhập "Hoàn thành", "Chưa hoàn thành" hoặc ngày hoàn thành.`;
    }
    case "recurring":
      return `Nhiệm vụ thực hiện ${CADENCE_WORDS[target.cadence]}. Nhập "Hoàn thành" nếu đã thực hiện trong kỳ.`;
    case "document": {
      const subject = target.subject ? ` ${target.subject}` : "";
      const issuer = target.issuer ? ` của ${target.issuer}` : "";
      return `Phải ban hành ${DOCUMENT_TYPE_NAMES[target.documentType]}${subject}${issuer}. Nhập "Hoàn thành" hoặc ngày ban hành.`;
    }
    case "grade":
      return `Xếp hạng ${target.grade} trở lên (A là cao nhất).`;
    case "rank":
      return `Thứ hạng trong nhóm ${target.top} đứng đầu (hạng từ 1 đến ${target.top}; hạng càng nhỏ càng tốt). Nhập thứ hạng đạt được, ví dụ 12 hoặc 12/34.`;
    case "range": {
      const unit = target.unit ? ` ${target.unit}` : "";
      const percent = target.measure === "percent" ? "%" : "";
      const entry = target.measure === "percent" ? " Nhập kết quả dạng 0,18 hoặc 18%." : "";
      return `Trong khoảng từ ${n(target.min)}${percent} đến ${n(target.max)}${percent}${unit}; vượt khoảng thì cần người đánh giá.${entry}`;
    }
    case "ratio": {
      const unit = target.unit ? ` ${target.unit}` : "";
      return `${capitalize(COMPARATOR_WORDS[target.comparator])} ${n(target.value)}${unit} trên ${n(target.per)} ${target.population}. Nhập số trên ${n(target.per)} ${target.population}, ví dụ ${n(target.value)} hoặc ${n(target.value)}/${n(target.per)}.`;
    }
    case "staged":
      return `Mỗi năm một ngưỡng: ${target.stages
        .map((stage) => `${formatTarget(stage.target)} (${formatCalendarPoint(stage.due)})`)
        .join("; ")}. Ngưỡng của kỳ đang đánh giá được áp dụng.`;
    case "manual":
      return MANUAL_REASONS[target.reason];
  }
}

/** The explanation of a parse: how it reads, or what is wrong and where. */
export function explainParse(result: ParseResult): string {
  if (result.ok) return explainTarget(result.target);
  return result.errors
    .map((error) => {
      const at = result.normalized.slice(error.offset, error.offset + error.length);
      return `Lỗi tại "${at}" (vị trí ${error.offset + 1}): ${error.message}${error.hint ? ` ${error.hint}` : ""}`;
    })
    .join("\n");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
