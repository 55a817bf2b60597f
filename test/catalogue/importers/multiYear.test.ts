import { describe, expect, it } from "vitest";
import { importMultiYearTable } from "../../../shared/catalogue/importers/multiYear";
import type { ImportDraft } from "../../../shared/catalogue/draft";
import { parseTarget } from "../../../shared/target/parse";

const row = (...cells: string[]) => cells.join("\t");

/** A plan's multi-year table as pasted from Excel: tabs between cells, the unit in its own column. */
const PLAN = [
  "Biểu 01. CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025",
  row("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện năm 2024", "Kế hoạch năm 2025", "Định hướng đến năm 2030", "Cơ quan theo dõi/chủ trì"),
  "1. Sở Khoa học và Công nghệ",
  "I. Chính quyền số",
  row("1", "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện", "%", "≥ 80", "85,2", "100", "100", "Sở Khoa học và Công nghệ"),
  row("2", "Tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến", "%", "≥ 50", "52,9", "≥ 70", "≥ 90", "Văn phòng UBND tỉnh"),
  row("3", "Tỷ lệ văn bản đi được ký số (trừ văn bản mật)", "%", "95", "97,4", "100", "100", "Sở Khoa học và Công nghệ"),
  row("4", "Số nền tảng số dùng chung của tỉnh được triển khai", "Nền tảng", "3", "3", "5", "10", "Sở Khoa học và Công nghệ"),
  "II. Kinh tế số",
  row("5", "Tỷ trọng kinh tế số trong GRDP", "%", "8", "7,6", "10", "20", "Thống kê tỉnh"),
  row("6", "Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "%", "40", "41,5", "≥ 50", "≥ 70", "Sở Công Thương"),
  "",
  "2. UBND các xã, phường",
  row("1", "Tỷ lệ dân số trưởng thành có tài khoản thanh toán", "%", "70", "72,3", "≥ 80", "≥ 90", "Ngân hàng Nhà nước Khu vực 5"),
  row("2", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang", "%", "85", "88,1", "≥ 90", "100", "Sở Khoa học và Công nghệ"),
  row("3", "Số lượt người dân được tập huấn kỹ năng số cơ bản", "Lượt người", "5.000", "6.240", "≥ 8.000", "", "Tỉnh đoàn"),
  row("4", "Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa", "%", "100", "96,8", "100", "100", "UBND các xã, phường"),
  row("5", "Tỷ lệ thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động", "%", "", "", "100", "100", "Sở Khoa học và Công nghệ"),
].join("\n");

function errors(draft: ImportDraft) {
  return draft.problems.filter((problem) => problem.severity === "error");
}

describe("multi-year plan tables", () => {
  const draft = importMultiYearTable(PLAN);

  it("reads the agency sections and this year from the header", () => {
    expect(draft.problems).toEqual([]);
    expect(draft.format).toBe("multi_year");
    expect(draft.header).toEqual({ year: 2025 });
    expect(draft.sections.map((section) => [section.order, section.heading, section.rows.length, section.source?.line])).toEqual([
      ["1", "Sở Khoa học và Công nghệ", 6, 3],
      ["2", "UBND các xã, phường", 5, 13],
    ]);
  });

  it("keeps this year's target as written beside its unit, last year's pair as history", () => {
    expect(draft.sections[0]!.rows[1]).toEqual({
      order: "2",
      text: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến",
      targetText: "≥ 70",
      unit: "%",
      history: [{ year: 2024, targetText: "≥ 50", resultText: "52,9" }],
      direction: "≥ 90",
      monitoringAgency: "Văn phòng UBND tỉnh",
      group: "I. Chính quyền số",
      source: { line: 6 },
    });
    expect(draft.sections[0]!.rows[4]).toMatchObject({ targetText: "10", history: [{ year: 2024, targetText: "8", resultText: "7,6" }], group: "II. Kinh tế số", monitoringAgency: "Thống kê tỉnh" });
  });

  it("keeps counts with their unit and Vietnamese thousands as written, and leaves out what is empty", () => {
    const [, , training, , community] = draft.sections[1]!.rows;
    expect(training).toEqual({
      order: "3",
      text: "Số lượt người dân được tập huấn kỹ năng số cơ bản",
      targetText: "≥ 8.000",
      unit: "Lượt người",
      history: [{ year: 2024, targetText: "5.000", resultText: "6.240" }],
      monitoringAgency: "Tỉnh đoàn",
      source: { line: 16 },
    });
    expect(community!.history).toBeUndefined();
    expect(community!.targetText).toBe("100");
  });

  it("gives targets the grammar reads with the unit column: '≥ 70' with '%' is at least 70%", () => {
    for (const { targetText, unit } of draft.sections.flatMap((section) => section.rows)) {
      const parsed = parseTarget(targetText, { unit });
      expect(parsed.ok, targetText).toBe(true);
    }
    expect(parseTarget("≥ 70", { unit: "%" })).toMatchObject({ ok: true, target: { kind: "percent", comparator: "gte", value: 70 } });
  });

  it("places every non-blank line", () => {
    expect(draft.stats).toEqual({ linesRead: 17, linesPlaced: 17, linesSkipped: 0 });
  });
});

describe("multi-year plan tables: problems", () => {
  const header = row("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Cơ quan theo dõi/chủ trì");

  it("refuses a row before the header, naming its line", () => {
    const draft = importMultiYearTable([row("1", "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 70", "Sở Y tế"), header, "1. Sở Y tế"].join("\n"));
    expect(errors(draft)).toEqual([
      {
        code: "row_before_header",
        severity: "error",
        message: 'Dòng 1: hàng nằm trước dòng tiêu đề "STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm …" nên không biết ô nào là cột nào.',
        text: "1 | Tỷ lệ hồ sơ trực tuyến | % | ≥ 70 | Sở Y tế",
        source: { line: 1 },
      },
    ]);
    expect(draft.stats).toEqual({ linesRead: 3, linesPlaced: 2, linesSkipped: 1 });
  });

  it("refuses a row before the first agency heading", () => {
    const draft = importMultiYearTable([header, row("1", "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 70", "Sở Y tế")].join("\n"));
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "row_before_section", source: { line: 2 } })]);
    expect(errors(draft)[0]!.message).toBe('Dòng 2: hàng nằm trước mục cơ quan đầu tiên (một dòng "1. Tên cơ quan").');
  });

  it("refuses a row with more cells than the header", () => {
    const draft = importMultiYearTable([header, "1. Sở Y tế", row("1", "Tỷ lệ hồ sơ trực tuyến", "%", "≥ 70", "Sở Y tế", "thừa")].join("\n"));
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "extra_cell", source: { line: 3 } })]);
    expect(errors(draft)[0]!.message).toBe("Dòng 3: hàng có 6 ô, dòng tiêu đề chỉ có 5 cột; không biết ô thừa thuộc cột nào.");
    expect(draft.sections[0]!.rows).toEqual([]);
  });

  it("refuses a header without a plan year, and warns about a column it does not know", () => {
    const noPlan = importMultiYearTable([row("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024"), "1. Sở Y tế"].join("\n"));
    expect(errors(noPlan).map((problem) => problem.code)).toEqual(["missing_column", "missing_header"]);
    const unknown = importMultiYearTable([row("STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Phân loại"), "1. Sở Y tế", row("1", "Tỷ lệ A", "100%", "B")].join("\n"));
    expect(unknown.problems).toEqual([
      {
        code: "unknown_column",
        severity: "warning",
        message: 'Dòng 1: cột "Phân loại" không thuộc bảng kế hoạch nhiều năm; nội dung cột này không được nhập.',
        text: "Phân loại",
        source: { line: 1 },
      },
    ]);
  });

  it("warns about a row with no target for this year", () => {
    const draft = importMultiYearTable([header, "1. Sở Y tế", row("1", "Tỷ lệ hồ sơ trực tuyến", "%", "", "Sở Y tế")].join("\n"));
    expect(draft.problems).toEqual([
      expect.objectContaining({ code: "empty_target", severity: "warning", message: 'Dòng 3: chỉ tiêu "Tỷ lệ hồ sơ trực tuyến" không có kế hoạch năm 2025; chỉ tiêu được ghi nhận là cần đánh giá.' }),
    ]);
    expect(draft.sections[0]!.rows[0]!.targetText).toBe("");
  });
});
