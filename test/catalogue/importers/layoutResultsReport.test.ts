import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importResultsReport } from "../../../shared/catalogue/importers/resultsReport";
import { parseTarget } from "../../../shared/target/parse";

const REPORT = readFileSync(new URL("../../fixtures/layouts/bao-cao-ket-qua-pdf.txt", import.meta.url), "utf8");
const row = (...cells: string[]) => cells.join("\t");

describe("results report converted from PDF, every cell broken over several lines", () => {
  const draft = importResultsReport(REPORT);
  const rows = draft.sections.flatMap((section) => section.rows);
  const byOrder = new Map(rows.map((r) => [r.order, r]));

  it("reads the report's header and the header row broken over two lines", () => {
    // Row 5 ("Triển khai nền tảng họp trực tuyến đến cấp xã") states no level to reach: a person judges it.
    expect(draft.problems.map((problem) => [problem.code, problem.source?.line])).toEqual([["no_embedded_target", 23]]);
    expect(draft.header).toEqual({
      number: "312/BC-UBND",
      date: "2025-01-15",
      province: "Bắc Giang",
      title: "Kết quả thực hiện các chỉ tiêu chuyển đổi số năm 2024",
      year: 2024,
    });
  });

  it("joins each row's lines cell by cell, and places every line", () => {
    expect(rows.map((r) => r.order)).toEqual(["1", "4", "2", "3", "5", "9", "10", "6", "7", "8", "11"]);
    expect(byOrder.get("1")).toEqual({
      order: "1",
      text: "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến đạt tỷ lệ tối thiểu 60%",
      targetText: "đạt tỷ lệ tối thiểu 60%",
      leadAgency: "Văn phòng UBND tỉnh",
      coordinatingAgencies: ["Các sở, ban, ngành", "UBND các huyện, thành phố"],
      resultText: "65,3%",
      group: "I. CHÍNH QUYỀN SỐ",
      source: { line: 13 },
    });
    expect(byOrder.get("3")).toMatchObject({ leadAgency: "Sở Thông tin và Truyền thông", coordinatingAgencies: ["Viễn thông Bắc Giang"], targetText: "đạt 100%" });
    expect(byOrder.get("6")).toMatchObject({ coordinatingAgencies: ["Sở Kế hoạch và Đầu tư"], targetText: "đạt trên 95%", group: "II. KINH TẾ SỐ" });
    expect(byOrder.get("7")).toMatchObject({ leadAgency: "Ngân hàng Nhà nước chi nhánh tỉnh", resultText: "Không đạt (65,8%)" });
    expect(byOrder.get("11")).toMatchObject({ text: "Tỷ lệ cơ sở y tế thanh toán viện phí không dùng tiền mặt đạt tối thiểu 90%", leadAgency: "Sở Y tế" });
    expect(draft.sections.map((section) => section.heading)).toEqual([
      "Văn phòng UBND tỉnh",
      "Sở Thông tin và Truyền thông",
      "Cục Thuế tỉnh",
      "Ngân hàng Nhà nước chi nhánh tỉnh",
      "Cục Thống kê tỉnh",
      "Sở Y tế",
    ]);
    expect(draft.stats).toEqual({ linesRead: 38, linesPlaced: 38, linesSkipped: 0 });
  });

  it("gives targets the grammar reads", () => {
    for (const { targetText } of rows) expect(parseTarget(targetText).ok, targetText).toBe(true);
  });
});

describe("results report from PDF: lines that cannot be placed", () => {
  const header = row("TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ước thực hiện năm 2024");

  it("reports a continuation that lost its tabs instead of guessing its cell", () => {
    const draft = importResultsReport([header, row("1", "Tỷ lệ hồ sơ trực tuyến đạt", "Sở Tư pháp", "", "Đạt"), "tối thiểu 60%", row("2", "Tỷ lệ văn bản ký số đạt 100%", "Sở Tư pháp", "", "Đạt")].join("\n"));
    expect(draft.problems).toEqual([
      {
        code: "unaligned_continuation",
        severity: "error",
        message: "Dòng 3: dòng này có vẻ là phần tiếp theo của hàng ở dòng 2 nhưng không còn dấu tab nên không biết thuộc ô nào; hãy ghép vào đúng ô theo văn bản gốc.",
        text: "tối thiểu 60%",
        source: { line: 3 },
      },
      expect.objectContaining({ code: "no_embedded_target", source: { line: 2 } }),
    ]);
    expect(draft.stats).toEqual({ linesRead: 4, linesPlaced: 3, linesSkipped: 1 });
    expect(draft.header).toEqual({ year: 2024 });
  });

  it("warns when a line without a number looks like a row of its own, and says where it was joined", () => {
    const draft = importResultsReport([header, row("1", "Tỷ lệ văn bản ký số đạt 100%", "Sở Tư pháp", "", "Đạt"), row("", "Tỷ lệ hồ sơ trực tuyến đạt 60%", "Sở Y tế", "", "Đạt")].join("\n"));
    expect(draft.problems.map((problem) => [problem.code, problem.severity, problem.message])).toEqual([
      ["joined_row", "warning", "Dòng 3: dòng không có số thứ tự được nối vào hàng ở dòng 2; nếu đây là một chỉ tiêu riêng, hãy ghi số thứ tự rồi nhập lại."],
    ]);
    expect(draft.sections[0]!.rows[0]!.text).toBe("Tỷ lệ văn bản ký số đạt 100% Tỷ lệ hồ sơ trực tuyến đạt 60%");
  });

  it("names the span of a joined row that cannot be placed", () => {
    const draft = importResultsReport([header, row("1", "Tỷ lệ văn bản ký số", "", "", "Đạt"), row("", "đạt 100%")].join("\n"));
    expect(draft.problems).toEqual([
      expect.objectContaining({ code: "missing_cell", message: 'Dòng 2: chỉ tiêu "Tỷ lệ văn bản ký số đạt 100%" (dòng 2–3) không có cơ quan chủ trì nên không xếp được vào mục cơ quan nào.' }),
    ]);
    expect(draft.stats).toEqual({ linesRead: 3, linesPlaced: 1, linesSkipped: 2 });
  });
});

describe("results report converted from PDF over a page break: the header drawn again on the next page", () => {
  const lines = REPORT.split("\n");
  const headerAt = lines.findIndex((line) => line.startsWith("TT\t"));
  const [first, second] = [lines[headerAt]!, lines[headerAt + 1]!];
  // Row 10 goes on over two lines; the page breaks between them, or just after the row.
  const cutAt = lines.findIndex((line) => line.startsWith("\tthông minh đạt trên 85%"));
  const plain = importResultsReport(REPORT);
  const rowsOf = (draft: ReturnType<typeof importResultsReport>) => draft.sections.map((section) => [section.heading, section.rows.map(({ source: _line, ...r }) => r)]);

  it.each([
    ["both header lines, inside a row", [first, second], cutAt],
    ["only the first header line, inside a row", [first], cutAt],
    ["both header lines, between rows", [first, second], cutAt + 1],
    ["only the first header line, between rows", [first], cutAt + 1],
  ])("passes over %s and goes on with the row", (_, repeated, at) => {
    const draft = importResultsReport([...lines.slice(0, at), ...repeated, ...lines.slice(at)].join("\n"));
    expect(draft.problems).toEqual(plain.problems);
    expect(rowsOf(draft)).toEqual(rowsOf(plain));
    expect(draft.sections.flatMap((section) => section.rows).find((r) => r.order === "10")).toMatchObject({
      text: "Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt trên 85%",
      leadAgency: "Sở Thông tin và Truyền thông",
      coordinatingAgencies: ["Các doanh nghiệp viễn thông"],
    });
    expect(draft.stats).toEqual({ linesRead: plain.stats!.linesRead + repeated.length, linesPlaced: plain.stats!.linesPlaced + repeated.length, linesSkipped: 0 });
  });
});
