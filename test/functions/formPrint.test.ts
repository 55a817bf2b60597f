import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { startStack, type TestStack } from "../support/stack";

/**
 * The offline form as an agency downloads it over HTTP prints on A4 landscape one page wide, its header on every
 * page, its title tall enough for 14 pt with Vietnamese marks and its wrapped rows sized; its input cells are checked
 * as the pane's are.
 */

const BASE = "/decisions/phu-tho-1521-qd-ubnd/periods/2025-Q4";

let stack: TestStack;
let view: PeriodAssignments;
let sheet: ExcelJS.Worksheet;

beforeAll(async () => {
  stack = await startStack();
  view = periodAssignmentsSchema.parse(await (await stack.call(`${BASE}/assignments`, { key: stack.keys.agency })).json());
  const form = await stack.call(`${BASE}/assignments.xlsx`, { key: stack.keys.agency });
  expect(form.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await form.arrayBuffer());
  sheet = workbook.getWorksheet("Báo cáo")!;
});
afterAll(() => stack?.close());

describe("the downloaded offline form", () => {
  it("prints on A4 landscape, fit to one page wide, the header row repeated, pages numbered", () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "5:5" });
    expect(sheet.headerFooter.oddFooter).toBe("&CTrang &P/&N");
    expect(sheet.getCell("A5").value).toBe("STT");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
  });

  it("gives the 14 pt title at least 24 pt and each indicator row room for its wrapped text", () => {
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getRow(1).height).toBeGreaterThanOrEqual(24);
    expect(sheet.model.merges).toContain("A1:I1");
    const rows = view.assignments.map((_, index) => sheet.getRow(6 + index));
    for (const row of rows) expect(row.height, `row ${row.number}`).toBeGreaterThanOrEqual(15);
    // The rate that names its numerator and denominator runs to several lines, and its row is sized for them.
    const rate = view.assignments.findIndex((assignment) => assignment.numeratorLabel);
    expect(String(rows[rate]!.getCell(3).value)).toContain("Tử số:");
    expect(rows[rate]!.height).toBeGreaterThan(40);
    expect(rows[rate]!.getCell(3).alignment).toMatchObject({ wrapText: true, vertical: "top" });
  });

  it("checks the numbers, the shares and the evidence date as the pane does", () => {
    const last = 5 + view.assignments.length;
    expect(sheet.getCell("E6").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
    expect(sheet.getCell(`F${last}`).dataValidation).toMatchObject({ type: "decimal", error: "Tử số và mẫu số phải là số không âm." });
    const share = view.assignments.findIndex((assignment) => assignment.indicatorKind === "percent");
    expect(sheet.getCell(`G${6 + share}`).dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1] });
    expect(sheet.getCell(`K${last}`).dataValidation).toMatchObject({ type: "date", operator: "between", showInputMessage: true });
  });
});
