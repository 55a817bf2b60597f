import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../addin/preview/memoryWorkbook";
import { planReportTable } from "../../addin/report/planReportTable";
import { applySheetPlan } from "../../functions/workbook/applySheetPlan";
import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { buildConsolidatedReport } from "../../functions/report/consolidatedReport";
import { aggregateSchema } from "../../shared/report/aggregate";
import { cellAddress, columnLetter } from "../../shared/sheet/address";
import { DATE_TIME_FORMAT, displayNumber } from "../../shared/sheet/formats";
import { consolidatedReportPlans } from "../../shared/sheet/report/reportPlans";
import { aggregateSheetPlan } from "../../shared/sheet/aggregate";
import { hexColour, PALETTE } from "../../shared/sheet/palette";
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
  italic: boolean;
  wrap: boolean;
  /** Only a typeface a plan chose: exceljs names its default (Calibri) where the preview leaves it unset. */
  fontName: string | undefined;
  fontColor: string | undefined;
}

/** A date-time as both hosts show it: the number behind it is a float each host rounds its own way. */
const shownDateTime = (serial: number) => displayNumber(serial, DATE_TIME_FORMAT);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

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
      : raw instanceof Date && cell.numFmt === DATE_TIME_FORMAT
        ? shownDateTime((raw.getTime() - EXCEL_EPOCH_MS) / 86_400_000)
        : raw instanceof Date
        ? raw.toISOString().slice(0, 10)
        : typeof raw === "object" && "formula" in raw
          ? { formula: `=${raw.formula}` }
          : (raw as SheetCell);
  const fill = cell.fill?.type === "pattern" && cell.fill.fgColor?.argb ? hexColour(cell.fill.fgColor.argb) : undefined;
  return {
    value,
    numberFormat: cell.numFmt ?? "General",
    fill,
    bold: cell.font?.bold === true,
    italic: cell.font?.italic === true,
    wrap: cell.alignment?.wrapText === true,
    fontName: cell.font?.name === "Calibri" ? undefined : cell.font?.name,
    fontColor: cell.font?.color?.argb ? hexColour(cell.font.color.argb) : undefined,
  };
}

function memoryCell(workbook: MemoryWorkbook, sheetName: string, address: string): Drawn {
  const cell = workbook.cell(sheetName, address);
  if (!cell) return { value: null, numberFormat: "General", fill: undefined, bold: false, italic: false, wrap: false, fontName: undefined, fontColor: undefined };
  const raw = workbook.sheets().find((sheet) => sheet.name === sheetName) && cell.numberFormat === DATE_TIME_FORMAT ? cell.display : undefined;
  return {
    value: cell.formula ? { formula: cell.formula } : (raw ?? cell.value),
    numberFormat: cell.numberFormat,
    // The cell's own fill: conditional fills are compared as rules, not as colours a value happens to take.
    fill: workbook.ownStyle(sheetName, address)?.fill?.toUpperCase(),
    bold: cell.style.bold === true,
    italic: cell.style.italic === true,
    wrap: cell.style.wrap === true,
    fontName: cell.style.fontName,
    fontColor: cell.style.fontColor?.toUpperCase(),
  };
}

async function compare(plan: SheetPlan) {
  expect(sheetPlanSchema.parse(plan)).toEqual(plan);
  const memory = new MemoryWorkbook();
  memory.applyPlan(plan);
  return compareSheets(memory, await throughExcelJs(plan), plan);
}

/** Every cell the memory workbook drew, against the same address of an exceljs sheet read back from its file. */
function compareSheets(memory: MemoryWorkbook, sheet: ExcelJS.Worksheet, plan: SheetPlan) {
  const drawn = memory.sheets().find((item) => item.name === plan.sheetName)!;

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
    // exceljs leaves out a width equal to its default of 9 and reads it back as unset.
    if (plan.ops.some((op) => op.op === "columnWidth" && op.column === column)) expect(sheet.getColumn(column + 1).width ?? 9, `column ${column}`).toBe(width);
  });
  for (const [row, points] of Object.entries(drawn.rowHeights)) expect(sheet.getRow(Number(row)).height, `row ${row}`).toBe(points);
  if (drawn.frozenRows + drawn.frozenColumns > 0) expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: drawn.frozenRows, xSplit: drawn.frozenColumns });
  else expect((sheet.views ?? []).filter((view) => view.state === "frozen")).toEqual([]);
  if (drawn.print) {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: drawn.print.orientation,
      fitToPage: drawn.print.fitToWidth,
      ...(drawn.print.titleRows ? { printTitlesRow: `${drawn.print.titleRows.first}:${drawn.print.titleRows.last}` } : {}),
      ...(drawn.print.titleColumns
        ? { printTitlesColumn: `${columnLetter(drawn.print.titleColumns.first)}:${columnLetter(drawn.print.titleColumns.last)}` }
        : {}),
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

  it("gives the same pane table with its receipt, and the same aggregate summary", async () => {
    const view = demoView();
    const table = planReportTable(view, undefined, { verdictMode: "kpi", functionNamespace: "KPI" });
    await compare({ sheetName: "Báo cáo", ops: [...reportTableOps(table), ...receiptOps(sampleReceipt(view, true), table.binding)] });
    const { sheet } = await compare(aggregateSheetPlan(sampleAggregate()));
    // The rates carry a data bar from 0 to 100%, in the palette's bar colour.
    const bars = (sheet as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; color: { argb: string } }> }> }).conditionalFormattings;
    expect(bars.map((bar) => [bar.ref, bar.rules[0]!.type, hexColour(bar.rules[0]!.color.argb)])).toEqual([["G9:G10", "dataBar", PALETTE.bar]]);
  });
});

/** The sample with a late submission at 01:30 Vietnam time and a verdict the province overruled. */
function reportAggregate() {
  const sample = sampleAggregate();
  const [finance, home] = sample.agencies;
  const overruled = {
    ...finance!.cells[1]!,
    verdict: "met" as const,
    label: "Đạt",
    decidedBy: "person" as const,
    person: { byLabel: "Sở KH&CN", reason: "Đã xác minh hồ sơ", at: "2025-12-22T02:00:00.000Z", override: true, automaticVerdict: "not_met", automaticLabel: "Không đạt" },
  };
  return aggregateSchema.parse({
    ...sample,
    agencies: [{ ...finance!, status: "late", submittedAt: "2025-12-20T18:30:00.000Z", cells: [finance!.cells[0]!, overruled] }, home!],
  });
}

describe("report.xlsx's plans drawn by the memory workbook and by exceljs", () => {
  it("gives the same summary, missing list, indicators, chart pages, matrix, legend and agency sheets, cell by cell", async () => {
    const plans = consolidatedReportPlans(reportAggregate());
    expect(plans.map((plan) => plan.sheetName)).toEqual([
      "Tổng hợp",
      "Chưa nộp, nộp muộn",
      "Theo chỉ tiêu",
      "Biểu đồ theo chỉ tiêu",
      "Biểu đồ theo cơ quan",
      "Ma trận (1)",
      "Chú thích",
      "Sở Tài chính",
      "Sở Nội vụ",
    ]);
    let compared = 0;
    for (const plan of plans) compared += (await compare(plan)).compared;
    expect(compared).toBeGreaterThan(400);

    const memory = new MemoryWorkbook();
    for (const plan of plans) memory.applyPlan(plan);
    // The late submission is a date cell on Vietnam's clock in both, not text.
    expect(memory.cell("Tổng hợp", "H9")).toMatchObject({ numberFormat: "dd/mm/yyyy hh:mm", display: "21/12/2025 01:30" });
    expect(memory.cell("Chưa nộp, nộp muộn", "E11")).toMatchObject({ display: "21/12/2025 01:30" });
    const drawn = await throughExcelJs(plans[1]!);
    expect(drawn.getCell("E11").value).toEqual(new Date(Date.UTC(2025, 11, 21, 1, 30)));
    // The province's overruling verdict is marked and italic in the matrix, bold and italic on the agency's sheet.
    expect(memory.cell("Ma trận (1)", "D11")).toMatchObject({ value: "Đạt (**)", style: { italic: true, fill: "#C6EFCE" } });
    expect(memory.cell("Sở Tài chính", "E8")).toMatchObject({ style: { italic: true, bold: true } });
  });

  it("puts the same summary and matrix in the pane's workbook as in the downloaded report.xlsx", async () => {
    const aggregate = reportAggregate();
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await buildConsolidatedReport(aggregate)) as unknown as ArrayBuffer);
    const pane = new MemoryWorkbook();
    await pane.writeAggregate(aggregate);
    const plans = consolidatedReportPlans(aggregate).filter((plan) => ["Tổng hợp", "Ma trận (1)"].includes(plan.sheetName));
    for (const plan of plans) {
      const { compared } = compareSheets(pane, report.getWorksheet(plan.sheetName)!, plan);
      expect(compared, plan.sheetName).toBeGreaterThan(40);
    }
    // The pane has no chart sheet: the chart of met rates sits under its summary, reading the same cells.
    const summary = pane.sheets().find((sheet) => sheet.name === "Tổng hợp")!;
    expect(summary.charts).toEqual([{ title: "Tỷ lệ chỉ tiêu đạt theo cơ quan", categories: ["Sở Tài chính", "Sở Nội vụ"], values: [0.5, 0] }]);
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
