import { Paragraph, type Table } from "docx";
import type { Aggregate, AggregateAgency } from "../../../shared/report/aggregate";
import { SUBMISSION_STATUS_LABELS } from "../../../shared/report/aggregate";
import { vietnamTimeText } from "../../../shared/period/vietnamTime";
import { VERDICT_COLOURS } from "../../../shared/verdict/colours";
import { actualText, PERSON_MARK, reasonText, shortVerdictText, SHORT_VERDICT_LEGEND, verdictText } from "./cellText";
import { afterTable, dataTable, type Cell, type Column } from "./dataTable";
import { centredParagraph, LANDSCAPE_TEXT_WIDTH, run, SIZE } from "./documentFrame";
import type { ReportFacts } from "./reportFacts";
import { countText, shareText } from "./vietnameseFormat";

/**
 * The appendices, on landscape pages: I. agencies × indicators with each final verdict, split into column groups
 * that fit the page (the agency column repeated on each); II. each agency's results row by row, with the value
 * reported, the verdict and why. A verdict the province gave is marked (*), as the legend under each table says.
 */

/** Indicator columns per table of Phụ lục I: enough room for "KĐ(*)" in 9 pt. */
const MOST_INDICATOR_COLUMNS = 17;

function appendixTitle(numeral: string, title: string, reportReference: string): Paragraph[] {
  return [
    centredParagraph([run(`Phụ lục ${numeral}`, { bold: true })]),
    centredParagraph([run(title, { bold: true })]),
    centredParagraph([run(`(Kèm theo ${reportReference})`, { italics: true })], { after: 200 }),
  ];
}

/** Printed once under the appendix's title, before the tables it explains, so it never strays onto a page of its own. */
function legend(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 0, after: 120 }, children: [run("Ghi chú: ", { bold: true, italics: true, size: SIZE.appendix }), run(text, { italics: true, size: SIZE.appendix })] });
}

/** Balanced groups: 33 indicators become 17 + 16, not 17 + 16 by luck or 30 + 3. */
function columnGroups<T>(items: readonly T[], most: number): T[][] {
  const groups = Math.max(1, Math.ceil(items.length / most));
  const size = Math.ceil(items.length / groups);
  return Array.from({ length: groups }, (_, index) => items.slice(index * size, (index + 1) * size)).filter((group) => group.length > 0);
}

export function matrixAppendix(aggregate: Aggregate, facts: ReportFacts, reportReference: string): Array<Paragraph | Table> {
  const groups = columnGroups(facts.indicators, MOST_INDICATOR_COLUMNS);
  const blocks: Array<Paragraph | Table> = [...appendixTitle("I", "KẾT QUẢ ĐÁNH GIÁ CHỈ TIÊU CỦA CÁC CƠ QUAN, ĐƠN VỊ", reportReference), legend(SHORT_VERDICT_LEGEND)];
  groups.forEach((group, groupIndex) => {
    const first = facts.indicatorNumber.get(group[0]!.code)!;
    const last = facts.indicatorNumber.get(group.at(-1)!.code)!;
    if (groups.length > 1) {
      blocks.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 80 }, children: [run(`Chỉ tiêu số ${first} đến ${last} (theo Bảng 1 của Báo cáo)`, { bold: true, italics: true, size: SIZE.table })] }));
    }
    const columns: Column[] = [
      { header: "STT", weight: 7, align: "centre" },
      { header: "Cơ quan, đơn vị", weight: 31 },
      ...group.map((indicator): Column => ({ header: String(facts.indicatorNumber.get(indicator.code)), weight: 6.4, align: "centre" })),
      ...(groupIndex === groups.length - 1 ? [{ header: "Đạt/ Giao", weight: 8, align: "centre" } as Column] : []),
    ];
    const rows = aggregate.agencies.map((agency, index): Cell[] => {
      const byCode = new Map(agency.cells.map((cell) => [cell.indicatorCode, cell]));
      return [
        { text: String(index + 1) },
        { text: agency.status === "missing" ? `${agency.name} (chưa nộp)` : agency.name },
        ...group.map((indicator): Cell => {
          const cell = byCode.get(indicator.code);
          return cell ? { text: shortVerdictText(cell), fill: VERDICT_COLOURS[cell.verdict] } : { text: "" };
        }),
        ...(groupIndex === groups.length - 1 ? [{ text: `${countText(agency.metCount)}/${countText(agency.assignedCount)}` }] : []),
      ];
    });
    blocks.push(dataTable({ columns, rows, width: LANDSCAPE_TEXT_WIDTH, size: SIZE.matrix, compact: true }));
    blocks.push(afterTable());
  });
  return blocks;
}

export function resultsAppendix(aggregate: Aggregate, facts: ReportFacts, reportReference: string): Array<Paragraph | Table> {
  const blocks: Array<Paragraph | Table> = appendixTitle("II", "KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA TỪNG CƠ QUAN, ĐƠN VỊ", reportReference);
  if (facts.judgedByPerson.length > 0) blocks.push(legend(`${PERSON_MARK}: kết quả do Sở Khoa học và Công nghệ đánh giá; căn cứ ghi ở cột cuối.`));
  aggregate.agencies.forEach((agency, index) => {
    blocks.push(new Paragraph({ keepNext: true, spacing: { before: 160, after: 80 }, children: [run(`${index + 1}. ${agency.name}`, { bold: true, size: SIZE.table }), run(` – ${agencyLine(agency)}`, { italics: true, size: SIZE.table })] }));
    if (agency.status === "missing") return;
    blocks.push(
      dataTable({
        width: LANDSCAPE_TEXT_WIDTH,
        size: SIZE.appendix,
        columns: [
          { header: "STT", weight: 8, align: "centre" },
          { header: "Nội dung chỉ tiêu, nhiệm vụ", weight: 62 },
          { header: "Chỉ tiêu giao", weight: 24 },
          { header: "Kết quả thực hiện", weight: 27, align: "centre" },
          { header: "Đánh giá", weight: 16, align: "centre" },
          { header: "Căn cứ đánh giá", weight: 53 },
        ],
        rows: agency.cells.map((cell) => [
          { text: cell.order },
          { text: cell.text },
          { text: cell.targetText },
          { text: actualText(cell) },
          { text: verdictText(cell), fill: VERDICT_COLOURS[cell.verdict] },
          { text: reasonText(cell) },
        ]),
      }),
    );
    blocks.push(afterTable());
  });
  return blocks;
}

function agencyLine(agency: AggregateAgency): string {
  if (agency.status === "missing") return "chưa nộp báo cáo.";
  const when = agency.submittedAt ? ` lúc ${vietnamTimeText(agency.submittedAt, { zoneNote: false })}` : "";
  const share = agency.assignedCount > 0 ? ` (${shareText(agency.metCount / agency.assignedCount)})` : "";
  return `${SUBMISSION_STATUS_LABELS[agency.status].toLocaleLowerCase("vi")}${when}; đạt ${countText(agency.metCount)}/${countText(agency.assignedCount)} chỉ tiêu${share}.`;
}
