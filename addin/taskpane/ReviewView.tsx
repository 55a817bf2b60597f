import { Button, Checkbox, Field, Select, Subtitle2, Text, Textarea } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { VersionView } from "../../shared/api/review";
import type { EvidenceFile } from "../../shared/model/evidence";
import { REVIEW_STATE_LABELS } from "../../shared/model/review";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import type { Aggregate } from "../../shared/report/aggregate";
import type { PeriodAssignments } from "../../shared/report/periodAssignments";
import { messageOf, type KpiClient, type VersionScope } from "../api/kpiClient";
import { codeLookup, eventsConcerning, historyLines, type HistoryLine } from "../review/historyLines";
import { approveRequestOf, EMPTY_DRAFT, hasVerdictDrafts, needsAttention, returnRequestOf, verdictsRequestOf, type Drafts, type RowDraft } from "../review/reviewDrafts";
import { Confirm } from "./Confirm";
import { ReviewedBy } from "./ReviewedBy";
import { saveBlob } from "./EvidenceList";
import type { PeriodChoice } from "./PeriodPicker";
import { ReviewRow } from "./ReviewRow";
import { Notice, OperationStatus } from "./StatusBars";
import { useOperation } from "./useOperation";
import { VersionHistory } from "./VersionHistory";

interface Props {
  client: KpiClient;
  choice: PeriodChoice;
  aggregate: Aggregate;
  agencyId: string | undefined;
  onAgency: (agencyId: string | undefined) => void;
  /** After a verdict, a return or an approval: the aggregate's counts and states changed. */
  onChanged: () => void;
}

type Loaded = { scope: VersionScope; view: VersionView; assignments: PeriodAssignments };

/**
 * The province's review of one agency's report: its newest version value by value, the province's verdicts with
 * reasons, comments per row, then "Trả lại" or "Duyệt" (each confirmed), and the report's history.
 */
export function ReviewView({ client, choice, aggregate, agencyId, onAgency, onChanged }: Props) {
  const [loaded, setLoaded] = useState<Loaded>();
  /** The report's history, or why it could not be read: the review itself goes on without it. */
  const [history, setHistory] = useState<HistoryLine[] | string>();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [comment, setComment] = useState("");
  const [asking, setAsking] = useState<"return" | "approve">();
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string>();
  /** Only the rows a person has to look at; the rule's plain verdicts are hidden. */
  const [focused, setFocused] = useState(false);
  const operation = useOperation();
  /** Downloads run beside the review and report in the row of the file. */
  const fileOperation = useOperation();
  const [fileRow, setFileRow] = useState<string>();
  const busy = Boolean(operation.busy);

  const submitted = aggregate.agencies.filter((agency) => agency.version !== undefined);
  const agency = aggregate.agencies.find((item) => item.id === agencyId);

  const agencyNameOf = (id: string) => aggregate.agencies.find((item) => item.id === id)?.name ?? id;
  const loadHistory = (scope: Pick<VersionScope, "decisionId" | "period" | "agencyId">, assignments: PeriodAssignments) =>
    client.audit(scope.decisionId, scope.period).then(
      (events) => setHistory(historyLines(eventsConcerning(events, scope.agencyId), codeLookup(assignments.assignments), agencyNameOf)),
      (error: unknown) => setHistory(`Chưa tải được lịch sử: ${messageOf(error)}`),
    );

  useEffect(() => {
    setLoaded(undefined);
    setHistory(undefined);
    setDrafts({});
    setComment("");
    setAsking(undefined);
    setProblems([]);
    setDone(undefined);
    if (!agency?.version) return;
    const scope: VersionScope = { decisionId: choice.decisionId, period: choice.period, agencyId: agency.id, version: agency.version };
    void operation.run(`Đang tải báo cáo của ${agency.name}…`, async () => {
      const [view, assignments] = await Promise.all([client.version(scope), client.assignments(scope.decisionId, scope.period, scope.agencyId)]);
      setLoaded({ scope, view, assignments });
      await loadHistory(scope, assignments);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the agency or its newest version changes
  }, [client, choice.decisionId, choice.period, agency?.id, agency?.version]);

  const byId = useMemo(() => new Map(loaded?.assignments.assignments.map((item) => [item.assignmentId, item]) ?? []), [loaded]);
  const nameOf = (assignmentId: string) => {
    const assignment = byId.get(assignmentId);
    return assignment ? `Chỉ tiêu ${assignment.indicatorCode}` : assignmentId;
  };

  /** The verdicts typed, sent first so that a return or an approval judges what the officer sees. */
  const saveVerdicts = async (current: Loaded): Promise<VersionView | undefined> => {
    const request = verdictsRequestOf(drafts, current.view.values, nameOf);
    if (!request) return current.view;
    if (!request.ok) {
      setProblems(request.problems);
      return undefined;
    }
    const view = await client.setVerdicts(current.scope, request.value);
    setLoaded({ ...current, view });
    setDrafts((previous) => Object.fromEntries(Object.entries(previous).map(([id, draft]) => [id, { ...draft, choice: "keep", reason: "" }])));
    return view;
  };

  const save = () =>
    loaded &&
    operation.run("Đang lưu đánh giá…", async () => {
      setProblems([]);
      setDone(undefined);
      const before = hasVerdictDrafts(drafts);
      if (!(await saveVerdicts(loaded))) return;
      if (before) {
        setDone("Đã lưu đánh giá của tỉnh.");
        onChanged();
        await loadHistory(loaded.scope, loaded.assignments);
      }
    });

  const decide = (decision: "return" | "approve") =>
    loaded &&
    operation.run(decision === "return" ? "Đang trả lại báo cáo…" : "Đang duyệt báo cáo…", async () => {
      setProblems([]);
      const returned = returnRequestOf(comment, drafts);
      const approved = approveRequestOf(comment);
      const send =
        decision === "return"
          ? returned.ok
            ? () => client.returnVersion(loaded.scope, returned.value)
            : returned.problems
          : approved.ok
            ? () => client.approveVersion(loaded.scope, approved.value)
            : approved.problems;
      if (Array.isArray(send)) {
        setProblems(send);
        return;
      }
      if (!(await saveVerdicts(loaded))) return;
      const view = await send();
      setLoaded((current) => (current ? { ...current, view } : current));
      setAsking(undefined);
      setDrafts({});
      setComment("");
      setDone(decision === "return" ? `Đã trả lại bản ${view.version} cho ${agency?.name ?? ""}.` : `Đã duyệt bản ${view.version} của ${agency?.name ?? ""}.`);
      onChanged();
      await loadHistory(loaded.scope, loaded.assignments);
    });

  const download = (file: EvidenceFile) => {
    if (!loaded) return;
    setFileRow(file.assignmentId);
    void fileOperation.run(`Đang tải tệp ${file.name}…`, async () =>
      saveBlob(await client.evidenceFile(loaded.scope, file.assignmentId, file.evidenceId), file.name),
    );
  };

  const view = loaded?.view;
  const closed = view ? view.review.state === "returned" || view.review.state === "approved" : true;
  const editable = Boolean(view?.latest);
  const setDraft = (assignmentId: string, draft: RowDraft) => setDrafts((previous) => ({ ...previous, [assignmentId]: draft }));
  const reviewed = new Set(view?.values.map((value) => value.assignmentId));
  const rows = [...(view?.values.map((value) => value.assignmentId) ?? []), ...(view?.missing.map((item) => item.assignmentId).filter((id) => !reviewed.has(id)) ?? [])];
  const valueOf = (assignmentId: string) => view?.values.find((value) => value.assignmentId === assignmentId);
  const attention = rows.filter((assignmentId) => needsAttention(valueOf(assignmentId), drafts[assignmentId]));
  const shownRows = focused ? attention : rows;
  const returnedRows = Object.values(drafts).filter((draft) => draft.comment.trim()).length;

  return (
    <section className="kpi-stack" aria-label="Xem xét báo cáo">
      <Subtitle2 as="h2">Xem xét báo cáo</Subtitle2>
      <Field label="Cơ quan">
        <Select className="kpi-select-fill" value={agencyId ?? ""} disabled={busy} onChange={(_event, data) => onAgency(data.value || undefined)}>
          <option value="">Chọn cơ quan đã nộp…</option>
          {submitted.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name} — {REVIEW_STATE_LABELS[item.reviewState ?? "submitted"]} · bản {item.version}
            </option>
          ))}
        </Select>
      </Field>
      {submitted.length === 0 && <Text>Chưa có cơ quan nào nộp báo cáo kỳ này.</Text>}
      {!view && <OperationStatus state={operation} />}
      {view && (
        <>
          <Text>
            Bản {view.version}, nộp lúc {vietnamTimeText(view.submittedAt)}
            {view.late ? " (muộn)" : ""} · {REVIEW_STATE_LABELS[view.review.state]}
            {view.lock.locked ? " · kỳ đã khóa" : ""}
          </Text>
          {view.review.state === "returned" && (
            <Notice intent="warning" title="Đã trả lại bản này">
              {view.review.comment}
              <ReviewedBy review={view.review} />
            </Notice>
          )}
          {view.review.state === "approved" && (
            <Notice intent="success" title="Đã duyệt bản này">
              {view.review.comment ?? ""}
              <ReviewedBy review={view.review} />
            </Notice>
          )}
          {!view.latest && <Notice intent="info">Đây không phải bản mới nhất: chỉ bản mới nhất được đánh giá, trả lại hoặc duyệt.</Notice>}
          <Checkbox
            checked={focused}
            onChange={(_event, data) => setFocused(data.checked === true)}
            label={`Chỉ hiện dòng cần xem xét (${attention.length}/${rows.length})`}
          />
          <ol className="kpi-review-rows" aria-label="Các chỉ tiêu của báo cáo">
            {shownRows.map((assignmentId) => (
              <ReviewRow
                key={`${view.version}-${assignmentId}`}
                assignmentId={assignmentId}
                assignment={byId.get(assignmentId)}
                value={valueOf(assignmentId)}
                draft={drafts[assignmentId] ?? EMPTY_DRAFT}
                onDraft={(draft) => setDraft(assignmentId, draft)}
                editable={editable}
                disabled={busy}
                onDownload={download}
                fileStatus={fileRow === assignmentId ? fileOperation : undefined}
              />
            ))}
          </ol>
          {editable && (
            <Button onClick={save} disabledFocusable={busy || !hasVerdictDrafts(drafts)}>
              Lưu đánh giá
            </Button>
          )}
          <OperationStatus state={operation} />
          {problems.length > 0 && (
            <Notice intent="error" title="Chưa gửi được">
              {problems.join(" ")}
            </Notice>
          )}
          {done && <Notice intent="success">{done}</Notice>}
          {editable && !closed && (
            <>
              <Field label="Nhận xét chung (bắt buộc khi trả lại)">
                <Textarea value={comment} disabled={busy} resize="vertical" onChange={(_event, data) => (setComment(data.value), setProblems([]))} />
              </Field>
              {!asking && (
                <div className="kpi-row">
                  <Button onClick={() => (setProblems([]), setDone(undefined), setAsking("return"))} disabledFocusable={busy}>
                    Trả lại
                  </Button>
                  <Button appearance="primary" onClick={() => (setProblems([]), setDone(undefined), setAsking("approve"))} disabledFocusable={busy}>
                    Duyệt
                  </Button>
                </div>
              )}
              {asking === "return" && (
                <Confirm title={`Trả lại bản ${view.version} cho ${agency?.name ?? ""}?`} confirmLabel="Xác nhận trả lại" onConfirm={() => void decide("return")} onCancel={() => setAsking(undefined)} disabled={busy} working={busy}>
                  Cơ quan sẽ thấy nhận xét chung{returnedRows > 0 ? ` và nhận xét ở ${returnedRows} dòng` : ""}, sửa rồi nộp lại.
                  {hasVerdictDrafts(drafts) ? " Các đánh giá chưa lưu được lưu trước." : ""}
                </Confirm>
              )}
              {asking === "approve" && (
                <Confirm title={`Duyệt bản ${view.version} của ${agency?.name ?? ""}?`} confirmLabel="Xác nhận duyệt" onConfirm={() => void decide("approve")} onCancel={() => setAsking(undefined)} disabled={busy} working={busy}>
                  Báo cáo được ghi nhận là đã duyệt; các chỉ tiêu tính theo đánh giá cuối cùng.
                  {hasVerdictDrafts(drafts) ? " Các đánh giá chưa lưu được lưu trước." : ""}
                </Confirm>
              )}
            </>
          )}
          {typeof history === "string" ? <Notice intent="warning">{history}</Notice> : <VersionHistory lines={history} />}
        </>
      )}
    </section>
  );
}
