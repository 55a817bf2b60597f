import { Document, Packer, PageOrientation, type ISectionOptions } from "docx";
import type { Aggregate } from "../../../shared/report/aggregate";
import { matrixAppendix, resultsAppendix } from "./appendix";
import { closingBlock, closingSentence } from "./closingBlock";
import { A4, bodyParagraph, FONT, MARGINS, SIZE } from "./documentFrame";
import { addressee, documentHeader, documentTitle } from "./documentHeader";
import { provinceNameOf } from "./provinceName";
import { reportFacts } from "./reportFacts";
import { resultsSection } from "./resultsSection";
import { proposalSection, shortcomingsSection } from "./shortcomingsSection";
import { submissionSection } from "./submissionSection";
import { pageNumberHeaders } from "./pageNumbers";
import { isoDateText, periodPhrase } from "./vietnameseFormat";

/** What the catalogue knows of the decision beyond the aggregate: its date and issuer, for the report's wording. */
export interface DecisionContext {
  /** "2025-10-24". */
  date?: string;
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ". */
  issuer?: string;
}

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const ISSUER = "SỞ KHOA HỌC VÀ CÔNG NGHỆ";
const ISSUER_NAME = "Sở Khoa học và Công nghệ";
const NUMBER_SUFFIX = "BC-SKHCN";

/**
 * The draft report the standing agency sends to the Chairman, from the period's aggregate: the report itself in
 * portrait (I–IV, the closing, "Nơi nhận" and the signature block), then Phụ lục I and Phụ lục II in landscape. The
 * number, the day and the signer are left for the document system and the officer.
 */
export async function buildReportDocx(aggregate: Aggregate, context: DecisionContext = {}): Promise<Uint8Array> {
  const facts = reportFacts(aggregate);
  const province = provinceNameOf(aggregate.decision.province, [context.issuer, aggregate.decision.title]);
  const year = Number(aggregate.period.slice(0, 4));
  const kind = aggregate.decision.number.includes("/KH-") ? "Kế hoạch" : "Quyết định";
  const basis = `${kind} số ${aggregate.decision.number}${context.date ? ` ngày ${isoDateText(context.date)}` : ""}`;
  // "Về việc giao chỉ tiêu …" continues the sentence; a title of another shape would only repeat the number.
  const subject = aggregate.decision.title && /^về việc/iu.test(aggregate.decision.title) ? ` ${lowerFirst(aggregate.decision.title)}` : "";
  const reportReference = `Báo cáo số       /${NUMBER_SUFFIX} ngày     tháng     năm ${year} của ${ISSUER_NAME}`;

  const report: ISectionOptions = {
    properties: { titlePage: true, page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: MARGINS } },
    headers: pageNumberHeaders(),
    children: [
      documentHeader({ province, issuer: ISSUER, numberSuffix: NUMBER_SUFFIX, year }),
      ...documentTitle(`Kết quả thực hiện chỉ tiêu chuyển đổi số ${periodPhrase(aggregate.period)}`, `theo ${basis}`),
      addressee(province),
      bodyParagraph(
        `Thực hiện ${basis}${subject}, ${ISSUER_NAME} tổng hợp ` +
          `kết quả thực hiện chỉ tiêu chuyển đổi số ${periodPhrase(aggregate.period)} của các cơ quan, đơn vị như sau:`,
      ),
      ...submissionSection(aggregate, facts),
      ...(await resultsSection(aggregate, facts)),
      ...shortcomingsSection(facts),
      ...proposalSection(),
      closingSentence(province, ISSUER_NAME),
      closingBlock(province),
    ],
  };
  // Each appendix is a landscape section of its own: it starts on a new page and numbers its pages from 1.
  const appendixSection = (children: ISectionOptions["children"]): ISectionOptions => ({
    properties: {
      titlePage: true,
      page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: MARGINS, pageNumbers: { start: 1 } },
    },
    headers: pageNumberHeaders(),
    children,
  });
  const document = new Document({
    creator: ISSUER_NAME,
    title: `Báo cáo kết quả thực hiện chỉ tiêu chuyển đổi số ${periodPhrase(aggregate.period)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [report, appendixSection(matrixAppendix(aggregate, facts, reportReference)), appendixSection(resultsAppendix(aggregate, facts, reportReference))],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** "Về việc giao …" reads on inside a sentence as "về việc giao …". */
function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase("vi") + text.slice(1) : text;
}
