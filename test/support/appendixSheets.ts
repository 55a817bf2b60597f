import type { Sheet } from "../../shared/catalogue/importers/sheetRows";

/** A row of an appendix: indicator, target as written, and optionally the target due 30/6 of the year. */
export type AppendixRow = [text: string, target: string, midYear?: string];

/**
 * A decision in the catalogue's workbook layout, as the pane sends the open workbook ("sheets" JSON): the decision
 * sheet, then one appendix sheet with "1. Tên cơ quan" sections. Phú Thọ, issued 15/01 of the year.
 */
export function decisionSheets(number: string, year: number, sections: Array<[heading: string, rows: AppendixRow[]]>): { sheets: Sheet[] } {
  const withMilestones = sections.some(([, rows]) => rows.some((row) => row[2] !== undefined));
  const rows: Sheet["rows"] = [];
  sections.forEach(([heading, sectionRows], index) => {
    rows.push([`${index + 1}. ${heading}`]);
    rows.push(["STT", "Nội dung chỉ tiêu, nhiệm vụ", "Giao kết quả thực hiện", ...(withMilestones ? [`Chỉ tiêu đến 30/6/${year}`] : [])]);
    sectionRows.forEach(([text, target, midYear], order) => rows.push([order + 1, text, target, ...(withMilestones ? [midYear ?? ""] : [])]));
  });
  return {
    sheets: [
      {
        name: "Quyết định",
        rows: [
          ["Số quyết định", number],
          ["Ngày ban hành", `15/01/${year}`],
          ["Tỉnh", "Phú Thọ"],
          ["Năm thực hiện", year],
        ],
      },
      { name: "Phụ lục", rows },
    ],
  };
}

export const ONLINE = "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình";
export const SIGNED = "Tỷ lệ văn bản đi được ký số theo đúng quy định";
