import { AUDIT_ACTION_LABELS, type AuditEvent } from "../../shared/model/audit";
import { vietnamTimeCell } from "../../shared/period/vietnamTime";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import type { VerdictCode } from "../../shared/verdict/schema";

/**
 * The audit trail of one agency's report as the pane lists it: when (Vietnam time), who, what. The details the
 * server records vary by action; only the ones an officer reads (reason, comment, a verdict's before and after) are
 * shown, so a new kind of detail never prints as raw data.
 */
export interface HistoryLine {
  at: string;
  when: string;
  who: string;
  what: string;
}

/**
 * One agency's events and those of the whole period that concern it too (a lock or unlock of all agencies), from
 * the period's trail.
 */
/** The indicator code of an assignment for the history's words; an assignment not in the list keeps its id. */
export function codeLookup(assignments: readonly { assignmentId: string; indicatorCode: string }[]): (assignmentId: string) => string {
  const codes = new Map(assignments.map((item) => [item.assignmentId, item.indicatorCode]));
  return (assignmentId) => codes.get(assignmentId) ?? assignmentId;
}

export function eventsConcerning(events: readonly AuditEvent[], agencyId: string): AuditEvent[] {
  return events.filter((event) => event.agencyId === agencyId || (event.agencyId === undefined && (event.action === "lock" || event.action === "unlock")));
}

export function historyLines(events: readonly AuditEvent[], codeOf: (assignmentId: string) => string = (id) => id): HistoryLine[] {
  return [...events]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((event) => ({ at: event.at, when: vietnamTimeCell(event.at), who: event.actorLabel ?? event.actor, what: whatOf(event, codeOf) }));
}

function whatOf(event: AuditEvent, codeOf: (assignmentId: string) => string): string {
  const version = event.version ? ` (bản ${event.version})` : "";
  const said = event.action === "verdict" ? [verdictChange(event.details, codeOf)] : [textOf(event.details, "reason", "Lý do"), textOf(event.details, "comment", "Nhận xét")];
  const words = said.filter(Boolean);
  return `${AUDIT_ACTION_LABELS[event.action]}${version}${words.length > 0 ? `: ${words.join("; ")}` : ""}`;
}

function textOf(details: Record<string, unknown>, key: string, label: string): string | undefined {
  const value = details[key];
  return typeof value === "string" && value.trim() ? `${label}: ${value.trim()}` : undefined;
}

/** "Chỉ tiêu CDS-124: Đạt. Lý do: …", "Đạt → Không đạt", or the province's verdict withdrawn. */
function verdictChange(details: Record<string, unknown>, codeOf: (assignmentId: string) => string): string {
  const row = typeof details.assignmentId === "string" ? `Chỉ tiêu ${codeOf(details.assignmentId)}: ` : "";
  const before = verdictOf(details.before);
  const after = verdictOf(details.after);
  if (!after) return `${row}bỏ đánh giá của tỉnh${before ? ` (trước đó: ${before.label})` : ""}, dùng kết quả tự động.`;
  const change = before ? `${before.label} → ${after.label}` : after.label;
  return `${row}${change}.${after.reason ? ` Lý do: ${after.reason}` : ""}`;
}

function verdictOf(value: unknown): { label: string; reason?: string } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { verdict, reason } = value as { verdict?: unknown; reason?: unknown };
  if (typeof verdict !== "string" || !(verdict in VERDICT_LABELS)) return undefined;
  return { label: VERDICT_LABELS[verdict as VerdictCode], ...(typeof reason === "string" ? { reason } : {}) };
}
