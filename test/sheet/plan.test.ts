import { describe, expect, it } from "vitest";
import { columnIndex, columnLetter, parseRange, rangeAddress } from "../../shared/sheet/address";
import { aggregateSheetPlan } from "../../shared/sheet/aggregate";
import { cellNumberFormat, vietnamWallClockSerial } from "../../shared/sheet/cell";
import { COUNT_FORMAT, DATE_FORMAT, displayNumber, percentFormat, percentFormatForTarget } from "../../shared/sheet/formats";
import { sheetOpSchema, sheetPlanSchema, type SheetOp } from "../../shared/sheet/plan";
import { HEADER_ROW, TABLE_COLUMNS, TABLE_FIRST_ROW, tableColumn } from "../../shared/sheet/reportTable/columns";
import { reportFormPlan } from "../../shared/sheet/reportTable/form";
import { rowHeightFor, wrappedLines } from "../../shared/sheet/rowHeight";
import { demoView, sampleAggregate } from "../addin/report/fixtures";

const opsOf = <K extends SheetOp["op"]>(ops: readonly SheetOp[], kind: K) => ops.filter((op): op is Extract<SheetOp, { op: K }> => op.op === kind);

describe("sheet vocabulary", () => {
  it("addresses cells in A1 both ways, past Z", () => {
    for (const index of [0, 8, 25, 26, 51, 701, 702]) expect(columnIndex(columnLetter(index))).toBe(index);
    expect(columnLetter(26)).toBe("AA");
    expect(rangeAddress(5, 0, 5, 12)).toBe("A5:M5");
    expect(parseRange("$B$3")).toEqual({ firstRow: 3, firstColumn: 1, lastRow: 3, lastColumn: 1 });
    expect(() => parseRange("5A")).toThrow(/không phải địa chỉ/);
  });

  it("shows numbers as a Vietnamese reader expects: grouped thousands, comma decimals, percent precision", () => {
    expect(displayNumber(100000, COUNT_FORMAT)).toBe("100.000");
    expect(displayNumber(1234567.4, COUNT_FORMAT)).toBe("1.234.567");
    expect(displayNumber(0.529, percentFormat(1))).toBe("52,9%");
    expect(displayNumber(0.5, percentFormat(0))).toBe("50%");
    expect(displayNumber(0.98765, percentFormat(2))).toBe("98,77%");
    expect(displayNumber(45719, DATE_FORMAT)).toBe("03/03/2025");
    // A result just under a whole target keeps the decimal that shows it is under.
    expect(displayNumber(0.646, percentFormatForTarget(65))).toBe("64,6%");
    expect(displayNumber(0.9249, percentFormatForTarget(92.5))).toBe("92,5%");
    expect(percentFormatForTarget(99.95)).toBe("0.00%");
  });

  it("sizes rows for wrapped text: longer text, narrower columns and line breaks make taller rows", () => {
    const short = rowHeightFor([{ text: "Đạt", characters: 14 }]);
    expect(short).toBeGreaterThanOrEqual(15);
    expect(short).toBeLessThan(20);
    const text = "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính";
    expect(wrappedLines({ text, characters: 40 })).toBe(2);
    expect(wrappedLines({ text, characters: 20 })).toBeGreaterThan(3);
    expect(wrappedLines({ text: `${text}\n(Tử số: hồ sơ)`, characters: 40 })).toBe(3);
    expect(rowHeightFor([{ text, characters: 20 }])).toBeGreaterThan(rowHeightFor([{ text, characters: 40 }]));
    // A 14 pt title with Vietnamese marks needs at least 24 pt.
    expect(rowHeightFor([{ text: "BÁO CÁO KẾT QUẢ", characters: 150, fontSize: 14, bold: true }])).toBeGreaterThanOrEqual(24);
  });

  it("refuses an operation that is not one: a bad range, a colour without #, an unknown kind", () => {
    expect(sheetOpSchema.safeParse({ op: "merge", range: "A1:I1" }).success).toBe(true);
    expect(sheetOpSchema.safeParse({ op: "merge", range: "tất cả" }).success).toBe(false);
    expect(sheetOpSchema.safeParse({ op: "style", range: "A1", style: { fill: "C6EFCE" } }).success).toBe(false);
    expect(sheetOpSchema.safeParse({ op: "explode", range: "A1" }).success).toBe(false);
    expect(sheetPlanSchema.safeParse({ sheetName: "Tên trang dài hơn ba mươi mốt ký tự", ops: [] }).success).toBe(false);
  });
});

describe("the offline form's plan", () => {
  const view = demoView();
  const { plan, binding } = reportFormPlan(view);
  const last = TABLE_FIRST_ROW + view.assignments.length - 1;

  it("prints on A4 landscape, one page wide, repeating the header row, with page numbers", () => {
    expect(opsOf(plan.ops, "print")).toEqual([
      {
        op: "print",
        setup: expect.objectContaining({ paper: "A4", orientation: "landscape", fitToWidth: true, titleRows: { first: HEADER_ROW, last: HEADER_ROW }, footer: "Trang &P/&N" }),
      },
    ]);
    expect(opsOf(plan.ops, "freeze")).toEqual([{ op: "freeze", rows: HEADER_ROW, columns: 0 }]);
  });

  it("gives the title room for 14 pt with accents and every wrapped row its height", () => {
    const heights = new Map(opsOf(plan.ops, "rowHeight").map((op) => [op.row, op.points]));
    expect(heights.get(1)).toBeGreaterThanOrEqual(24);
    for (let row = TABLE_FIRST_ROW; row <= last; row += 1) expect(heights.get(row), `row ${row}`).toBeGreaterThanOrEqual(15);
    // The row whose indicator also names its numerator and denominator is taller than a one-line indicator's.
    const rate = view.assignments.findIndex((assignment) => assignment.numeratorLabel);
    expect(heights.get(TABLE_FIRST_ROW + rate)).toBeGreaterThan(30);
    expect(opsOf(plan.ops, "merge").map((op) => op.range)).toEqual(["A1:I1", "A2:I2", "A3:I3", "A4:I4"]);
  });

  it("validates every input the pane validates, and the evidence date", () => {
    const validations = opsOf(plan.ops, "validate");
    const column = (key: Parameters<typeof tableColumn>[0]) => tableColumn(key);
    expect(validations).toContainEqual(
      expect.objectContaining({ range: rangeAddress(TABLE_FIRST_ROW, column("numerator"), last, column("denominator")), rule: { kind: "decimal", min: 0 } }),
    );
    expect(validations.some((op) => op.rule.kind === "decimal" && op.rule.max === 1 && parseRange(op.range).firstColumn === column("actual"))).toBe(true);
    expect(validations).toContainEqual(
      expect.objectContaining({ range: rangeAddress(TABLE_FIRST_ROW, column("evidenceDate"), last, column("evidenceDate")), rule: { kind: "date", from: "2000-01-01", to: "2100-12-31" } }),
    );
    expect(binding.assignmentIds).toEqual(view.assignments.map((assignment) => assignment.assignmentId));
  });

  it("has the pane's header: the report's nine columns and the evidence in J:M", () => {
    const header = opsOf(plan.ops, "cells").find((op) => op.range.startsWith(`A${HEADER_ROW}:`))!;
    expect(header.range).toBe(`A${HEADER_ROW}:M${last}`);
    expect(header.cells[0]!.map((cell) => ("text" in cell ? cell.text : ""))).toEqual(TABLE_COLUMNS.map((c) => c.header));
    expect(TABLE_COLUMNS.slice(9).map((c) => c.header)).toEqual(["Số hiệu văn bản", "Ngày ban hành", "Trích yếu", "Đường dẫn"]);
  });
});

describe("the summary plan the pane and report.xlsx share", () => {
  it("is a whole sheet plan: print setup with the agency repeated, frozen agency column, a chart of the barred rates", () => {
    const plan = aggregateSheetPlan(sampleAggregate());
    expect(sheetPlanSchema.parse(plan)).toEqual(plan);
    expect(plan.sheetName).toBe("Tổng hợp");
    expect(opsOf(plan.ops, "freeze")).toEqual([{ op: "freeze", rows: 8, columns: 2 }]);
    expect(opsOf(plan.ops, "print")[0]!.setup).toMatchObject({
      orientation: "landscape",
      fitToWidth: true,
      titleRows: { first: 8, last: 8 },
      titleColumns: { first: 0, last: 1 },
      footerLeft: "Tổng hợp — 1521/QĐ-UBND — Quý IV/2025",
    });
    const chart = opsOf(plan.ops, "chart")[0]!.chart;
    expect(chart).toMatchObject({ kind: "barClustered", percentAxis: true, series: { categories: "B9:B10", values: "G9:G10" } });
    // The rates the chart draws carry data bars in the table too, over exactly the chart's values.
    expect(opsOf(plan.ops, "dataBar").map((op) => op.range)).toEqual([chart.series!.values]);
  });

  it("rejects a chart that names both a source block and a series, or neither", () => {
    const chart = { kind: "barClustered", title: "x", topLeft: "A1", bottomRight: "B2", percentAxis: true } as const;
    expect(sheetOpSchema.safeParse({ op: "chart", chart }).success).toBe(false);
    expect(sheetOpSchema.safeParse({ op: "chart", chart: { ...chart, source: "A1:B3", series: { categories: "A2:A3", values: "B2:B3", name: "x" } } }).success).toBe(false);
    expect(sheetOpSchema.safeParse({ op: "chart", chart: { ...chart, source: "A1:B3" } }).success).toBe(true);
  });

  it("writes a submission time as Vietnam's wall clock, and only an instant", () => {
    expect(cellNumberFormat({ dateTime: "2025-12-19T18:30:00Z" })).toBe("dd/mm/yyyy hh:mm");
    // 01:30 on 20/12/2025 in Vietnam: day 46011 and 1,5 hours.
    expect(vietnamWallClockSerial("2025-12-19T18:30:00Z")).toBeCloseTo(46011 + 1.5 / 24, 9);
    expect(sheetOpSchema.safeParse({ op: "cells", range: "A1", cells: [[{ dateTime: "19/12/2025" }]], numberFormats: [["@"]] }).success).toBe(false);
  });
});
