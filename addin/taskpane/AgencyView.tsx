import { Button, Field, Radio, RadioGroup, Spinner, Subtitle2 } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { VersionSummary } from "../../shared/report/receipt";
import { KpiApiError } from "../../shared/api/client";
import { messageOf, type KpiClient } from "../api/kpiClient";
import type { DecisionChoice, Me } from "../../shared/api/contract";
import type { PercentAnswer, WorkbookPort } from "../excel/workbookPort";
import { PendingSubmissions } from "../workflow/pendingSubmissions";
import { pullReport, type PullResult, type VerdictMode } from "../workflow/pullReport";
import { answerPercentQuestions, checkReport, sendReport, type ReportCheck, type SubmitOutcome, type SubmitProgress } from "../workflow/submitReport";
import { CheckResult, needsOfficer } from "./CheckResult";
import { initialChoice, PeriodPicker, type PeriodChoice } from "./PeriodPicker";
import { ProblemList } from "./ProblemList";
import { ReceiptCard } from "./ReceiptCard";
import { Notice, OperationStatus } from "./StatusBars";
import { useOperation } from "./useOperation";
import { VersionList } from "./VersionList";
import type { VersionView } from "../../shared/api/review";
import type { EvidenceDocument, EvidenceFile } from "../../shared/model/evidence";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import { withCitation, withoutCitation, type CitationDrafts } from "../review/evidenceDraft";
import { codeLookup, historyLines, type HistoryLine } from "../review/historyLines";
import { AgencyReport } from "./AgencyReport";
import { saveBlob } from "./EvidenceList";
import { VersionHistory } from "./VersionHistory";
import { Divider } from "./Marks";

interface Props {
  client: KpiClient;
  me: Me;
  workbook: WorkbookPort;
  decisions: DecisionChoice[];
  functionNamespace: string;
}

/** The agency officer's pane: pull the period's indicators into the sheet, fill them in Excel, submit. */
export function AgencyView({ client, me, workbook, decisions, functionNamespace }: Props) {
  const [choice, setChoice] = useState<PeriodChoice | undefined>(() => initialChoice(decisions));
  const [verdictMode, setVerdictMode] = useState<VerdictMode>("kpi");
  const [pulled, setPulled] = useState<PullResult>();
  const [check, setCheck] = useState<ReportCheck>();
  const [outcome, setOutcome] = useState<SubmitOutcome>();
  const [versions, setVersions] = useState<VersionSummary[]>();
  const operation = useOperation();
  /** Evidence files go up and down beside the report; their progress and errors show in the row concerned. */
  const fileOperation = useOperation();
  const [fileRow, setFileRow] = useState<string>();
  const pending = useMemo(() => new PendingSubmissions(), []);
  const agencyId = me.agency?.id ?? "";

  const [versionsError, setVersionsError] = useState<string>();
  const [assignments, setAssignments] = useState<PeriodAssignments>();
  const [latest, setLatest] = useState<VersionView>();
  const [latestError, setLatestError] = useState<string>();
  /** The report's history, or why it could not be read (the rest of the pane still works). */
  const [history, setHistory] = useState<HistoryLine[] | string>();
  const [citations, setCitations] = useState<CitationDrafts>(new Map());
  /** The version the citations started from: only a new version replaces what the officer has typed since. */
  const citationsFrom = useRef<number>(0);
  /** The server's refusal of a locked period (423), said apart from other errors: nothing more can be sent. */
  const [lockedMessage, setLockedMessage] = useState<string>();

  /** The versions, the newest one with the province's review, the period's rows and the history, as they stand now. */
  const loadVersions = useCallback(
    async (target: PeriodChoice, isCurrent: () => boolean = () => true) => {
      try {
        const [loaded, rows] = await Promise.all([
          client.versions(target.decisionId, target.period, agencyId),
          client.assignments(target.decisionId, target.period, agencyId),
        ]);
        const newest = loaded[0];
        const [newestView, events] = await Promise.all([
          newest
            ? client.version({ ...target, agencyId, version: newest.version }).then(
                (view): NewestView => ({ view }),
                (error: unknown): NewestView => ({ error: `Chưa tải được nhận xét của tỉnh về bản ${newest.version}: ${messageOf(error)}` }),
              )
            : Promise.resolve<NewestView>({}),
          client.audit(target.decisionId, target.period, { agencyId }).then((events) => historyLines(events, codeLookup(rows.assignments)), (error: unknown) => `Chưa tải được lịch sử: ${messageOf(error)}`),
        ]);
        const view = newestView.view;
        if (isCurrent()) {
          setLatestError(newestView.error);
          setVersions(loaded);
          setAssignments(rows);
          setLatest(view);
          setHistory(events);
          // What the newest version cited stays with its rows, so a resubmission keeps it unless the officer removes it.
          if (!newestView.error && (view?.version ?? 0) !== citationsFrom.current) {
            citationsFrom.current = view?.version ?? 0;
            setCitations(new Map((view?.values ?? []).filter((value) => value.evidence?.length).map((value) => [value.assignmentId, value.evidence ?? []])));
          }
          setVersionsError(undefined);
        }
      } catch (error) {
        if (isCurrent()) setVersionsError(messageOf(error));
      }
    },
    [client, agencyId],
  );

  useEffect(() => {
    let current = true;
    setVersions(undefined);
    setVersionsError(undefined);
    setAssignments(undefined);
    setLatest(undefined);
    setHistory(undefined);
    setLockedMessage(undefined);
    setCitations(new Map());
    citationsFrom.current = 0;
    if (choice && agencyId) void loadVersions(choice, () => current);
    // A slower answer for a period no longer chosen must not overwrite the list.
    return () => {
      current = false;
    };
  }, [choice, agencyId, loadVersions]);

  const pull = () =>
    choice &&
    operation.run("Đang lấy chỉ tiêu từ máy chủ và ghi vào trang tính…", async () => {
      setOutcome(undefined);
      setCheck(undefined);
      setPulled(await pullReport(client, workbook, { ...choice, verdictMode, functionNamespace }));
    });

  const send = (confirmed: ReportCheck, carryForward = false) =>
    operation.run("Đang gửi số liệu…", async (report) => {
      setLockedMessage(undefined);
      try {
        const result = await sendReport(client, workbook, confirmed, pending, (progress) => report(...progressText(progress)), { carryForward, citations });
        setCheck(undefined);
        setOutcome(result);
        if (choice) await loadVersions(choice);
      } catch (error) {
        if (error instanceof KpiApiError && error.code === "period_locked") {
          setCheck(undefined);
          setLockedMessage(error.message);
          return;
        }
        if (error instanceof KpiApiError && error.retryable) {
          throw new Error(`${error.message} Bấm "Nộp báo cáo" lần nữa để gửi lại: máy chủ nhận ra lần gửi trước nên không tạo bản trùng.`);
        }
        throw error;
      }
    });

  const addCitation = (assignmentId: string, citation: EvidenceDocument): string | undefined => {
    const next = withCitation(citations, assignmentId, citation);
    if (typeof next === "string") return next;
    setCitations(next);
    return undefined;
  };

  const upload = (assignmentId: string, file: File) => {
    if (!latest) return;
    setFileRow(assignmentId);
    void fileOperation.run(`Đang gửi tệp ${file.name}…`, async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      await client.uploadEvidence({ decisionId: latest.decisionId, period: latest.period, agencyId, version: latest.version }, assignmentId, file.name, bytes);
      if (choice) await loadVersions(choice);
    });
  };

  const download = (file: EvidenceFile) => {
    if (!latest) return;
    setFileRow(file.assignmentId);
    void fileOperation.run(`Đang tải tệp ${file.name}…`, async () =>
      saveBlob(await client.evidenceFile({ decisionId: latest.decisionId, period: latest.period, agencyId, version: latest.version }, file.assignmentId, file.evidenceId), file.name),
    );
  };

  const submit = () =>
    choice &&
    operation.run("Đang đọc bảng báo cáo…", async () => {
      setOutcome(undefined);
      setCheck(undefined);
      const found = await checkReport(client, workbook, { ...choice, agencyId });
      const needsConfirmation = needsOfficer(found);
      setCheck(needsConfirmation ? found : undefined);
      return needsConfirmation ? undefined : found;
    }).then((ready) => ready && send(ready));

  // Sending a partial report reads the table again: the officer may have filled some of the cells the warning named.
  const confirm = (carryForward: boolean) =>
    choice &&
    operation.run("Đang đọc bảng báo cáo…", async () => {
      const fresh = await checkReport(client, workbook, { ...choice, agencyId });
      if (fresh.problems.length > 0 || fresh.questions.length > 0) {
        setCheck(fresh);
        return undefined;
      }
      return fresh;
    }).then((ready) => ready && send(ready, carryForward));

  // The answers are written into their cells first; the table read again then goes on as a fresh "Nộp báo cáo".
  const answer = (asked: ReportCheck, answers: PercentAnswer[]) =>
    operation.run("Đang ghi câu trả lời vào bảng…", async () => {
      const answered = await answerPercentQuestions(workbook, asked, answers);
      setCheck(needsOfficer(answered) ? answered : undefined);
      return needsOfficer(answered) ? undefined : answered;
    }).then((ready) => ready && send(ready));

  const busy = Boolean(operation.busy);
  return (
    <div className="kpi-stack">
      <PeriodPicker decisions={decisions} value={choice} onChange={setChoice} disabled={busy} />
      <Field label="Cột đánh giá dùng">
        <RadioGroup value={verdictMode} onChange={(_event, data) => setVerdictMode(data.value as VerdictMode)} layout="vertical" disabled={busy}>
          <Radio value="kpi" label={`Hàm ${functionNamespace}.STATUS (cần phần bổ trợ KPI)`} />
          <Radio value="formula" label="Công thức Excel thường (mở được ở máy không có phần bổ trợ)" />
        </RadioGroup>
      </Field>
      <div className="kpi-row">
        <Button appearance="primary" onClick={pull} disabledFocusable={busy || !choice}>
          Lấy chỉ tiêu
        </Button>
        <Button appearance="primary" onClick={submit} disabledFocusable={busy || !choice}>
          Nộp báo cáo
        </Button>
      </div>
      <OperationStatus state={operation} />
      {pulled && !check && !outcome && (
        <Notice intent="success" title={`Đã ghi ${pulled.rowCount} chỉ tiêu vào trang "Báo cáo"`}>
          {pulled.summary}
          {pulled.archivedAs && ` Bảng cũ được giữ ở trang "${pulled.archivedAs}".`}
        </Notice>
      )}
      {lockedMessage && (
        <Notice intent="error" title="Kỳ báo cáo đã khóa: chưa nộp được">
          {lockedMessage}
        </Notice>
      )}
      {check && (
        <CheckResult check={check} canCarryForward={Boolean(versions?.length)} onConfirm={confirm} onAnswer={(answers) => answer(check, answers)} busy={busy} />
      )}
      {outcome && (
        <>
          {outcome.receipt.replayed && <Notice intent="info">Lần gửi trước đã đến máy chủ; không tạo bản trùng.</Notice>}
          <ReceiptCard receipt={outcome.receipt} />
          {outcome.fileError && <Notice intent="warning">{outcome.fileError}</Notice>}
          {outcome.receiptError && <Notice intent="warning">{outcome.receiptError}</Notice>}
          {outcome.fileProblems.length > 0 && <ProblemList title="Tệp Excel gửi kèm khác số liệu đã nộp" problems={outcome.fileProblems} />}
        </>
      )}
      {latestError && <Notice intent="warning">{latestError}</Notice>}
      {assignments && (
        <>
          <Divider />
          <AgencyReport
            assignments={assignments}
            view={latest}
            citations={citations}
            onAddCitation={addCitation}
            onRemoveCitation={(assignmentId, index) => setCitations(withoutCitation(citations, assignmentId, index))}
            onUpload={upload}
            onDownload={download}
            fileStatus={fileOperation}
            fileRow={fileRow}
            onRefresh={() => choice && void operation.run("Đang tải nhận xét của tỉnh…", () => loadVersions(choice))}
            busy={busy}
          />
        </>
      )}
      <Divider />
      <Subtitle2 as="h2">Các phiên bản đã nộp</Subtitle2>
      {versionsError ? (
        <Notice intent="warning">{versionsError}</Notice>
      ) : versions ? (
        <VersionList versions={versions} />
      ) : (
        <Spinner size="tiny" label="Đang tải các phiên bản…" />
      )}
      {typeof history === "string" ? <Notice intent="warning">{history}</Notice> : history && <VersionHistory lines={history} />}
    </div>
  );
}

type NewestView = { view?: VersionView; error?: string };

function progressText(progress: SubmitProgress): [string, number?] {
  switch (progress.stage) {
    case "values":
      return [progress.retry ? "Đang gửi lại số liệu (không tạo bản trùng)…" : "Đang gửi số liệu…"];
    case "file":
      return [`Đang đọc tệp Excel (${Math.round((progress.done / Math.max(progress.total, 1)) * 100)}%)…`, progress.done / Math.max(progress.total, 1)];
    case "upload":
      return [`Đang gửi tệp Excel (${Math.ceil(progress.size / 1024)} KB)…`];
    case "receipt":
      return ["Đang ghi biên nhận vào trang tính…"];
  }
}
