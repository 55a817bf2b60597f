import { Button, Field, Select, Textarea } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { ReviewedValue } from "../../shared/api/review";
import type { EvidenceFile } from "../../shared/model/evidence";
import type { PeriodAssignment } from "../../shared/report/periodAssignments";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import { EMPTY_DRAFT, type RowDraft, type VerdictChoice } from "../review/reviewDrafts";
import { actualText } from "../review/reviewText";
import { EvidenceList } from "./EvidenceList";
import { FinalVerdictFact } from "./FinalVerdictFact";
import { OperationStatus } from "./StatusBars";
import type { OperationState } from "./useOperation";
import { Badge } from "./Marks";

interface Props {
  assignment: PeriodAssignment | undefined;
  assignmentId: string;
  /** Absent for an assignment the version has no value for. */
  value: ReviewedValue | undefined;
  draft: RowDraft | undefined;
  onDraft: (draft: RowDraft) => void;
  /** Judging and commenting are open on the agency's newest version only. */
  editable: boolean;
  disabled: boolean;
  onDownload: (file: EvidenceFile) => void;
  /** The progress or error of a file of this row being downloaded. */
  fileStatus?: OperationState;
}

/**
 * One value of the version under review: what the agency reported, the rule's verdict and the one that counts,
 * what flags it and what proves it; then, on request, the province's verdict with its reason and a comment for the
 * return. A row no rule could judge opens by itself.
 */
export function ReviewRow({ assignment, assignmentId, value, draft = EMPTY_DRAFT, onDraft, editable, disabled, onDownload, fileStatus }: Props) {
  const needsPerson = value?.verdict === "needs_review" && !value.person;
  const [open, setOpen] = useState(needsPerson || Boolean(value?.flags?.length));
  const panelId = useId();
  const code = assignment?.indicatorCode ?? assignmentId;
  const choiceNeedsReason = draft.choice === "met" || draft.choice === "not_met";
  const reasonMissing = choiceNeedsReason && !draft.reason.trim();
  const classes = ["kpi-review-row", needsPerson ? "kpi-needs-person" : "", value?.comment ? "kpi-returned-row" : ""].filter(Boolean).join(" ");
  return (
    <li className={classes} aria-label={`Chỉ tiêu ${code}`}>
      <div className="kpi-review-head">
        <strong>{code}</strong> {assignment?.text ?? ""}
      </div>
      <dl className="kpi-facts">
        <div>
          <dt>Chỉ tiêu giao</dt>
          <dd>{value?.targetText || assignment?.targetText || "(văn bản không ghi chỉ tiêu cụ thể)"}</dd>
        </div>
        <div>
          <dt>Kết quả</dt>
          <dd>
            {actualText(value, assignment)}
            {value?.carriedForwardFrom ? ` (giữ từ bản ${value.carriedForwardFrom})` : ""}
          </dd>
        </div>
        {value && (
          <div>
            <dt>Tự động</dt>
            <dd title={value.explanation}>{value.label}</dd>
          </div>
        )}
        {value && <FinalVerdictFact value={value} />}
      </dl>
      {value?.flags?.map((flag) => (
        <Badge key={flag.code} color="warning" className="kpi-flag">
          {flag.message}
        </Badge>
      ))}
      {value && <EvidenceList citations={value.evidence ?? []} files={value.files} onDownload={onDownload} disabled={disabled || Boolean(fileStatus?.busy)} />}
      {fileStatus && <OperationStatus state={fileStatus} />}
      {value && (value.evidence ?? []).length === 0 && value.files.length === 0 && <div className="kpi-muted">Chưa có minh chứng.</div>}
      {value?.comment && <div className="kpi-row-comment">Nhận xét khi trả lại: {value.comment}</div>}
      {value && editable && (
        <>
          <Button size="small" appearance="subtle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
            {open ? "Ẩn đánh giá, nhận xét" : "Đánh giá, nhận xét"}
          </Button>
          {open && (
            <div id={panelId} className="kpi-review-edit">
              <Field label="Đánh giá của tỉnh">
                <Select className="kpi-select-fill" value={draft.choice} disabled={disabled} onChange={(_event, data) => onDraft({ ...draft, choice: data.value as VerdictChoice })}>
                  <option value="keep">Giữ nguyên ({value.final.label})</option>
                  <option value="met">{VERDICT_LABELS.met}</option>
                  <option value="not_met">{VERDICT_LABELS.not_met}</option>
                  {value.person && <option value="clear">Bỏ đánh giá của tỉnh (dùng kết quả tự động)</option>}
                </Select>
              </Field>
              {draft.choice !== "keep" && (
                <Field
                  label="Lý do đánh giá"
                  required={choiceNeedsReason}
                  validationMessage={reasonMissing ? "Cần ghi lý do cho đánh giá của tỉnh." : undefined}
                  validationState={reasonMissing ? "error" : "none"}
                >
                  <Textarea value={draft.reason} disabled={disabled} resize="vertical" onChange={(_event, data) => onDraft({ ...draft, reason: data.value })} />
                </Field>
              )}
              <Field label="Nhận xét cho dòng này (gửi kèm khi trả lại)">
                <Textarea value={draft.comment} disabled={disabled} resize="vertical" onChange={(_event, data) => onDraft({ ...draft, comment: data.value })} />
              </Field>
            </div>
          )}
        </>
      )}
    </li>
  );
}
