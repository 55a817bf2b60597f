import { describe, expect, it } from "vitest";
import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { CatalogueLookup } from "../../shared/catalogue/lookup";
import { catalogueSchema } from "../../shared/catalogue/model";
import { buildPeriodAssignments } from "../../shared/report/buildPeriodAssignments";
import { EVIDENCE_COLUMNS } from "../../shared/report/evidenceColumns";
import { readReportRows, REPORT_COLUMNS, type TableColumnKey } from "../../shared/report/reportTable";
import demo from "../../functions/data/demo-catalogue.json";

const lookup = new CatalogueLookup(catalogueSchema.parse(demo));
const decision = lookup.decisions.get("phu-tho-1521-qd-ubnd")!;
const view = buildPeriodAssignments({ lookup, catalogueVersion: 1, decision, agency: lookup.agency("phu-tho", "so-tai-chinh")!, period: "2025-Q4" });
const row = view.assignments[0]!;
const COLUMNS = [...REPORT_COLUMNS, ...EVIDENCE_COLUMNS];

/** The header and one row; `formats` gives number formats the way Excel (in the add-in) reports them. */
function read(cells: Partial<Record<TableColumnKey, SheetCell>>, formats: Partial<Record<TableColumnKey, string>> = {}) {
  const grid: SheetCell[][] = [COLUMNS.map((column) => column.header), COLUMNS.map((column) => cells[column.key] ?? null)];
  const numberFormats = [COLUMNS.map(() => "General"), COLUMNS.map((column) => formats[column.key] ?? (column.key === "actual" ? "0.0%" : "General"))];
  return readReportRows(grid, view.assignments, { numberFormats });
}

describe("evidence columns of a report table", () => {
  it("reads a date serial in a date-formatted cell, as Excel gives it to the add-in", () => {
    const reading = read(
      { code: row.indicatorCode, actual: 0.02, evidenceNumber: "12/QĐ-UBND", evidenceDate: 45719, evidenceSummary: "Quyết định phê duyệt" },
      { evidenceDate: "dd/mm/yyyy" },
    );
    expect(reading.problems).toEqual([]);
    expect(reading.values[0]!.evidence).toEqual([{ documentNumber: "12/QĐ-UBND", issuedOn: "2025-03-03", summary: "Quyết định phê duyệt" }]);
  });

  it("refuses a bare number as a date and a citation without its summary, naming each cell", () => {
    const reading = read({ code: row.indicatorCode, actual: 0.02, evidenceNumber: "12/QĐ-UBND", evidenceDate: 45719 });
    expect(reading.problems.map((problem) => [problem.code, problem.cell])).toEqual([
      ["evidence_invalid", "K2"],
      ["evidence_invalid", "L2"],
    ]);
    expect(reading.problems[1]!.message).toBe("Ô L2: chưa ghi trích yếu của văn bản minh chứng (nội dung chính của văn bản).");
    expect(reading.values).toEqual([]);
  });

  it("leaves a row without evidence cells without evidence", () => {
    const reading = read({ code: row.indicatorCode, actual: 0.02, note: "Ước tính" });
    expect(reading.values).toEqual([{ assignmentId: row.assignmentId, actual: 0.02, note: "Ước tính" }]);
  });
});
