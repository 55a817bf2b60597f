import { defineCommand } from "../args";

/** The flags of `kpi catalogue`, kept apart from the command so its logic can change without touching them. */
export const CATALOGUE_COMMAND = defineCommand({
  command: "catalogue",
  synopsis: "[--decision mã] [--file danh-muc.json] [--json]",
  summary: "Liệt kê chỉ tiêu trong danh mục, cơ quan được giao và chỉ tiêu giao như văn bản viết.",
  options: {
    decision: { type: "string", value: "mã văn bản", description: "Chỉ văn bản này, ví dụ phu-tho-1521-qd-ubnd" },
    file: { type: "string", value: "danh-muc.json", description: "Tệp danh mục (mặc định: danh mục mẫu)" },
    json: { type: "boolean", description: "In kết quả dạng JSON" },
  },
  examples: ["kpi catalogue --decision phu-tho-1521-qd-ubnd"],
});
