import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildConsolidatedReport } from "../../functions/report/consolidatedReport";
import { VERDICT_FILLS } from "../../functions/report/verdictStyle";
import { aggregateSchema, type Aggregate } from "../../shared/report/aggregate";

const cell = (code: string, verdict: string, label: string, extra: Record<string, unknown> = {}) => ({
  indicatorCode: code,
  assignmentId: `d.${code}`,
  order: code.slice(-1),
  text: `Chỉ tiêu ${code}`,
  targetText: "Tối thiểu 90%",
  verdict,
  label,
  explanation: `${label}: giải thích`,
  ...extra,
});

const LONG = "Trung tâm Phục vụ hành chính công / Chi nhánh số một của tỉnh";
const aggregate: Aggregate = aggregateSchema.parse({
  decision: { id: "phu-tho-1521-qd-ubnd", number: "1521/QĐ-UBND", province: "phu-tho" },
  period: "2025-Q4",
  periodLabel: "Quý IV năm 2025",
  reportDueDate: "2025-12-20",
  generatedAt: "2025-12-21T01:30:00.000Z",
  catalogueVersion: 3,
  agencies: [
    {
      id: "a", name: "Sở Tài chính", kind: "so_ban_nganh", status: "on_time", version: 2, submittedAt: "2025-12-19T02:00:00Z",
      assignedCount: 3, reportedCount: 3, metCount: 1,
      cells: [
        cell("C1", "met", "Đạt", { actual: 0.95, numerator: 95, denominator: 100 }),
        cell("C2", "not_met", "Không đạt", { actual: 0.5, note: '=HYPERLINK("http://x","bấm")' }),
        cell("C3", "pending", "Chưa đạt", { actual: "+84 912 345 678" }),
      ],
    },
    {
      id: "b", name: LONG, kind: "khac", status: "late", version: 1, submittedAt: "2025-12-22T03:00:00Z",
      assignedCount: 2, reportedCount: 1, metCount: 1,
      cells: [cell("C1", "met", "Đạt", { actual: 1 }), cell("C4", "no_data", "Chưa có số liệu")],
    },
    { id: "c", name: `${LONG} (2)`, kind: "khac", status: "missing", assignedCount: 1, reportedCount: 0, metCount: 0, cells: [cell("C1", "no_data", "Chưa có số liệu")] },
  ],
  indicators: [
    { code: "C1", name: "Tỷ lệ hồ sơ trực tuyến", assignedCount: 3, reportedCount: 2, metCount: 2, metShare: 2 / 3 },
    { code: "C2", name: "Chỉ tiêu 2", assignedCount: 1, reportedCount: 1, metCount: 0, metShare: 0 },
    { code: "C3", name: "Chỉ tiêu 3", assignedCount: 1, reportedCount: 1, metCount: 0, metShare: 0 },
    { code: "C4", name: "Chỉ tiêu 4", assignedCount: 1, reportedCount: 0, metCount: 0, metShare: 0 },
  ],
  completeness: { assigned: 3, onTime: 1, late: 1, missing: 1 },
});

async function load(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buildConsolidatedReport(aggregate)) as unknown as ArrayBuffer);
  return workbook;
}

function rowOf(sheet: ExcelJS.Worksheet, column: number, value: unknown): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(column).value === value) found ??= row;
  });
  if (!found) throw new Error(`no row with ${String(value)}`);
  return found;
}

describe("consolidated report", () => {
  it("names sheets validly and uniquely", async () => {
    const names = (await load()).worksheets.map((sheet) => sheet.name);
    expect(names.slice(0, 3)).toEqual(["Tổng hợp", "Chưa nộp", "Sở Tài chính"]);
    expect(names).toHaveLength(5);
    expect(new Set(names).size).toBe(5);
    for (const name of names) expect(name.length <= 31 && !/[:\\/?*[\]]/.test(name)).toBe(true);
  });

  it("colours each verdict in the summary matrix and adds the share of agencies met", async () => {
    const summary = (await load()).getWorksheet("Tổng hợp")!;
    const row = rowOf(summary, 2, "Sở Tài chính");
    expect([6, 7, 8, 9].map((column) => row.getCell(column).value)).toEqual(["Đạt", "Không đạt", "Chưa đạt", "—"]);
    expect((row.getCell(6).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(VERDICT_FILLS.met);
    expect((row.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(VERDICT_FILLS.not_met);
    expect(row.getCell(3).value).toBe("Đã nộp đúng hạn");
    expect(row.getCell(5).value).toBe("1/3");
    const share = rowOf(summary, 2, "Tỷ lệ cơ quan đạt");
    expect(share.getCell(6).value).toBeCloseTo(2 / 3);
    expect(share.getCell(6).numFmt).toBe("0%");
  });

  it("lists missing and late agencies", async () => {
    const sheet = (await load()).getWorksheet("Chưa nộp")!;
    expect(rowOf(sheet, 2, `${LONG} (2)`).getCell(3).value).toBe(1);
    expect(rowOf(sheet, 2, LONG).getCell(3).value).toBe("22/12/2025 10:00");
  });

  it("writes agency-typed text that looks like a formula as text, and numbers as numbers", async () => {
    const sheet = (await load()).getWorksheet("Sở Tài chính")!;
    const hyperlinkRow = rowOf(sheet, 2, "Chỉ tiêu C2");
    expect(hyperlinkRow.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(String(hyperlinkRow.getCell(6).value)).toContain('=HYPERLINK("http://x","bấm")');
    const phone = rowOf(sheet, 2, "Chỉ tiêu C3").getCell(4);
    expect(phone.type).toBe(ExcelJS.ValueType.String);
    expect(phone.value).toBe("+84 912 345 678");
    const rate = rowOf(sheet, 2, "Chỉ tiêu C1");
    expect(rate.getCell(4).value).toBe(0.95);
    expect(rate.getCell(6).value).toBe("95/100");
  });
});
