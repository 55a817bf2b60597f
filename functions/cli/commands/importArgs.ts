import { SOURCE_FORMATS } from "../../catalogue/readSource";
import { defineCommand } from "../args";

/** The flags of `kpi import`, kept apart from the command so its logic can change without touching them. */
export const IMPORT_COMMAND = defineCommand({
  command: "import",
  synopsis: "<tệp> [--dry-run] [--json] [--replace] [--agency \"Tên=mã\"] [--create \"Tên\"] [--server URL --key KHÓA]",
  summary:
    "Nhập văn bản giao chỉ tiêu (Word .docx, PDF có lớp chữ, xlsx theo mẫu, văn bản bảng…) vào danh mục của hệ thống đang chạy: " +
    "có --server thì qua máy chủ với khóa của tỉnh, không thì thẳng vào kho lưu trữ. Có lỗi thì không ghi gì.",
  options: {
    format: { type: "string", value: "bố cục", description: `Bố cục văn bản: ${SOURCE_FORMATS.join(", ")} (mặc định: tự nhận biết)` },
    "dry-run": { type: "boolean", description: "Chỉ xem trước: mục, dòng, chỉ tiêu, cơ quan; không ghi gì" },
    json: { type: "boolean", description: "In kết quả dạng JSON" },
    replace: { type: "boolean", description: "Thay văn bản đã nhập bằng bản đã sửa (khi chưa cơ quan nào nộp báo cáo)" },
    agency: { type: "string", value: "Tên mục=mã cơ quan", description: "Mục giống một cơ quan đã đăng ký là chính cơ quan đó", multiple: true },
    create: { type: "string", value: "Tên mục", description: "Mục giống một cơ quan đã đăng ký là cơ quan mới", multiple: true },
    number: { type: "string", value: "số văn bản", description: 'Số văn bản khi tệp không ghi, ví dụ "1521/QĐ-UBND"' },
    province: { type: "string", value: "mã tỉnh", description: "Tỉnh ban hành khi tệp không ghi, ví dụ phu-tho" },
    year: { type: "string", value: "năm", description: "Năm giao chỉ tiêu, ví dụ 2025" },
    title: { type: "string", value: "trích yếu", description: "Trích yếu văn bản" },
    date: { type: "string", value: "YYYY-MM-DD", description: "Ngày ban hành" },
    server: { type: "string", value: "URL", description: "Máy chủ, ví dụ http://127.0.0.1:7071 (không có: ghi thẳng vào kho lưu trữ)" },
    key: { type: "string", value: "khóa", description: "Khóa của tỉnh (chỉ dùng cùng --server)" },
  },
  positionals: { min: 1, max: 1, missing: "Thiếu tệp cần nhập. Ví dụ: kpi import qd-1521.docx --dry-run --server http://127.0.0.1:7071 --key <khóa tỉnh>" },
  examples: [
    "kpi import qd-1521.docx --dry-run --server http://127.0.0.1:7071 --key <khóa tỉnh>",
    "kpi import mau-phu-luc.xlsx --server http://127.0.0.1:7071 --key <khóa tỉnh>",
    'kpi import phu-luc.pdf --agency "Sở Y Tế (cũ)=so-y-te"',
  ],
});
