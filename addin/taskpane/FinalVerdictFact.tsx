import type { ReviewedValue } from "../../shared/api/review";
import { finalText } from "../review/reviewText";

/** The "Đánh giá" line of a row: the final verdict (the person's where given, else the rule's), coloured by it. */
export function FinalVerdictFact({ value }: { value: Pick<ReviewedValue, "final" | "person"> }) {
  return (
    <div>
      <dt>Đánh giá</dt>
      <dd className={`kpi-final kpi-final-${value.final.verdict}`}>{finalText(value)}</dd>
    </div>
  );
}
