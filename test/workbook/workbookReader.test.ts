import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbookSheets } from "../../functions/workbook/workbookReader";
import { WorkbookRejectedError } from "../../functions/workbook/workbookRejection";
import { workbookWithSheet } from "../security/hostileFiles";

/** The guarded reader gives the shared importers the same cells Excel shows, whatever wrote the file. */

describe("reading cell values", () => {
  it("reads text, numbers, yes/no, dates, rich text, formulas and their errors as Excel shows them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Phụ lục");
    sheet.getCell("A1").value = "Tỷ lệ hồ sơ trực tuyến & \"đúng hạn\" <100%>";
    sheet.getCell("B1").value = 0.905;
    sheet.getCell("C1").value = true;
    sheet.getCell("D1").value = new Date(Date.UTC(2025, 5, 30));
    sheet.getCell("D1").numFmt = "dd/mm/yyyy";
    sheet.getCell("E1").value = { richText: [{ text: "Mức 4 " }, { text: "≥ 80%", font: { bold: true } }] };
    sheet.getCell("F1").value = { formula: "B1*100", result: 90.5 };
    sheet.getCell("G1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("B3").value = "Dòng 3";
    const hidden = workbook.addWorksheet("Ẩn", { state: "veryHidden" });
    hidden.getCell("A1").value = '{"x":1}';
    const sheets = await readWorkbookSheets(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheets.map((s) => s.name)).toEqual(["Phụ lục", "Ẩn"]);
    expect(sheets[0]!.rows).toEqual([
      ["Tỷ lệ hồ sơ trực tuyến & \"đúng hạn\" <100%>", 0.905, true, "2025-06-30", "Mức 4 ≥ 80%", 90.5, { error: "#DIV/0!" }],
      [null, null, null, null, null, null, null],
      [null, "Dòng 3", null, null, null, null, null],
    ]);
    expect(sheets[1]!.rows).toEqual([['{"x":1}']]);
  });

  it("reads inline strings, implicit cell positions and Excel's _xHHHH_ escapes", async () => {
    const sheets = await readWorkbookSheets(
      workbookWithSheet(
        '<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>Sở</t><r><t xml:space="preserve"> Y tế</t></r></is></c><c><v>7</v></c>' +
          '<c t="inlineStr"><is><t>a_x0009_b</t></is></c></row></sheetData>',
      ),
    );
    expect(sheets[0]!.rows).toEqual([
      [null, null, null, null],
      [null, "Sở Y tế", 7, "a\tb"],
    ]);
  });

  it("refuses a sheet past the limits before building its grid, naming the sheet", async () => {
    const refusal = await readWorkbookSheets(workbookWithSheet('<sheetData><row r="5"><c r="ZZ5"><v>1</v></c></row></sheetData>'), {
      maxRows: 100,
      maxColumns: 20,
      maxCells: 1000,
      maxGridCells: 10_000,
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WorkbookRejectedError);
    expect((refusal as WorkbookRejectedError).code).toBe("sheet_too_large");
    expect((refusal as WorkbookRejectedError).message).toContain('Trang tính "Báo cáo"');
  });
});
