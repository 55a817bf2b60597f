import { Button, Field, Input, Select, Subtitle2, Text } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { SUBMISSION_STATUS_LABELS, type Aggregate, type SubmissionStatus } from "../../shared/report/aggregate";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import { foldDiacritics } from "../../shared/text/normalize";
import type { KpiClient } from "../api/kpiClient";
import type { DecisionChoice, Me } from "../../shared/api/contract";
import type { WorkbookPort } from "../excel/workbookPort";
import { REVIEW_STATE_LABELS } from "../../shared/model/review";
import { DecisionImport } from "./DecisionImport";
import { LockControls } from "./LockControls";
import { ReviewView } from "./ReviewView";
import { initialChoice, PeriodPicker, type PeriodChoice } from "./PeriodPicker";
import { Notice, OperationStatus } from "./StatusBars";
import { useOperation } from "./useOperation";
import { Divider } from "./Marks";

type Filter = "all" | SubmissionStatus;

interface Props {
  client: KpiClient;
  me: Me;
  workbook: WorkbookPort;
  decisions: DecisionChoice[];
  onCatalogueChanged: () => void;
}

/** The province's pane: who has reported, the aggregate into the workbook, the consolidated report, imports. */
export function ProvinceView({ client, me, workbook, decisions, onCatalogueChanged }: Props) {
  const [choice, setChoice] = useState<PeriodChoice | undefined>(() => initialChoice(decisions));
  const [aggregate, setAggregate] = useState<Aggregate>();
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const [written, setWritten] = useState<string>();
  const [reviewed, setReviewed] = useState<string>();
  const operation = useOperation();
  const busy = Boolean(operation.busy);

  const refresh = (target: PeriodChoice) =>
    operation.run("Đang tải tình hình nộp báo cáo…", async () => {
      setAggregate(await client.aggregate(target.decisionId, target.period));
    });

  useEffect(() => {
    setAggregate(undefined);
    setWritten(undefined);
    setReviewed(undefined);
    if (choice) void refresh(choice);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload exactly when the choice changes
  }, [choice]);

  const pullAggregate = () =>
    choice &&
    operation.run("Đang lấy tổng hợp và ghi vào trang tính…", async () => {
      const fresh = await client.aggregate(choice.decisionId, choice.period);
      setAggregate(fresh);
      await workbook.writeAggregate(fresh);
      setWritten(`Đã ghi bảng tổng hợp ${fresh.agencies.length} cơ quan × ${fresh.indicators.length} chỉ tiêu vào trang "Tổng hợp", kèm biểu đồ tỷ lệ đạt.`);
    });

  const download = (format: "xlsx" | "docx") =>
    choice &&
    operation.run(format === "xlsx" ? "Đang tạo báo cáo tổng hợp…" : "Đang soạn dự thảo báo cáo trình ký…", async () => {
      const blob =
        format === "xlsx"
          ? await client.consolidatedReport(choice.decisionId, choice.period)
          : await client.draftReport(choice.decisionId, choice.period);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `${format === "xlsx" ? "tong-hop" : "bao-cao"}-${choice.decisionId}-${choice.period}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    });

  const shown = useMemo(() => {
    const needle = foldDiacritics(search.trim().toLowerCase());
    return (aggregate?.agencies ?? []).filter(
      (agency) => (filter === "all" || agency.status === filter) && (needle === "" || foldDiacritics(agency.name.toLowerCase()).includes(needle)),
    );
  }, [aggregate, filter, search]);

  const completeness = aggregate?.completeness;
  const reviewedAgency = aggregate?.agencies.find((agency) => agency.id === reviewed);
  return (
    <div className="kpi-stack">
      <PeriodPicker decisions={decisions} value={choice} onChange={setChoice} disabled={busy} />
      <div className="kpi-row">
        <Button appearance="primary" onClick={pullAggregate} disabledFocusable={busy || !choice}>
          Lấy tổng hợp
        </Button>
        <Button onClick={() => download("xlsx")} disabledFocusable={busy || !choice}>
          Tải báo cáo tổng hợp
        </Button>
        <Button onClick={() => download("docx")} disabledFocusable={busy || !choice}>
          Dự thảo báo cáo trình ký (.docx)
        </Button>
      </div>
      <OperationStatus state={operation} />
      {written && <Notice intent="success">{written}</Notice>}
      <div className="kpi-heading">
        <Subtitle2 as="h2">Tình hình nộp báo cáo</Subtitle2>
        <Button size="small" appearance="transparent" onClick={() => choice && refresh(choice)} disabled={busy || !choice}>
          Làm mới
        </Button>
      </div>
      {completeness && (
        <>
          <Text>
            {completeness.onTime + completeness.late}/{completeness.assigned} cơ quan đã nộp · hạn {aggregate.reportDueDate.split("-").reverse().join("/")}
          </Text>
          <div className="kpi-row">
            <Field label="Tình trạng">
              <Select value={filter} onChange={(_event, data) => setFilter(data.value as Filter)}>
                <option value="all">Tất cả ({completeness.assigned})</option>
                <option value="on_time">Đúng hạn ({completeness.onTime})</option>
                <option value="late">Nộp muộn ({completeness.late})</option>
                <option value="missing">Chưa nộp ({completeness.missing})</option>
              </Select>
            </Field>
            <Field label="Tìm cơ quan" className="kpi-grow">
              <Input className="kpi-fill" value={search} onChange={(_event, data) => setSearch(data.value)} placeholder="Tên cơ quan…" />
            </Field>
          </div>
          <ul className="kpi-agencies" aria-label="Các cơ quan">
            {shown.map((agency) => (
              <li key={agency.id} className={`kpi-agency kpi-${agency.status}`}>
                <span className="kpi-agency-name">{agency.name}</span>
                <span className="kpi-agency-status">
                  {SUBMISSION_STATUS_LABELS[agency.status]}
                  {agency.version ? ` · bản ${agency.version}` : ""}
                  {agency.version && agency.reviewState ? ` · ${REVIEW_STATE_LABELS[agency.reviewState]}` : ""}
                  {agency.status !== "missing" ? ` · đạt ${agency.metCount}/${agency.assignedCount}` : ""}
                </span>
                {agency.submittedAt && <span className="kpi-agency-time">{vietnamTimeText(agency.submittedAt)}</span>}
              </li>
            ))}
            {shown.length === 0 && <li>Không có cơ quan nào khớp bộ lọc.</li>}
          </ul>
        </>
      )}
      {me.role === "province" && choice && aggregate && (
        <>
          <Divider />
          <ReviewView client={client} choice={choice} aggregate={aggregate} agencyId={reviewed} onAgency={setReviewed} onChanged={() => void refresh(choice)} />
          <Divider />
          <LockControls
            client={client}
            choice={choice}
            periodLabel={aggregate.periodLabel}
            {...(reviewedAgency ? { agency: { id: reviewedAgency.id, name: reviewedAgency.name } } : {})}
            onChanged={() => void refresh(choice)}
          />
        </>
      )}
      {me.role === "province" && (
        <>
          <Divider />
          <DecisionImport client={client} workbook={workbook} onImported={onCatalogueChanged} />
        </>
      )}
    </div>
  );
}
