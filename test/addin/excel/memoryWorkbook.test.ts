import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../addin/preview/memoryWorkbook";
import { planReportTable, TABLE_FIRST_ROW, UNASSIGNED_MARK } from "../../../addin/report/planReportTable";
import type { PeriodAssignments } from "../../../shared/report/periodAssignments";
import { readReportRows, REPORT_SHEET_NAME } from "../../../shared/report/reportTable";
import { byTarget, demoView, sampleAggregate, sampleReceipt, withTarget } from "../report/fixtures";

const KPI = { verdictMode: "kpi", functionNamespace: "KPI" } as const;

function rowOf(view: PeriodAssignments, code: string): number {
  return TABLE_FIRST_ROW + view.assignments.findIndex((assignment) => assignment.indicatorCode === code);
}

describe("MemoryWorkbook", () => {
  it("round-trips typed values: write the plan, type, read, and readReportRows gives the values", async () => {
    const view = demoView();
    const workbook = new MemoryWorkbook();
    let renders = 0;
    const stop = workbook.subscribe(() => (renders += 1));
    await workbook.writeReportTable(planReportTable(view, undefined, KPI));

    const files = byTarget(view, "Tối thiểu 70%");
    const payments = byTarget(view, "Tối thiểu 65%");
    const r = rowOf(view, files.indicatorCode);
    const p = rowOf(view, payments.indicatorCode);
    expect(workbook.setCell(REPORT_SHEET_NAME, `E${r}`, "30")).toEqual({ ok: true });
    expect(workbook.setCell(REPORT_SHEET_NAME, `F${r}`, 40)).toEqual({ ok: true });
    expect(workbook.setCell(REPORT_SHEET_NAME, `I${r}`, "=QĐ 12 (gõ như công thức)")).toEqual({ ok: true });
    expect(workbook.setCell(REPORT_SHEET_NAME, `G${p}`, "50%")).toEqual({ ok: true });
    expect(renders).toBe(5);
    stop();

    expect(workbook.cell(REPORT_SHEET_NAME, `G${r}`)).toMatchObject({ value: 0.75, display: "75,0%", input: true });
    expect(workbook.cell(REPORT_SHEET_NAME, `G${p}`)).toMatchObject({ value: 0.5, display: "50,0%" });
    expect(workbook.cell(REPORT_SHEET_NAME, `G${p}`)?.formula).toBeUndefined();

    const reading = await workbook.readReportTable();
    expect(reading?.binding?.assignmentIds).toEqual(view.assignments.map((a) => a.assignmentId));
    const rows = readReportRows(reading!.grid, view.assignments, { binding: reading!.binding!, origin: reading!.origin, numberFormats: reading!.numberFormats });
    expect(rows.problems).toEqual([]);
    // Rows left empty read as actual null.
    expect(rows.values.filter((value) => value.actual !== null)).toEqual([
      { assignmentId: payments.assignmentId, actual: 0.5 },
      { assignmentId: files.assignmentId, actual: 0.75, numerator: 30, denominator: 40, note: "=QĐ 12 (gõ như công thức)" },
    ]);
  });

  it("computes the verdict in the preview: Đạt, Không đạt, Chưa có số liệu", async () => {
    const view = demoView();
    const workbook = new MemoryWorkbook();
    await workbook.writeReportTable(planReportTable(view, undefined, KPI));
    const files = byTarget(view, "Tối thiểu 70%");
    const r = rowOf(view, files.indicatorCode);
    expect(workbook.cell(REPORT_SHEET_NAME, `H${r}`)?.value).toBe("Chưa có số liệu");
    workbook.setCell(REPORT_SHEET_NAME, `E${r}`, 30);
    workbook.setCell(REPORT_SHEET_NAME, `F${r}`, 40);
    expect(workbook.cell(REPORT_SHEET_NAME, `H${r}`)).toMatchObject({ value: "Đạt", formula: `=KPI.STATUS(G${r},D${r})` });
    workbook.setCell(REPORT_SHEET_NAME, `E${r}`, 20);
    expect(workbook.cell(REPORT_SHEET_NAME, `H${r}`)?.value).toBe("Không đạt");
  });

  it("computes compiled verdict formulas under a \"%\" unit column on fractions, as everywhere", async () => {
    const base = demoView();
    const points = withTarget(base.assignments[0]!, "≥ 70", "%");
    const view: PeriodAssignments = { ...base, assignments: [points, ...base.assignments.slice(1)] };
    const workbook = new MemoryWorkbook();
    await workbook.writeReportTable(planReportTable(view, undefined, { verdictMode: "formula", functionNamespace: "KPI" }));
    workbook.setCell(REPORT_SHEET_NAME, "E6", 3);
    workbook.setCell(REPORT_SHEET_NAME, "F6", 4);
    expect(workbook.cell(REPORT_SHEET_NAME, "G6")).toMatchObject({ value: 0.75, display: "75,0%", numberFormat: "0.0%" });
    expect(workbook.cell(REPORT_SHEET_NAME, "H6")).toMatchObject({ value: "Đạt", formula: expect.stringMatching(/^=IF\(G6="","Chưa có số liệu",/) });
    workbook.setCell(REPORT_SHEET_NAME, "E6", 2);
    expect(workbook.cell(REPORT_SHEET_NAME, "H6")?.value).toBe("Không đạt");
    expect(workbook.setCell(REPORT_SHEET_NAME, "G6", 120)).toEqual({ ok: false, message: "Nhập tỷ lệ từ 0% đến 100%, ví dụ 90% hoặc 0,9." });
  });

  it("refuses what Excel's validation refuses", async () => {
    const view = demoView();
    const workbook = new MemoryWorkbook();
    await workbook.writeReportTable(planReportTable(view, undefined, KPI));
    expect(workbook.setCell(REPORT_SHEET_NAME, "E6", "-1")).toEqual({ ok: false, message: "Tử số và mẫu số phải là số không âm." });
    expect(workbook.setCell(REPORT_SHEET_NAME, "F6", "nhiều")).toEqual({ ok: false, message: "Tử số và mẫu số phải là số không âm." });
    expect(workbook.setCell(REPORT_SHEET_NAME, "G6", "90")).toEqual({ ok: false, message: "Nhập tỷ lệ từ 0% đến 100%, ví dụ 90% hoặc 0,9." });
    expect(workbook.setCell(REPORT_SHEET_NAME, "G6", "0,9")).toEqual({ ok: true });
    expect(workbook.setCell("Không có", "A1", 1)).toEqual({ ok: false, message: 'Không có trang "Không có".' });
  });

  it("keeps typed values through a re-pull and marks the row no longer assigned", async () => {
    const current = demoView();
    const removed = { ...current.assignments[0]!, assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.99", indicatorCode: "CDS-099" };
    const earlier: PeriodAssignments = { ...current, assignments: [removed, ...current.assignments] };
    const workbook = new MemoryWorkbook();
    await workbook.writeReportTable(planReportTable(earlier, undefined, KPI));
    workbook.setCell(REPORT_SHEET_NAME, "G6", "0,8");
    workbook.setCell(REPORT_SHEET_NAME, "E8", 1);
    workbook.setCell(REPORT_SHEET_NAME, "F8", 2);

    const plan = planReportTable(current, await workbook.readReportTable(), KPI);
    expect(plan.changes.kept).toBe(1);
    await workbook.writeReportTable(plan);
    const reading = await workbook.readReportTable();
    const rows = readReportRows(reading!.grid, current.assignments, { binding: reading!.binding!, origin: reading!.origin });
    expect(rows.values.filter((value) => value.actual !== null)).toEqual([
      { assignmentId: current.assignments[1]!.assignmentId, actual: 0.5, numerator: 1, denominator: 2 },
    ]);
    // The kept row is reported, not silently submitted.
    expect(rows.problems.map((problem) => problem.code)).toEqual(["unknown_row"]);
    const last = TABLE_FIRST_ROW + current.assignments.length;
    expect(workbook.cell(REPORT_SHEET_NAME, `C${last}`)?.value).toContain(UNASSIGNED_MARK);
    expect(workbook.cell(REPORT_SHEET_NAME, `G${last}`)?.value).toBe(0.8);
    expect(workbook.cell(REPORT_SHEET_NAME, `A${last + 1}`)).toBeUndefined();
  });

  it("writes the receipt and the aggregate for the preview to render", async () => {
    const view = demoView();
    const workbook = new MemoryWorkbook();
    const plan = planReportTable(view, undefined, KPI);
    await expect(workbook.writeReceipt(sampleReceipt(view), plan.binding)).rejects.toThrow(/Không tìm thấy trang/);
    await workbook.writeReportTable(plan);
    await workbook.writeReceipt(sampleReceipt(view), plan.binding);
    expect(workbook.cell(REPORT_SHEET_NAME, "J1")?.value).toBe("Số biên nhận");
    expect(workbook.cell(REPORT_SHEET_NAME, "K4")).toMatchObject({ value: "Đúng hạn (hạn 20/12/2025)", style: { fill: "#C6EFCE" } });
    expect(workbook.cell(REPORT_SHEET_NAME, "N6")).toMatchObject({ value: "Đạt", style: { fill: "#C6EFCE" } });

    await workbook.writeAggregate(sampleAggregate());
    await workbook.writeAggregate(sampleAggregate());
    const sheets = workbook.sheets();
    expect(sheets.map((sheet) => sheet.name)).toEqual([REPORT_SHEET_NAME, "Tổng hợp", "Ma trận (1)"]);
    expect(workbook.activeSheet()).toBe("Tổng hợp");
    const aggregate = sheets[1]!;
    expect(aggregate).toMatchObject({ frozenRows: 8, frozenColumns: 2 });
    expect(aggregate.charts).toEqual([{ title: "Tỷ lệ chỉ tiêu đạt theo cơ quan", categories: ["Sở Tài chính", "Sở Nội vụ"], values: [0.5, 0] }]);
    expect(workbook.cell("Tổng hợp", "C10")).toMatchObject({ value: "Chưa nộp", style: { fontColor: "#9C0006", bold: true } });
    expect(workbook.cell("Tổng hợp", "G9")).toMatchObject({ value: 0.5, display: "50%" });
    expect(workbook.cell("Tổng hợp", "G11")).toMatchObject({ value: 1 / 3, display: "33%" });
    expect(workbook.cell("Ma trận (1)", "D11")).toMatchObject({ value: "Không đạt", style: { fill: "#FFC7CE" } });
    expect(await workbook.readDocumentBytes(() => {})).toBeUndefined();
  });

  it("removes the matrix blocks an earlier pull left that this pull does not write", async () => {
    const workbook = new MemoryWorkbook({ sheets: [{ name: "Ma trận (4)", rows: [["cũ"]] }, { name: "Ghi chép", rows: [["của cán bộ"]] }] });
    await workbook.writeAggregate(sampleAggregate());
    expect(workbook.sheets().map((sheet) => sheet.name)).toEqual(["Ghi chép", "Tổng hợp", "Ma trận (1)"]);
  });

  it("reads the active sheet from A1 with dates as ISO days", async () => {
    const workbook = new MemoryWorkbook({ sheets: [{ name: "Quyết định", rows: [[], [null, "Số quyết định", "1521/QĐ-UBND"]] }] });
    expect(await workbook.readActiveSheet()).toEqual({ name: "Quyết định", rows: [[null, null, null], [null, "Số quyết định", "1521/QĐ-UBND"]] });
    workbook.setCell("Quyết định", "B3", "30/6/2025");
    expect(workbook.cell("Quyết định", "B3")).toMatchObject({ value: "2025-06-30", display: "30/06/2025" });
  });
});
