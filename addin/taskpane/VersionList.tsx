import { Text } from "@fluentui/react-components";
import type { VersionSummary } from "../../shared/report/receipt";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import { REVIEW_STATE_LABELS } from "../../shared/model/review";

/**
 * Every version the agency sent for the period, newest first, with where the province's review of it stands. A plain
 * table drawn like Fluent's extra-small Table by taskpane.css: Fluent's brings the focus and selection machinery of
 * its data grid for a table nobody selects in.
 */
export function VersionList({ versions }: { versions: VersionSummary[] }) {
  if (versions.length === 0) return <Text>Chưa nộp phiên bản nào cho kỳ này.</Text>;
  return (
    <table className="kpi-table" aria-label="Các phiên bản đã nộp">
      <thead>
        <tr>
          <th>Bản</th>
          <th>Thời gian</th>
          <th>Đạt</th>
          <th>Trạng thái</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => {
          const total = Object.values(version.counts).reduce((sum, count) => sum + (count ?? 0), 0);
          return (
            <tr key={version.id}>
              <td>
                {version.version}
                {version.late ? " (muộn)" : ""}
              </td>
              <td>{vietnamTimeText(version.submittedAt, { zoneNote: false })}</td>
              <td>
                {version.counts.met ?? 0}/{total}
              </td>
              <td>{version.state ? REVIEW_STATE_LABELS[version.state] : ""}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
