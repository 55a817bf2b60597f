import type { AgencyChoices } from "../../shared/catalogue/agencyChoices";
import type { Sheet } from "../../shared/catalogue/importers/sheetRows";
import { DEFAULT_TIMEOUT_MS, KpiApiClient, KpiApiError } from "../../shared/api/client";
import {
  aggregateSchema,
  decisionsSchema,
  importAnswerSchema,
  meSchema,
  periodAssignmentsSchema,
  submissionReceiptSchema,
  versionsSchema,
  workbookReceiptSchema,
  type Aggregate,
  type DecisionChoice,
  type ImportAnswer,
  type Me,
  type PeriodAssignments,
  type SubmissionReceipt,
  type SubmissionRequest,
  type VersionSummary,
  type WorkbookReceipt,
} from "../../shared/api/contract";
import {
  auditAnswerSchema,
  evidenceUploadAnswerSchema,
  lockAnswerSchema,
  versionViewSchema,
  type ApproveRequest,
  type EvidenceUploadAnswer,
  type LockAnswer,
  type LockRequest,
  type ReturnRequest,
  type UnlockRequest,
  type VerdictsRequest,
  type VersionView,
} from "../../shared/api/review";
import type { AuditAction, AuditEvent } from "../../shared/model/audit";
import type { Connection } from "../connection/connectionSettings";

/**
 * The KPI server as the task pane talks to it, over the shared client: every failure is a KpiApiError with a stable
 * code and a message an officer can act on; "offline" and "timeout" mean the request may not have arrived, so the
 * pane keeps what was typed and a retry reuses the same idempotency key.
 */
export interface KpiClientOptions {
  fetch?: typeof fetch;
  /** Per request; uploads get four times as long. */
  timeoutMs?: number;
}

export class KpiClient {
  private readonly api: KpiApiClient;
  private readonly timeoutMs: number;

  constructor(connection: Connection, options: KpiClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.api = new KpiApiClient({ baseUrl: connection.serverUrl, key: connection.key, timeoutMs: this.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) });
  }

  me(): Promise<Me> {
    return this.api.request("GET", "me", meSchema);
  }

  async decisions(): Promise<DecisionChoice[]> {
    return (await this.api.request("GET", "decisions", decisionsSchema)).decisions;
  }

  assignments(decisionId: string, period: string, agencyId?: string): Promise<PeriodAssignments> {
    const query = agencyId ? `?agency=${encodeURIComponent(agencyId)}` : "";
    return this.api.request("GET", `${periodPath(decisionId, period)}/assignments${query}`, periodAssignmentsSchema);
  }

  /** Sent again with the same idempotency key while the server says it is busy (bounded): stored once either way. */
  submit(decisionId: string, period: string, body: SubmissionRequest, idempotencyKey: string): Promise<SubmissionReceipt> {
    return this.api.request("POST", `${periodPath(decisionId, period)}/submissions`, submissionReceiptSchema, { json: body, idempotencyKey });
  }

  uploadWorkbook(decisionId: string, period: string, agencyId: string, version: number, bytes: Uint8Array): Promise<WorkbookReceipt> {
    return this.api.request("PUT", `${agencyPath(decisionId, period, agencyId)}/versions/${version}/workbook`, workbookReceiptSchema, {
      body: bytes as BodyInit,
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      timeoutMs: this.timeoutMs * 4,
    });
  }

  async versions(decisionId: string, period: string, agencyId: string): Promise<VersionSummary[]> {
    return (await this.api.request("GET", `${agencyPath(decisionId, period, agencyId)}/versions`, versionsSchema)).versions;
  }

  /** One version with its review: the agency reads its own, the province any. */
  version(scope: VersionScope): Promise<VersionView> {
    return this.api.request("GET", versionPath(scope), versionViewSchema);
  }

  /** The province's verdicts on values of the agency's newest version (`verdict: null` withdraws one). */
  setVerdicts(scope: VersionScope, body: VerdictsRequest): Promise<VersionView> {
    return this.api.request("PUT", `${versionPath(scope)}/verdicts`, versionViewSchema, { json: body });
  }

  returnVersion(scope: VersionScope, body: ReturnRequest): Promise<VersionView> {
    return this.api.request("POST", `${versionPath(scope)}/return`, versionViewSchema, { json: body });
  }

  approveVersion(scope: VersionScope, body: ApproveRequest): Promise<VersionView> {
    return this.api.request("POST", `${versionPath(scope)}/approve`, versionViewSchema, { json: body });
  }

  /** A file proving one value of a stored version; the server tells its kind from the bytes. */
  uploadEvidence(scope: VersionScope, assignmentId: string, name: string, bytes: Uint8Array): Promise<EvidenceUploadAnswer> {
    const path = `${versionPath(scope)}/evidence/${encodeURIComponent(assignmentId)}/file?name=${encodeURIComponent(name)}`;
    return this.api.request("PUT", path, evidenceUploadAnswerSchema, {
      body: bytes as BodyInit,
      headers: { "content-type": "application/octet-stream" },
      timeoutMs: this.timeoutMs * 4,
    });
  }

  /** The key goes in a header, so a plain link cannot fetch the file: the pane downloads it and hands it over. */
  evidenceFile(scope: VersionScope, assignmentId: string, evidenceId: string): Promise<Blob> {
    return this.api.blob("GET", `${versionPath(scope)}/evidence/${encodeURIComponent(assignmentId)}/${encodeURIComponent(evidenceId)}`, {
      timeoutMs: this.timeoutMs * 4,
    });
  }

  lockState(decisionId: string, period: string): Promise<LockAnswer> {
    return this.api.request("GET", `${periodPath(decisionId, period)}/lock`, lockAnswerSchema);
  }

  lock(decisionId: string, period: string, body: LockRequest): Promise<LockAnswer> {
    return this.api.request("POST", `${periodPath(decisionId, period)}/lock`, lockAnswerSchema, { json: body });
  }

  unlock(decisionId: string, period: string, body: UnlockRequest): Promise<LockAnswer> {
    return this.api.request("POST", `${periodPath(decisionId, period)}/unlock`, lockAnswerSchema, { json: body });
  }

  /** The audit trail of a period, oldest first as stored; filtered by agency and action on the server. */
  async audit(decisionId: string, period: string, filter: { agencyId?: string; action?: AuditAction } = {}): Promise<AuditEvent[]> {
    const query = new URLSearchParams();
    if (filter.agencyId) query.set("agency", filter.agencyId);
    if (filter.action) query.set("action", filter.action);
    const suffix = query.toString() ? `?${query}` : "";
    return (await this.api.request("GET", `${periodPath(decisionId, period)}/audit${suffix}`, auditAnswerSchema)).events;
  }

  aggregate(decisionId: string, period: string): Promise<Aggregate> {
    return this.api.request("GET", `${periodPath(decisionId, period)}/aggregate`, aggregateSchema);
  }

  consolidatedReport(decisionId: string, period: string): Promise<Blob> {
    return this.api.blob("GET", `${periodPath(decisionId, period)}/report.xlsx`, { timeoutMs: this.timeoutMs * 4 });
  }

  /** The draft report to sign (Nghị định 30/2020/NĐ-CP), built by the server from the period's final verdicts. */
  draftReport(decisionId: string, period: string): Promise<Blob> {
    return this.api.blob("GET", `${periodPath(decisionId, period)}/report.docx`, { timeoutMs: this.timeoutMs * 4 });
  }

  /** A decision laid out in sheets (the catalogue's xlsx layout), checked only (`dryRun`) or added to the catalogue. */
  importDecision(
    sheets: Sheet[],
    options: { dryRun: boolean; number?: string; year?: number; date?: string; agencyChoices?: AgencyChoices },
  ): Promise<ImportAnswer> {
    const query = new URLSearchParams({ format: "sheets", name: sheets[0]?.name ?? "bang-tinh", dryRun: String(options.dryRun) });
    if (options.agencyChoices && Object.keys(options.agencyChoices).length > 0) query.set("agencyChoices", JSON.stringify(options.agencyChoices));
    if (options.number) query.set("number", options.number);
    if (options.year) query.set("year", String(options.year));
    if (options.date) query.set("date", options.date);
    return this.api.request("POST", `catalogue/import?${query}`, importAnswerSchema, { json: { sheets } });
  }
}

function periodPath(decisionId: string, period: string): string {
  return `decisions/${encodeURIComponent(decisionId)}/periods/${encodeURIComponent(period)}`;
}

function agencyPath(decisionId: string, period: string, agencyId: string): string {
  return `${periodPath(decisionId, period)}/agencies/${encodeURIComponent(agencyId)}`;
}

/** Which version of which agency's report: the address of every review route. */
export interface VersionScope {
  decisionId: string;
  period: string;
  agencyId: string;
  version: number;
}

function versionPath(scope: VersionScope): string {
  return `${agencyPath(scope.decisionId, scope.period, scope.agencyId)}/versions/${scope.version}`;
}

/** A message for anything thrown: the pane never shows "[object Object]" nor swallows an error. */
export function messageOf(error: unknown): string {
  if (error instanceof KpiApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return "Đã có lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ.";
}
