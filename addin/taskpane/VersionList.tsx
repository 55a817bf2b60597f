import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { VersionSummary } from "../../shared/report/receipt";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import { REVIEW_STATE_LABELS } from "../../shared/model/review";

/** Every version the agency sent for the period, newest first, with where the province's review of it stands. */
export function VersionList({ versions }: { versions: VersionSummary[] }) {
  if (versions.length === 0) return <Text>Chưa nộp phiên bản nào cho kỳ này.</Text>;
  return (
    <Table size="extra-small" aria-label="Các phiên bản đã nộp">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Bản</TableHeaderCell>
          <TableHeaderCell>Thời gian</TableHeaderCell>
          <TableHeaderCell>Đạt</TableHeaderCell>
          <TableHeaderCell>Trạng thái</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {versions.map((version) => {
          const total = Object.values(version.counts).reduce((sum, count) => sum + (count ?? 0), 0);
          return (
            <TableRow key={version.id}>
              <TableCell>
                {version.version}
                {version.late ? " (muộn)" : ""}
              </TableCell>
              <TableCell>{vietnamTimeText(version.submittedAt, { zoneNote: false })}</TableCell>
              <TableCell>
                {version.counts.met ?? 0}/{total}
              </TableCell>
              <TableCell>{version.state ? REVIEW_STATE_LABELS[version.state] : ""}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
