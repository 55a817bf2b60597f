import { Field, Select } from "@fluentui/react-components";
import type { DecisionChoice } from "../../shared/api/contract";

export interface PeriodChoice {
  decisionId: string;
  period: string;
}

/** Decision and period, as the officer names them: "1521/QĐ-UBND (2025)", "Quý IV năm 2025". */
export function PeriodPicker({ decisions, value, onChange, disabled }: { decisions: DecisionChoice[]; value: PeriodChoice | undefined; onChange: (choice: PeriodChoice) => void; disabled?: boolean }) {
  const decision = decisions.find((item) => item.id === value?.decisionId);
  return (
    <div className="kpi-row">
      <Field label="Văn bản giao chỉ tiêu" className="kpi-grow">
        <Select
          value={value?.decisionId ?? ""}
          disabled={disabled}
          onChange={(_event, data) => {
            const next = decisions.find((item) => item.id === data.value);
            if (next) onChange({ decisionId: next.id, period: defaultPeriod(next) });
          }}
        >
          {decisions.map((item) => (
            <option key={item.id} value={item.id}>
              {item.number} ({item.year})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Kỳ báo cáo">
        <Select value={value?.period ?? ""} disabled={disabled || !decision} onChange={(_event, data) => value && onChange({ ...value, period: data.value })}>
          {decision?.periods.map((period) => (
            <option key={period.code} value={period.code}>
              {period.label}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/** The quarter we are in when the decision's year is this year, else the decision's last period. */
export function defaultPeriod(decision: DecisionChoice, today: Date = new Date()): string {
  const current = `${today.getFullYear()}-Q${Math.floor(today.getMonth() / 3) + 1}`;
  const codes = decision.periods.map((period) => period.code);
  return codes.includes(current) ? current : (codes.at(-1) ?? "");
}

export function initialChoice(decisions: DecisionChoice[]): PeriodChoice | undefined {
  const first = decisions[0];
  return first ? { decisionId: first.id, period: defaultPeriod(first) } : undefined;
}
