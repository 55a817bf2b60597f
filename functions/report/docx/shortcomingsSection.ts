import type { Paragraph } from "docx";
import { bodyParagraph, dashParagraph, headingParagraph, run } from "./documentFrame";
import { reasonText } from "./cellText";
import type { ReportFacts } from "./reportFacts";
import { countOfText, countText } from "./vietnameseFormat";

/**
 * III. Tồn tại, hạn chế: the indicators least met, the agencies late or missing, the values no rule could judge and
 * those the province judged itself, each named, so the Chairman can see what the figures rest on.
 */
export function shortcomingsSection(facts: ReportFacts): Paragraph[] {
  const paragraphs = [headingParagraph("III. TỒN TẠI, HẠN CHẾ")];
  if (facts.leastMet.length > 0) {
    paragraphs.push(
      dashParagraph([
        run("Các chỉ tiêu có tỷ lệ cơ quan đạt thấp nhất: ", { italics: true }),
        run(`${facts.leastMet.map((indicator) => `${indicator.name} (${countOfText(indicator.metCount, indicator.assignedCount)} cơ quan đạt)`).join("; ")}.`),
      ]),
    );
  }
  const unreported = [...facts.missing.map((agency) => `${agency.name} (chưa nộp)`), ...facts.late.map((agency) => `${agency.name} (nộp muộn)`)];
  if (unreported.length > 0) {
    paragraphs.push(dashParagraph([run("Cơ quan, đơn vị chưa nộp hoặc nộp muộn báo cáo: ", { italics: true }), run(`${unreported.join("; ")}.`)]));
  }
  const waiting = facts.verdictCounts.needs_review;
  if (waiting > 0) {
    paragraphs.push(dashParagraph(`Còn ${countText(waiting)} lượt chỉ tiêu chưa đánh giá được theo quy tắc (kết quả báo cáo chưa rõ hoặc chỉ tiêu giao không định lượng), cần Sở Khoa học và Công nghệ xem xét, đánh giá.`));
  }
  const invalid = facts.verdictCounts.invalid_actual;
  if (invalid > 0) paragraphs.push(dashParagraph(`Có ${countText(invalid)} lượt số liệu báo cáo không hợp lệ, cần cơ quan báo cáo lại.`));
  if (facts.judgedByPerson.length > 0) {
    const overrides = facts.judgedByPerson.filter((entry) => entry.cell.person.override);
    paragraphs.push(
      dashParagraph(
        `Có ${countText(facts.judgedByPerson.length)} lượt chỉ tiêu do Sở Khoa học và Công nghệ đánh giá (đánh dấu ${"(*)"} tại Phụ lục)` +
          (overrides.length > 0 ? `, trong đó ${countText(overrides.length)} lượt khác với kết quả tính theo quy tắc:` : ":"),
      ),
    );
    for (const { agency, cell } of facts.judgedByPerson) {
      paragraphs.push(bodyParagraph([run(`+ ${agency.name} – ${cell.text}: `), run(cell.label, { bold: true }), run(` (${reasonText(cell)}).`)]));
    }
  }
  if (paragraphs.length === 1) paragraphs.push(bodyParagraph("Các cơ quan, đơn vị đã nộp đủ, đúng hạn báo cáo; không có chỉ tiêu chưa đánh giá."));
  return paragraphs;
}

/** IV. Đề xuất, kiến nghị: the officer's own words, left as a marked placeholder. */
export function proposalSection(): Paragraph[] {
  return [
    headingParagraph("IV. ĐỀ XUẤT, KIẾN NGHỊ"),
    bodyParagraph([run("[Đề xuất, kiến nghị của Sở Khoa học và Công nghệ với Ủy ban nhân dân tỉnh: giải pháp đối với các chỉ tiêu đạt thấp, việc đôn đốc các cơ quan chưa nộp hoặc nộp muộn báo cáo, … — cán bộ soạn thảo bổ sung.]", { italics: true })]),
  ];
}
