import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importTaskTable } from "../../../shared/catalogue/importers/taskTable";
import type { DraftRow, ImportDraft } from "../../../shared/catalogue/draft";

const HUE = readFileSync(new URL("../../fixtures/seeds/002_0e8855a91181c30a.txt", import.meta.url), "utf8");

function errors(draft: ImportDraft) {
  return draft.problems.filter((problem) => problem.severity === "error");
}

function task(draft: ImportDraft, order: string): DraftRow {
  const found = draft.sections.flatMap((section) => section.rows).find((row) => row.order === order);
  if (!found) throw new Error(`no task ${order}`);
  return found;
}

describe("task table: Huế 106/KH-UBND, Phụ lục I", () => {
  const draft = importTaskTable(HUE);
  const tasks = draft.sections.flatMap((section) => section.rows);

  it("finds the 24 tasks of the seven groups, one section per lead agency", () => {
    expect(errors(draft)).toEqual([]);
    expect(tasks).toHaveLength(24);
    expect(tasks.map((row) => row.order).sort()).toEqual(
      ["I.1", "I.2", "I.3", "I.4", "I.5", "I.6", "II.1", "II.2", "III.1", "III.2", "IV.1", "IV.2", "IV.3", "V.1", "V.2", "V.3", "VI.1", "VI.2", "VI.3", "VII.1", "VII.2", "VII.3", "VII.4", "VII.5"].sort(),
    );
    expect(draft.sections.map((section) => [section.heading, section.rows.length])).toEqual([
      ["Sở Tài chính", 2],
      ["Văn phòng UBND thành phố", 3],
      ["Sở Khoa học và Công nghệ", 11],
      ["Sở Nội vụ", 1],
      ["Các Sở, ban, ngành", 3],
      ["Các Sở, ban, ngành, UBND cấp huyện, cấp xã", 1],
      ["Sở Tư pháp", 1],
      ["Công an thành phố", 1],
      ["Trung tâm Phục vụ HCC thành phố và Trung tâm HCC cấp huyện, Bộ phận Tiếp nhận và Trả kết quả cấp xã, Bưu điện các cấp", 1],
    ]);
    expect(draft.sections.every((section) => section.part === "Phụ lục I")).toBe(true);
    for (const section of draft.sections) expect(section.rows.every((row) => row.leadAgency === section.heading)).toBe(true);
  });

  it("reads a task with three coordinating agencies written one a line", () => {
    expect(task(draft, "I.1")).toEqual({
      order: "I.1",
      text:
        'Nghiên cứu, tham mưu Ủy ban nhân dân thành phố báo cáo, đề xuất Hội đồng nhân dân thành phố xem xét, ban hành chính sách thu lệ phí "0 đồng" đối với các dịch vụ công trực tuyến trên địa bàn thành phố',
      targetText: "Quý II/2025",
      deadlineText: "Quý II/2025",
      leadAgency: "Sở Tài chính",
      coordinatingAgencies: ["Sở Tư pháp", "Văn phòng UBND thành phố", "Sở Khoa học và Công nghệ"],
      group: "I. Thể chế, chính sách",
      source: { line: 112 },
    });
  });

  it("keeps each completion time exactly as written, and the note", () => {
    expect(task(draft, "I.4")).toMatchObject({ targetText: "Quý II/2025", coordinatingAgencies: ["Sở Tài chính", "Các quận, thị xã, huyện"] });
    expect(task(draft, "I.5")).toMatchObject({ leadAgency: "Sở Nội vụ", coordinatingAgencies: ["Sở Khoa học và Công nghệ"], targetText: "Quý I/2025" });
    expect(task(draft, "I.6")).toMatchObject({ targetText: "Hàng năm", deadlineText: "Hàng năm", note: "Kinh phí sự nghiệp" });
    expect(task(draft, "III.1")).toMatchObject({
      leadAgency: "Các Sở, ban, ngành",
      targetText: "Quý I/2025",
      note: "Bao gồm luôn quy trình đối với TTHC phân cấp cho cấp huyện, cấp xã.",
      group: "III. Quy trình số",
    });
    expect(task(draft, "IV.1")).toMatchObject({ targetText: "Tháng 3/2025", source: { line: 175 } });
    expect(task(draft, "IV.2")).toMatchObject({ leadAgency: "Các Sở, ban, ngành, UBND cấp huyện, cấp xã", targetText: "Tháng 4/2025" });
    expect(task(draft, "IV.3")).toMatchObject({ leadAgency: "Sở Tài chính", targetText: "Thường xuyên", note: "Kinh phí sự nghiệp" });
    expect(task(draft, "VI.3")).toMatchObject({ leadAgency: "Công an thành phố", coordinatingAgencies: ["Sở Khoa học và Công nghệ"], note: "Đầu tư công" });
    // "KInh" is the document's own typo: notes are kept as written.
    expect(task(draft, "VII.1")).toMatchObject({ targetText: "Năm 2025", coordinatingAgencies: ["UBND cấp huyện"], note: "KInh phí sự nghiệp" });
  });

  it("reads a coordinating cell broken over two lines, and says how", () => {
    expect(task(draft, "VII.4").coordinatingAgencies).toEqual(["Báo Huế ngày nay", "Đài PT-TH Huế"]);
    expect(draft.problems).toContainEqual({
      code: "joined_cell_lines",
      severity: "warning",
      message: 'Dòng 254: nhiệm vụ VII.4: dòng "Huế." được hiểu là phần tiếp theo của ô "Phối hợp" ở dòng 253 (cơ quan phối hợp: Báo Huế ngày nay; Đài PT-TH Huế).',
      source: { line: 254 },
    });
  });

  it("reports the task with no coordinating agency and the last task, cut off before its time", () => {
    expect(task(draft, "VII.3")).toMatchObject({ leadAgency: "Sở Khoa học và Công nghệ", targetText: "Thường xuyên" });
    expect(task(draft, "VII.3").coordinatingAgencies).toBeUndefined();
    expect(task(draft, "VII.5")).toEqual({
      order: "VII.5",
      text: "Tổ chức hướng dẫn trực tiếp cho người dân đăng ký hồ sơ dịch vụ công trực tuyến trên địa bàn thành phố khi đến nộp tại Bộ phận Một cửa các cấp",
      targetText: "",
      leadAgency: "Trung tâm Phục vụ HCC thành phố và Trung tâm HCC cấp huyện, Bộ phận Tiếp nhận và Trả kết quả cấp xã, Bưu điện các cấp",
      group: "VII. Công dân số",
      source: { line: 257 },
    });
    expect(draft.problems.map((problem) => [problem.code, problem.severity, problem.source?.line])).toEqual([
      ["empty_cell", "warning", 247],
      ["joined_cell_lines", "warning", 254],
      ["missing_cell", "warning", 257],
    ]);
    expect(draft.problems[0]!.message).toBe(
      'Dòng 247: nhiệm vụ VII.3 chỉ có một cơ quan trước thời gian hoàn thành: "Sở Khoa học và Công nghệ" được hiểu là cơ quan chủ trì, ô "Phối hợp" để trống.',
    );
    expect(draft.problems[2]!.message).toMatch(/^Dòng 257: nhiệm vụ VII\.5 \(".*"\) không có ô "Thời gian hoàn thành": .* \(dòng 259 là dòng cuối của nhiệm vụ\)\. Nhiệm vụ được ghi nhận với thời gian để trống; cần bổ sung theo văn bản gốc\.$/);
  });

  it("places every line from PHỤ LỤC I to the line before PHỤ LỤC II", () => {
    expect(draft.stats).toEqual({ linesRead: 159, linesPlaced: 159, linesSkipped: 0 });
  });
});

const HEADER = ["PHỤ LỤC I", "TT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Ghi chú"];

describe("task table: problems", () => {
  it("reads tasks without a group, with a name broken over two lines", () => {
    const draft = importTaskTable([...HEADER, "1", "Nâng cấp Hệ thống thông tin giải quyết", "thủ tục hành chính", "Sở Khoa học và Công nghệ", "- Sở Tài chính;", "- Sở Nội vụ.", "Quý III/2025"].join("\n"));
    expect(draft.problems).toEqual([]);
    expect(draft.sections[0]!.rows[0]).toEqual({
      order: "1",
      text: "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính",
      targetText: "Quý III/2025",
      deadlineText: "Quý III/2025",
      leadAgency: "Sở Khoa học và Công nghệ",
      coordinatingAgencies: ["Sở Tài chính", "Sở Nội vụ"],
      source: { line: 8 },
    });
  });

  it("reads on through a header repeated by a page break", () => {
    const draft = importTaskTable([...HEADER, "1", "Nâng cấp hạ tầng", "Sở Tài chính", "Sở Xây dựng", "Quý I/2025", ...HEADER.slice(1), "2", "Trang cấp thiết bị", "Công an thành phố", "Sở Tài chính", "Năm 2025"].join("\n"));
    expect(draft.problems).toEqual([]);
    expect(draft.sections.map((section) => [section.heading, section.rows[0]!.targetText])).toEqual([
      ["Sở Tài chính", "Quý I/2025"],
      ["Công an thành phố", "Năm 2025"],
    ]);
    expect(draft.stats).toEqual({ linesRead: 23, linesPlaced: 23, linesSkipped: 0 });
  });

  it("refuses a task with no lead agency, naming its line", () => {
    const draft = importTaskTable([...HEADER, "I", "Hạ tầng số", "1", "Nâng cấp hạ tầng dùng chung", "Quý I/2025", "2", "Trang cấp thiết bị", "Công an thành phố", "Sở Khoa học và Công nghệ", "Quý I/2025"].join("\n"));
    expect(errors(draft)).toEqual([
      {
        code: "missing_cell",
        severity: "error",
        message: 'Dòng 10: nhiệm vụ I.1 ("Nâng cấp hạ tầng dùng chung") không có cơ quan chủ trì nên không xếp được vào mục cơ quan nào; nhiệm vụ không được nhập.',
        source: { line: 10 },
      },
    ]);
    expect(draft.sections.map((section) => section.heading)).toEqual(["Công an thành phố"]);
    expect(draft.stats).toEqual({ linesRead: 17, linesPlaced: 14, linesSkipped: 3 });
  });

  it("refuses a task written before the header", () => {
    const draft = importTaskTable(["PHỤ LỤC I", "1", "Nâng cấp hạ tầng", "Sở Tài chính", "Quý I/2025", ...HEADER.slice(1)].join("\n"));
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "row_before_header", source: { line: 2 } })]);
    expect(errors(draft)[0]!.message).toMatch(/^Dòng 2: nhiệm vụ 1 nằm trước dòng tiêu đề của bảng/);
    expect(draft.sections).toEqual([]);
  });

  it("refuses a header without the lead or time column", () => {
    const draft = importTaskTable(["TT", "Tên nhiệm vụ", "Phối hợp", "Ghi chú", "1", "Nâng cấp hạ tầng", "Sở Tài chính", "Quý I/2025"].join("\n"));
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "missing_column", source: { line: 1 } })]);
    expect(errors(draft)[0]!.message).toBe('Dòng 1: bảng nhiệm vụ thiếu cột "Chủ trì", "Thời gian hoàn thành"; các nhiệm vụ không được nhập.');
    expect(draft.sections).toEqual([]);
  });

  it("refuses extra cells after the time when the table has no note column", () => {
    const draft = importTaskTable(["TT", "Tên nhiệm vụ", "Chủ trì", "Thời gian hoàn thành", "1", "Nâng cấp hạ tầng", "Sở Tài chính", "Quý I/2025", "Đầu tư công"].join("\n"));
    expect(errors(draft)).toEqual([expect.objectContaining({ code: "extra_cell", source: { line: 9 } })]);
  });

  it("says so when the text has no task table", () => {
    expect(errors(importTaskTable("1. Cấp Sở\nSTT\nĐơn vị"))).toEqual([expect.objectContaining({ code: "no_task_table" })]);
  });
});
