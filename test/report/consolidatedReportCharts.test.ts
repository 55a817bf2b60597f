import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildConsolidatedReport } from "../../functions/report/consolidatedReport";
import { aggregateSchema, type Aggregate } from "../../shared/report/aggregate";

/** Three agencies, three indicators; Sở Nội vụ is assigned nothing of the third. */
const aggregate: Aggregate = aggregateSchema.parse({
  decision: { id: "phu-tho-1521-qd-ubnd", number: "1521/QĐ-UBND", province: "phu-tho" },
  period: "2025-Q4",
  periodLabel: "Quý IV năm 2025",
  reportDueDate: "2025-12-20",
  generatedAt: "2025-12-21T01:30:00.000Z",
  catalogueVersion: 3,
  agencies: [
    ["so-tai-chinh", "Sở Tài chính", 2, 3],
    ["so-noi-vu", "Sở Nội vụ", 1, 2],
    ["xa-ha-hoa", "UBND xã Hạ Hòa", 0, 3],
  ].map(([id, name, met, assigned]) => ({
    id,
    name,
    kind: "khac",
    status: "on_time",
    version: 1,
    submittedAt: "2025-12-19T02:00:00Z",
    assignedCount: assigned,
    reportedCount: assigned,
    metCount: met,
    cells: [],
  })),
  indicators: [
    { code: "CDS-01", name: "Tỷ lệ hồ sơ trực tuyến", assignedCount: 3, reportedCount: 3, metCount: 2, metShare: 2 / 3 },
    { code: "CDS-02", name: "Tỷ lệ văn bản ký số", assignedCount: 3, reportedCount: 3, metCount: 1, metShare: 1 / 3 },
    { code: "CDS-03", name: "Số cuộc họp trực tuyến", assignedCount: 2, reportedCount: 2, metCount: 0, metShare: 0 },
  ],
  completeness: { assigned: 3, onTime: 3, late: 0, missing: 0 },
});

let parts: Record<string, string>;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const bytes = await buildConsolidatedReport(aggregate);
  parts = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([path, data]) => [path, strFromU8(data)]));
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
});

/** The worksheet part of a sheet, through the workbook's relationships. */
function sheetPart(name: string): string {
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(parts["xl/workbook.xml"]!)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(parts["xl/_rels/workbook.xml.rels"]!)?.[1];
  if (!target) throw new Error(`no part for sheet ${name}`);
  return `xl/${target.replace(/^\/?xl\//, "")}`;
}

function relsOf(part: string): string {
  return part.replace(/^(.*\/)([^/]+)$/, "$1_rels/$2.rels");
}

/** 'Sheet'!$B$7:$B$9 → the cells' values, read back with exceljs. */
function valuesOf(formula: string): unknown[] {
  const match = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!match) throw new Error(`not a column range: ${formula}`);
  const [, sheetName, column, first, lastColumn, last] = match;
  expect(lastColumn).toBe(column);
  const sheet = workbook.getWorksheet(sheetName!.replace(/''/g, "'"))!;
  expect(sheet, sheetName).toBeDefined();
  const values: unknown[] = [];
  for (let row = Number(first); row <= Number(last); row += 1) values.push(sheet.getCell(`${column}${row}`).value);
  return values;
}

const CHARTS = [
  { sheet: "Biểu đồ theo chỉ tiêu", title: "Tỷ lệ cơ quan đạt theo chỉ tiêu", categories: ["CDS-01", "CDS-02", "CDS-03"], values: [2 / 3, 1 / 3, 0] },
  { sheet: "Biểu đồ theo cơ quan", title: "Tỷ lệ chỉ tiêu đạt theo cơ quan", categories: ["Sở Tài chính", "Sở Nội vụ", "UBND xã Hạ Hòa"], values: [2 / 3, 1 / 2, 0] },
];

describe("consolidated report: charts", () => {
  it.each(CHARTS)("draws $title on its sheet from the table's cells", ({ sheet, title, categories, values }) => {
    const sheetXml = parts[sheetPart(sheet)]!;
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
    expect(drawingId, "the sheet refers to its drawing").toBeDefined();
    // The schema orders <drawing> after the page setup and before any extension list.
    expect(sheetXml.indexOf("<drawing ")).toBeGreaterThan(sheetXml.indexOf("<pageSetup"));
    const drawingTarget = new RegExp(`Id="${drawingId}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(parts[relsOf(sheetPart(sheet))]!)?.[1];
    const drawingPath = `xl/drawings/${drawingTarget}`;
    expect(parts[drawingPath], drawingPath).toBeDefined();
    const chartId = /<c:chart [^>]*r:id="([^"]+)"/.exec(parts[drawingPath]!)?.[1];
    const chartTarget = new RegExp(`Id="${chartId}"[^>]*Target="\\.\\./charts/([^"]+)"`).exec(parts[relsOf(drawingPath)]!)?.[1];
    const chartPath = `xl/charts/${chartTarget}`;
    const chart = parts[chartPath]!;
    expect(chart, chartPath).toBeDefined();
    for (const part of [drawingPath, chartPath]) expect(parts["[Content_Types].xml"]).toContain(`PartName="/${part}"`);

    expect(chart).toContain(`<a:t>${title}</a:t>`);
    expect(chart).toContain('<c:barDir val="bar"/>');
    const [categoryRange, valueRange] = [...chart.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((match) => match[1]!.replace(/&apos;/g, "'"));
    // The ranges hold what the chart caches, so Excel recalculating from the cells draws the same bars.
    expect(valuesOf(categoryRange!)).toEqual(categories);
    const cells = valuesOf(valueRange!) as number[];
    cells.forEach((value, index) => expect(value).toBeCloseTo(values[index]!, 10));
    const cached = [...chart.matchAll(/<c:numCache>.*<\/c:numCache>/g)][0]![0];
    expect([...cached.matchAll(/<c:v>([^<]+)<\/c:v>/g)].map((match) => Number(match[1]))).toEqual(values);
    expect(chart).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
  });

  it("writes every part it adds or changes as well-formed XML", () => {
    const touched = Object.keys(parts).filter((path) => /^xl\/(charts|drawings)\/|^xl\/worksheets\/|^\[Content_Types\]\.xml$/.test(path));
    expect(touched.length).toBeGreaterThanOrEqual(8);
    for (const path of touched) expect(XMLValidator.validate(parts[path]!), path).toBe(true);
  });

  it("keeps the package readable by exceljs with the charts' sheets in place", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name).slice(0, 5)).toEqual([
      "Tổng hợp",
      "Chưa nộp, nộp muộn",
      "Theo chỉ tiêu",
      "Biểu đồ theo chỉ tiêu",
      "Biểu đồ theo cơ quan",
    ]);
    expect(Object.keys(parts).filter((path) => path.endsWith("/"))).toEqual([]);
    expect(Object.keys(parts).filter((path) => /^xl\/charts\/chart\d+\.xml$/.test(path))).toHaveLength(2);
  });

  it("writes no chart, and says so, when there is nothing to draw", async () => {
    const empty = aggregateSchema.parse({ ...aggregate, agencies: [], indicators: [], completeness: { assigned: 0, onTime: 0, late: 0, missing: 0 } });
    const bytes = await buildConsolidatedReport(empty);
    const files = Object.keys(unzipSync(new Uint8Array(bytes)));
    expect(files.filter((path) => path.startsWith("xl/charts/"))).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    let said = false;
    book.getWorksheet("Biểu đồ theo chỉ tiêu")!.eachRow((row) => row.eachCell((cell) => (said ||= cell.value === "Không có số liệu để vẽ biểu đồ.")));
    expect(said).toBe(true);
  });
});

describe("chart parts added to any sheet", () => {
  it("places the drawing after the sheet's data bars and page setup, outside every rule, and the package still opens", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Tỷ lệ 'đạt' quý");
    ["Sở A", "Sở B"].forEach((name, index) => {
      sheet.getCell(index + 1, 1).value = name;
      sheet.getCell(index + 1, 2).value = index === 0 ? 0.25 : 0.75;
    });
    sheet.addConditionalFormatting({
      ref: "B1:B2",
      rules: [{ type: "dataBar", priority: 1, cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }] } as unknown as ExcelJS.DataBarRuleType],
    });
    sheet.pageSetup = { orientation: "landscape" };
    const written = new Uint8Array(await book.xlsx.writeBuffer());
    const { addCharts } = await import("../../functions/report/xlsxCharts/addCharts");
    const withChart = addCharts(written, [
      {
        kind: "columnClustered",
        title: "Thử",
        sheet: "Tỷ lệ 'đạt' quý",
        categories: { sheet: "Tỷ lệ 'đạt' quý", column: 1, firstRow: 1, lastRow: 2, cached: ["Sở A", "Sở B"] },
        values: { sheet: "Tỷ lệ 'đạt' quý", column: 2, firstRow: 1, lastRow: 2, cached: [0.25, 0.75], name: "Tỷ lệ" },
        percentAxis: true,
        topLeft: "D1",
        bottomRight: "K15",
      },
    ]);
    const files = Object.fromEntries(Object.entries(unzipSync(withChart)).map(([path, data]) => [path, strFromU8(data)]));
    const xml = files["xl/worksheets/sheet1.xml"]!;
    expect(files["xl/charts/chart1.xml"]).toContain('<c:barDir val="col"/>');
    // D1 to K15, both covered: from the top-left of D1 to the top-left of L16, 0-based.
    expect(files["xl/drawings/drawing1.xml"]).toContain("<xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>");
    expect(files["xl/drawings/drawing1.xml"]).toContain("<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row>");
    const drawing = xml.indexOf("<drawing ");
    expect(xml.match(/<drawing /g)).toHaveLength(1);
    expect(drawing).toBeGreaterThan(xml.lastIndexOf("</conditionalFormatting>"));
    expect(drawing).toBeGreaterThan(xml.indexOf("<pageSetup"));
    // A worksheet-level extension list, if any, stays last.
    if (xml.includes("</extLst></worksheet>")) expect(drawing).toBeLessThan(xml.lastIndexOf("<extLst>"));
    // A quote in the sheet's name is doubled in the chart's formula.
    expect(files["xl/charts/chart1.xml"]).toContain("<c:f>&apos;Tỷ lệ &apos;&apos;đạt&apos;&apos; quý&apos;!$A$1:$A$2</c:f>");
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(withChart as unknown as ArrayBuffer);
    expect(reread.getWorksheet("Tỷ lệ 'đạt' quý")!.getCell("B2").value).toBe(0.75);
  });
});
