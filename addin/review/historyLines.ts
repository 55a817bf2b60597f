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
export function eventsConcerning(events: readonly AuditEvent[], agencyId: string): AuditEvent[] {
  return events.filter((event) => event.agencyId === agencyId || (event.agencyId === undefined && (event.action === "lock" || event.action === "unlock")));
}

export function historyLines(events: readonly AuditEvent[]): HistoryLine[] {
  return [...events]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((event) => ({ at: event.at, when: vietnamTimeCell(event.at), who: event.actorLabel ?? event.actor, what: whatOf(event) }));
}

function whatOf(event: AuditEvent): string {
  const version = event.version ? ` (bản ${event.version})` : "";
  const said = [verdictChange(event.details), textOf(event.details, "reason", "Lý do"), textOf(event.details, "comment", "Nhận xét")].filter(Boolean);
  return `${AUDIT_ACTION_LABELS[event.action]}${version}${said.length > 0 ? `: ${said.join("; ")}` : ""}`;
}

function textOf(details: Record<string, unknown>, key: string, label: string): string | undefined {
  const value = details[key];
  return typeof value === "string" && value.trim() ? `${label}: ${value.trim()}` : undefined;
}

/** "Cần đánh giá → Đạt" from the verdict's before/after, in whichever of the shapes the details carry it. */
function verdictChange(details: Record<string, unknown>): string | undefined {
  const before = verdictLabel(details.before);
  const after = verdictLabel(details.after ?? details.verdict);
  if (!after) return undefined;
  return before ? `${before} → ${after}` : after;
}

function verdictLabel(value: unknown): string | undefined {
  const code = typeof value === "string" ? value : typeof value === "object" && value !== null && "verdict" in value ? (value as { verdict: unknown }).verdict : undefined;
  if (code === null) return "bỏ đánh giá";
  return typeof code === "string" && code in VERDICT_LABELS ? VERDICT_LABELS[code as VerdictCode] : undefined;
}
