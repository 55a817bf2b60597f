import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importMilestoneTables } from "../../../shared/catalogue/importers/milestoneTable";
import { decisionFromHeader } from "../../../shared/catalogue/decision";

const PLAN = readFileSync(new URL("../../fixtures/layouts/chi-tieu-theo-moc-hai-cap.txt", import.meta.url), "utf8");
const row = (...cells: string[]) => cells.join("\t");
const QUARTERS = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"];

describe("two-level milestone table: levels, agencies as row groups, 'Chỉ tiêu giao năm 2025' over 'Quý I … Quý IV'", () => {
  const draft = importMilestoneTables(PLAN);

  it("reads the plan's header and every agency under its level", () => {
    expect(draft.problems).toEqual([]);
    expect(draft.format).toBe("milestone_table");
    expect(decisionFromHeader(draft.header)).toMatchObject({ decision: { id: "quang-tri-87-kh-ubnd", date: "2025-03-10", year: 2025 } });
    expect(draft.sections.map((section) => [section.part, section.order, section.heading, section.rows.length])).toEqual([
      ["A. CẤP SỞ, BAN, NGÀNH", "I", "Sở Tư pháp", 4],
      ["A. CẤP SỞ, BAN, NGÀNH", "II", "Sở Y tế", 4],
      ["A. CẤP SỞ, BAN, NGÀNH", "III", "Sở Giáo dục và Đào tạo", 4],
      ["B. CẤP XÃ", "I", "UBND các xã, phường", 4],
    ]);
    expect(draft.stats).toEqual({ linesRead: 36, linesPlaced: 36, linesSkipped: 0 });
  });

  it("dates each quarter from the spanning header's year and keeps the last as the target", () => {
    const justice = draft.sections[0]!.rows[3]!;
    expect(justice).toEqual({
      order: "4",
      text: "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
      targetText: ">50%",
      unit: "%",
      milestones: QUARTERS.map((due, index) => ({ due, targetText: ["20%", "30%", "40%", ">50%"][index] })),
      source: { line: 19 },
    });
  });

  it("joins a row whose indicator and note go on over the next line", () => {
    expect(draft.sections[1]!.rows[1]).toMatchObject({
      text: "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia",
      note: "Tính trên hồ sơ có phát sinh phí, lệ phí",
      targetText: ">55%",
      source: { line: 22 },
    });
  });
});

describe("milestone table with an agency column: groups of indicators, 'Chỉ tiêu giao' over 'Đến 30/6/2025 | Đến 31/12/2025'", () => {
  const text = [
    row("STT", "Nội dung chỉ tiêu", "ĐVT", "Chỉ tiêu giao", "", "Đơn vị chủ trì"),
    row("", "", "", "Đến 30/6/2025", "Đến 31/12/2025", ""),
    "I. CHỈ TIÊU CHUNG",
    row("1", "Tỷ lệ hồ sơ nộp trực tuyến", "%", ">50%", ">75%", "Sở Nội vụ"),
    row("2", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "%", "80%", "100%", "Văn phòng UBND tỉnh"),
    "II. CHỈ TIÊU RIÊNG",
    row("3", "Tỷ lệ văn bản đi được ký số", "%", "", "", "Sở Nội vụ"),
  ].join("\n");
  const draft = importMilestoneTables(text);

  it("gives each row to the agency in its column, with its group", () => {
    expect(draft.sections.map((section) => [section.heading, section.rows.map((r) => [r.order, r.group, r.targetText])])).toEqual([
      ["Sở Nội vụ", [["1", "I. CHỈ TIÊU CHUNG", ">75%"], ["3", "II. CHỈ TIÊU RIÊNG", ""]]],
      ["Văn phòng UBND tỉnh", [["2", "I. CHỈ TIÊU CHUNG", "100%"]]],
    ]);
    expect(draft.sections[0]!.rows[0]!.milestones).toEqual([
      { due: "2025-06-30", targetText: ">50%" },
      { due: "2025-12-31", targetText: ">75%" },
    ]);
  });

  it("reports a row with no target at any milestone", () => {
    expect(draft.problems).toEqual([
      expect.objectContaining({ code: "empty_target", severity: "warning", message: 'Dòng 7: chỉ tiêu "Tỷ lệ văn bản đi được ký số" không có chỉ tiêu giao ở mốc nào; chỉ tiêu này cần người đánh giá.' }),
    ]);
    expect(draft.stats).toEqual({ linesRead: 7, linesPlaced: 7, linesSkipped: 0 });
  });
});

describe("milestone table by rows: problems", () => {
  it("refuses quarters when no year is written anywhere, naming the column", () => {
    const draft = importMilestoneTables([row("STT", "Chỉ tiêu", "Quý I", "Quý II"), "I. Sở Y tế", row("1", "Tỷ lệ A", "10%", "20%")].join("\n"));
    expect(draft.problems).toEqual([expect.objectContaining({ code: "milestone_header", severity: "error", source: { line: 1 } })]);
    expect(draft.problems[0]!.message).toContain('cột "Quý I" không ghi năm');
    expect(draft.sections).toEqual([]);
    expect(draft.stats).toEqual({ linesRead: 3, linesPlaced: 0, linesSkipped: 3 });
  });

  it("refuses a row written above the table's header", () => {
    const draft = importMilestoneTables([row("1", "Tỷ lệ A", "10%", "20%"), row("STT", "Chỉ tiêu", "Quý I/2025", "Quý II/2025"), "I. Sở Y tế"].join("\n"));
    expect(draft.problems).toEqual([expect.objectContaining({ code: "row_before_header", severity: "error", source: { line: 1 } })]);
    expect(draft.stats).toEqual({ linesRead: 3, linesPlaced: 2, linesSkipped: 1 });
  });

  it("refuses a row before any agency when the table has no agency column", () => {
    const draft = importMilestoneTables([row("STT", "Chỉ tiêu", "Quý I/2025", "Quý II/2025"), "I. CHỈ TIÊU CHUNG", row("1", "Tỷ lệ A", "10%", "20%")].join("\n"));
    expect(draft.problems).toEqual([
      expect.objectContaining({ code: "row_before_section", message: 'Dòng 3: chỉ tiêu "Tỷ lệ A" nằm trước tên cơ quan đầu tiên (một dòng "I. Tên cơ quan") nên không biết giao cho ai.' }),
    ]);
    expect(draft.stats).toEqual({ linesRead: 3, linesPlaced: 2, linesSkipped: 1 });
  });
});

describe("Huế's appendix II as a Word table: one agency per row, indicator names over their 'Chỉ tiêu đến …' columns", () => {
  const dates = (...days: string[]) => days.map((day) => `Chỉ tiêu đến ${day}`);
  const text = [
    "PHỤ LỤC II",
    "1. Cấp Sở",
    row("STT", "Đơn vị", "Hồ sơ nộp trực tuyến", "", "", "Thanh toán trực tuyến trên cổng DVCQG", "", ""),
    row("", "", ...dates("31/3/2025", "30/6/2025", "31/12/2025"), ...dates("30/6/2025", "30/6/2025", "31/12/2025")),
    row("1", "Sở Công Thương", ">95%", ">95%", ">95%", ">25%", ">45%", ">55%"),
    row("2", "Sở Tư pháp", ">75%", ">75%", ">75%", ">35%", ">45%", ">55%"),
    "2. Cấp huyện",
    row("STT", "Đơn vị", "Hồ sơ nộp trực tuyến", "", "Thanh toán trực tuyến trên cổng DVCQG", ""),
    row("", "", ...dates("30/6/2025", "31/12/2025"), ...dates("30/6/2025", "31/12/2025")),
    row("1", "UBND huyện A Lưới", ">50%", ">75%", "", ">55%"),
  ].join("\n");
  const draft = importMilestoneTables(text);

  it("makes each agency a section with one row per indicator, its milestones by date", () => {
    expect(draft.sections.map((section) => [section.part, section.order, section.heading, section.rows.map((r) => [r.text, r.targetText])])).toEqual([
      ["1. Cấp Sở", "1", "Sở Công Thương", [["Hồ sơ nộp trực tuyến", ">95%"], ["Thanh toán trực tuyến trên cổng DVCQG", ">55%"]]],
      ["1. Cấp Sở", "2", "Sở Tư pháp", [["Hồ sơ nộp trực tuyến", ">75%"], ["Thanh toán trực tuyến trên cổng DVCQG", ">55%"]]],
      ["2. Cấp huyện", "1", "UBND huyện A Lưới", [["Hồ sơ nộp trực tuyến", ">75%"], ["Thanh toán trực tuyến trên cổng DVCQG", ">55%"]]],
    ]);
    expect(draft.sections[2]!.rows[1]!.milestones).toEqual([{ due: "2025-12-31", targetText: ">55%" }]);
    expect(draft.stats).toEqual({ linesRead: 10, linesPlaced: 10, linesSkipped: 0 });
  });

  it("treats the date written twice as the seed's importer does: corrected from the other indicators, with a warning", () => {
    expect(draft.problems.map((problem) => [problem.code, problem.severity])).toEqual([["duplicate_milestone_date", "warning"]]);
    expect(draft.sections[0]!.rows[1]!.milestones!.map((milestone) => milestone.due)).toEqual(["2025-03-31", "2025-06-30", "2025-12-31"]);
  });
});

describe("a two-level milestone table over a page break, as a PDF converted to text gives it", () => {
  const lines = PLAN.split("\n");
  const headerAt = lines.findIndex((line) => line.startsWith("STT\t"));
  const [first, second] = [lines[headerAt]!, lines[headerAt + 1]!];
  // Sở Y tế's row 2 goes on over two lines (source lines 22–23): the page breaks between them.
  const cutAt = lines.findIndex((line) => line.startsWith("\tcông quốc gia"));
  const withBreak = (repeated: string[]) => [...lines.slice(0, cutAt), ...repeated, ...lines.slice(cutAt)].join("\n");
  const rowsOf = (draft: ReturnType<typeof importMilestoneTables>) =>
    draft.sections.map(({ source: _section, rows, ...section }) => ({ ...section, rows: rows.map(({ source: _row, ...row }) => row) }));
  const plain = importMilestoneTables(PLAN);

  it.each([
    ["both header rows", [first, second]],
    ["only the first header row", [first]],
  ])("passes over %s drawn again and goes on with the row the break cut", (_, repeated) => {
    const draft = importMilestoneTables(withBreak(repeated));
    expect(draft.problems).toEqual([]);
    expect(rowsOf(draft)).toEqual(rowsOf(plain));
    expect(draft.sections[1]!.rows[1]).toMatchObject({ text: "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia", note: "Tính trên hồ sơ có phát sinh phí, lệ phí" });
    expect(draft.stats).toEqual({ linesRead: 36 + repeated.length, linesPlaced: 36 + repeated.length, linesSkipped: 0 });
  });

  it("never reads another header line as an indicator: it is reported by its line", () => {
    const other = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả năm 2024", "", "", "", "Ghi chú"].join("\t");
    const at = lines.findIndex((line) => line.startsWith("III\t"));
    const draft = importMilestoneTables([...lines.slice(0, at), other, ...lines.slice(at)].join("\n"));
    expect(draft.problems).toEqual([expect.objectContaining({ code: "header_not_read", severity: "error", source: { line: at + 1 } })]);
    expect(draft.sections.flatMap((section) => section.rows).some((row) => row.order === "STT" || row.text === "Chỉ tiêu")).toBe(false);
    expect(draft.stats).toEqual({ linesRead: 37, linesPlaced: 36, linesSkipped: 1 });
  });
});
