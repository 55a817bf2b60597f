import { defineCommand } from "../args";

/** The flags of `kpi catalogue`, kept apart from the command so its logic can change without touching them. */
export const CATALOGUE_COMMAND = defineCommand({
  command: "catalogue",
  synopsis: "[--decision mã] [--json] [--server URL --key KHÓA]",
  summary: "Liệt kê chỉ tiêu trong danh mục của hệ thống đang chạy, cơ quan được giao và chỉ tiêu giao như văn bản viết.",
  options: {
    decision: { type: "string", value: "mã văn bản", description: "Chỉ văn bản này, ví dụ phu-tho-1521-qd-ubnd" },
    json: { type: "boolean", description: "In kết quả dạng JSON" },
    server: { type: "string", value: "URL", description: "Máy chủ (không có: đọc thẳng kho lưu trữ)" },
    key: { type: "string", value: "khóa", description: "Khóa truy cập (chỉ dùng cùng --server)" },
  },
  examples: ["kpi catalogue --decision phu-tho-1521-qd-ubnd", "kpi catalogue --server http://127.0.0.1:7071 --key <khóa>"],
});
