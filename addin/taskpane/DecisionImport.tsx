import { Button, Field, Input, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Sheet } from "../../shared/catalogue/importers/sheetRows";
import { parseDateText } from "../../shared/period/excelDate";
import type { KpiClient } from "../api/kpiClient";
import type { ImportAnswer } from "../../shared/api/contract";
import type { WorkbookPort } from "../excel/workbookPort";
import type { AgencyChoice, AgencyChoices } from "../../shared/catalogue/agencyChoices";
import { ImportAgencies } from "./ImportAgencies";
import { Notice, OperationStatus } from "./StatusBars";
import { useOperation } from "./useOperation";

/**
 * A decision typed or pasted into the open workbook (the catalogue's layout: "1. Tên cơ quan", then "STT | Nội dung
 * | Chỉ tiêu") is checked by the server first; only a confirmed check is imported, all of it or nothing.
 */
type ImportOptions = { number?: string; year?: number; date?: string };

export function DecisionImport({ client, workbook, onImported }: { client: KpiClient; workbook: WorkbookPort; onImported: () => void }) {
  const [number, setNumber] = useState("");
  const [year, setYear] = useState("");
  const [date, setDate] = useState("");
  /** The sheet and the options as checked: only exactly these are imported. */
  const [checked, setChecked] = useState<{ sheet: Sheet; result: ImportAnswer; options: ImportOptions }>();
  const [imported, setImported] = useState<ImportAnswer>();
  /** The officer's answer for each heading that only resembles a registered agency. */
  const [choices, setChoices] = useState<AgencyChoices>({});
  const operation = useOperation();
  const busy = Boolean(operation.busy);
  // Any change after the check asks for a new check: what is imported is what was checked.
  const edited = (set: (value: string) => void, value: string) => {
    set(value);
    setChecked(undefined);
  };
  const issued = date.trim() ? parseDateText(date) : undefined;
  const dateError = date.trim() && !issued ? "Ngày ban hành viết dạng ngày/tháng/năm, ví dụ 24/10/2025." : undefined;
  const yearError = year.trim() && !/^\d{4}$/.test(year.trim()) ? "Năm gồm 4 chữ số." : undefined;
  const options = (): ImportOptions => ({
    ...(number.trim() ? { number: number.trim() } : {}),
    ...(year.trim() && !yearError ? { year: Number(year.trim()) } : {}),
    ...(issued ? { date: issued } : {}),
  });

  const check = () =>
    operation.run("Đang đọc trang tính và kiểm tra văn bản…", async () => {
      setImported(undefined);
      setChecked(undefined);
      setChoices({});
      const sheet = await workbook.readActiveSheet();
      if (sheet.rows.length === 0) throw new Error("Trang tính đang mở trống: mở trang có phụ lục giao chỉ tiêu rồi thử lại.");
      const chosen = options();
      setChecked({ sheet, options: chosen, result: await client.importDecision([sheet], { dryRun: true, ...chosen }) });
    });

  const confirm = () =>
    checked &&
    operation.run("Đang nhập văn bản vào danh mục…", async () => {
      setImported(await client.importDecision([checked.sheet], { dryRun: false, ...checked.options, agencyChoices: choices }));
      setChecked(undefined);
      onImported();
    });

  const warnings = checked?.result.report.problems.filter((problem) => problem.severity !== "error") ?? [];
  const close = checked?.result.report.agencies.close ?? [];
  const unchosen = close.filter((item) => choices[item.heading] === undefined).length;
  const choose = (heading: string, choice: AgencyChoice | undefined) =>
    setChoices(({ [heading]: _previous, ...rest }) => (choice ? { ...rest, [heading]: choice } : rest));
  return (
    <section className="kpi-stack" aria-label="Nhập văn bản giao chỉ tiêu">
      <Subtitle2 as="h2">Nhập văn bản giao chỉ tiêu</Subtitle2>
      <Text>Đọc phụ lục trên trang tính đang mở (mỗi mục "1. Tên cơ quan", dòng tiêu đề "STT | Nội dung | Chỉ tiêu").</Text>
      <div className="kpi-row">
        <Field label="Số văn bản" className="kpi-grow">
          <Input value={number} onChange={(_event, data) => edited(setNumber, data.value)} placeholder="1521/QĐ-UBND" />
        </Field>
        <Field label="Năm" validationMessage={yearError} validationState={yearError ? "error" : "none"}>
          <Input value={year} onChange={(_event, data) => edited(setYear, data.value)} placeholder="2026" inputMode="numeric" className="kpi-year" />
        </Field>
      </div>
      <Field label="Ngày ban hành" validationMessage={dateError} validationState={dateError ? "error" : "none"}>
        <Input value={date} onChange={(_event, data) => edited(setDate, data.value)} placeholder="24/10/2025" />
      </Field>
      <Button onClick={check} disabledFocusable={busy || Boolean(dateError || yearError)}>
        Kiểm tra trang tính đang mở
      </Button>
      <OperationStatus state={operation} />
      {checked && (
        <Notice
          intent={warnings.length > 0 || unchosen > 0 ? "warning" : "info"}
          title={`Văn bản ${checked.result.decision.number} (${checked.result.decision.year}) đọc được`}
          actions={
            <Button appearance="primary" onClick={confirm} disabledFocusable={busy || unchosen > 0}>
              Nhập vào danh mục
            </Button>
          }
        >
          {checked.result.report.sections} cơ quan, {checked.result.report.rows} dòng chỉ tiêu ({checked.result.report.newIndicators} chỉ tiêu mới,{" "}
          {checked.result.report.matchedIndicators} trùng danh mục).
          {warnings.length > 0 && ` Lưu ý: ${warnings.slice(0, 3).map((problem) => problem.message).join(" ")}`}
          <ImportAgencies agencies={checked.result.report.agencies} choices={choices} onChoose={choose} />
        </Notice>
      )}
      {imported && (
        <Notice intent="success" title="Đã nhập vào danh mục">
          Văn bản {imported.decision.number}: {imported.report.rows} dòng chỉ tiêu, {imported.report.agencies.created.length} cơ quan mới; danh mục phiên
          bản {imported.catalogueVersion}.
        </Notice>
      )}
    </section>
  );
}
