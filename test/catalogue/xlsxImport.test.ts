import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importSheetRows } from "../../shared/catalogue/importers/sheetRows";
import { readXlsxSheets } from "../../functions/catalogue/xlsxSheets";
import { buildTemplate } from "../../functions/catalogue/template";

/** Fills the template as an officer would: decision details, two agency sections, one milestone column. */
async function filledTemplate(edit?: (appendix: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildTemplate()) as unknown as ArrayBuffer);
  const decision = workbook.getWorksheet("Quyết định")!;
  decision.getCell("B1").value = "1521/QĐ-UBND";
  decision.getCell("B2").value = new Date(Date.UTC(2025, 5, 30));
  decision.getCell("B3").value = "Phú Thọ";
  decision.getCell("B4").value = "Giao chỉ tiêu chuyển đổi số năm 2025";
  decision.getCell("B5").value = 2025;
  const appendix = workbook.getWorksheet("Phụ lục")!;
  appendix.getCell("A1").value = "1. Sở Tài chính";
  appendix.getCell("H2").value = "Chỉ tiêu đến 30/6/2025";
  appendix.getRow(3).values = ["1", "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận", "Tối thiểu 90%", "%", "", "", "", "80%"];
  appendix.getRow(4).values = ["2", "Tỷ lệ văn bản đi được ký số", "100%"];
  appendix.getRow(5).values = ["2. UBND các xã, phường"];
  appendix.getRow(6).values = ["1", "Tin, bài về chuyển đổi số", ">240 tin, bài/năm"];
  edit?.(appendix);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("xlsx appendix import", () => {
  it("imports a template filled by hand, with the decision details and milestones", async () => {
    const draft = importSheetRows(await readXlsxSheets(await filledTemplate()));
    expect(draft.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(draft.header).toMatchObject({ number: "1521/QĐ-UBND", date: "2025-06-30", province: "Phú Thọ", year: 2025 });
    expect(draft.sections.map((section) => [section.order, section.heading, section.rows.length])).toEqual([
      ["1", "Sở Tài chính", 2],
      ["2", "UBND các xã, phường", 1],
    ]);
    expect(draft.sections[0]!.rows[0]).toMatchObject({
      order: "1",
      targetText: "Tối thiểu 90%",
      unit: "%",
      milestones: [{ due: "2025-06-30", targetText: "80%" }],
      source: { sheet: "Phụ lục", row: 3 },
    });
    expect(draft.sections[1]!.rows[0]!.targetText).toBe(">240 tin, bài/năm");
  });

  it("reports a row with no indicator text, naming sheet and row", async () => {
    const draft = importSheetRows(await readXlsxSheets(await filledTemplate((sheet) => (sheet.getRow(7).values = ["2", "", "100%"]))));
    const errors = draft.problems.filter((problem) => problem.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "missing_indicator_text", source: { sheet: "Phụ lục", row: 7 } });
    expect(errors[0]!.message).toContain('Trang tính "Phụ lục", dòng 7');
  });

  it("reports a target cell holding a formula error", async () => {
    const buffer = await filledTemplate((sheet) => {
      sheet.getCell("C4").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    });
    const draft = importSheetRows(await readXlsxSheets(buffer));
    expect(draft.problems).toContainEqual(expect.objectContaining({ code: "formula_error", severity: "error", source: { sheet: "Phụ lục", row: 4 } }));
  });

  it("reports missing columns in the header row", async () => {
    const buffer = await filledTemplate((sheet) => {
      sheet.getCell("C2").value = "Ghi chú thêm";
    });
    const draft = importSheetRows(await readXlsxSheets(buffer));
    const missing = draft.problems.find((problem) => problem.code === "missing_column");
    expect(missing?.message).toMatch(/thiếu cột Chỉ tiêu/);
  });

  it("refuses a workbook with rows but no agency section", () => {
    const draft = importSheetRows([{ name: "Sheet1", rows: [["STT", "Nội dung", "Chỉ tiêu"], ["1", "Tỷ lệ", "90%"]] }]);
    expect(draft.sections).toEqual([]);
    expect(draft.problems.map((problem) => problem.code)).toContain("row_before_section");
  });
});
