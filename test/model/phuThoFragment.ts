import type { DecisionInput } from "../../shared/model";

/**
 * Sections of Phú Thọ's 1521/QĐ-UBND (24/10/2025) appendix as written, including its two sections numbered "10" and
 * the target cell "Tối thiểu 1% tổng chi ngân sách" that the PDF breaks across lines.
 */
export function phuThoDecision(): DecisionInput {
  return {
    id: "phu-tho-1521-qd-ubnd",
    number: "1521/QĐ-UBND",
    date: "2025-10-24",
    province: "phu-tho",
    year: 2025,
    title:
      "Về việc giao chỉ tiêu, nhiệm vụ chuyển đổi số năm 2025 cho Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, phường trên địa bàn tỉnh Phú Thọ",
    issuer: "Chủ tịch UBND tỉnh Phú Thọ",
    sections: [
      {
        order: "1",
        heading: "Ban Quản lý các Khu công nghiệp",
        agencyId: "ban-quan-ly-cac-khu-cong-nghiep",
        rows: [
          { order: "1", text: "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính", targetText: "Tối thiểu 65%" },
          {
            order: "2",
            text: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính",
            targetText: "Tối thiểu 90%",
          },
          { order: "4", text: "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", targetText: "100%" },
        ],
      },
      {
        order: "9",
        heading: "Sở Tài chính",
        agencyId: "so-tai-chinh",
        rows: [
          {
            order: "1",
            text: "Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
            targetText: "Tối thiểu 1% \ntổng chi ngân \nsách",
          },
          { order: "3", text: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính", targetText: "Tối thiểu 70%" },
        ],
      },
      { order: "10", heading: "Sở Tư pháp", agencyId: "so-tu-phap", rows: [] },
      {
        order: "10",
        heading: "Thanh tra tỉnh",
        agencyId: "thanh-tra-tinh",
        rows: [{ order: "1", text: "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính", targetText: "Tối thiểu 65%" }],
      },
      {
        order: "16",
        heading: "UBND các xã, phường",
        groupId: "ubnd-cac-xa-phuong",
        rows: [
          { order: "1", text: "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính", targetText: "Tối thiểu 80%" },
          {
            order: "6",
            text: "Tỷ lệ văn bản đi trên Hệ thống Quản lý văn bản và điều hành được ký số theo đúng quy định",
            targetText: "100%",
          },
        ],
      },
    ],
  };
}
