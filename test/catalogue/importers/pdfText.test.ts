import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importDraftSchema, type ImportDraft } from "../../../shared/catalogue/draft";
import { importPdfText } from "../../../shared/catalogue/importers/pdfText";
import { parseTarget } from "../../../shared/target/parse";

const seed = (name: string): string => readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url), "utf8");
const PHU_THO = seed("000_631dd23ab7c0a6ab.txt");
const VINH_PHUC = seed("003_4c92e75b607b6c87.txt");

/** Non-blank lines from a 1-based line to the end: what the importer must account for. */
function nonBlankFrom(text: string, line: number): number {
  return text.split("\n").slice(line - 1).filter((each) => each.trim() !== "").length;
}

function rowAt(draft: ImportDraft, line: number) {
  const row = draft.sections.flatMap((section) => section.rows).find((each) => each.source?.line === line);
  if (!row) throw new Error(`no row at line ${line}`);
  return row;
}

function expectEveryTargetReadable(draft: ImportDraft): void {
  for (const row of draft.sections.flatMap((section) => section.rows)) {
    const parsed = parseTarget(row.targetText);
    expect(parsed.ok, `${row.source?.line}: ${row.targetText}`).toBe(true);
  }
}

describe("Phú Thọ 1521/QĐ-UBND: a table whose columns the conversion ran together", () => {
  const draft = importPdfText(PHU_THO);

  it("is a valid draft", () => {
    expect(importDraftSchema.safeParse(draft).success).toBe(true);
    expect(draft.format).toBe("pdf_text");
  });

  it("reads the header from the opening lines", () => {
    expect(draft.header).toEqual({
      number: "1521/QĐ-UBND",
      date: "2025-10-24",
      province: "Phú Thọ",
      issuer: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
      title:
        "Về việc giao chỉ tiêu, nhiệm vụ chuyển đổi số năm 2025 cho Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, phường trên địa bàn tỉnh Phú Thọ",
      year: 2025,
    });
  });

  it("finds the 17 sections of the appendix, 10 written twice, 14 with a leading space, and none of the body", () => {
    expect(draft.sections.map((section) => [section.order, section.heading, section.source?.line])).toEqual([
      ["1", "Ban Quản lý các Khu công nghiệp", 85],
      ["2", "Công an tỉnh", 111],
      ["3", "Sở Công Thương", 142],
      ["4", "Sở Dân tộc và Tôn giáo", 168],
      ["5", "Sở Giáo dục và Đào tạo", 192],
      ["6", "Sở Khoa học và Công nghệ", 221],
      ["7", "Sở Nội vụ", 274],
      ["8", "Sở Nông nghiệp và Môi trường", 306],
      ["9", "Sở Tài chính", 337],
      ["10", "Sở Tư pháp", 370],
      ["10", "Thanh tra tỉnh", 404],
      ["11", "Sở Văn hóa, Thể thao và Du lịch", 420],
      ["12", "Văn phòng UBND tỉnh", 447],
      ["13", "Sở Xây dựng", 504],
      ["14", "Sở Y tế", 530],
      ["15", "Sở Ngoại vụ", 562],
      ["16", "UBND các xã, phường", 587],
    ]);
  });

  it("reads every row of every section, page headers in the middle of a table included", () => {
    // Counted in the file: the last STT of each section, every number from 1 present.
    expect(draft.sections.map((section) => section.rows.length)).toEqual([7, 10, 7, 6, 8, 12, 9, 8, 8, 9, 2, 7, 9, 7, 9, 6, 6]);
    for (const section of draft.sections) {
      expect(section.rows.map((row) => row.order)).toEqual(section.rows.map((_, index) => String(index + 1)));
    }
    // Công an tỉnh row 9 and Văn phòng UBND tỉnh row 2 come right after a repeated page header.
    expect(rowAt(draft, 137)).toMatchObject({ order: "9", text: "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", targetText: "100%" });
    expect(rowAt(draft, 460).targetText).toBe("100%");
  });

  it("joins a row's text broken over lines and takes the target from the end of its last line", () => {
    expect(rowAt(draft, 92)).toEqual({
      order: "2",
      text: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính",
      targetText: "Tối thiểu 90%",
      source: { line: 92 },
    });
    expect(rowAt(draft, 199)).toMatchObject({ text: "Tỷ lệ trường học thực hiện thanh toán không dùng tiền mặt", targetText: "100%" });
    // The text carries a percentage of its own; the target is the one at the end.
    expect(rowAt(draft, 375)).toMatchObject({
      text: "Hoàn thành 100% việc rà soát, phê duyệt dữ liệu hộ tịch và chuyển sang phần mềm hộ tịch điện tử",
      targetText: "100%",
    });
    expect(rowAt(draft, 311)).toMatchObject({
      text: "Điều chỉnh Đề án đo đạc bản đồ địa chính, lập hồ sơ địa chính, xây dựng cơ sở dữ liệu đất đai trên địa bàn tỉnh.",
      targetText: "Đề án",
    });
  });

  it("joins a target broken over lines with single spaces, keeping its own spacing", () => {
    expect(rowAt(draft, 226)).toMatchObject({
      order: "1",
      text:
        "Tham mưu ban hành Nghị quyết của HĐND tỉnh quy định thẩm quyền quyết định việc đầu tư, mua sắm các hoạt động ứng dụng " +
        "công nghệ thông tin sử dụng kinh phí chi thường xuyên nguồn vốn ngân sách nhà nước trên địa bàn tỉnh Phú Thọ",
      targetText: "Nghị quyết của HĐND tỉnh",
    });
    // The target starts at the end of the text line and goes on below it; "2030" belongs to the text.
    expect(rowAt(draft, 242)).toMatchObject({
      text: "Kế hoạch phát triển hạ tầng số tỉnh Phú Thọ đến năm 2030",
      targetText: "Kế hoạch của UBND tỉnh",
    });
    expect(rowAt(draft, 342)).toMatchObject({
      text: "Tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
      targetText: "Tối thiểu 1% tổng chi ngân sách",
    });
    expect(rowAt(draft, 452)).toMatchObject({
      text: "Duy trì chuyên mục chuyển đổi số trên Cổng Thông tin điện tử tỉnh Phú Thọ",
      targetText: "Tối thiểu 200 tin, bài/ năm",
    });
    expect(rowAt(draft, 409).targetText).toBe("Tối thiểu 90%");
    expect(rowAt(draft, 483).targetText).toBe("Quyết định của UBND tỉnh");
  });

  it("reports the repeated section number and nothing else", () => {
    expect(draft.problems.map((problem) => [problem.severity, problem.code, problem.source?.line])).toEqual([["warning", "section_order", 404]]);
    expect(draft.problems[0]!.message).toBe(
      'Dòng 404: mục "10. Thanh tra tỉnh" có cùng số thứ tự 10 với mục "10. Sở Tư pháp" ở dòng 370; mục vẫn được nhập như một cơ quan riêng — hãy kiểm tra số thứ tự trong văn bản.',
    );
  });

  it("places every line of the appendix, from its title (line 77) to the end", () => {
    expect(PHU_THO.split("\n")[76]!.trim()).toBe("PHỤ LỤC");
    const appendixLines = nonBlankFrom(PHU_THO, 77);
    expect(draft.stats).toEqual({ linesRead: appendixLines, linesPlaced: appendixLines, linesSkipped: 0 });
    expect(draft.stats!.linesPlaced + draft.stats!.linesSkipped).toBe(draft.stats!.linesRead);
  });

  it("gives targets the grammar reads as rules", () => {
    expectEveryTargetReadable(draft);
    for (const row of draft.sections.flatMap((section) => section.rows)) {
      const parsed = parseTarget(row.targetText);
      expect(parsed.ok && parsed.target.kind, row.targetText).not.toBe("manual");
    }
  });
});

describe("Vĩnh Phúc 488/QĐ-CT: a table that kept its tabs", () => {
  const draft = importPdfText(VINH_PHUC);

  it("is a valid draft", () => {
    expect(importDraftSchema.safeParse(draft).success).toBe(true);
  });

  it("takes the number and date missing from the opening from the appendix's 'Ban hành kèm theo' line", () => {
    expect(draft.header).toEqual({
      number: "488/QĐ-CT",
      date: "2022-03-14",
      province: "Vĩnh Phúc",
      issuer: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC",
      title:
        "Về việc giao nhiệm vụ, chỉ tiêu chuyển đổi số cho thủ trưởng các cơ quan, Chủ tịch UBND các huyện, thành phố trên địa bàn tỉnh Vĩnh Phúc",
      year: 2022,
    });
  });

  it("finds the 25 sections of the appendix with their headings as written, OCR slips included", () => {
    expect(draft.sections.map((section) => `${section.order}. ${section.heading}`)).toEqual([
      "1. SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
      "2. SƠ KẾ HOẠCH VÀ ĐẦU TƯ",
      "3. SỞ TÀI CHÍNH",
      "4. SỞ NỘI VỤ",
      "5. SƠ NGOẠI VỤ",
      "6. SỞ TƯ PHÁP",
      "7. SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "8. SƠ Y TẾ",
      "9. SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
      "10. SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
      "11. SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "12. SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
      "13. SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
      "14. SỞ CÔNG THƯƠNG",
      "15. SỞ GIAO THÔNG VẬN TẢI",
      "16. SƠ XÂY DỰNG",
      "17. VĂN PHÒNG UBND TỈNH",
      "18. BẢN ĐÂN TỘC",
      "19. THANH TRA TỈNH",
      "20. BẢN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
      "21. NGÂN HÀNG NHÀ NƯỚC TỈNH",
      "22. CỤC THUẾ TỈNH",
      "23. BẢO HIỂM XÃ HỘI TỈNH",
      "24. HIỆP HỘI DOANH NGHIỆP TỈNH",
      "25. UBND CÁC HUYỆN, THÀNH PHỐ",
    ]);
    // The body's "1. Lãnh đạo, chỉ đạo…" (line 31) is a paragraph, not an agency.
    expect(draft.sections[0]!.source?.line).toBe(64);
  });

  it("reads every row, across repeated page headers", () => {
    expect(draft.sections.map((section) => section.rows.length)).toEqual([
      29, 15, 16, 15, 13, 17, 24, 18, 15, 17, 15, 16, 19, 14, 14, 15, 13, 13, 9, 14, 8, 11, 11, 7, 14,
    ]);
    expect(rowAt(draft, 86)).toMatchObject({ order: "18", targetText: "Mức 4 ≥ 80%" });
  });

  it("keeps targets exactly as written: LaTeX, spacing, free text, an empty cell", () => {
    expect(rowAt(draft, 303)).toMatchObject({
      order: "10",
      text: "Tỷ lệ công chức, viên chức trong cơ quan được gắn định danh số trong xử lý công việc (email công vụ, chữ ký số đối với cán bộ có thẩm quyền ký ban hành văn bản...)",
      targetText: "$>95\\%$",
    });
    expect(rowAt(draft, 297).targetText).toBe("Mức 4 $\\geq 30\\%$");
    expect(rowAt(draft, 76).targetText).toBe("> 95%");
    expect(rowAt(draft, 70).targetText).toBe(">100.000 lượt sử dụng các dịch vụ khác nhau");
    expect(rowAt(draft, 274).targetText).toBe("Thực hiện theo lộ trình của Bộ LD-TB&XH");
    expect(rowAt(draft, 275)).toMatchObject({ order: "3", text: "Xây dựng cơ sở dữ liệu về đổi tượng xuất khẩu lao động", targetText: "" });
  });

  it("keeps the repeated '3. SỞ TÀI CHÍNH' once and reports it, and the empty target cell", () => {
    expect(draft.sections.filter((section) => section.heading === "SỞ TÀI CHÍNH")).toHaveLength(1);
    expect(draft.sections[2]!.source?.line).toBe(118);
    expect(draft.problems.map((problem) => [problem.severity, problem.code, problem.source?.line])).toEqual([
      ["warning", "empty_target", 275],
      ["warning", "duplicate_section", 546],
    ]);
    expect(draft.problems[1]!.message).toBe('Dòng 546: mục "3. SỞ TÀI CHÍNH" lặp lại mục ở dòng 118; chỉ giữ mục ở dòng 118, bỏ 18 dòng của mục lặp.');
  });

  it("accounts for every line of the appendix: the repeated section's 18 lines are the skipped ones", () => {
    expect(VINH_PHUC.split("\n")[56]).toBe("Phụ lục:");
    const appendixLines = nonBlankFrom(VINH_PHUC, 57);
    expect(draft.stats).toEqual({ linesRead: appendixLines, linesPlaced: appendixLines - 18, linesSkipped: 18 });
    expect(draft.stats!.linesPlaced + draft.stats!.linesSkipped).toBe(draft.stats!.linesRead);
  });

  it("gives targets the grammar reads without errors", () => {
    expectEveryTargetReadable(draft);
  });
});

describe("PDF text: what the seeds do not show", () => {
  const lines = (...text: string[]): string => text.join("\n");
  const HEADER = "STT Nội dung chỉ tiêu, nhiệm vụ Giao kết quả thực hiện";

  it("reports a repeated section whose rows differ, row by row", () => {
    const draft = importPdfText(
      lines(
        "PHỤ LỤC",
        "1. Sở Tài chính",
        HEADER,
        "1 Tỷ lệ văn bản đi được ký số 100%",
        "2. Sở Y tế",
        HEADER,
        "1 Tỷ lệ bệnh án điện tử 100%",
        "1. Sở Tài chính",
        HEADER,
        "1 Tỷ lệ văn bản đi được ký số Tối thiểu 90%",
        "2 Tỷ lệ hồ sơ trực tuyến 100%",
      ),
    );
    expect(draft.sections.map((section) => section.heading)).toEqual(["Sở Tài chính", "Sở Y tế"]);
    expect(draft.sections[0]!.rows.map((row) => row.targetText)).toEqual(["100%"]);
    expect(draft.problems.map((problem) => [problem.code, problem.source?.line])).toEqual([
      ["duplicate_section", 8],
      ["duplicate_section_differs", 10],
      ["duplicate_section_differs", 11],
    ]);
    expect(draft.problems[1]!.message).toBe(
      'Dòng 10: dòng STT 1 của mục lặp "1. Sở Tài chính" khác dòng 4 của mục đầu tiên (chỉ tiêu "Tối thiểu 90%" thay vì "100%"); đã giữ dòng 4 — hãy kiểm tra.',
    );
    expect(draft.stats).toEqual({ linesRead: 11, linesPlaced: 7, linesSkipped: 4 });
  });

  it("reports a line it cannot place, a row whose target it cannot find, and a gap in the numbering", () => {
    const draft = importPdfText(
      lines(
        "Phụ lục:",
        "1. Sở Tư pháp",
        "Ghi chú: các chỉ tiêu tính đến 31/12",
        HEADER,
        "1 Tỷ lệ hồ sơ trực tuyến Tối thiểu 90%",
        "3 Thực hiện theo lộ trình của Bộ",
      ),
    );
    expect(draft.problems.map((problem) => [problem.severity, problem.code, problem.source?.line])).toEqual([
      ["warning", "unplaced_line", 3],
      ["warning", "missing_target", 6],
      ["warning", "row_order", 6],
    ]);
    expect(draft.problems[0]!.message).toMatch(/^Dòng 3: không nhận ra dòng "Ghi chú: các chỉ tiêu tính đến 31\/12" trong mục "1. Sở Tư pháp"/);
    expect(draft.sections[0]!.rows[1]).toMatchObject({ order: "3", text: "Thực hiện theo lộ trình của Bộ", targetText: "" });
    expect(draft.stats).toEqual({ linesRead: 6, linesPlaced: 5, linesSkipped: 1 });
  });

  it("finds the appendix by its first table when there is no 'PHỤ LỤC' line", () => {
    const draft = importPdfText(lines("Điều 2. Tổ chức thực hiện.", "1. Lãnh đạo, chỉ đạo thực hiện.", "", "1. Sở Nội vụ", "", HEADER, "1 Tỷ lệ văn bản ký số 100%"));
    expect(draft.sections.map((section) => [section.heading, section.source?.line])).toEqual([["Sở Nội vụ", 4]]);
    expect(draft.stats).toEqual({ linesRead: 3, linesPlaced: 3, linesSkipped: 0 });
  });

  it("stops with an error when there is no appendix at all", () => {
    const draft = importPdfText(lines("QUYẾT ĐỊNH", "Về việc giao chỉ tiêu năm 2025", "Điều 1. Giao chỉ tiêu."));
    expect(draft.sections).toEqual([]);
    expect(draft.problems.map((problem) => [problem.severity, problem.code])).toEqual([["error", "missing_appendix"]]);
    expect(draft.header).toEqual({ title: "Về việc giao chỉ tiêu năm 2025", year: 2025 });
  });
});
