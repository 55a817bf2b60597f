import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../shared/catalogue/build";
import type { ImportDraft } from "../../shared/catalogue/draft";
import type { CatalogueDecision } from "../../shared/catalogue/model";
import { resolveAgencyName } from "../../shared/catalogue/agencyNames";
import { indicatorKey } from "../../shared/catalogue/indicatorKey";
import { ratioParts } from "../../shared/catalogue/indicatorParts";

const decision: CatalogueDecision = { id: "phu-tho-1521-qd-ubnd", number: "1521/QĐ-UBND", date: "2025-10-24", province: "phu-tho", year: 2025, title: "Giao chỉ tiêu" };

function draftOf(sections: Array<[string, Array<[string, string]>]>): ImportDraft {
  return {
    format: "table_text",
    header: {},
    problems: [],
    sections: sections.map(([heading, rows], index) => ({
      order: String(index + 1),
      heading,
      rows: rows.map(([text, targetText], row) => ({ order: String(row + 1), text, targetText })),
    })),
  };
}

const SIGNED = "Tỷ lệ văn bản đi trên Hệ thống Quản lý văn bản và điều hành được ký số theo đúng quy định";

describe("catalogue building", () => {
  it("makes one indicator of the same text written with different spacing, case, line breaks and tỉ/tỷ", () => {
    const { catalogue, reports } = buildCatalogue([
      {
        decision,
        draft: draftOf([
          ["Sở Tài chính", [[SIGNED, "100%"]]],
          ["Công an tỉnh", [["Tỉ lệ văn bản đi trên Hệ thống Quản lý văn bản và  điều hành\nđược ký số theo đúng quy định", "100%"]]],
          ["SỞ Y TẾ", [["TỶ LỆ VĂN BẢN ĐI TRÊN HỆ THỐNG QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH ĐƯỢC KÝ SỐ THEO ĐÚNG QUY ĐỊNH", "Tối thiểu 90%"]]],
        ]),
      },
    ]);
    expect(catalogue.indicators).toHaveLength(1);
    expect(catalogue.assignments.map((assignment) => [assignment.agencyId, assignment.indicatorCode, assignment.targetText])).toEqual([
      ["so-tai-chinh", "CDS-001", "100%"],
      ["cong-an-tinh", "CDS-001", "100%"],
      ["so-y-te", "CDS-001", "Tối thiểu 90%"],
    ]);
    expect(reports[0]).toMatchObject({ newIndicators: 1, matchedIndicators: 2 });
  });

  it("merges a wording that differs by one word in a long indicator", () => {
    const { catalogue } = buildCatalogue([
      {
        decision,
        draft: draftOf([
          ["Sở Tài chính", [["Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính của cơ quan", "Tối thiểu 90%"]]],
          ["Sở Y tế", [["Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính của cơ quan đơn vị", "Tối thiểu 80%"]]],
        ]),
      },
    ]);
    expect(catalogue.indicators).toHaveLength(1);
    expect(catalogue.indicators[0]!.aliases).toHaveLength(1);
  });

  it("keeps resembling but different indicators apart and lists them for a person to confirm", () => {
    const { catalogue } = buildCatalogue([
      {
        decision,
        draft: draftOf([
          ["Sở Tài chính", [["Tỷ lệ hồ sơ thủ tục hành chính được số hóa", "Tối thiểu 90%"]]],
          ["Sở Y tế", [["Tỷ lệ kết quả thủ tục hành chính được số hóa", "Tối thiểu 90%"]]],
        ]),
      },
    ]);
    expect(catalogue.indicators).toHaveLength(2);
    expect(catalogue.uncertainMatches).toHaveLength(1);
    expect(catalogue.uncertainMatches[0]).toMatchObject({ candidateCode: "CDS-001", text: "Tỷ lệ kết quả thủ tục hành chính được số hóa" });
  });

  it("assigns a section for every commune to the group, not to one agency", () => {
    const { catalogue } = buildCatalogue([{ decision, draft: draftOf([["UBND các xã, phường", [["Tỷ lệ hồ sơ trực tuyến", "Tối thiểu 80%"]]]]) }]);
    expect(catalogue.groups).toEqual([{ province: "phu-tho", id: "ubnd-cac-xa-phuong", name: "UBND các xã, phường", memberKind: "ubnd_cap_xa" }]);
    expect(catalogue.assignments[0]).toMatchObject({ groupId: "ubnd-cac-xa-phuong" });
    expect(catalogue.assignments[0]!.agencyId).toBeUndefined();
  });

  it("keeps the target exactly as written beside its reading, and reads numerator and denominator", () => {
    const { catalogue } = buildCatalogue([{ decision, draft: draftOf([["Sở Tài chính", [["Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ", "$>95\\%$"]]]]) }]);
    expect(catalogue.assignments[0]).toMatchObject({ targetText: "$>95\\%$", target: { kind: "percent", comparator: "gt", value: 95 } });
    expect(catalogue.indicators[0]).toMatchObject({ numerator: "hồ sơ trực tuyến", denominator: "tổng số hồ sơ", kind: "percent" });
  });

  it("refuses the same decision twice", () => {
    const first = buildCatalogue([{ decision, draft: draftOf([["Sở Tài chính", [[SIGNED, "100%"]]]]) }]);
    const again = buildCatalogue([{ decision, draft: draftOf([["Sở Tài chính", [[SIGNED, "100%"]]]]) }], first.catalogue);
    expect(again.reports[0]!.problems).toContainEqual(expect.objectContaining({ code: "duplicate_decision", severity: "error" }));
    expect(again.catalogue.assignments).toHaveLength(1);
  });
});

describe("agency names", () => {
  it("turns capitals and OCR slips into the agency's own spelling and one id", () => {
    expect(resolveAgencyName("2. SƠ KẾ HOẠCH VÀ ĐẦU TƯ")).toMatchObject({ name: "Sở Kế hoạch và Đầu tư", id: "so-ke-hoach-va-dau-tu", kind: "so_ban_nganh" });
    expect(resolveAgencyName("BẢN ĐÂN TỘC")).toMatchObject({ name: "Ban Dân tộc", id: "ban-dan-toc" });
    expect(resolveAgencyName("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH").name).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(resolveAgencyName("Sở Tư pháp").id).toBe(resolveAgencyName("SỞ TƯ PHÁP").id);
    expect(resolveAgencyName("CỤC THUẾ TỈNH").kind).toBe("nganh_doc");
    expect(resolveAgencyName("UBND CÁC HUYỆN, THÀNH PHỐ").group).toEqual({ memberKind: "ubnd_cap_huyen" });
  });
});

describe("indicator text", () => {
  it("compares texts without diacritics, case, punctuation or tỉ/tỷ differences", () => {
    expect(indicatorKey("Tỉ lệ  văn bản, đi")).toBe(indicatorKey("TỶ LỆ VĂN BẢN ĐI"));
  });

  it("splits a rate only at 'trên tổng số', not at 'trên Hệ thống'", () => {
    expect(ratioParts("Tỷ lệ hồ sơ trực tuyến/tổng số hồ sơ đã tiếp nhận")).toEqual({ numerator: "hồ sơ trực tuyến", denominator: "tổng số hồ sơ đã tiếp nhận" });
    expect(ratioParts(SIGNED)).toBeUndefined();
  });
});
