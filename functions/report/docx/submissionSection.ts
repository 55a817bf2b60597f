import type { Paragraph } from "docx";
import type { Aggregate, AggregateAgency } from "../../../shared/report/aggregate";
import type { ReviewState } from "../../../shared/model/review";
import { vietnamTimeText } from "../../../shared/period/vietnamTime";
import { bodyParagraph, dashParagraph, headingParagraph, run } from "./documentFrame";
import type { ReportFacts } from "./reportFacts";
import { countOfText, countText, isoDateText, periodPhrase } from "./vietnameseFormat";

/** I. Tình hình nộp báo cáo: how many were asked, who reported on time, who late (and when), who not at all. */
export function submissionSection(aggregate: Aggregate, facts: ReportFacts): Paragraph[] {
  const { assigned, onTime, late, missing } = aggregate.completeness;
  const paragraphs = [
    headingParagraph("I. TÌNH HÌNH NỘP BÁO CÁO"),
    bodyParagraph(
      `Có ${countText(assigned)} cơ quan, đơn vị được giao chỉ tiêu phải báo cáo kết quả ${periodPhrase(aggregate.period)}; ` +
        `hạn nộp báo cáo là ngày ${isoDateText(aggregate.reportDueDate)}. Đến ${vietnamTimeText(aggregate.generatedAt)}, ` +
        `${countOfText(onTime, assigned)} cơ quan nộp đúng hạn, ${countOfText(late, assigned)} cơ quan nộp muộn, ` +
        `${countOfText(missing, assigned)} cơ quan chưa nộp.`,
    ),
  ];
  if (facts.late.length > 0) {
    paragraphs.push(dashParagraph([run("Nộp muộn: ", { italics: true }), run(facts.late.map(lateText).join("; ") + ".")]));
  }
  if (facts.missing.length > 0) {
    paragraphs.push(dashParagraph([run("Chưa nộp: ", { italics: true }), run(facts.missing.map((agency) => agency.name).join("; ") + ".")]));
  }
  const review = reviewSentence(aggregate.agencies);
  if (review) paragraphs.push(dashParagraph([run("Thẩm định báo cáo: ", { italics: true }), run(review)]));
  return paragraphs;
}

function lateText(agency: AggregateAgency): string {
  return agency.submittedAt ? `${agency.name} (nộp lúc ${vietnamTimeText(agency.submittedAt, { zoneNote: false })})` : agency.name;
}

/** How the sentence on the review says each state, in the order a reader wants them. */
const REVIEW_PHRASES: Record<Exclude<ReviewState, "not_submitted">, string> = {
  approved: "đã duyệt",
  returned: "đã trả lại để chỉnh sửa",
  resubmitted: "đã nộp lại, đang thẩm định",
  submitted: "đang thẩm định",
};
const REVIEW_ORDER = ["approved", "returned", "resubmitted", "submitted"] as const;

/** Where the province's review stands, when the server says: "đã duyệt 12; bị trả lại 1 (Sở Y tế); …". */
function reviewSentence(agencies: readonly AggregateAgency[]): string | undefined {
  const reviewed = agencies.filter((agency) => agency.reviewState !== undefined && agency.reviewState !== "not_submitted");
  if (reviewed.length === 0) return undefined;
  const parts = REVIEW_ORDER.flatMap((state) => {
    const inState = reviewed.filter((agency) => agency.reviewState === state);
    if (inState.length === 0) return [];
    const label = REVIEW_PHRASES[state];
    // Those approved are many and need no names; those waiting on someone are named so they can be chased.
    return [state === "approved" ? `${label} ${countText(inState.length)} báo cáo` : `${label} ${countText(inState.length)} báo cáo (${inState.map((agency) => agency.name).join(", ")})`];
  });
  return `${parts.join("; ")}.`;
}
