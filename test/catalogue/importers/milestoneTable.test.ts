import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importMilestoneTables } from "../../../shared/catalogue/importers/milestoneTable";
import type { ImportDraft } from "../../../shared/catalogue/draft";

const HUE = readFileSync(new URL("../../fixtures/seeds/002_0e8855a91181c30a.txt", import.meta.url), "utf8");

const INDICATORS = [
  "Hồ sơ nộp trực tuyến",
  "Thanh toán trực tuyến trên cổng DVCQG",
  "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử",
  "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
];
const DUES = ["2025-03-31", "2025-06-30", "2025-12-31"];

/** Appendix II as the file writes it: per agency, 4 indicators × 3 milestones (31/3, 30/6, 31/12), in header order. */
const CAP_SO: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Sở Công Thương", [">95%", ">95%", ">95%", ">25%", ">45%", ">55%", "30%", "50%", "100%", "20%", "30%", ">50%"]],
  ["Sở Tư pháp", [">75%", ">75%", ">75%", ">35%", ">45%", ">55%", "80%", "90%", "100%", "20%", "30%", ">50%"]],
  ["Sở Tài chính", [">75%", ">75%", ">75%", "0%", "0%", "0%", "80%", "90%", "100%", "20%", "30%", ">50%"]],
  ["Sở Y tế", [">65%", ">65%", ">75%", ">35%", ">45%", ">55%", "80%", "90%", "100%", "20%", "30%", ">50%"]],
  ["Sở Du lịch", [">50%", ">60%", ">75%", ">65%", ">65%", ">65%", "80%", "90%", "100%", "20%", "30%", ">50%"]],
  ["Sở Văn hóa và Thể thao", [">50%", ">60%", ">75%", ">45%", ">50%", ">55%", "80%", "90%", "100%", "20%", "30%", ">50%"]],
  ["Sở Nông nghiệp và Môi trường", [">50%", ">60%", ">75%", ">35%", ">45%", ">55%", "80%", "90%", "100%", "20%", "30%", ">50%"]],
  ["Sở Giáo dục và Đào tạo", [">90%", ">90%", ">90%", ">35%", ">45%", ">55%", "90%", "95%", "100%", "20%", "30%", ">50%"]],
  ["Sở Xây dựng", [">20%", ">50%", ">75%", ">35%", ">45%", ">55%", "30%", "50%", "100%", "20%", "30%", ">50%"]],
  ["Sở Nội vụ", [">60%", ">65%", ">75%", ">50%", ">55%", ">60%", "80%", "90%", "100%", "20%", "30%", ">50%"]],
  ["Ban Quản lý Khu kinh tế, công nghiệp", [">50%", ">60%", ">75%", ">35%", ">45%", ">55%", "80%", "90%", "100%", "20%", "30%", ">50%"]],
  ["Sở Khoa học và Công nghệ", [">50%", ">60%", ">75%", ">35%", ">45%", ">55%", "50%", "80%", "100%", "20%", "30%", ">50%"]],
  ["Sở Ngoại vụ", [">85%", ">90%", ">95%", ">35%", ">45%", ">55%", "50%", "50%", "100%", "20%", "30%", ">50%"]],
];
const CAP_HUYEN: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["UBND huyện A Lưới", [">50%", ">60%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
  ["UBND huyện Phú Vang", [">50%", ">60%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
  ["UBND huyện Phú Lộc", [">50%", ">60%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
  ["UBND huyện Quảng Điền", [">50%", ">60%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
  ["UBND thị xã Phong Điền", [">50%", ">60%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
  ["UBND thị xã Hương Thủy", [">30%", ">60%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
  ["UBND thị xã Hương Trà", [">50%", ">60%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
  ["UBND quận Thuận Hóa", [">65%", ">65%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
  ["UBND quận Phú Xuân", [">65%", ">65%", ">75%", ">25%", ">45%", ">55%", "70%", "80%", "100%", "25%", "30%", ">50%"]],
];

function errors(draft: ImportDraft) {
  return draft.problems.filter((problem) => problem.severity === "error");
}

describe("milestone tables: Huế 106/KH-UBND, Phụ lục II", () => {
  const draft = importMilestoneTables(HUE);

  it("finds both tables, one section per agency, in the file's order", () => {
    expect(errors(draft)).toEqual([]);
    expect(draft.format).toBe("milestone_table");
    expect(draft.sections.map((section) => [section.part, section.order, section.heading])).toEqual([
      ...CAP_SO.map(([agency], index) => ["1. Cấp Sở", String(index + 1), agency]),
      ...CAP_HUYEN.map(([agency], index) => ["2. Cấp huyện", String(index + 1), agency]),
    ]);
  });

  it("gives every agency the four indicators, each with its targets at 31/3, 30/6 and 31/12/2025", () => {
    for (const [agency, cells] of [...CAP_SO, ...CAP_HUYEN]) {
      const section = draft.sections.find((candidate) => candidate.heading === agency)!;
      expect(section.rows.map((row) => row.text)).toEqual(INDICATORS);
      section.rows.forEach((row, indicator) => {
        const own = cells.slice(indicator * 3, indicator * 3 + 3);
        expect(row.milestones, `${agency}, ${row.text}`).toEqual(DUES.map((due, position) => ({ due, targetText: own[position] })));
        expect(row.targetText, `${agency}, ${row.text}`).toBe(own[2]);
      });
    }
  });

  it("reads Sở Công Thương cell by cell, each target tied to its line", () => {
    const [online, payment, electronic, reuse] = draft.sections[0]!.rows;
    expect(online).toMatchObject({ order: "1", targetText: ">95%", source: { line: 286 } });
    expect(payment).toMatchObject({
      order: "2",
      text: "Thanh toán trực tuyến trên cổng DVCQG",
      targetText: ">55%",
      milestones: [
        { due: "2025-03-31", targetText: ">25%" },
        { due: "2025-06-30", targetText: ">45%" },
        { due: "2025-12-31", targetText: ">55%" },
      ],
      source: { line: 289 },
    });
    expect(electronic!.milestones!.map((milestone) => milestone.targetText)).toEqual(["30%", "50%", "100%"]);
    expect(reuse).toMatchObject({ targetText: ">50%", source: { line: 295 } });
  });

  it("keeps Sở Tài chính's 0% payment target and Hương Thủy's >30% at 31/3 as written", () => {
    const finance = draft.sections.find((section) => section.heading === "Sở Tài chính")!;
    expect(finance.rows[1]!.milestones!.map((milestone) => milestone.targetText)).toEqual(["0%", "0%", "0%"]);
    const huongThuy = draft.sections.find((section) => section.heading === "UBND thị xã Hương Thủy")!;
    expect(huongThuy.rows[0]!.milestones![0]).toEqual({ due: "2025-03-31", targetText: ">30%" });
    expect(huongThuy.source).toEqual({ line: 553 });
  });

  it("warns about the date written twice in each table, stating the assumption and the lines", () => {
    const warnings = draft.problems.filter((problem) => problem.code === "duplicate_milestone_date");
    expect(warnings.map((warning) => [warning.severity, warning.source?.line])).toEqual([
      ["warning", 273],
      ["warning", 477],
    ]);
    expect(warnings[0]!.message).toBe(
      'Dòng 273: tiêu đề của chỉ tiêu "Thanh toán trực tuyến trên cổng DVCQG" (bảng "1. Cấp Sở") ghi "Chỉ tiêu đến 30/6/2025" 2 lần ' +
        "(dòng 273 và 274). Các chỉ tiêu khác của bảng có các mốc 31/3/2025, 30/6/2025, 31/12/2025, nên cột ở dòng 273 được hiểu là " +
        '"Chỉ tiêu đến 31/3/2025". Đề nghị đối chiếu với văn bản gốc.',
    );
    expect(warnings[1]!.message).toContain('chỉ tiêu "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử" (bảng "2. Cấp huyện")');
    expect(draft.problems).toHaveLength(2);
  });

  it("places every line of the appendix, from PHỤ LỤC II to the last row", () => {
    // Lines 260–608: the appendix without the converting site's footer; none blank.
    expect(draft.stats).toEqual({ linesRead: 349, linesPlaced: 349, linesSkipped: 0 });
  });
});

/** A small table in the Huế layout: 2 indicators × 2 milestones. */
function table(rows: string): string {
  return [
    "PHỤ LỤC II",
    "1. Cấp Sở",
    "STT",
    "Đơn vị",
    "Hồ sơ nộp trực tuyến",
    "Thanh toán trực tuyến",
    "Chỉ tiêu đến 30/6/2025",
    "Chỉ tiêu đến 31/12/2025",
    "Chỉ tiêu đến 30/6/2025",
    "Chỉ tiêu đến 31/12/2025",
    rows,
  ].join("\n");
}

describe("milestone tables: problems", () => {
  it("reads a well-formed small table without problems", () => {
    const draft = importMilestoneTables(table(["1", "Sở Y tế", ">50%", ">75%", "20%", "$\\geq 30\\%$", "2", "Sở Tư pháp", "40%", "60%", "10%", "20%"].join("\n")));
    expect(draft.problems).toEqual([]);
    expect(draft.sections[0]!.rows[1]).toMatchObject({ targetText: "≥ 30%", milestones: [{ due: "2025-06-30", targetText: "20%" }, { due: "2025-12-31", targetText: "≥ 30%" }] });
    expect(draft.stats).toEqual({ linesRead: 22, linesPlaced: 22, linesSkipped: 0 });
  });

  it("refuses a row with a missing cell instead of shifting the others, naming its line", () => {
    const draft = importMilestoneTables(table(["1", "Sở Y tế", ">50%", ">75%", "20%", "2", "Sở Tư pháp", "40%", "60%", "10%", "20%"].join("\n")));
    expect(errors(draft)).toEqual([
      expect.objectContaining({
        code: "missing_cell",
        source: { line: 11 },
        message:
          'Dòng 11: hàng STT 1 (Sở Y tế) của bảng "1. Cấp Sở" có 3 ô chỉ tiêu (dòng 13–15), bảng có 4 cột (2 chỉ tiêu × 2 mốc). ' +
          "Không xác định được ô nào bị thiếu nên hàng không được nhập; hãy sửa theo văn bản gốc.",
      }),
    ]);
    expect(draft.sections.map((section) => section.heading)).toEqual(["Sở Tư pháp"]);
    expect(draft.stats).toEqual({ linesRead: 21, linesPlaced: 16, linesSkipped: 5 });
  });

  it("refuses a row with an extra cell", () => {
    const draft = importMilestoneTables(table(["1", "Sở Y tế", ">50%", ">75%", "20%", "30%", "40%"].join("\n")));
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "extra_cell", source: { line: 11 } })]);
    expect(errors(draft)[0]!.message).toContain("có 5 ô chỉ tiêu (dòng 13–17), bảng có 4 cột");
    expect(draft.sections).toEqual([]);
  });

  it("refuses a row written before the table's header", () => {
    const text = ["PHỤ LỤC II", "1. Cấp Sở", "1", "Sở Y tế", ">50%", ">75%", "STT", "Đơn vị", "Hồ sơ nộp trực tuyến", "Chỉ tiêu đến 30/6/2025", "Chỉ tiêu đến 31/12/2025"].join("\n");
    const draft = importMilestoneTables(text);
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "row_before_header", source: { line: 3 } })]);
    expect(errors(draft)[0]!.message).toMatch(/^Dòng 3: hàng STT 1 \(Sở Y tế\) nằm trước dòng tiêu đề của bảng/);
    expect(draft.stats).toEqual({ linesRead: 11, linesPlaced: 7, linesSkipped: 4 });
  });

  it("refuses a header whose dates do not divide among its indicators", () => {
    const text = ["1. Cấp Sở", "STT", "Đơn vị", "Chỉ tiêu A", "Chỉ tiêu B", "Chỉ tiêu đến 30/6/2025", "Chỉ tiêu đến 31/12/2025", "Chỉ tiêu đến 31/12/2025", "1", "Sở Y tế", "1%", "2%", "3%"].join("\n");
    const draft = importMilestoneTables(text);
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "milestone_header", source: { line: 2 } })]);
    expect(errors(draft)[0]!.message).toContain("có 2 tên chỉ tiêu và 3 cột");
    expect(draft.sections).toEqual([]);
  });

  it("reports a repeated date that the other indicators cannot explain as an error, keeping both milestones", () => {
    const text = [
      "1. Cấp Sở", "STT", "Đơn vị", "Chỉ tiêu A", "Chỉ tiêu B",
      "Chỉ tiêu đến 30/6/2025", "Chỉ tiêu đến 30/6/2025", "Chỉ tiêu đến 30/6/2025", "Chỉ tiêu đến 30/6/2025",
      "1", "Sở Y tế", "1%", "2%", "3%", "4%",
    ].join("\n");
    const draft = importMilestoneTables(text);
    expect(errors(draft).map((problem) => [problem.code, problem.source?.line])).toEqual([
      ["duplicate_milestone_date", 6],
      ["duplicate_milestone_date", 8],
    ]);
    expect(errors(draft)[0]!.message).toContain("không suy ra được mốc đúng");
    expect(draft.sections[0]!.rows[0]!.milestones).toEqual([
      { due: "2025-06-30", targetText: "1%" },
      { due: "2025-06-30", targetText: "2%" },
    ]);
  });

  it("warns about a gap in the numbering and about an agency listed twice", () => {
    const draft = importMilestoneTables(table(["1", "Sở Y tế", "1%", "2%", "3%", "4%", "3", "Sở Y tế", "1%", "2%", "3%", "4%"].join("\n")));
    expect(draft.problems.map((problem) => [problem.code, problem.severity, problem.source?.line])).toEqual([
      ["order_gap", "warning", 17],
      ["duplicate_section", "warning", 17],
    ]);
    expect(draft.problems[0]!.message).toBe('Dòng 17: STT 3 của bảng "1. Cấp Sở" đứng sau STT 1; kiểm tra xem có hàng nào bị thiếu không.');
  });

  it("says so when the text has no milestone table", () => {
    const draft = importMilestoneTables("STT\tChỉ tiêu\n1\tTỷ lệ hồ sơ trực tuyến");
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "no_milestone_table" })]);
  });
});
