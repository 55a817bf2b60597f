import { describe, expect, it } from "vitest";
import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { isPercentFormat, readPercentCell } from "../../shared/report/percentCell";
import type { PeriodAssignment } from "../../shared/report/periodAssignments";
import { readReportRows, REPORT_COLUMNS } from "../../shared/report/reportTable";
import { parseTarget } from "../../shared/target/parse";

function assignment(targetText: string, unit?: string): PeriodAssignment {
  const parsed = parseTarget(targetText, unit ? { unit } : {});
  if (!parsed.ok) throw new Error(`"${targetText}" does not parse`);
  return {
    assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.1",
    indicatorCode: "CDS-001",
    order: "1",
    text: "Tỷ lệ hồ sơ trực tuyến",
    targetText,
    target: parsed.target,
    yearTargetText: targetText,
    ...(unit ? { unit } : {}),
    indicatorKind: "percent",
  };
}

const HEADER = REPORT_COLUMNS.map((column) => column.header);
const ACTUAL = REPORT_COLUMNS.findIndex((column) => column.key === "actual");

/** One data row under the header; the Kết quả cell with the given value and number format. */
function readOne(row: PeriodAssignment, actual: SheetCell, format: string | undefined, parts?: [number, number]) {
  const cells = REPORT_COLUMNS.map((column): SheetCell => {
    if (column.key === "code") return row.indicatorCode;
    if (column.key === "actual") return actual;
    if (column.key === "numerator") return parts?.[0] ?? null;
    if (column.key === "denominator") return parts?.[1] ?? null;
    return null;
  });
  const formats = [HEADER.map(() => "General"), cells.map((_, column) => (column === ACTUAL ? format : "General"))];
  return readReportRows([HEADER, cells], [row], { numberFormats: formats });
}

describe("where a rate cell stops being read and the officer is asked", () => {
  const atLeast90 = assignment("Tối thiểu 90%", "%");

  it("a percent-formatted cell holds a fraction: 0,92 is 92%, never asked", () => {
    expect(readPercentCell(0.92, "0.0%", atLeast90)).toEqual({ kind: "clear", actual: 0.92 });
    expect(readOne(atLeast90, 0.92, "0%").values).toEqual([{ assignmentId: atLeast90.assignmentId, actual: 0.92 }]);
  });

  it("0,92 in a General cell against ≥ 90% could be 92% or 0,92%: asked, with both readings", () => {
    const reading = readOne(atLeast90, 0.92, "General");
    expect(reading.values).toEqual([]);
    expect(reading.problems).toEqual([
      {
        code: "ambiguous_percent",
        cell: "G2",
        assignmentId: atLeast90.assignmentId,
        message: expect.stringMatching(/^Ô G2: 0,92 nghĩa là 92% hay 0,92%\?/),
        question: "Ô G2: 0,92 nghĩa là 92% hay 0,92%?",
        choices: [
          { label: "92%", fraction: 0.92 },
          { label: "0,92%", fraction: 0.0092 },
        ],
      },
    ]);
  });

  it("a format the reader could not learn is no percent format: still asked", () => {
    expect(readOne(atLeast90, 0.5, undefined).problems.map((problem) => problem.code)).toEqual(["ambiguous_percent"]);
    expect(readPercentCell("0,92", "@", atLeast90).kind).toBe("ambiguous");
  });

  it("92 typed in a General rate cell is asked as 92%, never read as 9200% or silently as points", () => {
    expect(readPercentCell(92, "General", atLeast90)).toEqual({ kind: "ambiguous", value: 92, choices: [{ label: "92%", fraction: 0.92 }] });
  });

  it("a rate from Tử số / Mẫu số is a fraction and never asked, whatever the cell's format", () => {
    expect(readOne(atLeast90, 0.92, "General", [46, 50]).values).toEqual([
      { assignmentId: atLeast90.assignmentId, actual: 0.92, numerator: 46, denominator: 50 },
    ]);
  });

  it("text with % says what it means; out-of-range numbers go to the range check, not to a question", () => {
    expect(readPercentCell("92%", "General", atLeast90)).toEqual({ kind: "clear", actual: "92%" });
    expect(readOne(atLeast90, 150, "General").problems.map((problem) => problem.code)).toEqual(["percent_out_of_range"]);
    expect(readOne(atLeast90, 0, "General").values[0]?.actual).toBe(0);
  });

  it("against a 0% target both readings agree, so a General 0,5 reads as 50%", () => {
    expect(readPercentCell(0.5, "General", assignment("0%"))).toEqual({ kind: "clear", actual: 0.5 });
  });

  it("against a 1% threshold a General value is asked only when its two readings get different verdicts", () => {
    const onePercent = assignment("Tối thiểu 1% tổng chi ngân sách");
    expect(readPercentCell(0.5, "General", onePercent).kind).toBe("ambiguous");
    expect(readPercentCell(1, "General", onePercent)).toEqual({ kind: "clear", actual: 1 });
  });

  it("knows a percent format when it sees one", () => {
    expect(["0%", "0.0%", "0.00%;[Red]-0.00%", '#,##0.0" %"'].map(isPercentFormat)).toEqual([true, true, true, false]);
    expect(["General", "0.00", "@", "[$%-409]0", null, undefined].map(isPercentFormat)).toEqual([false, false, false, false, false, false]);
  });
});
