import { describe, expect, it } from "vitest";
import { importResultsReport } from "../../../shared/catalogue/importers/resultsReport";
import type { ImportDraft } from "../../../shared/catalogue/draft";
import { parseTarget } from "../../../shared/target/parse";

const row = (...cells: string[]) => cells.join("\t");

/** A results report as pasted from Word or Excel: tabs between cells, the target written inside the indicator. */
const REPORT = [
  "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2024",
  row("TT", "Chỉ tiêu", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả thực hiện năm 2024"),
  "I. Chính quyền số",
  row("1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến đạt tỷ lệ tối thiểu 60%", "Văn phòng UBND tỉnh", "Các sở, ban, ngành; UBND các huyện, thành phố", "65,3%"),
  row("2", "100% văn bản đi của cơ quan nhà nước được ký số (trừ văn bản mật)", "Sở Thông tin và Truyền thông", "Các sở, ban, ngành", "Đạt"),
  row("3", "Tỷ lệ cơ quan nhà nước cấp tỉnh kết nối mạng truyền số liệu chuyên dùng đạt 100%", "Sở Thông tin và Truyền thông", "Viễn thông tỉnh", "Đạt"),
  row("4", "Triển khai nền tảng họp trực tuyến đến cấp xã", "Sở Thông tin và Truyền thông", "Sở Tài chính, UBND các huyện, thành phố", "Hoàn thành"),
  "II. Kinh tế số",
  row("5", "Tỷ lệ doanh nghiệp nộp thuế qua mạng đạt trên 95%", "Cục Thuế tỉnh", "Sở Kế hoạch và Đầu tư", "98%"),
  row("6", "Tỷ lệ dân số trưởng thành có tài khoản thanh toán đạt từ 70% trở lên", "Ngân hàng Nhà nước chi nhánh tỉnh", "Sở Thông tin và Truyền thông", "Không đạt"),
  row("7", "Tỷ trọng kinh tế số trong GRDP phấn đấu đạt 10%", "Cục Thống kê tỉnh", "Sở Kế hoạch và Đầu tư", "7,8%"),
  "III. Xã hội số",
  row("8", "Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt tối thiểu 85%", "Sở Thông tin và Truyền thông", "Viettel tỉnh, VNPT tỉnh", "88,4%"),
  row("9", "Số người dân được phổ cập kỹ năng số cơ bản đạt tỷ lệ tối thiểu 50%", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch, Tỉnh đoàn", ""),
].join("\n");

function errors(draft: ImportDraft) {
  return draft.problems.filter((problem) => problem.severity === "error");
}

describe("results reports", () => {
  const draft = importResultsReport(REPORT);
  const rows = draft.sections.flatMap((section) => section.rows);

  it("makes one section per lead agency, in order of first appearance", () => {
    expect(errors(draft)).toEqual([]);
    expect(draft.format).toBe("results_report");
    expect(draft.header).toEqual({ year: 2024 });
    expect(draft.sections.map((section) => [section.order, section.heading, section.rows.map((r) => r.order)])).toEqual([
      ["1", "Văn phòng UBND tỉnh", ["1"]],
      ["2", "Sở Thông tin và Truyền thông", ["2", "3", "4", "8"]],
      ["3", "Cục Thuế tỉnh", ["5"]],
      ["4", "Ngân hàng Nhà nước chi nhánh tỉnh", ["6"]],
      ["5", "Cục Thống kê tỉnh", ["7"]],
      ["6", "Sở Văn hóa, Thể thao và Du lịch", ["9"]],
    ]);
  });

  it("takes the target from the indicator's own words, and the result as reported", () => {
    expect(rows[0]).toEqual({
      order: "1",
      text: "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến đạt tỷ lệ tối thiểu 60%",
      targetText: "đạt tỷ lệ tối thiểu 60%",
      leadAgency: "Văn phòng UBND tỉnh",
      coordinatingAgencies: ["Các sở, ban, ngành", "UBND các huyện, thành phố"],
      resultText: "65,3%",
      group: "I. Chính quyền số",
      source: { line: 4 },
    });
    const byOrder = new Map(rows.map((r) => [r.order, r]));
    expect(byOrder.get("2")).toMatchObject({ targetText: "100%", resultText: "Đạt" });
    expect(byOrder.get("3")).toMatchObject({ targetText: "đạt 100%", coordinatingAgencies: ["Viễn thông tỉnh"] });
    expect(byOrder.get("5")).toMatchObject({ targetText: "đạt trên 95%", resultText: "98%", group: "II. Kinh tế số" });
    expect(byOrder.get("6")).toMatchObject({ targetText: "đạt từ 70% trở lên", resultText: "Không đạt" });
    // "phấn đấu" frames the floor; the target as extracted starts at its comparator.
    expect(byOrder.get("7")).toMatchObject({ targetText: "đạt 10%", resultText: "7,8%" });
  });

  it("splits coordinating agencies at ';' and at a comma before a new agency, never inside one name", () => {
    const byOrder = new Map(rows.map((r) => [r.order, r]));
    expect(byOrder.get("4")!.coordinatingAgencies).toEqual(["Sở Tài chính", "UBND các huyện, thành phố"]);
    expect(byOrder.get("8")!.coordinatingAgencies).toEqual(["Viettel tỉnh", "VNPT tỉnh"]);
    expect(byOrder.get("9")!.coordinatingAgencies).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Tỉnh đoàn"]);
  });

  it("reports an indicator with no target in its words and a row with no result", () => {
    expect(draft.problems).toEqual([
      {
        code: "no_embedded_target",
        severity: "warning",
        message: 'Dòng 7: nội dung chỉ tiêu không ghi mức cần đạt (ví dụ "đạt tối thiểu 60%"); chỉ tiêu được ghi nhận là cần đánh giá.',
        text: "Triển khai nền tảng họp trực tuyến đến cấp xã",
        source: { line: 7 },
      },
      expect.objectContaining({ code: "empty_result", severity: "warning", message: "Dòng 14: chỉ tiêu chưa ghi kết quả thực hiện.", source: { line: 14 } }),
    ]);
    const byOrder = new Map(rows.map((r) => [r.order, r]));
    expect(byOrder.get("4")!.targetText).toBe("");
    expect(byOrder.get("9")!.resultText).toBeUndefined();
  });

  it("gives targets the grammar reads without errors", () => {
    for (const { targetText } of rows) expect(parseTarget(targetText).ok, targetText).toBe(true);
  });

  it("places every line", () => {
    expect(draft.stats).toEqual({ linesRead: 14, linesPlaced: 14, linesSkipped: 0 });
  });
});

describe("results reports: problems", () => {
  const header = row("TT", "Chỉ tiêu", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả thực hiện");

  it("refuses a row before the header, naming its line", () => {
    const draft = importResultsReport([row("1", "Tỷ lệ A đạt 100%", "Sở Y tế", "", "Đạt"), header].join("\n"));
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "row_before_header", source: { line: 1 } })]);
    expect(errors(draft)[0]!.message).toBe('Dòng 1: hàng nằm trước dòng tiêu đề "TT | Chỉ tiêu | Cơ quan chủ trì | …" nên không biết ô nào là cột nào.');
    expect(draft.stats).toEqual({ linesRead: 2, linesPlaced: 1, linesSkipped: 1 });
  });

  it("refuses a row without a lead agency and a row with an extra cell", () => {
    const draft = importResultsReport([header, row("1", "Tỷ lệ A đạt 100%", "", "Sở Y tế", "Đạt"), row("2", "Tỷ lệ B đạt 90%", "Sở Y tế", "", "Đạt", "thừa")].join("\n"));
    expect(errors(draft).map((problem) => [problem.code, problem.source?.line, problem.message])).toEqual([
      ["missing_cell", 2, 'Dòng 2: chỉ tiêu "Tỷ lệ A đạt 100%" không có cơ quan chủ trì nên không xếp được vào mục cơ quan nào.'],
      ["extra_cell", 3, "Dòng 3: hàng có 6 ô, dòng tiêu đề chỉ có 5 cột; không biết ô thừa thuộc cột nào."],
    ]);
    expect(draft.sections).toEqual([]);
  });

  it("refuses a header without the result column", () => {
    const draft = importResultsReport(row("TT", "Chỉ tiêu", "Cơ quan chủ trì"));
    expect(errors(draft).map((problem) => problem.message)).toEqual([
      'Dòng 1: dòng tiêu đề thiếu cột "Kết quả thực hiện".',
      'Không tìm thấy dòng tiêu đề "TT | Chỉ tiêu | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả thực hiện" (các cột cách nhau bằng dấu tab).',
    ]);
  });
});
