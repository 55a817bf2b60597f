import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importMultiYearTable } from "../../../shared/catalogue/importers/multiYear";
import { decisionFromHeader } from "../../../shared/catalogue/decision";

const PLAN = readFileSync(new URL("../../fixtures/layouts/ke-hoach-nhieu-nam.txt", import.meta.url), "utf8");
const row = (...cells: string[]) => cells.join("\t");

describe("multi-year plan with other column names (KH 2025, Ước TH 2024, ĐVT, Định hướng 2030, Đơn vị theo dõi)", () => {
  const draft = importMultiYearTable(PLAN);
  const rows = draft.sections.flatMap((section) => section.rows);

  it("reads the plan's header paragraph and this year from the columns", () => {
    expect(draft.problems).toEqual([]);
    expect(draft.header).toEqual({ number: "58/KH-UBND", date: "2025-02-20", province: "Hà Tĩnh", title: "Chuyển đổi số tỉnh Hà Tĩnh năm 2025", year: 2025 });
    expect(decisionFromHeader(draft.header)).toMatchObject({ decision: { id: "ha-tinh-58-kh-ubnd", year: 2025 } });
  });

  it("places every row under its agency, with its group", () => {
    expect(draft.sections.map((section) => [section.heading, section.rows.length])).toEqual([
      ["Sở Khoa học và Công nghệ", 8],
      ["Sở Y tế", 3],
      ["UBND các xã, phường", 3],
    ]);
    expect(draft.stats).toEqual({ linesRead: 33, linesPlaced: 33, linesSkipped: 0 });
  });

  it("maps each renamed column to its meaning, the monitoring header broken over two lines", () => {
    expect(rows[1]).toEqual({
      order: "2",
      text: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến",
      targetText: "≥ 70",
      unit: "%",
      history: [{ year: 2024, targetText: "≥ 50", resultText: "56,1" }],
      direction: "≥ 90",
      monitoringAgency: "Văn phòng UBND tỉnh",
      group: "I. CHÍNH QUYỀN SỐ",
      source: { line: 17 },
    });
    const beds = rows.find((candidate) => candidate.text === "Số bệnh viện triển khai bệnh án điện tử")!;
    expect(beds).toMatchObject({ targetText: "≥ 10", unit: "Bệnh viện", history: [{ year: 2024, targetText: "5", resultText: "4" }] });
    expect(beds.direction).toBeUndefined();
  });
});

describe("multi-year plan: two-row headers", () => {
  it("reads 'Năm 2024' over 'Kế hoạch | Ước thực hiện' and 'Năm 2025' over 'Kế hoạch'", () => {
    const text = [
      row("STT", "Nội dung chỉ tiêu", "Đơn vị tính", "Năm 2024", "", "Năm 2025", "Mục tiêu đến năm 2030", "Cơ quan chủ trì"),
      row("", "", "", "Kế hoạch", "Ước thực hiện", "Kế hoạch", "", ""),
      "1. Sở Tư pháp",
      row("1", "Tỷ lệ hồ sơ lý lịch tư pháp được cấp trực tuyến", "%", "50", "61,5", "≥ 70", "≥ 90", "Sở Tư pháp"),
    ].join("\n");
    const draft = importMultiYearTable(text);
    expect(draft.problems).toEqual([]);
    expect(draft.header).toEqual({ year: 2025 });
    expect(draft.sections[0]!.rows[0]).toEqual({
      order: "1",
      text: "Tỷ lệ hồ sơ lý lịch tư pháp được cấp trực tuyến",
      targetText: "≥ 70",
      unit: "%",
      history: [{ year: 2024, targetText: "50", resultText: "61,5" }],
      direction: "≥ 90",
      monitoringAgency: "Sở Tư pháp",
      source: { line: 4 },
    });
  });

  it("reports a column it does not read once the header is complete, never dropping it silently", () => {
    const text = [row("STT", "Tên chỉ tiêu", "ĐVT", "KH 2025", "Nguồn số liệu"), "1. Sở Y tế", row("1", "Tỷ lệ A", "%", "100", "Báo cáo")].join("\n");
    const draft = importMultiYearTable(text);
    expect(draft.problems).toEqual([
      expect.objectContaining({ code: "unknown_column", severity: "warning", message: 'Dòng 1: cột "Nguồn số liệu" không thuộc bảng kế hoạch nhiều năm; nội dung cột này không được nhập.' }),
    ]);
  });
});

describe("multi-year plan converted from PDF: long cells broken over several lines", () => {
  const header = row("STT", "Chỉ tiêu", "ĐVT", "KH 2025", "Định hướng 2030", "Đơn vị theo dõi");
  const text = [
    header,
    "1. Sở Khoa học và Công nghệ",
    row("1", "Tỷ lệ dịch vụ công trực tuyến toàn trình trên", "%", "100", "100", "Sở Khoa học và"),
    row("", "tổng số thủ tục hành chính có đủ điều kiện", "", "", "", "Công nghệ"),
    row("", "II. KINH TẾ SỐ"),
    row("2", "Tỷ trọng kinh tế số trong GRDP", "%", "12", "30", "Thống kê tỉnh"),
    row("", "- Trong đó: kinh tế số lõi", "%", "5", "10", "Thống kê tỉnh"),
  ].join("\n");
  const draft = importMultiYearTable(text);

  it("joins a line holding only text to the row above, and keeps a line with values of its own as a row", () => {
    expect(draft.problems).toEqual([]);
    expect(draft.sections[0]!.rows.map((r) => [r.order, r.text, r.targetText, r.monitoringAgency, r.group])).toEqual([
      ["1", "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện", "100", "Sở Khoa học và Công nghệ", undefined],
      ["2", "Tỷ trọng kinh tế số trong GRDP", "12", "Thống kê tỉnh", "II. KINH TẾ SỐ"],
      ["3", "- Trong đó: kinh tế số lõi", "5", "Thống kê tỉnh", "II. KINH TẾ SỐ"],
    ]);
    expect(draft.stats).toEqual({ linesRead: 7, linesPlaced: 7, linesSkipped: 0 });
  });
});

describe("multi-year plan converted from PDF over a page break: the header drawn again on the next page", () => {
  const first = row("STT", "Chỉ tiêu", "ĐVT", "KH 2025", "Định hướng 2030", "Đơn vị theo dõi,");
  const second = row("", "", "", "", "", "đánh giá");
  const before = [first, second, "1. Sở Y tế", row("1", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", "≥ 90", "100", "Sở Y tế"), row("2", "Số bệnh viện triển khai bệnh án điện", "Bệnh viện", "≥ 10", "", "Sở Y tế")];
  const after = [row("", "tử"), row("3", "Tỷ lệ cơ sở y tế thanh toán không dùng tiền mặt", "%", "100", "100", "Sở Y tế")];
  const rowsOf = (text: string) => importMultiYearTable(text).sections.map((section) => [section.heading, section.rows.map((r) => [r.order, r.text, r.targetText])]);
  const whole = rowsOf([...before, ...after].join("\n"));

  it.each([
    ["its two lines", [first, second]],
    ["only its first line", [first]],
  ])("passes over %s and goes on with the row the break cut", (_, repeated) => {
    const draft = importMultiYearTable([...before, ...repeated, ...after].join("\n"));
    expect(draft.problems).toEqual([]);
    expect(rowsOf([...before, ...repeated, ...after].join("\n"))).toEqual(whole);
    expect(whole[0]![1]![1]).toEqual(["2", "Số bệnh viện triển khai bệnh án điện tử", "≥ 10"]);
    expect(draft.stats).toEqual({ linesRead: 7 + repeated.length, linesPlaced: 7 + repeated.length, linesSkipped: 0 });
  });

  it("reports a lower-case fragment that follows no row instead of making it an agency", () => {
    const draft = importMultiYearTable([...before, "II. KINH TẾ SỐ", ...after].join("\n"));
    expect(draft.sections.map((section) => section.heading)).toEqual(["Sở Y tế"]);
    expect(draft.problems).toEqual([expect.objectContaining({ code: "unaligned_continuation", severity: "error", text: "tử", source: { line: 7 } })]);
    expect(draft.stats).toEqual({ linesRead: 8, linesPlaced: 7, linesSkipped: 1 });
  });
});
