import type { VersionView } from "../../shared/api/review";
import { vietnamTimeText } from "../../shared/period/vietnamTime";

/** "— Sở Thông tin và Truyền thông, 14:05 ngày 20/12/2025 (giờ Việt Nam)": who returned or approved, and when. */
export function ReviewedBy({ review }: { review: Pick<VersionView["review"], "byLabel" | "at"> }) {
  if (!review.byLabel || !review.at) return null;
  return (
    <div className="kpi-muted">
      — {review.byLabel}, {vietnamTimeText(review.at)}
    </div>
  );
}
