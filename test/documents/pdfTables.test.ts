import { describe, expect, it } from "vitest";
import type { PdfLine } from "../../functions/documents/pdfLines";
import { isHeaderStart, readPdfTable } from "../../functions/documents/pdfTables";

/**
 * Tables as Word prints them to PDF: no padding between rows (a row starts where its number is), cells that wrap,
 * a header drawn again on the next page and a row that goes on past the page break.
 */
const COLUMNS = [62, 100, 420];
const SIZE = 12;

function line(page: number, y: number, cells: Array<string | undefined>): PdfLine {
  const segments = cells.flatMap((text, column) => (text ? [{ text, x: COLUMNS[column]!, y, width: text.length * 5, height: SIZE }] : []));
  return { page, y, height: SIZE, segments };
}

describe("a table rebuilt from text positions", () => {
  it("joins wrapped cells, keeps one header, continues a row across a page break and stops at the next paragraph", () => {
    const lines: PdfLine[] = [
      line(1, 700, ["STT", "Nội dung chỉ tiêu", "Chỉ tiêu"]),
      line(1, 686, ["1", "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ", "Tối thiểu"]),
      line(1, 672, [undefined, "tiếp nhận, giải quyết thủ tục hành chính", "90%"]),
      line(1, 658, ["2", "Tỷ lệ văn bản đi được ký số theo", "100%"]),
      line(2, 780, ["STT", "Nội dung chỉ tiêu", "Chỉ tiêu"]),
      line(2, 766, [undefined, "đúng quy định"]),
      line(2, 752, ["3", "Tỷ lệ cơ quan họp trực tuyến", ">60%"]),
      { page: 2, y: 720, height: SIZE, segments: [{ text: "Nơi nhận:", x: 57, y: 720, width: 40, height: SIZE }] },
    ];
    expect(isHeaderStart(lines[0]!)).toBe(true);
    const table = readPdfTable(lines, 0, () => 595);
    expect(table.rows).toEqual([
      ["STT", "Nội dung chỉ tiêu", "Chỉ tiêu"],
      ["1", "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính", "Tối thiểu 90%"],
      ["2", "Tỷ lệ văn bản đi được ký số theo đúng quy định", "100%"],
      ["3", "Tỷ lệ cơ quan họp trực tuyến", ">60%"],
    ]);
    expect(table.end).toBe(7);
  });

  it("reads a section heading merged across the row as a row of its own, and a heading that wraps as one", () => {
    const lines: PdfLine[] = [
      line(1, 700, ["STT", "Nội dung chỉ tiêu", "Chỉ tiêu"]),
      line(1, 686, ["1. SỞ THÔNG TIN VÀ TRUYỀN THÔNG, BAN QUẢN LÝ CÁC KHU"]),
      line(1, 672, ["CÔNG NGHIỆP"]),
      line(1, 658, ["1", "Tỷ lệ văn bản ký số", "100%"]),
    ];
    expect(readPdfTable(lines, 0, () => 595).rows).toEqual([
      ["STT", "Nội dung chỉ tiêu", "Chỉ tiêu"],
      ["1. SỞ THÔNG TIN VÀ TRUYỀN THÔNG, BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP", "", ""],
      ["1", "Tỷ lệ văn bản ký số", "100%"],
    ]);
  });
});

describe("two header rows without padding between them", () => {
  it("tells the milestone row from the titles spanning it", () => {
    const xs = [40, 70, 160, 200, 240];
    const at = (page: number, y: number, cells: Array<string | undefined>): PdfLine => ({
      page,
      y,
      height: 8,
      segments: cells.flatMap((text, column) => (text ? [{ text, x: xs[column]!, y, width: 30, height: 8 }] : [])),
    });
    const lines = [
      at(1, 500, ["STT", "Đơn vị", "Hồ sơ nộp"]),
      at(1, 490, [undefined, undefined, "trực tuyến"]),
      at(1, 480, [undefined, undefined, "Chỉ tiêu đến", "Chỉ tiêu đến", "Chỉ tiêu đến"]),
      at(1, 470, [undefined, undefined, "31/3/2025", "30/6/2025", "31/12/2025"]),
      at(1, 460, ["1", "Sở Công Thương", ">95%", ">95%", ">95%"]),
    ];
    expect(readPdfTable(lines, 0, () => 842).rows).toEqual([
      ["STT", "Đơn vị", "Hồ sơ nộp trực tuyến", "", ""],
      ["", "", "Chỉ tiêu đến 31/3/2025", "Chỉ tiêu đến 30/6/2025", "Chỉ tiêu đến 31/12/2025"],
      ["1", "Sở Công Thương", ">95%", ">95%", ">95%"],
    ]);
  });

  it("drops the first header row drawn again on the next page when only it repeats, and goes on with the row cut by the break", () => {
    const xs = [40, 70, 200, 240, 280, 320];
    const at = (page: number, y: number, cells: Array<string | undefined>): PdfLine => ({
      page,
      y,
      height: 8,
      segments: cells.flatMap((text, column) => (text ? [{ text, x: xs[column]!, y, width: 30, height: 8 }] : [])),
    });
    const lines = [
      at(1, 500, ["STT", "Chỉ tiêu", "Chỉ tiêu giao năm 2025", undefined, undefined, "Ghi chú"]),
      at(1, 490, [undefined, undefined, "Quý I", "Quý II", "Quý III"]),
      at(1, 480, ["1", "Tỷ lệ hồ sơ nộp trực tuyến", ">75%", ">75%", ">80%"]),
      at(1, 470, ["2", "Tỷ lệ thanh toán trực tuyến trên Cổng", ">35%", ">45%", ">50%", "Tính trên hồ sơ"]),
      at(2, 780, ["STT", "Chỉ tiêu", "Chỉ tiêu giao năm 2025", undefined, undefined, "Ghi chú"]),
      at(2, 770, [undefined, "Dịch vụ công quốc gia", undefined, undefined, undefined, "có phát sinh phí"]),
      at(2, 760, ["3", "Tỷ lệ cấp kết quả điện tử", "80%", "90%", "95%"]),
    ];
    expect(readPdfTable(lines, 0, () => 842).rows).toEqual([
      ["STT", "Chỉ tiêu", "Chỉ tiêu giao năm 2025", "", "", "Ghi chú"],
      ["", "", "Quý I", "Quý II", "Quý III", ""],
      ["1", "Tỷ lệ hồ sơ nộp trực tuyến", ">75%", ">75%", ">80%", ""],
      ["2", "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia", ">35%", ">45%", ">50%", "Tính trên hồ sơ có phát sinh phí"],
      ["3", "Tỷ lệ cấp kết quả điện tử", "80%", "90%", "95%", ""],
    ]);
  });
});
