import { Text } from "@fluentui/react-components";
import { finalVerdictCounts, type SubmissionReceipt } from "../../shared/report/receipt";
import type { VerdictCode } from "../../shared/verdict/schema";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import { receiptLines } from "../report/planReceipt";
import { Badge, type BadgeColor } from "./Marks";

const BADGE_COLORS: Record<VerdictCode, BadgeColor> = {
  met: "success",
  not_met: "danger",
  pending: "warning",
  no_data: "subtle",
  needs_review: "informative",
  invalid_actual: "danger",
};

/**
 * The receipt as the officer quotes it: the same lines the sheet gets, and the count of each verdict. Drawn as Fluent's
 * filled-alternative card by taskpane.css: Fluent's Card brings its focus-group machinery for a card nobody clicks.
 */
export function ReceiptCard({ receipt }: { receipt: SubmissionReceipt }) {
  return (
    <div role="group" className="kpi-card" aria-label="Biên nhận nộp báo cáo">
      <Text weight="semibold">Đã nộp báo cáo</Text>
      <dl className="kpi-receipt">
        {receiptLines(receipt).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <VerdictCounts counts={finalVerdictCounts(receipt)} />
      {partialLines(receipt).map((line) => (
        <Text key={line} size={200}>
          {line}
        </Text>
      ))}
    </div>
  );
}

export function VerdictCounts({ counts }: { counts: Partial<Record<VerdictCode, number>> }) {
  const entries = (Object.keys(VERDICT_LABELS) as VerdictCode[]).filter((code) => (counts[code] ?? 0) > 0);
  return (
    <div className="kpi-badges">
      {entries.map((code) => (
        <Badge key={code} color={BADGE_COLORS[code]}>
          {VERDICT_LABELS[code]}: {counts[code]}
        </Badge>
      ))}
    </div>
  );
}

/** What the version holds beyond what was typed: rows carried from an earlier version, rows still without a value. */
function partialLines(receipt: SubmissionReceipt): string[] {
  const carried = receipt.verdicts.filter((verdict) => verdict.carriedForwardFrom !== undefined);
  const lines: string[] = [];
  if (carried.length > 0) {
    const from = [...new Set(carried.map((verdict) => verdict.carriedForwardFrom))].join(", ");
    lines.push(`${carried.length} chỉ tiêu giữ số liệu của bản ${from}.`);
  }
  if (receipt.missing.length > 0) {
    lines.push(`Chưa có số liệu: ${receipt.missing.map((item) => item.indicatorCode).join(", ")}.`);
  }
  return lines;
}
