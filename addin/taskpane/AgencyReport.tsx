import { Button, Checkbox, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { VersionView } from "../../shared/api/review";
import type { EvidenceDocument, EvidenceFile } from "../../shared/model/evidence";
import { REVIEW_STATE_LABELS } from "../../shared/model/review";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import type { CitationDrafts } from "../review/evidenceDraft";
import { needsAgencyAttention } from "../review/reviewDrafts";
import { actualText, citationText } from "../review/reviewText";
import { EvidenceForm } from "./EvidenceForm";
import { ReviewedBy } from "./ReviewedBy";
import { EvidenceList } from "./EvidenceList";
import { FinalVerdictFact } from "./FinalVerdictFact";
import { Notice, OperationStatus } from "./StatusBars";
import type { OperationState } from "./useOperation";

interface Props {
  assignments: PeriodAssignments;
  /** The agency's newest version with its review; absent before the first submission. */
  view: VersionView | undefined;
  citations: CitationDrafts;
  onAddCitation: (assignmentId: string, citation: EvidenceDocument) => string | undefined;
  onRemoveCitation: (assignmentId: string, index: number) => void;
  onUpload: (assignmentId: string, file: File) => void;
  onDownload: (file: EvidenceFile) => void;
  onRefresh: () => void;
  /** The progress or error of the last file sent or fetched, shown in its row. */
  fileStatus: OperationState;
  fileRow: string | undefined;
  busy: boolean;
}

/**
 * The agency's report as the province left it: returned (the overall comment, the rows to fix highlighted with the
 * comment beside them), approved, or waiting; each row with its value, the verdict that counts (the province's with
 * its reason), its evidence, and a "Minh chứng" form.
 */
export function AgencyReport({ assignments, view, citations, onAddCitation, onRemoveCitation, onUpload, onDownload, onRefresh, fileStatus, fileRow, busy }: Props) {
  const [open, setOpen] = useState<string>();
  /** Only the rows the province commented on or judged, flagged, or still without a value. */
  const [focused, setFocused] = useState(false);
  const values = new Map(view?.values.map((value) => [value.assignmentId, value]) ?? []);
  const rowComments = new Map(view?.review.rows.map((row) => [row.assignmentId, row.comment]) ?? []);
  const returned = view?.review.state === "returned";
  const attention = assignments.assignments.filter((assignment) =>
    needsAgencyAttention(values.get(assignment.assignmentId), returned ? rowComments.get(assignment.assignmentId) : undefined),
  );
  const shown = focused ? attention : assignments.assignments;
  return (
    <section className="kpi-stack" aria-label="Báo cáo của cơ quan">
      <div className="kpi-heading">
        <Subtitle2 as="h2">Báo cáo kỳ {assignments.periodLabel}</Subtitle2>
        <Button size="small" appearance="transparent" onClick={onRefresh} disabled={busy}>
          Làm mới
        </Button>
      </div>
      {view ? (
        <Text>
          Bản {view.version}, nộp lúc {vietnamTimeText(view.submittedAt)} · {REVIEW_STATE_LABELS[view.review.state]}
        </Text>
      ) : (
        <Text>Chưa nộp bản nào: có thể ghi minh chứng trước, gửi kèm lần nộp đầu.</Text>
      )}
      {returned && (
        <Notice intent="warning" title="Báo cáo bị trả lại">
          {view.review.comment}
          <ReviewedBy review={view.review} />
          <div>Sửa các dòng được đánh dấu trong bảng rồi bấm "Nộp báo cáo".</div>
        </Notice>
      )}
      {view?.review.state === "approved" && (
        <Notice intent="success" title="Báo cáo đã được duyệt">
          {view.review.comment ?? ""}
          <ReviewedBy review={view.review} />
        </Notice>
      )}
      {view?.lock.locked && (
        <Notice intent="error" title="Kỳ báo cáo đã khóa">
          Không nộp thêm được số liệu, tệp hay minh chứng cho kỳ này{view.lock.at ? ` (khóa lúc ${vietnamTimeText(view.lock.at)})` : ""}.
          {view.lock.reason ? ` Lý do: ${view.lock.reason}` : ""}
        </Notice>
      )}
      {view && (
        <Checkbox
          checked={focused}
          onChange={(_event, data) => setFocused(data.checked === true)}
          label={`Chỉ hiện dòng tỉnh nhận xét, đánh giá hoặc còn thiếu (${attention.length}/${assignments.assignments.length})`}
        />
      )}
      <ol className="kpi-review-rows" aria-label="Các chỉ tiêu của kỳ">
        {shown.map((assignment) => {
          const value = values.get(assignment.assignmentId);
          const comment = rowComments.get(assignment.assignmentId) ?? value?.comment;
          const pending = citations.get(assignment.assignmentId) ?? [];
          const sent = value?.evidence ?? [];
          const changed = JSON.stringify(pending) !== JSON.stringify(sent);
          const isOpen = open === assignment.assignmentId;
          return (
            <li key={assignment.assignmentId} className={`kpi-review-row${comment && returned ? " kpi-returned-row" : ""}`} aria-label={`Chỉ tiêu ${assignment.indicatorCode}`}>
              <div className="kpi-review-head">
                <strong>{assignment.indicatorCode}</strong> {assignment.text}
              </div>
              {comment && returned && <div className="kpi-row-comment">Nhận xét của tỉnh: {comment}</div>}
              <dl className="kpi-facts">
                <div>
                  <dt>Kết quả</dt>
                  <dd>{view ? actualText(value, assignment) : "Chưa nộp"}</dd>
                </div>
                {value && <FinalVerdictFact value={value} />}
              </dl>
              {value?.flags?.map((flag) => (
                <div key={flag.code} className="kpi-flag-text">
                  {flag.message}
                </div>
              ))}
              {value && <EvidenceList citations={sent} files={value.files} onDownload={onDownload} disabled={busy || Boolean(fileStatus.busy)} />}
              {changed && pending.length > 0 && <div className="kpi-muted">Gửi kèm lần nộp tới: {pending.map(citationText).join("; ")}</div>}
              {changed && pending.length === 0 && sent.length > 0 && <div className="kpi-muted">Lần nộp tới không kèm minh chứng cho dòng này.</div>}
              <Button size="small" appearance="subtle" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? undefined : assignment.assignmentId)}>
                {isOpen ? "Đóng minh chứng" : "Minh chứng"}
              </Button>
              {isOpen && (
                <EvidenceForm
                  code={assignment.indicatorCode}
                  citations={pending}
                  onAdd={(citation) => onAddCitation(assignment.assignmentId, citation)}
                  onRemove={(index) => onRemoveCitation(assignment.assignmentId, index)}
                  uploadVersion={value && view?.latest ? view.version : undefined}
                  onUpload={(file) => onUpload(assignment.assignmentId, file)}
                  busy={busy || Boolean(fileStatus.busy)}
                />
              )}
              {fileRow === assignment.assignmentId && <OperationStatus state={fileStatus} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
