import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../addin/preview/memoryWorkbook";
import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { EVIDENCE_COLUMNS } from "../../shared/report/evidenceColumns";
import { readReportRows, REPORT_COLUMNS, REPORT_SHEET_NAME } from "../../shared/report/reportTable";
import { cellAddress } from "../../shared/sheet/address";
import { TABLE_FIRST_ROW, tableColumn } from "../../shared/sheet/reportTable/columns";
import { reportFormPlan } from "../../shared/sheet/reportTable/form";
import { demoView } from "../addin/report/fixtures";

/**
 * Workbooks filled before the layouts were one are still read: the add-in's table with its header on row 4 and the
 * offline form's with its header on row 6 give the same values as today's table with its header on row 5, and every
 * fault names the cell where it is in that workbook.
 */

const view = demoView();
const [rate, second] = view.assignments.filter((assignment) => assignment.indicatorKind === "percent");

function grid(titleLines: number, headers: readonly string[], rows: Array<Record<string, SheetCell>>): SheetCell[][] {
  const keys = [...REPORT_COLUMNS, ...EVIDENCE_COLUMNS].map((column) => column.key).slice(0, headers.length);
  return [
    ...Array.from({ length: titleLines }, (_, index): SheetCell[] => [index === 0 ? "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ" : null]),
    [...headers],
    ...rows.map((row) => keys.map((key) => row[key] ?? null)),
  ];
}

const typed: Array<Record<string, SheetCell>> = [
  { code: rate!.indicatorCode, numerator: 46, denominator: 50, note: "Theo báo cáo quý" },
  { code: second!.indicatorCode, actual: 1.3 },
];

describe("the report table readers", () => {
  it("read the add-in's older table (header on row 4), the older form (row 6) and today's (row 5) alike", async () => {
    const oldPane = grid(3, [...REPORT_COLUMNS.map((column) => column.header), "Đánh giá của tỉnh"], typed);
    const oldForm = grid(5, [...REPORT_COLUMNS.map((column) => (column.key === "note" ? "Ghi chú" : column.header)), ...EVIDENCE_COLUMNS.map((c) => c.header)], typed);

    const workbook = new MemoryWorkbook();
    workbook.applyPlan(reportFormPlan(view).plan);
    const rowOf = (code: string) => TABLE_FIRST_ROW + view.assignments.findIndex((assignment) => assignment.indicatorCode === code);
    expect(workbook.setCell(REPORT_SHEET_NAME, cellAddress(rowOf(rate!.indicatorCode), tableColumn("numerator")), 46)).toEqual({ ok: true });
    workbook.setCell(REPORT_SHEET_NAME, cellAddress(rowOf(rate!.indicatorCode), tableColumn("denominator")), 50);
    workbook.setCell(REPORT_SHEET_NAME, cellAddress(rowOf(rate!.indicatorCode), tableColumn("note")), "Theo báo cáo quý");
    // In today's table a share typed as "0,5" lands in a percent-formatted cell and reads as 50%.
    workbook.setCell(REPORT_SHEET_NAME, cellAddress(rowOf(second!.indicatorCode), tableColumn("actual")), "0,5");
    const today = (await workbook.readReportTable())!;

    const readings = [
      readReportRows(oldPane, view.assignments),
      readReportRows(oldForm, view.assignments),
      readReportRows(today.grid, view.assignments, { origin: today.origin, numberFormats: today.numberFormats }),
    ];
    for (const reading of readings) {
      expect(reading.values.find((value) => value.assignmentId === rate!.assignmentId)).toEqual({
        assignmentId: rate!.assignmentId,
        actual: 0.92,
        numerator: 46,
        denominator: 50,
        note: "Theo báo cáo quý",
      });
    }
    // 1,3 is no share, and each older layout names the cell where it sits: G6 under a row-4 header, G8 under row 6.
    expect(readings[0]!.problems.map((problem) => problem.cell)).toEqual(["G6"]);
    expect(readings[1]!.problems.map((problem) => problem.cell)).toEqual(["G8"]);
    expect(readings[2]!.values.find((value) => value.assignmentId === second!.assignmentId)).toMatchObject({ actual: 0.5 });
  });
});
