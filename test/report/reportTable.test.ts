import { describe, expect, it } from "vitest";
import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { CatalogueLookup } from "../../shared/catalogue/lookup";
import { buildPeriodAssignments } from "../../shared/report/buildPeriodAssignments";
import { readReportRows, REPORT_COLUMNS } from "../../shared/report/reportTable";
import { crossCheckWorkbook } from "../../shared/report/crossCheck";
import demo from "../../functions/data/demo-catalogue.json";
import { catalogueSchema } from "../../shared/catalogue/model";

const lookup = new CatalogueLookup(catalogueSchema.parse(demo));
const decision = lookup.decisions.get("phu-tho-1521-qd-ubnd")!;
const view = buildPeriodAssignments({ lookup, catalogueVersion: 1, decision, agency: lookup.agency("phu-tho", "so-tai-chinh")!, period: "2025-Q4" });
const rate = view.assignments.find((row) => row.targetText === "Tối thiểu 65%")!;
const other = view.assignments.find((row) => row !== rate && row.indicatorKind === "percent") ?? view.assignments[0]!;

/** A table as an officer leaves it: a title line, the header, rows keyed by code. */
function table(rows: Array<Partial<Record<(typeof REPORT_COLUMNS)[number]["key"], SheetCell>>>): SheetCell[][] {
  return [["BÁO CÁO"], REPORT_COLUMNS.map((column) => column.header), ...rows.map((row) => REPORT_COLUMNS.map((column) => row[column.key] ?? null))];
}

describe("reading the report table", () => {
  it("computes rates from numerator and denominator and keeps typed text", () => {
    const reading = readReportRows(table([{ code: rate.indicatorCode, numerator: 30, denominator: 40, note: "QĐ 12/QĐ-STC" }, { code: other.indicatorCode, actual: "90%" }]), view.assignments);
    expect(reading.problems).toEqual([]);
    expect(reading.values).toEqual([
      { assignmentId: rate.assignmentId, actual: 0.75, numerator: 30, denominator: 40, note: "QĐ 12/QĐ-STC" },
      { assignmentId: other.assignmentId, actual: "90%" },
    ]);
    expect(reading.missing).toHaveLength(view.assignments.length - 2);
  });

  it("names the cell of every fault and leaves faulty rows out", () => {
    const reading = readReportRows(
      table([
        { code: rate.indicatorCode, numerator: 50, denominator: 40 },
        { code: other.indicatorCode, actual: 9000 },
        { code: "CDS-999", actual: 1 },
        { code: rate.indicatorCode, actual: 0.5 },
      ]),
      view.assignments,
    );
    expect(reading.problems.map((problem) => [problem.code, problem.cell])).toEqual([
      ["numerator_over_denominator", "E3"],
      ["percent_out_of_range", "G4"],
      ["unknown_row", "B5"],
      ["duplicate_row", "B6"],
    ]);
    expect(reading.problems[0]!.message).toBe("Ô E3: tử số (50) lớn hơn mẫu số (40).");
    expect(reading.values).toEqual([]);
  });

  it("says when the table has no header row", () => {
    expect(readReportRows([["x"], ["y"]], view.assignments).problems[0]).toMatchObject({ code: "no_header" });
  });

  it("cross-checks workbook values against submitted ones", () => {
    const mismatches = crossCheckWorkbook(
      [{ assignmentId: rate.assignmentId, actual: 0.75 }, { assignmentId: other.assignmentId, actual: 1 }],
      [{ assignmentId: rate.assignmentId, actual: 0.75 + 1e-12 }, { assignmentId: "x", actual: 2 }],
      (id) => (id === "x" ? "CDS-X" : id),
    );
    expect(mismatches.map((m) => [m.assignmentId, m.field])).toEqual([
      ["x", "missing_in_workbook"],
      [other.assignmentId, "missing_in_submission"],
    ]);
  });
});

describe("a part that is not a number", () => {
  it("is reported once, on its own cell", () => {
    const reading = readReportRows(table([{ code: rate.indicatorCode, numerator: "ba mươi", denominator: 40 }]), view.assignments);
    expect(reading.problems.map((problem) => [problem.code, problem.cell])).toEqual([["not_a_number", "E3"]]);
  });
});
