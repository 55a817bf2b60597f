import { describe, expect, it } from "vitest";
import { specFromLayoutText } from "../../scripts/documentFixtures/fromLayoutText";
import type { SpecTable } from "../../scripts/documentFixtures/spec";

/**
 * The generator lays a layout's text out as the Word table it was typed from, so the Word and PDF fixtures look like
 * a province's: a header cell broken over two text lines is one cell, a second header line under empty cells is a
 * second header row, a body cell wrapped over lines is one cell.
 */
function onlyTable(text: string): SpecTable {
  const tables = specFromLayoutText("t", text).blocks.filter((block): block is SpecTable => block.kind === "table");
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

describe("layout text as a Word table", () => {
  it("keeps a header cell broken over two lines as one cell with its two lines", () => {
    const table = onlyTable(["STT\tChỉ tiêu\tKH 2025\tĐơn vị theo dõi,", "\t\t\tđánh giá", "1. Sở Y tế", "1\tTỷ lệ bệnh án điện tử\t100%\tSở Y tế"].join("\n"));
    expect(table.header).toEqual([[{ text: "STT" }, { text: "Chỉ tiêu" }, { text: "KH 2025" }, { text: "Đơn vị theo dõi,\nđánh giá" }]]);
    expect(table.rows).toEqual([{ heading: "1. Sở Y tế" }, { cells: ["1", "Tỷ lệ bệnh án điện tử", "100%", "Sở Y tế"] }]);
  });

  it("makes a second header line under empty cells a second header row, the group spanning its columns", () => {
    const table = onlyTable(["STT\tChỉ tiêu\tChỉ tiêu giao năm 2025\t\tGhi chú", "\t\tQuý I\tQuý II\t", "1\tTỷ lệ hồ sơ nộp trực tuyến\t>75%\t>80%"].join("\n"));
    expect(table.header).toEqual([
      [{ text: "STT", mergeDown: true }, { text: "Chỉ tiêu", mergeDown: true }, { text: "Chỉ tiêu giao năm 2025", span: 2 }, { text: "Ghi chú", mergeDown: true }],
      [{ text: "", covered: true }, { text: "", covered: true }, { text: "Quý I" }, { text: "Quý II" }, { text: "", covered: true }],
    ]);
    expect(table.rows).toEqual([{ cells: ["1", "Tỷ lệ hồ sơ nộp trực tuyến", ">75%", ">80%", ""] }]);
  });

  it("joins a body row's wrapped lines into its cells, and keeps a heading between rows a heading", () => {
    const table = onlyTable(
      ["TT\tChỉ tiêu\tCơ quan chủ trì\tKết quả", "1\tTỷ lệ hồ sơ được tiếp\tVăn phòng UBND\t65,3%", "\tnhận trực tuyến\ttỉnh", "II. KINH TẾ SỐ", "2\tTỷ trọng kinh tế số\tCục Thống kê\t7,8%"].join("\n"),
    );
    expect(table.rows).toEqual([
      { cells: ["1", "Tỷ lệ hồ sơ được tiếp nhận trực tuyến", "Văn phòng UBND tỉnh", "65,3%"] },
      { heading: "II. KINH TẾ SỐ" },
      { cells: ["2", "Tỷ trọng kinh tế số", "Cục Thống kê", "7,8%"] },
    ]);
  });
});
