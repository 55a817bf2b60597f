import type { KpiClient } from "../api/kpiClient";
import type { WorkbookPort } from "../excel/workbookPort";
import { planReportTable, type ReportTableChanges } from "../report/planReportTable";

export type VerdictMode = "kpi" | "formula";

export interface PullRequest {
  decisionId: string;
  period: string;
  /** Only for a province user pulling an agency's table; an agency key always gets its own. */
  agencyId?: string;
  verdictMode: VerdictMode;
  functionNamespace: string;
}

export interface PullResult {
  summary: string;
  changes: ReportTableChanges;
  rowCount: number;
  archivedAs?: string;
}

/**
 * "Lấy chỉ tiêu": the period's assignments from the server merged into the table already in the workbook (one
 * batched read, one batched write), so values typed before a re-pull are never lost.
 */
export async function pullReport(client: KpiClient, workbook: WorkbookPort, request: PullRequest): Promise<PullResult> {
  const view = await client.assignments(request.decisionId, request.period, request.agencyId);
  if (view.assignments.length === 0) {
    throw new Error(`${view.agency.name} không được giao chỉ tiêu nào trong ${view.periodLabel.toLowerCase()} theo văn bản ${view.decision.number}.`);
  }
  const existing = await workbook.readReportTable();
  const plan = planReportTable(view, existing, { verdictMode: request.verdictMode, functionNamespace: request.functionNamespace });
  const written = await workbook.writeReportTable(plan);
  return {
    summary: plan.summary,
    changes: plan.changes,
    rowCount: plan.rows.length,
    ...(written.archivedAs ? { archivedAs: written.archivedAs } : {}),
  };
}
