import { Subtitle2, Text } from "@fluentui/react-components";
import type { HistoryLine } from "../review/historyLines";

/** Who did what to the agency's report and when (giờ Việt Nam), newest first. */
export function VersionHistory({ lines, title = "Lịch sử báo cáo" }: { lines: readonly HistoryLine[] | undefined; title?: string }) {
  return (
    <section className="kpi-stack-tight" aria-label={title}>
      <Subtitle2 as="h3">{title} (giờ Việt Nam)</Subtitle2>
      {lines === undefined ? (
        <Text>Đang tải lịch sử…</Text>
      ) : lines.length === 0 ? (
        <Text>Chưa có sự kiện nào.</Text>
      ) : (
        <ol className="kpi-history">
          {lines.map((line, index) => (
            <li key={`${line.at}-${index}`}>
              <time dateTime={line.at}>{line.when}</time> · <span className="kpi-history-who">{line.who}</span>
              <div>{line.what}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
