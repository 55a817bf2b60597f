import { Button } from "@fluentui/react-components";
import type { PercentAnswer } from "../excel/workbookPort";
import type { ReportCheck } from "../workflow/submitReport";
import { unreportedOf, unreportedSentence } from "../workflow/unreported";
import { PercentQuestions } from "./PercentQuestions";
import { ProblemList } from "./ProblemList";
import { Notice } from "./StatusBars";

/**
 * What reading the table found before anything is sent: faults by cell (nothing is sent), rate cells to clarify, or
 * a partial report — the rows without a value named, sent as it is or with the previous version's values kept.
 */

export function needsOfficer(check: ReportCheck): boolean {
  return check.problems.length > 0 || check.questions.length > 0 || unreportedOf(check.view, check.values).length > 0;
}

export function CheckResult({
  check,
  canCarryForward,
  onConfirm,
  onAnswer,
  busy,
}: {
  check: ReportCheck;
  canCarryForward: boolean;
  onConfirm: (carryForward: boolean) => void;
  onAnswer: (answers: PercentAnswer[]) => void;
  busy: boolean;
}) {
  if (check.problems.length > 0) {
    return <ProblemList title={`Chưa nộp: bảng có ${check.problems.length} lỗi cần sửa`} problems={check.problems} />;
  }
  if (check.questions.length > 0) {
    return <PercentQuestions key={check.questions.map((question) => question.cell).join()} questions={check.questions} onAnswer={onAnswer} busy={busy} />;
  }
  const unreported = unreportedOf(check.view, check.values);
  const where = [
    check.emptyCells.length > 0 && `Ô chưa nhập: ${check.emptyCells.join(", ")}.`,
    check.missingCodes.length > 0 && `Bảng thiếu dòng của ${check.missingCodes.join(", ")}: bấm "Lấy chỉ tiêu" để thêm lại.`,
  ].filter(Boolean);
  return (
    <Notice
      intent="warning"
      title="Báo cáo chưa đủ"
      actions={
        <div className="kpi-row">
          <Button onClick={() => onConfirm(false)} disabledFocusable={busy}>
            Gửi báo cáo thiếu
          </Button>
          {canCarryForward && (
            <Button onClick={() => onConfirm(true)} disabledFocusable={busy}>
              Gửi, giữ số liệu bản trước cho các chỉ tiêu này
            </Button>
          )}
        </div>
      }
    >
      {unreportedSentence(unreported)} {where.join(" ")} Gửi báo cáo thiếu?
    </Notice>
  );
}
