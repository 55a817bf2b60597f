import type { TargetKind } from "./schema";

/** What kind of target a text was read as, in the words an officer uses ("Tỷ lệ", not "percent"). */
export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  percent: "Tỷ lệ",
  count: "Số lượng",
  frequency: "Tần suất",
  deadline: "Thời hạn hoàn thành",
  recurring: "Thực hiện định kỳ",
  document: "Văn bản cần ban hành",
  grade: "Xếp loại",
  rank: "Thứ hạng",
  range: "Trong khoảng",
  ratio: "Tỷ lệ trên dân số",
  staged: "Ngưỡng theo từng năm",
  manual: "Cần người đánh giá",
};
