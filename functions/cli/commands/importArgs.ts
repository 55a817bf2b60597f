import { SOURCE_FORMATS } from "../../catalogue/readSource";
import { defineCommand } from "../args";

/** The flags of `kpi import`, kept apart from the command so its logic can change without touching them. */
export const IMPORT_COMMAND = defineCommand({
  command: "import",
  synopsis: "<tệp> [--format …] [--dry-run] [--json] [--into danh-muc.json]",
  summary: "Nhập phụ lục giao chỉ tiêu của một văn bản (xlsx theo mẫu, văn bản bảng, văn bản PDF đã chuyển, kế hoạch…). Có lỗi thì không ghi gì.",
  options: {
    format: { type: "string", value: "định dạng", description: `Định dạng tệp: ${SOURCE_FORMATS.join(", ")} (mặc định: tự nhận biết)` },
    "dry-run": { type: "boolean", description: "Chỉ kiểm tra và in những gì đọc được, không ghi danh mục" },
    json: { type: "boolean", description: "In kết quả dạng JSON" },
    into: { type: "string", value: "danh-muc.json", description: "Tệp danh mục để ghi vào (mặc định .data/catalogue.json)" },
    number: { type: "string", value: "số văn bản", description: 'Số văn bản khi tệp không ghi, ví dụ "1521/QĐ-UBND"' },
    province: { type: "string", value: "mã tỉnh", description: "Tỉnh ban hành khi tệp không ghi, ví dụ phu-tho" },
    year: { type: "string", value: "năm", description: "Năm giao chỉ tiêu, ví dụ 2025" },
    title: { type: "string", value: "trích yếu", description: "Trích yếu văn bản" },
    date: { type: "string", value: "YYYY-MM-DD", description: "Ngày ban hành" },
  },
  positionals: { min: 1, max: 1, missing: "Thiếu tệp cần nhập. Ví dụ: kpi import phu-luc.xlsx --dry-run" },
  examples: ["kpi import mau-phu-luc.xlsx --dry-run", "kpi import phu-luc.txt --dry-run --json", "kpi import mau-phu-luc.xlsx --into danh-muc.json"],
});
