import { describe, expect, it } from "vitest";
import { SUMMARY_HEADERS } from "../../../shared/sheet/report/summary";
import { ExcelWorkbook, SLICE_SIZE } from "../../../addin/excel/excelWorkbook";
import { BINDING_SETTING } from "../../../addin/excel/workbookPort";
import { planReportTable, type PlannedCell, type ReportTablePlan } from "../../../addin/report/planReportTable";
import { cellInput } from "../../../shared/sheet/cell";
import { isoDateToExcelSerial } from "../../../shared/period/excelDate";
import type { PeriodAssignments } from "../../../shared/report/periodAssignments";
import { readReportRows, REPORT_SHEET_NAME } from "../../../shared/report/reportTable";
import { demoView, largeView, sampleAggregate, sampleReceipt } from "../report/fixtures";
import { excelMock, hostMock } from "./excelMock";

const KPI = { verdictMode: "kpi", functionNamespace: "KPI" } as const;

/** What Excel's values and formulas of the used range would be once the plan is written and `typed` filled in. */
function usedRangeOf(plan: ReportTablePlan, typed: (row: number, column: number) => string | number | undefined = () => undefined) {
  const value = (cell: PlannedCell) => ("formula" in cell ? "" : cellInput(cell));
  const rows = plan.rows.map((row, r) => row.cells.map((cell, c) => typed(r, c) ?? value(cell)));
  const formulas = plan.rows.map((row, r) => row.cells.map((cell, c) => typed(r, c) ?? cellInput(cell)));
  const title = plan.title.map((line) => [line, "", "", "", "", "", "", "", ""]);
  return {
    values: [...title, plan.header, ...rows],
    formulas: [...title, plan.header, ...formulas],
    rowIndex: 0,
    columnIndex: 0,
  };
}

describe("ExcelWorkbook on office-addin-mock", () => {
  it("writes a 200-row table in at most 3 syncs, with values, formulas and formats in one range", async () => {
    const base = largeView(200);
    const view: PeriodAssignments = {
      ...base,
      assignments: base.assignments.map((a, index) => (index === 7 ? { ...a, text: "=1+1 không phải công thức" } : a)),
    };
    const plan = planReportTable(view, undefined, KPI);
    const excel = excelMock();
    const { host, store, calls } = hostMock();
    const result = await new ExcelWorkbook({ run: excel.run, host: () => host }).writeReportTable(plan);

    expect(result).toEqual({});
    expect(excel.syncs()).toBeLessThanOrEqual(3);
    expect(excel.syncs()).toBe(2);
    expect(excel.added).toEqual([REPORT_SHEET_NAME]);
    const [table] = excel.range(REPORT_SHEET_NAME, "A5:M205");
    expect(table).toBeDefined();
    expect(table.formulas).toHaveLength(201);
    expect(table.formulas[0]).toEqual(plan.header);
    expect(table.formulas[1][6]).toBe('=IF(AND(ISNUMBER(E6),ISNUMBER(F6),F6>0),E6/F6,"")');
    expect(table.formulas[200][7]).toBe("=KPI.STATUS(G205,D205)");
    expect(table.formulas[200][1]).toBe("T-200");
    expect(table.numberFormat[1][6]).toBe("0.0%");
    // Written as text: the cell is formatted "@" before the value goes in.
    expect(table.formulas[8][2]).toBe("=1+1 không phải công thức");
    expect(table.numberFormat[8][2]).toBe("@");

    const [title] = excel.range(REPORT_SHEET_NAME, "A1:A4");
    expect(title.formulas).toEqual(plan.title.map((line) => [line]));
    const [parts] = excel.range(REPORT_SHEET_NAME, "E6:F205");
    const validated = excel.range(REPORT_SHEET_NAME, "E6:F205").find((range) => range.dataValidation.rule);
    expect(parts).toBeDefined();
    expect(validated.dataValidation.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(validated.dataValidation.errorAlert).toMatchObject({ showAlert: true, style: "Stop", message: "Tử số và mẫu số phải là số không âm." });
    const percent = excel.range(REPORT_SHEET_NAME, "G6:G205").find((range) => range.dataValidation.rule);
    expect(percent.dataValidation.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
    // The evidence date is checked as a date, written as a formula so that no locale misreads the bounds.
    const issued = excel.range(REPORT_SHEET_NAME, "K6:K205").find((range) => range.dataValidation.rule);
    expect(issued.dataValidation.rule).toEqual({ date: { formula1: "=DATE(2000,1,1)", formula2: "=DATE(2100,12,31)", operator: "Between" } });
    expect(issued.dataValidation.prompt).toMatchObject({ showPrompt: true, message: "Ngày ban hành văn bản minh chứng, dạng dd/mm/yyyy." });
    const header = excel.range(REPORT_SHEET_NAME, "A5:M5").find((range) => range.format.fill.color);
    expect(header.format.fill.color).toBe("#DCE6F1");
    expect(header.format.font.bold).toBe(true);
    expect(excel.range(REPORT_SHEET_NAME, "C:C")[0].format.columnWidth).toBeGreaterThan(100);
    expect(excel.frozen[REPORT_SHEET_NAME]).toEqual({ rows: 5 });
    // Printed as the offline form prints: A4 landscape, one page wide, the header row on every page.
    expect(excel.pageLayouts[REPORT_SHEET_NAME]).toMatchObject({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$5:$5",
    });
    expect(excel.range(REPORT_SHEET_NAME, "A1:I1")[0].merged).toEqual({ across: false });
    expect(excel.range(REPORT_SHEET_NAME, "1:1")[0].format.rowHeight).toBeGreaterThanOrEqual(24);
    expect(excel.activated()).toBe(REPORT_SHEET_NAME);

    expect(calls.saves).toBe(1);
    expect(store.get(BINDING_SETTING)).toEqual(plan.binding);
  });

  it("reads a 200-row table in at most 3 syncs, and the grid reads and merges", async () => {
    const view = largeView(200);
    const plan = planReportTable(view, undefined, KPI);
    const { host, store } = hostMock();
    store.set(BINDING_SETTING, plan.binding);
    // The officer typed parts in every row and a note in the last.
    const typed = (row: number, column: number) => (column === 4 ? 3 : column === 5 ? 4 : row === 199 && column === 8 ? "xong" : undefined);
    const used = usedRangeOf(plan, typed);
    used.values.forEach((row, r) => {
      if (r > 4) row[6] = 0.75;
    });
    const excel = excelMock({ sheets: { [REPORT_SHEET_NAME]: used } });

    const reading = await new ExcelWorkbook({ run: excel.run, host: () => host }).readReportTable();
    expect(excel.syncs()).toBeLessThanOrEqual(3);
    expect(excel.syncs()).toBe(2);
    expect(reading).toBeDefined();
    expect(reading!.grid).toHaveLength(205);
    expect(reading!.origin).toEqual({ row: 0, column: 0 });
    expect(reading!.binding).toEqual(plan.binding);
    expect(reading!.formulas[5]![6]).toBe('=IF(AND(ISNUMBER(E6),ISNUMBER(F6),F6>0),E6/F6,"")');

    const values = readReportRows(reading!.grid, view.assignments, { binding: reading!.binding!, origin: reading!.origin });
    expect(values.problems).toEqual([]);
    expect(values.values).toHaveLength(200);
    expect(values.values[199]).toEqual({ assignmentId: view.assignments[199]!.assignmentId, actual: 0.75, numerator: 3, denominator: 4, note: "xong" });

    const again = planReportTable(view, reading, KPI);
    expect(again.changes.kept).toBe(200);
    expect(again.rows[0]!.cells[6]).toMatchObject({ formula: expect.stringContaining("E6/F6") });
  });

  it("re-pulls 200 rows (read, merge, write) in 3 syncs in all, and records a 200-value receipt after the read in 3", async () => {
    const view = largeView(200);
    const plan = planReportTable(view, undefined, KPI);
    const { host, store } = hostMock();
    store.set(BINDING_SETTING, plan.binding);
    const excel = excelMock({ sheets: { [REPORT_SHEET_NAME]: usedRangeOf(plan, (_row, column) => (column === 6 ? 0.9 : undefined)) } });
    const workbook = new ExcelWorkbook({ run: excel.run, host: () => host });

    const merged = planReportTable(view, await workbook.readReportTable(), KPI);
    expect(merged.changes.kept).toBe(200);
    await workbook.writeReportTable(merged);
    expect(excel.syncs()).toBe(3);
    expect(excel.added).toEqual([]);

    await workbook.readReportTable();
    await workbook.writeReceipt(sampleReceipt(view), plan.binding);
    expect(excel.syncs()).toBe(6);
  });

  it("still writes when the sheet was deleted between reading and writing", async () => {
    const view = largeView(20);
    const plan = planReportTable(view, undefined, KPI);
    const excel = excelMock({ sheets: { [REPORT_SHEET_NAME]: usedRangeOf(plan) } });
    const { host } = hostMock();
    const workbook = new ExcelWorkbook({ run: excel.run, host: () => host });
    await workbook.readReportTable();
    excel.removeSheet(REPORT_SHEET_NAME);
    await workbook.writeReportTable(planReportTable(view, undefined, KPI));
    expect(excel.added).toEqual([REPORT_SHEET_NAME]);
  });

  it("reads date cells as ISO days and formula errors as errors", async () => {
    const used = {
      values: [["Mã", "Kết quả"], ["CDS-001", isoDateToExcelSerial("2025-06-30")], ["CDS-002", "#DIV/0!"]],
      valueTypes: [["String", "String"], ["String", "Double"], ["String", "Error"]],
      numberFormat: [["General", "General"], ["@", "dd/mm/yyyy"], ["@", "General"]],
      rowIndex: 2,
      columnIndex: 1,
    };
    const excel = excelMock({ sheets: { [REPORT_SHEET_NAME]: used, Khác: used }, active: "Khác" });
    const workbook = new ExcelWorkbook({ run: excel.run, host: () => hostMock().host });
    const reading = await workbook.readReportTable();
    expect(reading!.grid).toEqual([["Mã", "Kết quả"], ["CDS-001", "2025-06-30"], ["CDS-002", { error: "#DIV/0!" }]]);
    expect(reading!.origin).toEqual({ row: 2, column: 1 });
    expect(reading!.binding).toBeUndefined();
    // The number formats come with the values, in the same two syncs: a rate in a General cell reads differently.
    expect(reading!.numberFormats).toEqual(used.numberFormat);
    expect(excel.syncs()).toBe(2);

    const sheet = await workbook.readActiveSheet();
    expect(sheet.name).toBe("Khác");
    expect(sheet.rows).toHaveLength(5);
    expect(sheet.rows[3]).toEqual([null, "CDS-001", "2025-06-30"]);
  });

  it("writes the officer's percent answers as fractions with a percent format, in one sync", async () => {
    const excel = excelMock({ sheets: { [REPORT_SHEET_NAME]: { values: [["Mã"]], rowIndex: 0, columnIndex: 0 } } });
    const workbook = new ExcelWorkbook({ run: excel.run, host: () => hostMock().host });
    await workbook.writePercentAnswers([
      { cell: "G7", fraction: 0.92 },
      { cell: "G9", fraction: 0.005 },
    ]);
    expect(excel.syncs()).toBe(1);
    const [g7] = excel.range(REPORT_SHEET_NAME, "G7");
    expect(g7).toMatchObject({ numberFormat: [["0.0%"]], values: [[0.92]] });
    expect(excel.range(REPORT_SHEET_NAME, "G9")[0]).toMatchObject({ numberFormat: [["0.0%"]], values: [[0.005]] });
  });

  it("says in Vietnamese when the answers cannot be written because the sheet is gone", async () => {
    const workbook = new ExcelWorkbook({ run: excelMock().run, host: () => hostMock().host });
    await expect(workbook.writePercentAnswers([{ cell: "G7", fraction: 0.92 }])).rejects.toThrow(/^Chưa ghi được câu trả lời vào trang "Báo cáo"/);
  });

  it("says there is no table when the sheet is missing", async () => {
    const excel = excelMock();
    expect(await new ExcelWorkbook({ run: excel.run, host: () => hostMock().host }).readReportTable()).toBeUndefined();
    expect(excel.syncs()).toBe(1);
  });

  it("moves a table of another report aside under a free name", async () => {
    const q3 = planReportTable(demoView("so-tai-chinh", "2025-Q3"), undefined, KPI);
    const existing = usedRangeOf(q3, (_row, column) => (column === 6 ? 0.5 : undefined));
    const plan = planReportTable(demoView(), { grid: existing.values, binding: q3.binding }, KPI);
    const excel = excelMock({ sheets: { [REPORT_SHEET_NAME]: existing, "Báo cáo 2025-Q3": null } });
    const result = await new ExcelWorkbook({ run: excel.run, host: () => hostMock().host }).writeReportTable(plan);
    expect(result).toEqual({ archivedAs: "Báo cáo 2025-Q3 (2)" });
    expect(excel.renames()).toEqual([{ from: REPORT_SHEET_NAME, to: "Báo cáo 2025-Q3 (2)" }]);
    expect(excel.added).toEqual([REPORT_SHEET_NAME]);
    expect(excel.syncs()).toBeLessThanOrEqual(3);
  });

  it("writes the receipt block and the province's verdicts in one batch", async () => {
    const view = demoView();
    const plan = planReportTable(view, undefined, KPI);
    const excel = excelMock({ sheets: { [REPORT_SHEET_NAME]: usedRangeOf(plan) } });
    await new ExcelWorkbook({ run: excel.run, host: () => hostMock().host }).writeReceipt(sampleReceipt(view, true), plan.binding);
    expect(excel.syncs()).toBeLessThanOrEqual(3);
    const [block] = excel.range(REPORT_SHEET_NAME, "J1:K4");
    expect(block.formulas).toEqual([
      ["Số biên nhận", "BN-2025-000123"],
      ["Phiên bản", "2"],
      ["Thời gian nộp", "10:05 ngày 19/12/2025 (giờ Việt Nam)"],
      ["Tình trạng", "Nộp muộn (hạn 20/12/2025)"],
    ]);
    const [column] = excel.range(REPORT_SHEET_NAME, `N5:N${5 + view.assignments.length}`);
    expect(column.formulas.slice(0, 4)).toEqual([["Đánh giá của tỉnh"], ["Đạt"], ["Không đạt"], [""]]);
    expect(excel.range(REPORT_SHEET_NAME, "N6").find((range) => range.format.fill.color)?.format.fill.color).toBe("#C6EFCE");

    const missing = excelMock();
    await expect(new ExcelWorkbook({ run: missing.run, host: () => hostMock().host }).writeReceipt(sampleReceipt(view), plan.binding)).rejects.toThrow(
      /Không tìm thấy trang "Báo cáo"/,
    );
  });

  it("replaces the summary and matrix sheets with the server's plans, and charts the met rate of each agency", async () => {
    // "Ma trận (2)" is left from a pull of a decision with more indicators: this one has one block only.
    const old = { values: [["cũ"]], rowIndex: 0, columnIndex: 0 };
    const excel = excelMock({ sheets: { "Tổng hợp": old, "Ma trận (2)": old } });
    await new ExcelWorkbook({ run: excel.run, host: () => hostMock().host }).writeAggregate(sampleAggregate());
    expect(excel.syncs()).toBeLessThanOrEqual(3);
    expect(excel.renames()).toHaveLength(1);
    expect(excel.renames()[0]!.to).toMatch(/^_kpi0 /);
    expect(excel.deleted).toEqual(["Tổng hợp", "Ma trận (2)"]);
    expect(excel.added).toEqual(["Tổng hợp", "Ma trận (1)"]);
    expect(excel.activated()).toBe("Tổng hợp");
    // The columns of report.xlsx's summary: met and assigned as two numbers, the rate as a percentage.
    const [table] = excel.range("Tổng hợp", "A8:H8");
    expect(table.formulas[0]).toEqual([...SUMMARY_HEADERS]);
    const [rows] = excel.range("Tổng hợp", "A9:H10");
    expect(rows.formulas.map((row: unknown[]) => row.slice(0, 7))).toEqual([
      [1, "Sở Tài chính", "Đã nộp đúng hạn", 1, 1, 2, 0.5],
      [2, "Sở Nội vụ", "Chưa nộp", "", 0, 1, 0],
    ]);
    expect(rows.numberFormat[0].slice(4, 7)).toEqual(["#,##0", "#,##0", "0%"]);
    expect(excel.charts).toHaveLength(1);
    expect(excel.charts[0]).toMatchObject({ type: "BarClustered", source: "G9:G10", seriesBy: "Columns" });
    expect(excel.charts[0].series.items[0]).toMatchObject({ categories: "B9:B10", name: "Tỷ lệ đạt" });
    expect(excel.charts[0].title.text).toBe("Tỷ lệ chỉ tiêu đạt theo cơ quan");
    expect(excel.frozen["Tổng hợp"]).toEqual({ at: "A1:B8" });
    // Printed as the download prints it: the header row and the agency's columns on every page, the sheet in the footer.
    expect(excel.pageLayouts["Tổng hợp"]).toMatchObject({ paperSize: "A4", orientation: "Landscape", printTitleRows: "$8:$8", printTitleColumns: "$A:$B" });
    expect(excel.pageLayouts["Tổng hợp"].headersFooters.defaultForAllPages).toMatchObject({
      leftFooter: "Tổng hợp — 1521/QĐ-UBND — Quý IV/2025",
      rightFooter: "Trang &P / &N",
    });
    // The matrix colours each verdict as the download does.
    const verdicts = excel.ranges.filter((entry) => entry.sheet === "Ma trận (1)" && entry.range.format.fill.color === "#FFC7CE");
    expect(verdicts.length).toBeGreaterThan(0);
  });

  it("reads the file in slices, reports progress and always closes it", async () => {
    const bytes = Uint8Array.from({ length: 10 }, (_, index) => index * 3);
    const { host, calls } = hostMock({ file: { bytes, sliceSize: 4 } });
    const progress: Array<[number, number]> = [];
    const read = await new ExcelWorkbook({ run: excelMock().run, host: () => host }).readDocumentBytes((done, total) => progress.push([done, total]));
    expect(read).toEqual(bytes);
    expect(progress).toEqual([[0, 10], [4, 10], [8, 10], [10, 10]]);
    expect(calls).toMatchObject({ fileType: "compressed", sliceSize: SLICE_SIZE, closes: 1 });

    const failing = hostMock({ file: { bytes, sliceSize: 4, failAt: 1 } });
    await expect(new ExcelWorkbook({ host: () => failing.host }).readDocumentBytes(() => {})).rejects.toThrow("Không đọc được phần 2/3 của tệp: mất kết nối.");
    expect(failing.calls.closes).toBe(1);
  });
});
