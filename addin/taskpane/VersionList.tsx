import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { VersionSummary } from "../../shared/report/receipt";
import { vietnamTimeText } from "../../shared/period/vietnamTime";

/** Every version the agency sent for the period, newest first; the province reads the latest. */
export function VersionList({ versions }: { versions: VersionSummary[] }) {
  if (versions.length === 0) return <Text>Chưa nộp phiên bản nào cho kỳ này.</Text>;
  return (
    <Table size="extra-small" aria-label="Các phiên bản đã nộp">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Bản</TableHeaderCell>
          <TableHeaderCell>Thời gian</TableHeaderCell>
          <TableHeaderCell>Đạt</TableHeaderCell>
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
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
