import { describe, expect, it } from "vitest";
import { columnMeaning, extendHeader, headerColumns, headerKey } from "../../../shared/catalogue/importers/columnMeaning";
import { importTableText } from "../../../shared/catalogue/importers/tableText";

/** Header spellings seen in real plans and reports, and what each column holds. */
const SPELLINGS: ReadonlyArray<readonly [string, ReturnType<typeof columnMeaning>]> = [
  ["STT", { kind: "order" }],
  ["TT", { kind: "order" }],
  ["Số TT", { kind: "order" }],
  ["Chỉ tiêu", { kind: "text" }],
  ["Tên chỉ tiêu", { kind: "text" }],
  ["Nội dung", { kind: "text" }],
  ["Nội dung chỉ tiêu, nhiệm vụ", { kind: "text" }],
  ["Đơn vị tính", { kind: "unit" }],
  ["ĐVT", { kind: "unit" }],
  ["Đơn vị\ntính", { kind: "unit" }],
  ["Kế hoạch năm 2025", { kind: "plan", year: 2025 }],
  ["KH 2025", { kind: "plan", year: 2025 }],
  ["Chỉ tiêu năm 2025", { kind: "plan", year: 2025 }],
  ["Mục tiêu năm 2025", { kind: "plan", year: 2025 }],
  ["Kế hoạch\nnăm 2025", { kind: "plan", year: 2025 }],
  ["Kết quả thực hiện năm 2024", { kind: "result", year: 2024 }],
  ["Ước thực hiện năm 2024", { kind: "result", year: 2024 }],
  ["Ước TH 2024", { kind: "result", year: 2024 }],
  ["TH 2024", { kind: "result", year: 2024 }],
  ["Thực hiện năm 2024", { kind: "result", year: 2024 }],
  ["Kết quả thực hiện", { kind: "result" }],
  ["Kết quả", { kind: "result" }],
  ["Định hướng đến năm 2030", { kind: "direction", year: 2030 }],
  ["Định hướng 2030", { kind: "direction", year: 2030 }],
  ["Mục tiêu đến năm 2030", { kind: "direction", year: 2030 }],
  ["Cơ quan chủ trì", { kind: "lead" }],
  ["Đơn vị chủ trì", { kind: "lead" }],
  ["Đơn vị thực hiện", { kind: "lead" }],
  ["Cơ quan thực hiện", { kind: "lead" }],
  ["Cơ quan phối hợp", { kind: "coordinating" }],
  ["Cơ quan theo dõi/chủ trì", { kind: "monitoring" }],
  ["Cơ quan theo dõi", { kind: "monitoring" }],
  ["Đơn vị theo dõi, đánh giá", { kind: "monitoring" }],
  ["Đơn vị", { kind: "agency" }],
  ["Ghi chú", { kind: "note" }],
  ["Giao kết quả thực hiện", { kind: "target" }],
  ["Chỉ tiêu giao", { kind: "target" }],
  ["Chỉ tiêu đến 31/3/2025", { kind: "milestone", due: "2025-03-31" }],
  ["Đến 30/6/2025", { kind: "milestone", due: "2025-06-30" }],
  ["Quý I", { kind: "milestone", quarter: 1 }],
  ["Quý IV/2025", { kind: "milestone", quarter: 4, year: 2025 }],
  ["Phân loại", undefined],
  ["Tiến độ", undefined],
  ["Năm 2025", undefined],
  ["Chỉ tiêu đến 31/2/2025", undefined],
];

describe("column meaning", () => {
  it.each(SPELLINGS.map(([name, meaning]) => [name.replace("\n", "↵"), name, meaning] as const))("%s", (_label, name, meaning) => {
    expect(columnMeaning(name)).toEqual(meaning);
  });

  it("compares names folded, with punctuation as spaces and dates kept whole", () => {
    expect(headerKey("Cơ quan theo dõi/ chủ trì")).toBe("co quan theo doi chu tri");
    expect(headerKey("Chỉ tiêu đến 30 / 6 / 2025")).toBe("chi tieu den 30/6/2025");
    expect(headerKey("Quý II/2025")).toBe("quy ii/2025");
  });
});

describe("two-row headers", () => {
  it("names the columns under a spanning year", () => {
    const top = headerColumns(["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "", "Năm 2025", "Ghi chú"]);
    const both = extendHeader(top, ["", "", "", "Kế hoạch", "Ước thực hiện", "Kế hoạch", ""]);
    expect(both?.map(({ column, meaning }) => [column, meaning])).toEqual([
      [0, { kind: "order" }],
      [1, { kind: "text" }],
      [2, { kind: "unit" }],
      [3, { kind: "plan", year: 2024 }],
      [4, { kind: "result", year: 2024 }],
      [5, { kind: "plan", year: 2025 }],
      [6, { kind: "note" }],
    ]);
  });

  it("reads milestones under 'Chỉ tiêu giao' and a cell broken over two lines", () => {
    const top = headerColumns(["STT", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu giao", "", "Cơ quan theo dõi,"]);
    const both = extendHeader(top, ["", "", "tính", "Đến 30/6/2025", "Đến 31/12/2025", "đánh giá"]);
    expect(both?.map(({ meaning }) => meaning)).toEqual([
      { kind: "order" },
      { kind: "text" },
      { kind: "unit" },
      { kind: "milestone", due: "2025-06-30" },
      { kind: "milestone", due: "2025-12-31" },
      { kind: "monitoring" },
    ]);
  });

  it("does not take a data row or a heading for a second header row", () => {
    const top = headerColumns(["STT", "Chỉ tiêu", "ĐVT", "KH 2025"]);
    expect(extendHeader(top, ["1", "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 70"])).toBeUndefined();
    expect(extendHeader(top, ["1. Sở Y tế"])).toBeUndefined();
    expect(extendHeader(top, ["I. CHỈ TIÊU CHUNG"])).toBeUndefined();
  });
});

describe("assignment tables pasted as text read other spellings through the same classifier", () => {
  it("takes 'Đơn vị thực hiện' as the lead agency and 'Kế hoạch năm 2025' as the target", () => {
    const draft = importTableText(
      ["1. Sở Y tế", ["Số TT", "Nội dung", "Kế hoạch năm 2025", "Đơn vị thực hiện"].join("\t"), ["1", "Tỷ lệ hồ sơ trực tuyến", "Tối thiểu 60%", "Phòng Kế hoạch"].join("\t")].join("\n"),
    );
    expect(draft.problems).toEqual([]);
    expect(draft.sections[0]!.rows[0]).toMatchObject({ text: "Tỷ lệ hồ sơ trực tuyến", targetText: "Tối thiểu 60%", leadAgency: "Phòng Kế hoạch" });
  });
});
