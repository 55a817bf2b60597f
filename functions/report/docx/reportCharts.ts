import { AlignmentType, ImageRun, Paragraph } from "docx";
import { chartPng } from "./chartPng";
import { barChart, columnChart, type ChartBar, type ChartDrawing } from "./chartSvg";
import { captionParagraph, mm, PORTRAIT_TEXT_WIDTH } from "./documentFrame";
import type { ReportFacts } from "./reportFacts";

/** Charts placed 160 mm wide; Word sizes pictures in pixels of 96 per inch. */
const PICTURE_WIDTH_PX = Math.round((Math.min(mm(160), PORTRAIT_TEXT_WIDTH) / 1440) * 96);
/** More bars than this would not be legible on one page: the best and the worst are shown, the table has them all. */
const MOST_BARS = 40;

export interface ChartFigure {
  paragraphs: Paragraph[];
  /** What the chart leaves out, said under it. */
  note?: string;
}

async function picture(drawing: ChartDrawing, caption: string): Promise<Paragraph[]> {
  const data = await chartPng(drawing);
  const height = Math.round((PICTURE_WIDTH_PX * drawing.height) / drawing.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 0 },
      children: [new ImageRun({ type: "png", data, transformation: { width: PICTURE_WIDTH_PX, height }, altText: { name: caption, title: caption, description: caption } })],
    }),
    captionParagraph(caption, { keepNext: false }),
  ];
}

/** Biểu đồ 1: the share of agencies meeting each indicator, columns numbered as in Bảng 1. */
export async function indicatorChart(facts: ReportFacts, number: number): Promise<Paragraph[]> {
  const bars: ChartBar[] = facts.indicators.map((indicator, index) => ({ label: String(index + 1), share: indicator.metShare ?? 0 }));
  return picture(
    columnChart(bars, "Số thứ tự chỉ tiêu (theo Bảng 1); chiều cao cột: tỷ lệ cơ quan đạt (%)"),
    `Biểu đồ ${number}. Tỷ lệ cơ quan, đơn vị đạt theo từng chỉ tiêu`,
  );
}

/** Biểu đồ 2: each reporting agency's share of its indicators met, best first. */
export async function agencyChart(facts: ReportFacts, number: number): Promise<ChartFigure> {
  const reported = facts.ranked.filter((entry) => entry.rank !== undefined);
  const shown = reported.length <= MOST_BARS ? reported : [...reported.slice(0, MOST_BARS / 2), ...reported.slice(-MOST_BARS / 2)];
  const bars = shown.map((entry) => ({ label: entry.agency.name, share: entry.metShare }));
  const paragraphs = await picture(
    barChart(bars, "Tỷ lệ chỉ tiêu đạt trên số chỉ tiêu được giao (%)"),
    `Biểu đồ ${number}. Tỷ lệ chỉ tiêu đạt của từng cơ quan, đơn vị`,
  );
  const skipped = reported.length - shown.length;
  const notes = [
    ...(skipped > 0 ? [`biểu đồ thể hiện ${MOST_BARS / 2} cơ quan có tỷ lệ cao nhất và ${MOST_BARS / 2} cơ quan có tỷ lệ thấp nhất; đủ ${reported.length} cơ quan tại Bảng 2`] : []),
    ...(facts.missing.length > 0 ? ["không gồm cơ quan chưa nộp báo cáo"] : []),
  ];
  return { paragraphs, ...(notes.length > 0 ? { note: `Ghi chú: ${notes.join("; ")}.` } : {}) };
}
