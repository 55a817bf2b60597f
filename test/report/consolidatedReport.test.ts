import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildConsolidatedReport } from "../../functions/report/consolidatedReport";
import { aggregateSchema, type Aggregate } from "../../shared/report/aggregate";

/** The fills are pinned here rather than imported, so a colour changed by mistake in the style module fails a test. */
const FILLS = {
  met: "FFC6EFCE",
  not_met: "FFFFC7CE",
  pending: "FFFFEB9C",
  needs_review: "FFDDEBF7",
  no_data: "FFEDEDED",
  invalid_actual: "FFF8CBAD",
} as const;

type Verdict = keyof typeof FILLS;

const LABELS: Record<Verdict, string> = {
  met: "Đạt",
  not_met: "Không đạt",
  pending: "Chưa đạt",
  no_data: "Chưa có số liệu",
  needs_review: "Cần đánh giá",
  invalid_actual: "Số liệu không hợp lệ",
};

function cell(code: string, verdict: Verdict, explanation: string, extra: Record<string, unknown> = {}) {
  return {
    indicatorCode: code,
    assignmentId: `phu-tho-1521-qd-ubnd.${code.toLowerCase()}`,
    order: code.slice(-1),
    text: `Chỉ tiêu ${code}`,
    targetText: "Tối thiểu 90%",
    verdict,
    label: LABELS[verdict],
    explanation,
    ...extra,
  };
}

const HYPERLINK_NOTE = '=HYPERLINK("http://x")';
const AT_NOTE = "@SUM(A1:A2)";
const PHONE = "+84 912 345 678";
const MINUS_TEXT = "-3 hồ sơ tồn";
// Both are longer than 31 characters, carry a "/", and share their first 31 characters.
const CDC = "Sở Y tế/Trung tâm Kiểm soát bệnh tật tỉnh Phú Thọ";
const CDC_BRANCH = "Sở Y tế/Trung tâm Kiểm soát bệnh tật Việt Trì";

const base = {
  decision: { id: "phu-tho-1521-qd-ubnd", number: "1521/QĐ-UBND", title: "Kế hoạch chuyển đổi số năm 2025", province: "phu-tho" },
  period: "2025-Q4",
  periodLabel: "Quý IV năm 2025",
  reportDueDate: "2025-12-20",
  generatedAt: "2025-12-21T01:30:00.000Z",
  catalogueVersion: 3,
  agencies: [
    {
      id: "so-tai-chinh",
      name: "Sở Tài chính",
      kind: "so_ban_nganh",
      status: "on_time",
      version: 2,
      submittedAt: "2025-12-19T02:00:00Z",
      assignedCount: 3,
      reportedCount: 3,
      metCount: 1,
      // Not assigned CDS-04.
      cells: [
        cell("CDS-01", "met", "Đạt: 95,5% ≥ 90%", { actual: 0.955, percent: true, numerator: 1910, denominator: 2000 }),
        cell("CDS-02", "not_met", "Không đạt: 40% < 90%", { actual: 0.4, percent: true, note: HYPERLINK_NOTE }),
        cell("CDS-03", "pending", "Chưa đạt: còn trong thời hạn", { actual: PHONE }),
      ],
    },
    {
      id: "so-y-te-cdc",
      name: CDC,
      kind: "khac",
      status: "late",
      version: 1,
      submittedAt: "2025-12-22T03:00:00Z",
      assignedCount: 4,
      reportedCount: 3,
      metCount: 1,
      cells: [
        cell("CDS-01", "needs_review", "Cần cán bộ đánh giá", { actual: MINUS_TEXT }),
        cell("CDS-02", "invalid_actual", "Không đọc được số liệu", { actual: "khoảng 50" }),
        cell("CDS-03", "met", "Đạt: đã ban hành", { actual: true, note: AT_NOTE }),
        cell("CDS-04", "no_data", "Báo cáo không có số liệu chỉ tiêu này."),
      ],
    },
    {
      id: "so-y-te-cdc-viet-tri",
      name: CDC_BRANCH,
      kind: "khac",
      status: "missing",
      assignedCount: 2,
      reportedCount: 0,
      metCount: 0,
      cells: [
        cell("CDS-01", "no_data", "Cơ quan chưa nộp báo cáo kỳ này."),
        cell("CDS-04", "no_data", "Cơ quan chưa nộp báo cáo kỳ này."),
      ],
    },
  ],
  indicators: [
    { code: "CDS-01", name: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", assignedCount: 3, reportedCount: 2, metCount: 1, metShare: 1 / 3 },
    { code: "CDS-02", name: "Tỷ lệ văn bản điện tử có ký số", assignedCount: 2, reportedCount: 2, metCount: 0, metShare: 0 },
    { code: "CDS-03", name: "Ban hành kế hoạch chuyển đổi số", assignedCount: 2, reportedCount: 2, metCount: 1, metShare: 0.5 },
    { code: "CDS-04", name: "Số cuộc họp trực tuyến", assignedCount: 2, reportedCount: 0, metCount: 0, metShare: 0 },
  ],
  completeness: { assigned: 3, onTime: 1, late: 1, missing: 1 },
};

const aggregate: Aggregate = aggregateSchema.parse(base);

/** Everyone reported, under names an attacker would pick. */
const HOSTILE_NAMES = ["=1+2", "+Sở Nội vụ", "-Xã Hà Hòa"] as const;
const hostile: Aggregate = aggregateSchema.parse({
  ...base,
  agencies: base.agencies.map((agency, index) => ({
    ...agency,
    name: HOSTILE_NAMES[index],
    status: agency.status === "missing" ? "on_time" : agency.status,
  })),
  completeness: { assigned: 3, onTime: 2, late: 1, missing: 0 },
});

/** Names Excel or exceljs would refuse, or that collide with the report's own sheets. */
const reserved: Aggregate = aggregateSchema.parse({
  ...base,
  agencies: base.agencies.map((agency, index) => ({ ...agency, name: ["History", "Tổng hợp", "chú thích"][index] })),
});

const PROVINCE = "Sở KH&CN Phú Thọ";
const CONFIRMED = "Đã đối chiếu văn bản số 45/KH-STC";
const OVERRULED = "Kế hoạch đã ban hành trong kỳ";
/** The province confirmed one verdict of Sở Tài chính and overruled another. */
const reviewed: Aggregate = aggregateSchema.parse({
  ...base,
  agencies: base.agencies.map((agency, index) =>
    index !== 0
      ? agency
      : {
          ...agency,
          reviewState: "approved",
          metCount: 2,
          cells: agency.cells.map((item) =>
            item.indicatorCode === "CDS-01"
              ? {
                  ...item,
                  decidedBy: "person",
                  person: { reason: CONFIRMED, byLabel: PROVINCE, at: "2025-12-21T01:00:00Z", override: false, automaticVerdict: "met", automaticLabel: "Đạt" },
                }
              : item.indicatorCode === "CDS-02"
                ? {
                    ...item,
                    verdict: "met",
                    label: "Đạt",
                    decidedBy: "person",
                    person: { reason: OVERRULED, byLabel: PROVINCE, at: "2025-12-21T01:00:00Z", override: true, automaticVerdict: "not_met", automaticLabel: "Không đạt" },
                  }
                : item,
          ),
        },
  ),
});

/** Names that only become valid sheet names once composed, cut and cleaned. */
const AWKWARD_NAMES = ["Ủy ban nhân dân phường Âu Cơ".normalize("NFD"), "Trung tâm Văn hóa và Điện ảnh 'Đất Tổ'", "Sở Công\nThương"];
const awkward: Aggregate = aggregateSchema.parse({
  ...base,
  agencies: base.agencies.map((agency, index) => ({ ...agency, name: AWKWARD_NAMES[index] })),
});

async function bytesOf(source: Aggregate): Promise<Buffer> {
  return buildConsolidatedReport(source);
}

async function load(source: Aggregate | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((Buffer.isBuffer(source) ? source : await bytesOf(source)) as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}" among ${workbook.worksheets.map((item) => item.name).join(", ")}`);
  return sheet;
}

function rowOf(sheet: ExcelJS.Worksheet, column: number, value: unknown): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(column).value === value) found ??= row;
  });
  if (!found) throw new Error(`no row of "${sheet.name}" with ${String(value)} in column ${column}`);
  return found;
}

function hasText(sheet: ExcelJS.Worksheet, text: string): boolean {
  let found = false;
  sheet.eachRow((row) => row.eachCell((item) => (found ||= item.value === text)));
  return found;
}

function fillOf(item: ExcelJS.Cell): string | undefined {
  const fill = item.fill as ExcelJS.FillPattern | undefined;
  return fill?.pattern === "solid" ? fill.fgColor?.argb : undefined;
}

/** The report's own sheets, in their order, before the agencies' sheets. */
const REPORT_SHEETS = [
  "Tổng hợp",
  "Chưa nộp, nộp muộn",
  "Theo chỉ tiêu",
  "Biểu đồ theo chỉ tiêu",
  "Biểu đồ theo cơ quan",
  "Ma trận (1)",
  "Chú thích",
];
const CHART_SHEETS = ["Biểu đồ theo chỉ tiêu", "Biểu đồ theo cơ quan"];
const MATRIX = "Ma trận (1)";
/** The four indicators of the fixture, in the matrix's columns C to F. */
const VERDICT_COLUMNS = [3, 4, 5, 6];
/** A wall-clock instant in Vietnam as an Excel date cell holds it (exceljs reads dates back as UTC). */
const vietnamWallClock = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000);

let report: ExcelJS.Workbook;
let hostileReport: ExcelJS.Workbook;
let reviewedReport: ExcelJS.Workbook;

beforeAll(async () => {
  [report, hostileReport, reviewedReport] = await Promise.all([load(aggregate), load(hostile), load(reviewed)]);
});

describe("consolidated report: sheets", () => {
  it("names the sheets validly and uniquely, truncating long names and numbering collisions", () => {
    const names = report.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([...REPORT_SHEETS, "Sở Tài chính", "Sở Y tế-Trung tâm Kiểm soát bện", "Sở Y tế-Trung tâm Kiểm soát (2)"]);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]|^'|'$/);
    }
  });

  it("keeps a name Excel reserves or the report already uses from breaking the workbook", async () => {
    expect((await load(reserved)).worksheets.slice(REPORT_SHEETS.length).map((sheet) => sheet.name)).toEqual([
      "History (2)",
      "Tổng hợp (2)",
      "chú thích (2)",
    ]);
  });

  it("counts composed characters, never ends a name with a quote after cutting it, and drops line breaks", async () => {
    expect((await load(awkward)).worksheets.slice(REPORT_SHEETS.length).map((sheet) => sheet.name)).toEqual([
      "Ủy ban nhân dân phường Âu Cơ",
      "Trung tâm Văn hóa và Điện ảnh",
      "Sở Công Thương",
    ]);
  });
});

describe("consolidated report: print", () => {
  it("sets every sheet to A4 landscape, one page wide, with header rows repeated on every page of a table", () => {
    for (const sheet of report.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1 });
      if (CHART_SHEETS.includes(sheet.name)) {
        // A chart is not cut across pages.
        expect(sheet.pageSetup.fitToHeight, sheet.name).toBe(1);
        continue;
      }
      expect(sheet.pageSetup.fitToHeight, sheet.name).toBe(0);
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toMatch(/^\d+:\d+$/);
      const [first, last] = sheet.pageSetup.printTitlesRow!.split(":").map(Number);
      // The repeated rows are the table's header: bold text on the header fill.
      expect(sheet.getRow(last!).getCell(1).font?.bold, sheet.name).toBe(true);
      expect(first).toBeLessThanOrEqual(last!);
    }
  });

  it("repeats and freezes the agency column of the summary and of every block of the matrix", () => {
    for (const name of ["Tổng hợp", MATRIX]) {
      const sheet = sheetOf(report, name);
      expect(sheet.pageSetup.printTitlesColumn, name).toBe("A:B");
      expect(sheet.views[0], name).toMatchObject({ state: "frozen", xSplit: 2 });
    }
  });

  it("gives a row with wrapped text the height its lines need, and leaves a row of one line as it is", async () => {
    const [first, second] = base.agencies[0]!.cells;
    const long = aggregateSchema.parse({
      ...base,
      agencies: [{ ...base.agencies[0], cells: [{ ...first, text: "Tỷ lệ hồ sơ thủ tục hành chính ".repeat(8) }, second] }],
    });
    const sheet = sheetOf(await load(long), "Sở Tài chính");
    const header = rowOf(sheet, 1, "TT").number;
    // About 240 characters in a column of 48: five or six lines of 11 points.
    expect(sheet.getRow(header + 1).height).toBeGreaterThanOrEqual(60);
    expect(sheet.getRow(header + 1).height).toBeLessThanOrEqual(110);
    // "Chỉ tiêu CDS-02" and its note fit on one line each… but the note has two lines.
    expect(sheet.getRow(header + 2).height).toBeGreaterThanOrEqual(28);
    expect(rowOf(sheetOf(report, "Tổng hợp"), 2, "Sở Tài chính").height ?? 15).toBeLessThanOrEqual(16);
  });
});

describe("consolidated report: summary", () => {
  it("opens with the title, the decision, the period, the due date and the time of generation in Vietnam time", () => {
    const summary = sheetOf(report, "Tổng hợp");
    expect(summary.getCell("A1").value).toBe("BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ");
    expect(hasText(summary, "Văn bản giao chỉ tiêu: số 1521/QĐ-UBND — Kế hoạch chuyển đổi số năm 2025")).toBe(true);
    expect(hasText(summary, "Kỳ báo cáo: Quý IV năm 2025")).toBe(true);
    expect(hasText(summary, "Hạn nộp báo cáo: 20/12/2025")).toBe(true);
    expect(hasText(summary, "Thời điểm lập báo cáo: 21/12/2025 08:30 (giờ Việt Nam)")).toBe(true);
  });

  it("writes status, version, met and assigned as two numbers, the rate met as a percentage, and when it reported", () => {
    const summary = sheetOf(report, "Tổng hợp");
    const header = rowOf(summary, 2, "Cơ quan, đơn vị");
    expect([5, 6, 7, 8].map((column) => header.getCell(column).value)).toEqual([
      "Số chỉ tiêu đạt",
      "Số chỉ tiêu được giao",
      "Tỷ lệ đạt",
      "Thời điểm nộp (giờ Việt Nam)",
    ]);
    const columns = (name: string) => [1, 3, 4, 5, 6, 7].map((column) => rowOf(summary, 2, name).getCell(column).value);
    expect(columns("Sở Tài chính")).toEqual([1, "Đã nộp đúng hạn", 2, 1, 3, 1 / 3]);
    expect(columns(CDC)).toEqual([2, "Nộp muộn", 1, 1, 4, 1 / 4]);
    expect(columns(CDC_BRANCH)).toEqual([3, "Chưa nộp", null, 0, 2, 0]);
    const finance = rowOf(summary, 2, "Sở Tài chính");
    expect([finance.getCell(5).numFmt, finance.getCell(6).numFmt, finance.getCell(7).numFmt]).toEqual(["#,##0", "#,##0", "0%"]);
    expect(finance.getCell(8).value).toEqual(vietnamWallClock("2025-12-19T02:00:00Z"));
    expect(finance.getCell(8).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(rowOf(summary, 2, CDC_BRANCH).getCell(8).value).toBeNull();
    const total = rowOf(summary, 2, "Toàn tỉnh");
    expect([5, 6, 7].map((column) => total.getCell(column).value)).toEqual([2, 9, 2 / 9]);
  });

  it("shows the province's review of an agency beside its submission status", () => {
    expect(rowOf(sheetOf(reviewedReport, "Tổng hợp"), 2, "Sở Tài chính").getCell(3).value).toBe("Đã nộp đúng hạn, đã duyệt");
  });

  it("lists every indicator with agencies assigned, reported and met, and the share met as a percentage", () => {
    const sheet = sheetOf(report, "Theo chỉ tiêu");
    const first = rowOf(sheet, 2, "CDS-01");
    expect([3, 4, 5, 6].map((column) => first.getCell(column).value)).toEqual(["Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình", 3, 2, 1]);
    expect(first.getCell(7).value).toBeCloseTo(1 / 3, 10);
    expect(first.getCell(7).numFmt).toBe("0%");
  });
});

describe("consolidated report: matrix", () => {
  it("heads indicator columns with the code and, below it, the indicator name, and freezes both", () => {
    const matrix = sheetOf(report, MATRIX);
    const header = rowOf(matrix, 3, "CDS-01");
    expect(VERDICT_COLUMNS.map((column) => header.getCell(column).value)).toEqual(["CDS-01", "CDS-02", "CDS-03", "CDS-04"]);
    expect(header.getCell(2).value).toBe("Cơ quan, đơn vị");
    expect(header.getCell(3).font?.bold).toBe(true);
    const names = matrix.getRow(header.number + 1);
    expect(names.getCell(3).value).toBe("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình");
    expect(names.getCell(6).value).toBe("Số cuộc họp trực tuyến");
    expect(matrix.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: header.number + 1 });
    expect(matrix.pageSetup.printTitlesRow).toBe(`${header.number}:${header.number + 1}`);
  });

  it("labels and colours every verdict, with a dash and no colour where the indicator is not assigned", () => {
    const matrix = sheetOf(report, MATRIX);
    const verdicts = (name: string) => {
      const row = rowOf(matrix, 2, name);
      return VERDICT_COLUMNS.map((column) => [row.getCell(column).value, fillOf(row.getCell(column))]);
    };
    expect(verdicts("Sở Tài chính")).toEqual([
      ["Đạt", FILLS.met],
      ["Không đạt", FILLS.not_met],
      ["Chưa đạt", FILLS.pending],
      ["—", undefined],
    ]);
    expect(verdicts(CDC)).toEqual([
      ["Cần đánh giá", FILLS.needs_review],
      ["Số liệu không hợp lệ", FILLS.invalid_actual],
      ["Đạt", FILLS.met],
      ["Chưa có số liệu", FILLS.no_data],
    ]);
    expect(verdicts(CDC_BRANCH)).toEqual([
      ["Chưa có số liệu", FILLS.no_data],
      ["—", undefined],
      ["—", undefined],
      ["Chưa có số liệu", FILLS.no_data],
    ]);
  });

  it("ends the matrix with agencies met and assigned as numbers and the share met as percent-formatted numbers", () => {
    const matrix = sheetOf(report, MATRIX);
    const shares = rowOf(matrix, 2, "Tỷ lệ cơ quan đạt");
    expect(shares.number).toBe(rowOf(matrix, 2, CDC_BRANCH).number + 3);
    expect(VERDICT_COLUMNS.map((column) => rowOf(matrix, 2, "Số cơ quan đạt").getCell(column).value)).toEqual([1, 0, 1, 0]);
    expect(VERDICT_COLUMNS.map((column) => rowOf(matrix, 2, "Số cơ quan được giao").getCell(column).value)).toEqual([3, 2, 2, 2]);
    const values = VERDICT_COLUMNS.map((column) => shares.getCell(column).value as number);
    expect(values[0]).toBeCloseTo(1 / 3, 10);
    expect(values.slice(1)).toEqual([0, 0.5, 0]);
    for (const column of VERDICT_COLUMNS) {
      expect(shares.getCell(column).type).toBe(ExcelJS.ValueType.Number);
      expect(shares.getCell(column).numFmt).toBe("0%");
    }
  });

  it("splits many indicators into blocks of at most eight of even size, each with the agencies and its own shares", async () => {
    const many = aggregateSchema.parse({
      ...base,
      indicators: Array.from({ length: 17 }, (_, index) => ({
        code: `CDS-${String(index + 1).padStart(2, "0")}`,
        name: `Chỉ tiêu số ${index + 1}`,
        assignedCount: 1,
        reportedCount: 1,
        metCount: index % 2,
        metShare: index % 2,
      })),
    });
    const workbook = await load(many);
    const blocks = workbook.worksheets.filter((sheet) => sheet.name.startsWith("Ma trận"));
    expect(blocks.map((sheet) => sheet.name)).toEqual(["Ma trận (1)", "Ma trận (2)", "Ma trận (3)"]);
    const codes = blocks.map((sheet) => {
      const header = rowOf(sheet, 2, "Cơ quan, đơn vị");
      const found: unknown[] = [];
      header.eachCell((item, column) => column > 2 && found.push(item.value));
      return found;
    });
    expect(codes.map((block) => block.length)).toEqual([6, 6, 5]);
    expect(codes.flat()).toEqual(many.indicators.map((indicator) => indicator.code));
    for (const sheet of blocks) {
      expect(rowOf(sheet, 2, "Sở Tài chính").getCell(1).value).toBe(1);
      expect(rowOf(sheet, 2, "Tỷ lệ cơ quan đạt").getCell(3).numFmt).toBe("0%");
      expect(sheet.pageSetup.printTitlesColumn).toBe("A:B");
    }
  });

  it("marks the province's verdicts and its overrides, and the legend says what the marks mean", () => {
    const matrix = sheetOf(reviewedReport, MATRIX);
    const finance = rowOf(matrix, 2, "Sở Tài chính");
    expect([finance.getCell(3).value, finance.getCell(4).value]).toEqual(["Đạt (*)", "Đạt (**)"]);
    expect(fillOf(finance.getCell(4))).toBe(FILLS.met);
    const legend = sheetOf(reviewedReport, "Chú thích");
    expect(rowOf(legend, 1, "(*)").getCell(2).value).toMatch(/^Đánh giá của tỉnh/);
    expect(rowOf(legend, 1, "(**)").getCell(2).value).toMatch(/khác với kết quả đánh giá tự động/);
    let marksLine = "";
    matrix.eachRow((row) => {
      const text = row.getCell(2).value;
      if (typeof text === "string" && text.includes("(*) đánh giá của tỉnh")) marksLine = text;
    });
    expect(marksLine).toContain("(**)");
  });

  it("explains every colour on the legend sheet and shows the coloured words above the matrix", () => {
    const legend = sheetOf(report, "Chú thích");
    const matrix = sheetOf(report, MATRIX);
    const header = rowOf(matrix, 2, "Cơ quan, đơn vị").number;
    for (const verdict of Object.keys(FILLS) as Verdict[]) {
      const entry = rowOf(legend, 1, LABELS[verdict]);
      expect(fillOf(entry.getCell(1)), verdict).toBe(FILLS[verdict]);
      expect(String(entry.getCell(2).value).length, verdict).toBeGreaterThan(10);
      let swatch: ExcelJS.Cell | undefined;
      matrix.eachRow((row) => row.eachCell((item) => {
        if (row.number < header && item.value === LABELS[verdict]) swatch ??= item;
      }));
      expect(swatch && fillOf(swatch), verdict).toBe(FILLS[verdict]);
    }
    expect(rowOf(legend, 1, "—").getCell(2).value).toBe("Cơ quan không được giao chỉ tiêu này.");
  });
});

describe("consolidated report: missing and late", () => {
  const MISSING = "Chưa nộp, nộp muộn";

  it("lists the agency that has not reported with its number of assigned indicators, and only that one", () => {
    const sheet = sheetOf(report, MISSING);
    const line = rowOf(sheet, 2, CDC_BRANCH);
    expect([1, 3, 4, 5].map((column) => line.getCell(column).value)).toEqual([1, "Chưa nộp", 2, null]);
    expect(line.getCell(4).numFmt).toBe("#,##0");
    expect(hasText(sheet, "Sở Tài chính")).toBe(false);
    expect(hasText(sheet, "Tất cả cơ quan đã nộp.")).toBe(false);
  });

  it("lists the late agency with its submission time and the due date as date cells in Vietnam time", () => {
    const sheet = sheetOf(report, MISSING);
    const line = rowOf(sheet, 2, CDC);
    expect(line.number).toBeGreaterThan(rowOf(sheet, 2, CDC_BRANCH).number);
    expect(line.getCell(3).value).toBe("Nộp muộn");
    expect(line.getCell(5).value).toEqual(vietnamWallClock("2025-12-22T03:00:00Z"));
    expect(line.getCell(5).numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(line.getCell(6).value).toEqual(new Date(Date.UTC(2025, 11, 20)));
    expect(line.getCell(6).numFmt).toBe("dd/mm/yyyy");
  });

  it("says plainly when every agency has reported", () => {
    const sheet = sheetOf(hostileReport, MISSING);
    expect(hasText(sheet, "Tất cả cơ quan đã nộp.")).toBe(true);
    expect(rowOf(sheet, 2, "+Sở Nội vụ").getCell(5).value).toEqual(vietnamWallClock("2025-12-22T03:00:00Z"));
  });
});

describe("consolidated report: one sheet per agency", () => {
  it("titles each sheet with the agency and its status, then the results table header", () => {
    const sheet = sheetOf(report, "Sở Y tế-Trung tâm Kiểm soát (2)");
    expect(sheet.getCell("A1").value).toBe(`${CDC_BRANCH} — Chưa nộp`);
    const header = rowOf(sheet, 1, "TT");
    expect([1, 2, 3, 4, 5, 6].map((column) => header.getCell(column).value)).toEqual([
      "TT",
      "Chỉ tiêu",
      "Chỉ tiêu giao",
      "Kết quả",
      "Đánh giá",
      "Ghi chú",
    ]);
    expect(sheet.getRow(header.number + 1).getCell(5).value).toBe("Chưa có số liệu");
    expect(sheet.getRow(header.number + 2).getCell(2).value).toBe("Chỉ tiêu CDS-04");
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header.number}:${header.number}`);
  });

  it("writes numbers as numbers (a rate as its fraction, shown as a percentage), yes as Có, and numerator and denominator in the note", () => {
    const finance = sheetOf(report, "Sở Tài chính");
    const rate = rowOf(finance, 2, "Chỉ tiêu CDS-01");
    expect(rate.getCell(1).value).toBe("1");
    expect(rate.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(rate.getCell(4).value).toBe(0.955);
    // The target "Tối thiểu 90%" writes whole percents.
    expect(rate.getCell(4).numFmt).toBe("0%");
    expect(rate.getCell(6).value).toBe("Tử số/mẫu số: 1.910/2.000");
    expect([rate.getCell(5).value, fillOf(rate.getCell(5))]).toEqual(["Đạt", FILLS.met]);

    const cdc = sheetOf(report, "Sở Y tế-Trung tâm Kiểm soát bện");
    const plan = rowOf(cdc, 2, "Chỉ tiêu CDS-03");
    expect(plan.getCell(4).value).toBe("Có");
    expect(rowOf(cdc, 2, "Chỉ tiêu CDS-04").getCell(4).value).toBeNull();
    const invalid = rowOf(cdc, 2, "Chỉ tiêu CDS-02");
    expect([invalid.getCell(5).value, fillOf(invalid.getCell(5))]).toEqual(["Số liệu không hợp lệ", FILLS.invalid_actual]);
  });

  it("writes a count as a grouped number and a fraction that is not a rate with its decimals", async () => {
    const counts = aggregateSchema.parse({
      ...base,
      agencies: [
        {
          ...base.agencies[0],
          name: "Sở Tài chính & Kế hoạch",
          cells: [
            cell("CDS-01", "met", "Đạt", { actual: 120000, targetText: "Tối thiểu 100.000 lượt" }),
            cell("CDS-02", "met", "Đạt", { actual: 2.5, targetText: "Tối thiểu 2 ngày" }),
          ],
        },
      ],
    });
    const sheet = sheetOf(await load(counts), "Sở Tài chính & Kế hoạch");
    const [count, fraction] = ["Chỉ tiêu CDS-01", "Chỉ tiêu CDS-02"].map((text) => rowOf(sheet, 2, text).getCell(4));
    expect([count!.value, count!.numFmt]).toEqual([120000, "#,##0"]);
    expect([fraction!.value, fraction!.numFmt]).toEqual([2.5, "#,##0.0#"]);
    // The printed footer names the agency; its "&" is doubled, or Excel would read it as a code.
    expect(sheet.headerFooter.oddFooter).toBe("&LSở Tài chính && Kế hoạch — Quý IV năm 2025&RTrang &P / &N");
  });

  it("adds the explanation to the note only when the target is not met", () => {
    const finance = sheetOf(report, "Sở Tài chính");
    expect(rowOf(finance, 2, "Chỉ tiêu CDS-02").getCell(6).value).toBe(`${HYPERLINK_NOTE}\nKhông đạt: 40% < 90%`);
    const cdc = sheetOf(report, "Sở Y tế-Trung tâm Kiểm soát bện");
    expect(rowOf(cdc, 2, "Chỉ tiêu CDS-03").getCell(6).value).toBe(AT_NOTE);
  });

  it("writes the province's verdict with who gave it and why, and what the rule had said", () => {
    const finance = sheetOf(reviewedReport, "Sở Tài chính");
    expect(finance.getCell("A1").value).toBe("Sở Tài chính — Đã nộp đúng hạn, đã duyệt");
    const confirmed = rowOf(finance, 2, "Chỉ tiêu CDS-01");
    expect(confirmed.getCell(5).value).toBe(`Đạt (đánh giá của ${PROVINCE}: ${CONFIRMED})`);
    expect([confirmed.getCell(5).font?.italic, confirmed.getCell(5).font?.bold ?? false]).toEqual([true, false]);
    expect(confirmed.getCell(6).value).toBe("Tử số/mẫu số: 1.910/2.000\nĐánh giá tự động: Đạt.");
    const overruled = rowOf(finance, 2, "Chỉ tiêu CDS-02");
    expect(overruled.getCell(5).value).toBe(`Đạt (đánh giá của ${PROVINCE}: ${OVERRULED})`);
    expect(overruled.getCell(5).font).toMatchObject({ italic: true, bold: true });
    expect(overruled.getCell(6).value).toBe(`${HYPERLINK_NOTE}\nTỉnh đánh giá khác đánh giá tự động (Không đạt).`);
  });
});

describe("consolidated report: fractions", () => {
  it("gives every fraction in the workbook a percent format", () => {
    let fractions = 0;
    for (const workbook of [report, reviewedReport]) {
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) =>
          row.eachCell((item) => {
            if (typeof item.value !== "number" || Number.isInteger(item.value)) return;
            fractions += 1;
            expect(item.numFmt, `${sheet.name}!${item.address}`).toMatch(/%$/);
          }),
        );
      }
    }
    expect(fractions).toBeGreaterThan(10);
  });
});

describe("consolidated report: text that looks like a formula", () => {
  it("keeps notes and reported values starting with = + - @ as the exact strings typed", () => {
    const finance = sheetOf(report, "Sở Tài chính");
    const cdc = sheetOf(report, "Sở Y tế-Trung tâm Kiểm soát bện");
    const cells = [
      rowOf(finance, 2, "Chỉ tiêu CDS-02").getCell(6),
      rowOf(finance, 2, "Chỉ tiêu CDS-03").getCell(4),
      rowOf(cdc, 2, "Chỉ tiêu CDS-01").getCell(4),
      rowOf(cdc, 2, "Chỉ tiêu CDS-03").getCell(6),
    ];
    expect(cells.map((item) => item.type)).toEqual(Array(4).fill(ExcelJS.ValueType.String));
    expect(cells.map((item) => item.formula)).toEqual(Array(4).fill(undefined));
    expect(cells.slice(1).map((item) => item.value)).toEqual([PHONE, MINUS_TEXT, AT_NOTE]);
  });

  it("keeps agency names starting with = + - as the exact strings, in every sheet they appear", () => {
    for (const sheetName of ["Tổng hợp", MATRIX]) {
      const sheet = sheetOf(hostileReport, sheetName);
      for (const name of HOSTILE_NAMES) {
        const item = rowOf(sheet, 2, name).getCell(2);
        expect(item.type).toBe(ExcelJS.ValueType.String);
        expect(item.value).toBe(name);
      }
    }
    expect(hostileReport.worksheets.slice(REPORT_SHEETS.length).map((sheet) => sheet.name)).toEqual([...HOSTILE_NAMES]);
    expect(sheetOf(hostileReport, "=1+2").getCell("A1").value).toBe("=1+2 — Đã nộp đúng hạn");
  });

  it("writes no formula anywhere in the workbook", () => {
    let strings = 0;
    for (const workbook of [report, hostileReport]) {
      for (const sheet of workbook.worksheets) {
        sheet.eachRow((row) =>
          row.eachCell((item) => {
            expect(item.type, `${sheet.name}!${item.address}`).not.toBe(ExcelJS.ValueType.Formula);
            expect(item.formula, `${sheet.name}!${item.address}`).toBeUndefined();
            // A title merged across the table is one text, however many cells it covers.
            const merged = item.isMerged && item.master.address !== item.address;
            if (!merged && typeof item.value === "string" && /^[=+\-@]/.test(item.value)) strings += 1;
          }),
        );
      }
    }
    // 4 typed values in each workbook, and in the second the 3 names in the summary, the matrix and the agency
    // titles, and the late one in the list of late agencies: a different count means some were not looked at or
    // were rewritten.
    expect(strings).toBe(18);
  });
});
