import type { Paragraph, Table } from "docx";
import type { Aggregate } from "../../../shared/report/aggregate";
import { VERDICT_LABELS } from "../../../shared/verdict/labels";
import { bodyParagraph, captionParagraph, dashParagraph, headingParagraph, PORTRAIT_TEXT_WIDTH, run, SIZE } from "./documentFrame";
import { afterTable, dataTable } from "./dataTable";
import { agencyChart, indicatorChart } from "./reportCharts";
import type { ReportFacts } from "./reportFacts";
import { countOfText, countText, periodPhrase, shareText } from "./vietnameseFormat";

/**
 * II. Kết quả thực hiện: the overall share met, then by indicator (Bảng 1, Biểu đồ 1) and by agency with its rank
 * (Bảng 2, Biểu đồ 2), then what the year's count targets still need.
 */
export async function resultsSection(aggregate: Aggregate, facts: ReportFacts): Promise<Array<Paragraph | Table>> {
  const agencyFigure = await agencyChart(facts, 2);
  return [
    headingParagraph("II. KẾT QUẢ THỰC HIỆN"),
    headingParagraph("1. Kết quả chung"),
    ...overall(facts),
    headingParagraph("2. Kết quả theo từng chỉ tiêu"),
    bodyParagraph(
      `${countText(facts.indicators.length)} chỉ tiêu được giao cho các cơ quan, đơn vị; tỷ lệ cơ quan đạt của từng chỉ tiêu ` +
        `tại Bảng 1 và Biểu đồ 1 (tỷ lệ tính trên số cơ quan được giao chỉ tiêu, kể cả cơ quan chưa nộp báo cáo).`,
    ),
    captionParagraph("Bảng 1. Kết quả theo chỉ tiêu"),
    indicatorTable(facts),
    afterTable(),
    ...(await indicatorChart(facts, 1)),
    headingParagraph("3. Kết quả theo từng cơ quan, đơn vị"),
    bodyParagraph(
      "Các cơ quan, đơn vị được xếp hạng theo tỷ lệ chỉ tiêu đạt trên số chỉ tiêu được giao (Bảng 2, Biểu đồ 2); " +
        "cơ quan có cùng tỷ lệ và cùng số chỉ tiêu đạt được xếp đồng hạng; cơ quan chưa nộp báo cáo không được xếp hạng.",
    ),
    captionParagraph("Bảng 2. Kết quả và xếp hạng theo cơ quan, đơn vị"),
    agencyTable(facts),
    afterTable(),
    ...agencyFigure.paragraphs,
    ...(agencyFigure.note ? [bodyParagraph([run(agencyFigure.note, { italics: true, size: SIZE.small })])] : []),
    ...paceParagraphs(aggregate, facts),
  ];
}

function overall(facts: ReportFacts): Paragraph[] {
  const counts = facts.verdictCounts;
  const total = facts.cellCount;
  const parts = (["not_met", "pending", "needs_review", "invalid_actual", "no_data"] as const)
    .filter((code) => counts[code] > 0)
    .map((code) => `${VERDICT_LABELS[code].toLocaleLowerCase("vi")}: ${countOfText(counts[code], total)}`);
  return [
    bodyParagraph([
      run(`Tổng số lượt chỉ tiêu giao cho các cơ quan, đơn vị là ${countText(total)}; trong đó `),
      run(`đạt: ${countOfText(counts.met, total)}`, { bold: true }),
      run(parts.length > 0 ? `; ${parts.join("; ")}.` : "."),
    ]),
  ];
}

function indicatorTable(facts: ReportFacts): Table {
  return dataTable({
    width: PORTRAIT_TEXT_WIDTH,
    size: SIZE.table,
    columns: [
      { header: "STT", weight: 8, align: "centre" },
      { header: "Chỉ tiêu", weight: 62 },
      { header: "Số cơ quan được giao", weight: 14, align: "centre" },
      { header: "Số cơ quan đạt", weight: 12, align: "centre" },
      { header: "Tỷ lệ đạt", weight: 13, align: "centre" },
    ],
    rows: facts.indicators.map((indicator, index) => [
      String(index + 1),
      indicator.name,
      countText(indicator.assignedCount),
      countText(indicator.metCount),
      indicator.metShare === null ? "" : shareText(indicator.metShare),
    ]),
  });
}

function agencyTable(facts: ReportFacts): Table {
  return dataTable({
    width: PORTRAIT_TEXT_WIDTH,
    size: SIZE.table,
    columns: [
      { header: "STT", weight: 8, align: "centre" },
      { header: "Cơ quan, đơn vị", weight: 48 },
      { header: "Số chỉ tiêu được giao", weight: 14, align: "centre" },
      { header: "Số chỉ tiêu đạt", weight: 12, align: "centre" },
      { header: "Tỷ lệ đạt", weight: 13, align: "centre" },
      { header: "Xếp hạng", weight: 14, align: "centre" },
    ],
    rows: facts.ranked.map((entry, index) => [
      String(index + 1),
      entry.agency.name,
      countText(entry.agency.assignedCount),
      entry.rank === undefined ? "" : countText(entry.agency.metCount),
      entry.rank === undefined ? "" : shareText(entry.metShare),
      entry.rank === undefined ? { text: "Chưa nộp", italics: true } : countText(entry.rank),
    ]),
  });
}

/** "4. Tiến độ các chỉ tiêu năm": what each annual count still needs, and which are behind an even pace. */
function paceParagraphs(aggregate: Aggregate, facts: ReportFacts): Paragraph[] {
  if (facts.pace.length === 0) return [];
  const atRisk = facts.pace.filter((item) => item.atRisk);
  return [
    headingParagraph("4. Tiến độ các chỉ tiêu tính theo năm"),
    bodyParagraph(`Các chỉ tiêu số lượng tính cho cả năm ${aggregate.period.slice(0, 4)} chưa đạt đến hết ${periodPhrase(aggregate.period)}:`),
    ...facts.pace.map((item) =>
      dashParagraph(`${item.agencyName} – ${item.text} (chỉ tiêu: ${item.targetText}; đã thực hiện ${countText(item.actual)}): ${item.sentence}.`),
    ),
    ...(atRisk.length > 0
      ? [
          bodyParagraph([
            run("Có nguy cơ không đạt ", { bold: true }),
            run(`(tiến độ chậm hơn thời gian đã qua của năm): ${atRisk.map((item) => `${item.agencyName} – ${item.text}`).join("; ")}.`),
          ]),
        ]
      : []),
  ];
}
