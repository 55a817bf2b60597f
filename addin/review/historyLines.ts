import { AUDIT_ACTION_LABELS, type AuditEvent } from "../../shared/model/audit";
import { auditSummary } from "../../shared/report/auditSummary";
import { sizeText } from "./reviewText";
import { vietnamTimeCell } from "../../shared/period/vietnamTime";
import { VERDICT_LABELS } from "../../shared/verdict/labels";
import type { VerdictCode } from "../../shared/verdict/schema";

/**
 * The audit trail of one agency's report as the pane lists it: when (Vietnam time), who, what — in the words of the
 * exported log (shared/report/auditSummary), a verdict with its indicator's code rather than its assignment id.
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

export function historyLines(
  events: readonly AuditEvent[],
  codeOf: (assignmentId: string) => string = (id) => id,
  agencyName: (agencyId: string) => string = (id) => id,
): HistoryLine[] {
  return [...events]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((event) => ({ at: event.at, when: vietnamTimeCell(event.at), who: event.actorLabel ?? event.actor, what: whatOf(event, codeOf, agencyName) }));
}

function whatOf(event: AuditEvent, codeOf: (assignmentId: string) => string, agencyName: (agencyId: string) => string): string {
  const version = event.version ? ` (bản ${event.version})` : "";
  // The exported log's words, except for a verdict, where the pane names the indicator by its code.
  const words =
    event.action === "verdict"
      ? verdictChange(event.details, codeOf)
      : event.action === "evidence"
        ? evidenceFile(event.details, codeOf)
        : auditSummary(event, agencyName);
  return `${AUDIT_ACTION_LABELS[event.action]}${version}${words ? `: ${words}` : ""}`;
}

/** "Chỉ tiêu CDS-123: tệp ke-hoach-15.pdf (PDF, 12,3 KB)." — the file by name; its hash is in the exported log. */
function evidenceFile(details: Record<string, unknown>, codeOf: (assignmentId: string) => string): string {
  const row = typeof details.assignmentId === "string" ? `Chỉ tiêu ${codeOf(details.assignmentId)}: ` : "";
  const kind = typeof details.kind === "string" ? details.kind.toUpperCase() : undefined;
  const size = typeof details.size === "number" ? sizeText(details.size) : undefined;
  const about = [kind, size].filter(Boolean).join(", ");
  return `${row}tệp ${typeof details.name === "string" ? details.name : "minh chứng"}${about ? ` (${about})` : ""}.`;
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
