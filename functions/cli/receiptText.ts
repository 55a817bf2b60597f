import { finalVerdictCounts, type SubmissionReceipt } from "../../shared/report/receipt";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import type { VerdictCode } from "../../shared/verdict/schema";
import type { CliIo } from "./io";

/** A submission's receipt as `kpi submit` and `kpi ingest-report` print it: number, version, Vietnam time, verdicts. */
export function printReceipt(io: CliIo, receipt: SubmissionReceipt, replayedWhat: string): void {
  const counts = Object.entries(finalVerdictCounts(receipt))
    .map(([code, count]) => `${VERDICT_LABELS[code as VerdictCode]}: ${count}`)
    .join(", ");
  io.out(
    `${receipt.replayed ? `${replayedWhat} đã được nộp trước đó` : "Đã nộp"}: số biên nhận ${receipt.id}, phiên bản ${receipt.version}, ` +
      `lúc ${vietnamTimeText(receipt.submittedAt, { zoneNote: false })}${receipt.late ? " (nộp muộn)" : ""}.`,
  );
  io.out(`Kết quả đánh giá: ${counts}.`);
  const byPerson = receipt.verdicts.filter((verdict) => verdict.final?.decidedBy === "person");
  if (byPerson.length > 0) io.out(`Giữ đánh giá của tỉnh cho ${byPerson.length} giá trị không đổi so với phiên bản trước.`);
  const flagged = receipt.verdicts.filter((verdict) => verdict.flags?.length);
  if (flagged.length > 0) io.out(`Cần bổ sung minh chứng (số hiệu, ngày ban hành) cho ${flagged.length} chỉ tiêu đã báo hoàn thành.`);
  // A partial report is said: the province will read these as "Chưa có số liệu".
  if (receipt.missing.length > 0) {
    io.out(`Chưa có số liệu ${receipt.missing.length} chỉ tiêu: ${receipt.missing.map((row) => row.indicatorCode).join(", ")}.`);
  }
}
