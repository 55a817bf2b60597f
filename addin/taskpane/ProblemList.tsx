import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReportProblem } from "../../shared/report/reportTable";

const SHOWN = 12;

/** Faults in the table, each starting with the cell to fix ("Ô E7: …"). */
export function ProblemList({ title, problems }: { title: string; problems: readonly ReportProblem[] }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className="kpi-problems">
          {problems.slice(0, SHOWN).map((problem, index) => (
            <li key={`${problem.cell ?? ""}-${index}`}>{problem.message}</li>
          ))}
          {problems.length > SHOWN && <li>… và {problems.length - SHOWN} lỗi khác.</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
