import { describe, expect, it } from "vitest";
import type { SheetCell } from "../../../shared/catalogue/importers/sheetRows";
import { compileFormula } from "../../../shared/formula/compile";
import type { PeriodAssignments } from "../../../shared/report/periodAssignments";
import { REPORT_COLUMNS, type ReportColumnKey } from "../../../shared/report/reportTable";
import {
  HEADER_ROW,
  planReportTable,
  TABLE_FIRST_ROW,
  UNASSIGNED_MARK,
  type PlannedCell,
  type ReportTablePlan,
} from "../../../addin/report/planReportTable";
import { PERCENT_FORMAT } from "../../../shared/sheet/formats";
import { cellsOp } from "../../../shared/sheet/plan";
import { reportTableOps } from "../../../shared/sheet/reportTable/layout";
import { FORM_INSTRUCTION } from "../../../shared/sheet/reportTable/columns";
import { EVIDENCE_COLUMNS } from "../../../shared/report/evidenceColumns";
import { byTarget, demoView, withTarget } from "./fixtures";

const KPI = { verdictMode: "kpi", functionNamespace: "KPI" } as const;
const column = (key: ReportColumnKey) => REPORT_COLUMNS.findIndex((c) => c.key === key);

function cellOf(plan: ReportTablePlan, code: string, key: ReportColumnKey): PlannedCell {
  const row = plan.rows.find((candidate) => candidate.code === code);
  if (!row) throw new Error(`no row ${code}`);
  return row.cells[column(key)]!;
}

function rowNumberOf(plan: ReportTablePlan, code: string): number {
  return TABLE_FIRST_ROW + plan.rows.findIndex((row) => row.code === code);
}

/**
 * The sheet as Excel would return its values after an officer typed `typed` into it: formulas replaced by what
 * Excel computes for the rate (verdicts are not needed by the planner), header and title included.
 */
function sheetValues(plan: ReportTablePlan, typed: Record<string, Partial<Record<ReportColumnKey, SheetCell>>> = {}): SheetCell[][] {
  const plain = (cell: PlannedCell): SheetCell =>
    "text" in cell ? cell.text : "date" in cell ? cell.date : "value" in cell ? cell.value : null;
  const rows = plan.rows.map((row) => {
    const values = row.cells.map(plain);
    for (const [key, value] of Object.entries(typed[row.code] ?? {})) values[column(key as ReportColumnKey)] = value;
    const actual = row.cells[column("actual")]!;
    if ("formula" in actual && actual.computes.kind === "rate" && typed[row.code]?.actual === undefined) {
      const [numerator, denominator] = [values[column("numerator")], values[column("denominator")]];
      values[column("actual")] = typeof numerator === "number" && typeof denominator === "number" && denominator > 0 ? numerator / denominator : "";
    }
    return values;
  });
  return [...plan.title.map((line) => [line]), plan.header, ...rows];
}

describe("planning the report table", () => {
  it("lays out a first pull: title, header at HEADER_ROW, rate and verdict formulas on the right rows", () => {
    const view = demoView();
    const plan = planReportTable(view, undefined, KPI);
    expect(HEADER_ROW).toBe(5);
    expect(TABLE_FIRST_ROW).toBe(6);
    expect(plan.title).toHaveLength(4);
    expect(plan.title[3]).toBe(FORM_INSTRUCTION);
    expect(plan.title[1]).toBe("Sở Tài chính — Quý IV/2025");
    expect(plan.title[2]).toBe(`Văn bản giao: 1521/QĐ-UBND (${view.decision.title}). Hạn nộp báo cáo: 20/12/2025.`);
    // The offline form's columns: the nine of the report, the note as "Ghi chú", then the evidence.
    expect(plan.header).toEqual([...REPORT_COLUMNS.map((c) => (c.key === "note" ? "Ghi chú" : c.header)), ...EVIDENCE_COLUMNS.map((c) => c.header)]);
    expect(plan.rows).toHaveLength(view.assignments.length);
    expect(plan.rows.every((row) => row.cells.length === 13 && row.assigned && row.percent)).toBe(true);
    expect(plan.binding.assignmentIds).toEqual(view.assignments.map((a) => a.assignmentId));
    expect(plan.changes.added).toHaveLength(view.assignments.length);
    expect(plan.summary).toBe(`Đã tạo bảng báo cáo gồm ${view.assignments.length} chỉ tiêu.`);

    const rate = byTarget(view, "Tối thiểu 70%");
    const row = rowNumberOf(plan, rate.indicatorCode);
    expect(cellOf(plan, rate.indicatorCode, "actual")).toMatchObject({
      formula: `=IF(AND(ISNUMBER(E${row}),ISNUMBER(F${row}),F${row}>0),E${row}/F${row},"")`,
    });
    expect(cellOf(plan, rate.indicatorCode, "verdict")).toMatchObject({ formula: `=KPI.STATUS(G${row},D${row})` });
    expect(cellOf(plan, rate.indicatorCode, "target")).toEqual({ text: "Tối thiểu 70%" });
    expect((cellOf(plan, rate.indicatorCode, "text") as { text: string }).text).toContain("Tử số: hồ sơ trực tuyến");
  });

  it("passes a unit column to KPI.STATUS and keeps the rate a fraction with a percent format, never *100", () => {
    const base = demoView();
    const view: PeriodAssignments = { ...base, assignments: [withTarget(base.assignments[0]!, "≥ 70", "%")] };
    const plan = planReportTable(view, undefined, { verdictMode: "kpi", functionNamespace: "KPIDEV" });
    const code = view.assignments[0]!.indicatorCode;
    expect(cellOf(plan, code, "verdict")).toMatchObject({ formula: `=KPIDEV.STATUS(G6,D6,,"%")` });
    expect(cellOf(plan, code, "actual")).toMatchObject({ formula: `=IF(AND(ISNUMBER(E6),ISNUMBER(F6),F6>0),E6/F6,"")` });
    expect(plan.rows[0]).toMatchObject({ percent: true });
    const table = reportTableOps(plan).find((op) => op.op === "cells" && op.range.startsWith(`A${HEADER_ROW}:`));
    expect(table?.op === "cells" && table.numberFormats[1]![column("actual")]).toBe(PERCENT_FORMAT);
    expect(reportTableOps(plan)).toContainEqual(expect.objectContaining({ op: "validate", range: "G6", rule: { kind: "decimal", min: 0, max: 1 } }));
  });

  it("writes the compiled plain formula in formula mode", () => {
    const view = demoView();
    const plan = planReportTable(view, undefined, { verdictMode: "formula", functionNamespace: "KPI" });
    const assignment = byTarget(view, "Tối thiểu 65%");
    const row = rowNumberOf(plan, assignment.indicatorCode);
    const expected = compileFormula(assignment.target, `G${row}`, { dueDate: "2025-12-31" });
    expect(expected.ok).toBe(true);
    expect(cellOf(plan, assignment.indicatorCode, "verdict")).toMatchObject({ formula: expected.ok ? expected.formula : "" });
    expect(() => planReportTable(view, undefined, { verdictMode: "kpi", functionNamespace: "KPI)+1" })).toThrow(/không hợp lệ/);
  });

  it("keeps typed values across a re-pull with one added, one removed and one target changed", () => {
    const current = demoView();
    const added = current.assignments[current.assignments.length - 1]!;
    const removed = { ...current.assignments[0]!, assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.99", indicatorCode: "CDS-099", order: "99" };
    // The earlier pull had the assignment since withdrawn near the top, so the kept rows move up a row.
    const earlier: PeriodAssignments = {
      ...current,
      assignments: [current.assignments[0]!, removed, ...current.assignments.slice(1, -1)],
    };
    const first = planReportTable(earlier, undefined, KPI);
    const payOnline = byTarget(current, "Tối thiểu 65%");
    const filesOnline = byTarget(current, "Tối thiểu 70%");
    const services = current.assignments.find((a) => a.indicatorCode === "CDS-005")!;
    const grid = sheetValues(first, {
      [payOnline.indicatorCode]: { actual: 0.7 },
      [filesOnline.indicatorCode]: { numerator: 30, denominator: 40, note: "QĐ 12/QĐ-STC" },
      [services.indicatorCode]: { note: "=chưa có văn bản" },
      [removed.indicatorCode]: { actual: 0.9, note: "đã báo cáo riêng" },
    });

    const view: PeriodAssignments = {
      ...current,
      assignments: current.assignments.map((a) => (a === filesOnline ? withTarget(a, "Tối thiểu 75%") : a)),
    };
    const plan = planReportTable(view, { grid, binding: first.binding }, KPI);

    expect(plan.rows.map((row) => row.code)).toEqual([...view.assignments.map((a) => a.indicatorCode), "CDS-099"]);
    expect(cellOf(plan, payOnline.indicatorCode, "actual")).toEqual({ value: 0.7 });
    const filesRow = rowNumberOf(plan, filesOnline.indicatorCode);
    expect(cellOf(plan, filesOnline.indicatorCode, "numerator")).toEqual({ value: 30 });
    expect(cellOf(plan, filesOnline.indicatorCode, "denominator")).toEqual({ value: 40 });
    // The rate Excel computed is not a typed value: the formula is written again for the row's new place.
    expect(cellOf(plan, filesOnline.indicatorCode, "actual")).toMatchObject({ formula: expect.stringContaining(`E${filesRow}/F${filesRow}`) });
    expect(cellOf(plan, filesOnline.indicatorCode, "note")).toEqual({ value: "QĐ 12/QĐ-STC" });
    expect(cellOf(plan, filesOnline.indicatorCode, "target")).toEqual({ text: "Tối thiểu 75%" });
    expect(cellOf(plan, services.indicatorCode, "note")).toEqual({ text: "=chưa có văn bản" });
    expect(cellOf(plan, added.indicatorCode, "actual")).toMatchObject({ formula: expect.any(String) });

    const kept = plan.rows[plan.rows.length - 1]!;
    expect(kept).toMatchObject({ assignmentId: removed.assignmentId, code: "CDS-099", assigned: false });
    expect((kept.cells[column("text")] as { text: string }).text.endsWith(UNASSIGNED_MARK)).toBe(true);
    expect(kept.cells[column("actual")]).toEqual({ value: 0.9 });
    expect(kept.cells[column("note")]).toEqual({ value: "đã báo cáo riêng" });
    expect(kept.cells[column("verdict")]).toEqual({ value: null });

    expect(plan.changes).toEqual({
      added: [added.assignmentId],
      removed: [{ assignmentId: removed.assignmentId, code: "CDS-099", hadValue: true }],
      targetChanged: [{ assignmentId: filesOnline.assignmentId, code: filesOnline.indicatorCode, from: "Tối thiểu 70%", to: "Tối thiểu 75%" }],
      kept: 3,
      duplicates: [],
    });
    expect(plan.summary).toBe(
      `Đã thêm 1 chỉ tiêu, giữ nguyên số liệu đã nhập của 3 chỉ tiêu; 1 chỉ tiêu không còn được giao nhưng có số liệu đã nhập được giữ ở cuối bảng, ghi "${UNASSIGNED_MARK}"; 1 chỉ tiêu đổi chỉ tiêu giao.`,
    );
    expect(plan.binding.assignmentIds).toEqual([...view.assignments.map((a) => a.assignmentId), removed.assignmentId]);
    // The old table reached row 5 + 8; the new one reaches row 5 + 9, and column N of the province's verdicts.
    expect(plan.clear).toEqual({ rows: HEADER_ROW + 9, columns: 14 });

    // Pulling again marks the kept row once, not twice.
    const again = planReportTable(view, { grid: sheetValues(plan), binding: plan.binding }, KPI);
    const text = (again.rows[again.rows.length - 1]!.cells[column("text")] as { text: string }).text;
    expect(text.split(UNASSIGNED_MARK)).toHaveLength(2);
    expect(again.summary).toBe(
      `Giữ nguyên số liệu đã nhập của 3 chỉ tiêu; 1 chỉ tiêu không còn được giao nhưng có số liệu đã nhập được giữ ở cuối bảng, ghi "${UNASSIGNED_MARK}".`,
    );
  });

  it("matches rows by code when the binding is missing, and drops removed rows holding nothing", () => {
    const view = demoView();
    const extra = { ...view.assignments[1]!, assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.77", indicatorCode: "CDS-077" };
    const first = planReportTable({ ...view, assignments: [...view.assignments].reverse().concat(extra) }, undefined, KPI);
    const code = view.assignments[2]!.indicatorCode;
    const plan = planReportTable(view, { grid: sheetValues(first, { [code]: { numerator: 3, denominator: 4 } }) }, KPI);
    expect(cellOf(plan, code, "numerator")).toEqual({ value: 3 });
    expect(plan.rows).toHaveLength(view.assignments.length);
    expect(plan.changes.removed).toEqual([{ code: "CDS-077", hadValue: false }]);
    expect(plan.summary).toBe("Giữ nguyên số liệu đã nhập của 1 chỉ tiêu; bỏ 1 dòng trống của chỉ tiêu không còn được giao.");
  });

  it("replaces the *100 rate formula of an older table with the fraction, keeping the typed parts", () => {
    const base = demoView();
    const view: PeriodAssignments = { ...base, assignments: [withTarget(base.assignments[0]!, "≥ 70", "%"), ...base.assignments.slice(1)] };
    const first = planReportTable(view, undefined, KPI);
    const code = view.assignments[0]!.indicatorCode;
    const grid = sheetValues(first, { [code]: { numerator: 3, denominator: 4, actual: 75 } });
    const formulas = grid.map((row) => row.map((): string | null => null));
    formulas[HEADER_ROW]![column("actual")] = `=IF(AND(ISNUMBER(E5),ISNUMBER(F5),F5>0),E5/F5*100,"")`;
    const plan = planReportTable(view, { grid, formulas, binding: first.binding }, KPI);
    expect(cellOf(plan, code, "actual")).toMatchObject({ formula: `=IF(AND(ISNUMBER(E6),ISNUMBER(F6),F6>0),E6/F6,"")` });
    expect(cellOf(plan, code, "numerator")).toEqual({ value: 3 });
    expect(plan.rows[0]).toMatchObject({ percent: true });
  });

  it("keeps an officer's formula where its row stays and its value where the row moves", () => {
    const view = demoView();
    const first = planReportTable(view, undefined, KPI);
    const [stay, move] = [view.assignments[0]!, view.assignments[3]!];
    const grid = sheetValues(first, { [stay.indicatorCode]: { note: 12 }, [move.indicatorCode]: { note: 7 } });
    const formulas = grid.map((row) => row.map((): string | null => null));
    formulas[HEADER_ROW]![column("note")] = "=SUM(X1:X3)";
    formulas[HEADER_ROW + 3]![column("note")] = "=SUM(Y1:Y3)";
    // The next pull inserts a row before the second one.
    const inserted = { ...view.assignments[1]!, assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.55", indicatorCode: "CDS-055" };
    const next: PeriodAssignments = { ...view, assignments: [view.assignments[0]!, inserted, ...view.assignments.slice(1)] };
    const plan = planReportTable(next, { grid, formulas, binding: first.binding }, KPI);
    expect(cellOf(plan, stay.indicatorCode, "note")).toEqual({ formula: "=SUM(X1:X3)", computes: { kind: "officer", value: 12 } });
    expect(cellOf(plan, move.indicatorCode, "note")).toEqual({ value: 7 });
  });

  it("moves a filled table of another period aside instead of merging it", () => {
    const q3 = demoView("so-tai-chinh", "2025-Q3");
    const first = planReportTable(q3, undefined, KPI);
    const code = q3.assignments[0]!.indicatorCode;
    const plan = planReportTable(demoView(), { grid: sheetValues(first, { [code]: { actual: 0.5 } }), binding: first.binding }, KPI);
    expect(plan.archive).toEqual({
      sheetName: "Báo cáo 2025-Q3",
      reason: "other_report",
      previous: { decisionId: "phu-tho-1521-qd-ubnd", period: "2025-Q3", agencyId: "so-tai-chinh" },
    });
    expect(cellOf(plan, code, "actual")).toMatchObject({ formula: expect.any(String) });
    expect(plan.summary).toContain('đổi tên thành "Báo cáo 2025-Q3"');

    const empty = planReportTable(demoView(), { grid: sheetValues(first), binding: first.binding }, KPI);
    expect(empty.archive).toBeUndefined();
    expect(empty.summary).toBe(`Đã tạo bảng báo cáo gồm ${q3.assignments.length} chỉ tiêu.`);

    // Content with no report header cannot be merged, so it is kept aside too.
    const foreign = planReportTable(demoView(), { grid: [["Ghi chép riêng"], [null, 42]] }, KPI);
    expect(foreign.archive).toEqual({ sheetName: "Báo cáo cũ", reason: "unrecognised" });
    expect(foreign.summary).toContain("không có dòng tiêu đề của bảng báo cáo");
    expect(planReportTable(demoView(), { grid: [] }, KPI).archive).toBeUndefined();
  });

  it("keeps a second row of one indicator holding values, and a row nobody can place", () => {
    const view = demoView();
    const first = planReportTable(view, undefined, KPI);
    const grid = sheetValues(first, { [view.assignments[0]!.indicatorCode]: { actual: 0.4 } });
    grid.push([null, view.assignments[0]!.indicatorCode, "bản sao", null, null, null, 0.6, null, null]);
    grid.push([null, null, null, null, null, null, null, null, "ghi chú lạc dòng"]);
    const plan = planReportTable(view, { grid }, KPI);
    expect(plan.changes.duplicates).toEqual([{ assignmentId: view.assignments[0]!.assignmentId, code: view.assignments[0]!.indicatorCode }]);
    expect(plan.rows.slice(-2).map((row) => (row.cells[column("text")] as { text: string }).text)).toEqual([
      "bản sao (dòng trùng)",
      "(không rõ chỉ tiêu)",
    ]);
    expect(plan.rows[plan.rows.length - 1]!.cells[column("note")]).toEqual({ value: "ghi chú lạc dòng" });
    // The ids stop at the row no id is known for; readReportRows matches the rest by code.
    expect(plan.binding.assignmentIds).toHaveLength(view.assignments.length);
  });
});

describe("sheet operations of the table", () => {
  it("writes every decision text and formula-looking typed text with the text format", () => {
    const base = demoView();
    const view: PeriodAssignments = {
      ...base,
      assignments: [{ ...base.assignments[0]!, text: "=HYPERLINK(\"x\")", order: "1.10" }, ...base.assignments.slice(1)],
    };
    const plan = planReportTable(view, undefined, KPI);
    const table = reportTableOps(plan).find((op) => op.op === "cells" && op.range.startsWith(`A${HEADER_ROW}:`));
    expect(table).toMatchObject({ range: `A${HEADER_ROW}:M${HEADER_ROW + view.assignments.length}` });
    if (table?.op !== "cells") throw new Error("no table");
    expect(table.numberFormats[1]!.slice(0, 4)).toEqual(["@", "@", "@", "@"]);
    expect(table.numberFormats[1]![column("actual")]).toBe("0.0%");
    expect(table.cells[1]![column("text")]).toEqual({ text: "=HYPERLINK(\"x\")" });
    expect(table.cells[1]![column("order")]).toEqual({ text: "1.10" });
    expect(cellsOp(1, 0, [[{ value: "+84 912" }, { value: "ok" }, { date: "2025-06-30" }]])).toMatchObject({
      range: "A1:C1",
      numberFormats: [["@", "General", "dd/mm/yyyy"]],
    });
  });
});
