import type { SourceKind } from "./sourceKind";

/**
 * How `kpi import` and the import dry run name what was read, so the officer sees which reading was chosen
 * ("Tệp Word; bố cục: quyết định giao chỉ tiêu theo cơ quan") and can override it with --format when it is wrong.
 */
const KIND_NAMES: Record<SourceKind | "sheets", string> = {
  docx: "Tệp Word",
  pdf: "Tệp PDF",
  xlsx: "Tệp Excel",
  text: "Tệp văn bản",
  sheets: "Các trang tính của sổ đang mở",
};

const LAYOUT_NAMES: Record<string, string> = {
  xlsx: "danh mục theo mẫu Excel",
  sheets: "danh mục theo mẫu Excel",
  "table-text": "bảng chỉ tiêu (STT, nội dung, chỉ tiêu), không có phần đầu quyết định",
  "pdf-text": "quyết định giao chỉ tiêu theo cơ quan (phần đầu văn bản và phụ lục dạng bảng)",
  plan: "kế hoạch có phụ lục nhiệm vụ (I) và phụ lục chỉ tiêu theo mốc thời gian (II)",
  "milestone-table": "bảng chỉ tiêu theo mốc thời gian",
  "multi-year": "kế hoạch nhiều năm (kết quả năm trước, chỉ tiêu năm, định hướng)",
  "results-report": "báo cáo kết quả thực hiện chỉ tiêu",
};

export function describeSource(kind: SourceKind | "sheets", format: string, chosenByPerson: boolean): string {
  return `${KIND_NAMES[kind]}; bố cục: ${LAYOUT_NAMES[format] ?? format}${chosenByPerson ? " (theo lựa chọn của người nhập)" : ""}`;
}
