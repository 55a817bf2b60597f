import type { SubmissionReceipt } from "../../shared/report/receipt";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import type { VerdictCode } from "../../shared/verdict/schema";
import type { CliIo } from "./io";

/** A submission's receipt as `kpi submit` and `kpi ingest-report` print it: number, version, Vietnam time, verdicts. */
export function printReceipt(io: CliIo, receipt: SubmissionReceipt, replayedWhat: string): void {
  const counts = Object.entries(receipt.counts)
    .map(([code, count]) => `${VERDICT_LABELS[code as VerdictCode]}: ${count}`)
    .join(", ");
  io.out(
    `${receipt.replayed ? `${replayedWhat} đã được nộp trước đó` : "Đã nộp"}: số biên nhận ${receipt.id}, phiên bản ${receipt.version}, ` +
      `lúc ${vietnamTimeText(receipt.submittedAt, { zoneNote: false })}${receipt.late ? " (nộp muộn)" : ""}.`,
  );
  io.out(`Kết quả đánh giá: ${counts}.`);
}
