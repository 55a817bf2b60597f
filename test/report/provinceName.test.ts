import { describe, expect, it } from "vitest";
import { provinceNameOf } from "../../functions/report/docx/provinceName";

describe("the province as the report's heading names it", () => {
  it("takes the name with its diacritics from the decision's own words when it spells the province code", () => {
    expect(provinceNameOf("phu-tho", ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ"])).toEqual({ level: "tỉnh", name: "Phú Thọ" });
    expect(provinceNameOf("hue", [undefined, "Kế hoạch 106/KH-UBND nâng cao chỉ số dịch vụ công trực tuyến trên địa bàn thành phố Huế năm 2025"])).toEqual({ level: "thành phố", name: "Huế" });
    expect(provinceNameOf("vinh-phuc", ["Về việc giao nhiệm vụ … trên địa bàn tỉnh Vĩnh Phúc"])).toEqual({ level: "tỉnh", name: "Vĩnh Phúc" });
  });

  it("never takes another province named in the text, and falls back to the code in title case", () => {
    expect(provinceNameOf("phu-tho", ["Học tập kinh nghiệm của tỉnh Vĩnh Phúc"])).toEqual({ level: "tỉnh", name: "Phu Tho" });
  });
});
