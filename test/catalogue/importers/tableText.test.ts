import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importDraftSchema, type ImportDraft } from "../../../shared/catalogue/draft";
import { importPdfText } from "../../../shared/catalogue/importers/pdfText";
import { importTableText } from "../../../shared/catalogue/importers/tableText";
import { parseTarget } from "../../../shared/target/parse";

/** One pasted row: cells joined by tabs. */
const row = (...cells: string[]): string => cells.join("\t");
const table = (...rows: string[]): string => rows.join("\n");

function problemsOf(draft: ImportDraft): Array<[string, string, number | undefined]> {
  return draft.problems.map((problem) => [problem.severity, problem.code, problem.source?.line]);
}

/** Sections and rows without their line numbers, which differ when the same rows sit at other lines. */
function withoutSources(draft: ImportDraft): unknown {
  return draft.sections.map(({ source: _section, rows, ...section }) => ({ ...section, rows: rows.map(({ source: _row, ...each }) => each) }));
}

function expectLinesAccounted(draft: ImportDraft): void {
  expect(draft.stats!.linesPlaced + draft.stats!.linesSkipped).toBe(draft.stats!.linesRead);
}

describe("table text: columns by name, sections, groups", () => {
  const draft = importTableText(
    table(
      // Columns in an unusual order, with the optional ones.
      row("Chỉ tiêu", "STT", "Nội dung", "Đơn vị tính", "Cơ quan chủ trì", "Cơ quan phối hợp", "Ghi chú"),
      "1. Sở Thông tin và Truyền thông",
      row("", "I", "HẠ TẦNG SỐ", "", "", "", ""),
      row(">70", "1", "Tỷ lệ hộ gia đình có đường truyền Internet cáp quang", "%", "Sở Thông tin và Truyền thông", "Sở Tài chính, Sở Văn hóa, Thể thao và Du lịch; UBND các huyện", "Số liệu của doanh nghiệp viễn thông"),
      // Excel wraps a cell holding a line break in quotes: this row spans lines 5 and 6.
      row("Tối thiểu 90%", "2", '"Tỷ lệ hồ sơ trực tuyến\ntrên tổng số hồ sơ"', "", "", "", ""),
      "II. CHÍNH QUYỀN SỐ",
      row("", "3", "Xây dựng cơ sở dữ liệu về đối tượng xuất khẩu lao động", "", "", "", ""),
      row("Tối thiểu 2 danh mục", "a", "Tham gia cung cấp dữ liệu mở", "", "", "", ""),
      "",
      "Sở Y tế",
      row("STT", "Nội dung chỉ tiêu, nhiệm vụ", "Giao kết quả thực hiện"),
      row("1", "Tỷ lệ bệnh viện triển khai bệnh án điện tử", "100%"),
      row("2.", "Tỷ lệ cơ sở khám, chữa bệnh thanh toán không dùng tiền mặt", "$\\geq 80\\%$"),
    ),
  );

  it("is a valid draft without a decision header", () => {
    expect(importDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft.format).toBe("table_text");
    expect(draft.header).toEqual({});
  });

  it("reads numbered and unnumbered single-cell lines as sections", () => {
    expect(draft.sections.map((section) => [section.order, section.heading, section.source?.line])).toEqual([
      ["1", "Sở Thông tin và Truyền thông", 2],
      ["2", "Sở Y tế", 11],
    ]);
  });

  it("maps the optional columns by their names and groups rows under headings with a non-numeric STT", () => {
    const [first, second, third, fourth] = draft.sections[0]!.rows;
    expect(first).toEqual({
      order: "1",
      text: "Tỷ lệ hộ gia đình có đường truyền Internet cáp quang",
      targetText: ">70",
      unit: "%",
      leadAgency: "Sở Thông tin và Truyền thông",
      coordinatingAgencies: ["Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện"],
      note: "Số liệu của doanh nghiệp viễn thông",
      group: "I. HẠ TẦNG SỐ",
      source: { line: 4 },
    });
    // Excel quotes a cell holding a line break; the row spans two lines and reads as one.
    expect(second).toMatchObject({ order: "2", text: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ", targetText: "Tối thiểu 90%", group: "I. HẠ TẦNG SỐ", source: { line: 5 } });
    expect(third).toMatchObject({ order: "3", targetText: "", group: "II. CHÍNH QUYỀN SỐ" });
    // A lettered STT with a target is an indicator, not a heading.
    expect(fourth).toMatchObject({ order: "a", targetText: "Tối thiểu 2 danh mục", group: "II. CHÍNH QUYỀN SỐ" });
  });

  it("reads a second header naming other columns, and keeps targets as written", () => {
    expect(draft.sections[1]!.rows).toEqual([
      { order: "1", text: "Tỷ lệ bệnh viện triển khai bệnh án điện tử", targetText: "100%", source: { line: 13 } },
      { order: "2", text: "Tỷ lệ cơ sở khám, chữa bệnh thanh toán không dùng tiền mặt", targetText: "$\\geq 80\\%$", source: { line: 14 } },
    ]);
    for (const each of draft.sections.flatMap((section) => section.rows)) expect(parseTarget(each.targetText).ok).toBe(true);
  });

  it("warns about the empty target and places every line, the quoted row counting as two", () => {
    expect(problemsOf(draft)).toEqual([["warning", "empty_target", 8]]);
    expect(draft.problems[0]!.message).toBe(
      'Dòng 8: ô chỉ tiêu của dòng STT 3 "Xây dựng cơ sở dữ liệu về đối tượng xuất khẩu lao động" để trống; chỉ tiêu này cần người đánh giá.',
    );
    expect(draft.stats).toEqual({ linesRead: 13, linesPlaced: 13, linesSkipped: 0 });
  });
});

describe("table text: errors that stop an import, each naming its line", () => {
  const HEADER = row("STT", "Nội dung", "Chỉ tiêu");

  it("no header row", () => {
    const draft = importTableText(table("1. Sở Tài chính", row("1", "Tỷ lệ văn bản đi được ký số", "100%"), row("2", "Tỷ lệ hồ sơ trực tuyến", "Tối thiểu 90%")));
    expect(problemsOf(draft)).toEqual([["error", "missing_header", 2]]);
    expect(draft.problems[0]!.message).toBe(
      "Dòng 2: chưa có dòng tiêu đề cột (STT | Nội dung | Chỉ tiêu) phía trên nên không biết cột nào là nội dung, cột nào là chỉ tiêu; dòng này và các dòng tiếp theo không được đọc cho đến khi có dòng tiêu đề.",
    );
    expect(draft.sections[0]!.rows).toEqual([]);
    expect(draft.stats).toEqual({ linesRead: 3, linesPlaced: 1, linesSkipped: 2 });
  });

  it("a header without a target column", () => {
    const draft = importTableText(table(row("STT", "Nội dung", "Ghi chú"), "1. Sở Tài chính", row("1", "Tỷ lệ văn bản đi được ký số", "")));
    expect(problemsOf(draft)).toEqual([["error", "missing_column", 1]]);
    expect(draft.problems[0]!.message).toBe("Dòng 1: dòng tiêu đề thiếu cột Chỉ tiêu; các dòng bên dưới không được đọc cho đến dòng tiêu đề đầy đủ tiếp theo.");
    expectLinesAccounted(draft);
  });

  it("a row with no indicator text", () => {
    const draft = importTableText(table(HEADER, "1. Sở Tài chính", row("1", "", "100%"), row("2", "Tỷ lệ hồ sơ trực tuyến", "Tối thiểu 90%")));
    expect(problemsOf(draft)).toEqual([["error", "missing_indicator_text", 3]]);
    expect(draft.problems[0]!.message).toBe("Dòng 3: dòng STT 1 không có nội dung chỉ tiêu.");
    expect(draft.stats).toEqual({ linesRead: 4, linesPlaced: 3, linesSkipped: 1 });
  });

  it("a row before any section", () => {
    const draft = importTableText(table(HEADER, row("1", "Tỷ lệ văn bản đi được ký số", "100%"), "1. Sở Tài chính", row("1", "Tỷ lệ hồ sơ trực tuyến", "Tối thiểu 90%")));
    expect(problemsOf(draft)).toEqual([["error", "row_before_section", 2]]);
    expect(draft.problems[0]!.message).toBe('Dòng 2: dòng STT 1 nằm trước tên cơ quan đầu tiên; hãy thêm một dòng "1. Tên cơ quan" phía trên.');
    expect(draft.sections[0]!.rows.map((each) => each.text)).toEqual(["Tỷ lệ hồ sơ trực tuyến"]);
    expectLinesAccounted(draft);
  });

  it("nothing to import", () => {
    const draft = importTableText("\n\n");
    expect(problemsOf(draft)).toEqual([["error", "no_sections", undefined]]);
    expect(draft.stats).toEqual({ linesRead: 0, linesPlaced: 0, linesSkipped: 0 });
  });
});

describe("table text: warnings", () => {
  it("reports an unknown column once and a cell outside every named column", () => {
    const draft = importTableText(
      table(
        row("STT", "Nội dung", "Chỉ tiêu", "Tiến độ"),
        "1. Sở Nội vụ",
        row("1", "Tỷ lệ hồ sơ lưu trữ được số hóa", "≥ 80%", "Quý II", "xem phụ lục"),
        row("STT", "Nội dung", "Chỉ tiêu", "Tiến độ"),
        row("2", "Tỷ lệ văn bản đi được ký số", "100%", "Quý IV"),
      ),
    );
    expect(problemsOf(draft)).toEqual([
      ["warning", "unknown_column", 1],
      ["warning", "unmapped_cell", 3],
    ]);
    expect(draft.problems[0]!.message).toMatch(/^Dòng 1: không nhận ra cột "Tiến độ"/);
    expect(draft.sections[0]!.rows.map((each) => each.targetText)).toEqual(["≥ 80%", "100%"]);
  });

  it("keeps a repeated section once", () => {
    const section = [row("STT", "Nội dung", "Chỉ tiêu"), "1. Sở Xây dựng", row("1", "Tỷ lệ văn bản đi được ký số", "100%")];
    const draft = importTableText(table(...section, ...section.slice(1)));
    expect(draft.sections).toHaveLength(1);
    expect(problemsOf(draft)).toEqual([["warning", "duplicate_section", 4]]);
    expect(draft.stats).toEqual({ linesRead: 5, linesPlaced: 3, linesSkipped: 2 });
  });
});

describe("table text: the Vĩnh Phúc appendix pasted as a table", () => {
  it("reads the same sections and rows as the PDF importer", () => {
    const seed = readFileSync(new URL("../../fixtures/seeds/003_4c92e75b607b6c87.txt", import.meta.url), "utf8");
    const pasted = importTableText(seed.split("\n").slice(63).join("\n"));
    const converted = importPdfText(seed);
    expect(withoutSources(pasted)).toEqual(withoutSources(converted));
    expect(pasted.sections.map((section) => section.rows.length)).toEqual(converted.sections.map((section) => section.rows.length));
    expect(problemsOf(pasted)).toEqual(problemsOf(converted).map(([severity, code, line]) => [severity, code, line! - 63]));
  });
});
