import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../addin/preview/memoryWorkbook";
import { planReportTable } from "../../addin/report/planReportTable";
import { applySheetPlan } from "../../functions/workbook/applySheetPlan";
import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { cellAddress } from "../../shared/sheet/address";
import { aggregateSheetPlan } from "../../shared/sheet/aggregate";
import { hexColour } from "../../shared/sheet/palette";
import { sheetPlanSchema, type SheetPlan } from "../../shared/sheet/plan";
import { receiptOps } from "../../shared/sheet/receipt";
import { reportFormPlan } from "../../shared/sheet/reportTable/form";
import { reportTableOps } from "../../shared/sheet/reportTable/layout";
import { demoView, sampleAggregate, sampleReceipt } from "../addin/report/fixtures";

/**
 * One plan, two interpreters: the preview's memory workbook and exceljs (through a saved and reopened file) must hold
 * the same values, formulas, number formats, fills, merges, widths, heights and print setup, cell by cell.
 */

interface Drawn {
  value: SheetCell | { formula: string };
  numberFormat: string;
  fill: string | undefined;
  bold: boolean;
  wrap: boolean;
}

async function throughExcelJs(plan: SheetPlan): Promise<ExcelJS.Worksheet> {
  const written = new ExcelJS.Workbook();
  applySheetPlan(written.addWorksheet(plan.sheetName), plan.ops);
  const read = new ExcelJS.Workbook();
  await read.xlsx.load((await written.xlsx.writeBuffer()) as ArrayBuffer);
  return read.getWorksheet(plan.sheetName)!;
}

function excelJsCell(sheet: ExcelJS.Worksheet, address: string): Drawn {
  const cell = sheet.getCell(address);
  const raw = cell.value;
  const value: Drawn["value"] =
    raw === null || raw === undefined || raw === ""
      ? null
      : raw instanceof Date
        ? raw.toISOString().slice(0, 10)
        : typeof raw === "object" && "formula" in raw
          ? { formula: `=${raw.formula}` }
          : (raw as SheetCell);
  const fill = cell.fill?.type === "pattern" && cell.fill.fgColor?.argb ? hexColour(cell.fill.fgColor.argb) : undefined;
  return { value, numberFormat: cell.numFmt ?? "General", fill, bold: cell.font?.bold === true, wrap: cell.alignment?.wrapText === true };
}

function memoryCell(workbook: MemoryWorkbook, sheetName: string, address: string): Drawn {
  const cell = workbook.cell(sheetName, address);
  if (!cell) return { value: null, numberFormat: "General", fill: undefined, bold: false, wrap: false };
  return {
    value: cell.formula ? { formula: cell.formula } : cell.value,
    numberFormat: cell.numberFormat,
    // The cell's own fill: conditional fills are compared as rules, not as colours a value happens to take.
    fill: workbook.ownStyle(sheetName, address)?.fill?.toUpperCase(),
    bold: cell.style.bold === true,
    wrap: cell.style.wrap === true,
  };
}

async function compare(plan: SheetPlan) {
  expect(sheetPlanSchema.parse(plan)).toEqual(plan);
  const memory = new MemoryWorkbook();
  memory.applyPlan(plan);
  const drawn = memory.sheets().find((sheet) => sheet.name === plan.sheetName)!;
  const sheet = await throughExcelJs(plan);

  let compared = 0;
  for (let row = 1; row <= drawn.rowCount; row += 1) {
    for (let column = 0; column < drawn.columnCount; column += 1) {
      const address = cellAddress(row, column);
      // exceljs answers for a merged cell with its top-left cell, which is compared on its own.
      const merged = sheet.getCell(address);
      if (merged.isMerged && merged.master.address !== address) continue;
      expect(excelJsCell(sheet, address), address).toEqual(memoryCell(memory, plan.sheetName, address));
      compared += 1;
    }
  }
  expect(sheet.model.merges.slice().sort()).toEqual(drawn.merges.slice().sort());
  drawn.columnWidths.forEach((width, column) => {
    if (plan.ops.some((op) => op.op === "columnWidth" && op.column === column)) expect(sheet.getColumn(column + 1).width, `column ${column}`).toBe(width);
  });
  for (const [row, points] of Object.entries(drawn.rowHeights)) expect(sheet.getRow(Number(row)).height, `row ${row}`).toBe(points);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: drawn.frozenRows, xSplit: drawn.frozenColumns });
  if (drawn.print) {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: drawn.print.orientation,
      fitToPage: drawn.print.fitToWidth,
      ...(drawn.print.titleRows ? { printTitlesRow: `${drawn.print.titleRows.first}:${drawn.print.titleRows.last}` } : {}),
    });
  }
  return { compared, drawn, sheet, memory };
}

describe("a sheet plan drawn by the memory workbook and by exceljs", () => {
  it("gives the same offline form, cell by cell, values and evidence included", async () => {
    const view = demoView();
    const [first, second] = view.assignments;
    const { plan } = reportFormPlan(view, [
      { assignmentId: first!.assignmentId, actual: 0.013, note: "=không phải công thức" },
      {
        assignmentId: second!.assignmentId,
        actual: 0.92,
        numerator: 46,
        denominator: 50,
        evidence: [{ documentNumber: "12/QĐ-UBND", issuedOn: "2025-03-03", summary: "Quyết định phê duyệt dự toán" }],
      },
    ]);
    const { compared, sheet, memory } = await compare(plan);
    // Thirteen columns by thirteen rows (five above the table, eight assignments), less the merged title cells.
    expect(compared).toBe(13 * 13 - 4 * 8);
    // The comparison is not of two empty sheets: the values are there in both.
    expect(excelJsCell(sheet, "G6").value).toBe(0.013);
    expect(memory.cell("Báo cáo", "K7")).toMatchObject({ value: "2025-03-03", display: "03/03/2025" });
    expect(excelJsCell(sheet, "G7").value).toEqual({ formula: '=IF(AND(ISNUMBER(E7),ISNUMBER(F7),F7>0),E7/F7,"")' });
  });

  it("gives the same pane table with its receipt, and the same aggregate matrix", async () => {
    const view = demoView();
    const table = planReportTable(view, undefined, { verdictMode: "kpi", functionNamespace: "KPI" });
    await compare({ sheetName: "Báo cáo", ops: [...reportTableOps(table), ...receiptOps(sampleReceipt(view, true), table.binding)] });
    const { sheet } = await compare(aggregateSheetPlan(sampleAggregate()));
    // The verdict colours are conditional in both: one rule per label and per late or missing status.
    expect((sheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBeGreaterThanOrEqual(6);
  });
});

describe("clearing what a plan drew", () => {
  it("leaves no value, merge or validation behind in either host, as a re-pull needs", async () => {
    const { plan } = reportFormPlan(demoView());
    const cleared: SheetPlan = { sheetName: plan.sheetName, ops: [...plan.ops, { op: "clear", range: "A1:N20" }] };
    const { sheet, memory, drawn } = await compare(cleared);
    expect(drawn.merges).toEqual([]);
    expect(sheet.model.merges).toEqual([]);
    expect(sheet.getCell("E6").dataValidation).toBeUndefined();
    expect(memory.setCell(plan.sheetName, "E6", "-1")).toEqual({ ok: true });
    expect(excelJsCell(sheet, "A1").value).toBeNull();
  });
});
