import type { Sheet } from "../../shared/catalogue/importers/sheetRows";

/**
 * An appendix in the catalogue's workbook layout for trying "Nhập văn bản" in the preview: rows of the Phú Thọ
 * decision 1521/QĐ-UBND (2025), sections "Sở Nội vụ" and "Sở Y tế", as a province officer would paste them for next year.
 */
export const SAMPLE_APPENDIX: Sheet = {
  name: "Phụ lục",
  rows: [
    ["1. Sở Nội vụ", null, null],
    ["STT", "Nội dung chỉ tiêu, nhiệm vụ", "Giao kết quả thực hiện"],
    [1, "Tỷ lệ đối tượng hưởng chính sách an sinh xã hội có tài khoản để thực hiện chi trả an sinh xã hội không dùng tiền mặt", "Tối thiểu 75%"],
    [2, "Tỷ lệ chi trả an sinh xã hội không dùng tiền mặt cho các đối tượng hưởng chính sách đã có tài khoản", "Tối thiểu 60%"],
    [3, "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính", "Tối thiểu 65%"],
    [4, "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Tối thiểu 90%"],
    // A heading as an older document wrote it: it resembles "Sở Y tế" and the officer says which agency it is.
    ["2. Sở Y Tế (cũ)", null, null],
    ["STT", "Nội dung chỉ tiêu, nhiệm vụ", "Giao kết quả thực hiện"],
    [1, "Tỷ lệ cơ sở khám bệnh, chữa bệnh triển khai bệnh án điện tử", "Tối thiểu 80%"],
  ],
};
