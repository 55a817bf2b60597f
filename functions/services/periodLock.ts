import { lockStateOf, type LockEntry, type LockState } from "../../shared/model/lock";
import { periodLabel, type PeriodCode } from "../../shared/period/period";
import { reportDueDate } from "../../shared/period/reportDue";
import { vietnamTimeText } from "../../shared/period/vietnamTime";
import { DomainError } from "./domainError";
import type { Services } from "./services";

/**
 * When the automatic lock of a period applies (the setting KPI_AUTO_LOCK_DAYS: N days after the report due date ends
 * in Vietnam), or undefined when it is off.
 */
export function automaticLockAt(services: Services, period: PeriodCode): string | undefined {
  const days = services.settings.autoLockDays;
  if (days === undefined) return undefined;
  const due = reportDueDate(period, services.settings.reportDueDay);
  // The due day ends at midnight Vietnam time (UTC+7): 17:00 UTC of that day.
  const endOfDue = Date.parse(`${due}T17:00:00.000Z`);
  return new Date(endOfDue + days * 86_400_000).toISOString();
}

export async function lockStateFor(
  services: Services,
  decisionId: string,
  period: PeriodCode,
  agencyId: string,
  options: { recentMs?: number } = {},
): Promise<LockState> {
  const entries = await lockEntries(services, decisionId, period, options.recentMs ?? 0);
  return lockStateOf(entries, agencyId, services.now().toISOString(), automaticLockAt(services, period));
}

/**
 * How long a lock takes to reach every instance, counted from its write: a read made just before it may still answer
 * for the setting KPI_LOCK_CACHE_MS (settings.lockCacheMs), and a submission that passed the gate on such a read is
 * still writing for a moment after. The lock's answer waits this long, so that once the province reads "đã khóa" no
 * instance stores anything more for the period. A lock set through this process is seen here at once (forgetLocks);
 * the automatic lock is computed from the clock on every request, never cached.
 */
export function lockSettleMs(services: Services): number {
  const cacheMs = services.settings.lockCacheMs;
  return cacheMs > 0 ? cacheMs + LOCK_WRITE_MARGIN_MS : 0;
}

/** Time for a submission that passed the gate to finish its one storage transaction. */
const LOCK_WRITE_MARGIN_MS = 1_000;

interface RecentRead {
  entries: Promise<LockEntry[]>;
  /** When the read was sent: what it answers for is counted from here, never from its answer. */
  readAt: number;
  /** A newer read started ahead of this one's expiry, not yet answered. */
  refreshing?: boolean;
}

const recentLocks = new WeakMap<object, Map<string, RecentRead>>();

/**
 * The locks of a period, from a read at most `recentMs` old. A read past half its time is renewed in the background
 * while it still answers, so a steady stream of submissions never waits on a lock read: a read that arrives in the
 * middle of a burst holds every submission of that burst back until storage answers, and they all reach storage at
 * once. No submission passes on a read older than `recentMs`, which is what lockSettleMs counts on.
 */
function lockEntries(services: Services, decisionId: string, period: PeriodCode, recentMs: number): Promise<LockEntry[]> {
  if (recentMs <= 0) return services.reviews.locks(decisionId, period);
  const byPeriod = recentLocks.get(services.reviews) ?? new Map<string, RecentRead>();
  recentLocks.set(services.reviews, byPeriod);
  const key = `${decisionId}~${period}`;
  const known = byPeriod.get(key);
  // performance.now, not services.now: a test's frozen clock must not keep a lock read forever.
  const age = known ? performance.now() - known.readAt : Infinity;
  if (known && age < recentMs) {
    if (age >= recentMs / 2 && !known.refreshing) renewAhead(services, byPeriod, key, known, decisionId, period);
    return known.entries;
  }
  // The read in flight is shared too, so a burst of submissions makes one read; a failed read is not kept.
  const entries = services.reviews.locks(decisionId, period);
  byPeriod.set(key, { entries, readAt: performance.now() });
  entries.catch(() => {
    if (byPeriod.get(key)?.entries === entries) byPeriod.delete(key);
  });
  return entries;
}

/**
 * Replaces a read with a newer one once the newer is answered. A failed renewal leaves the older read answering for
 * the rest of its time; the first submission after that reads afresh and hears of the failure.
 */
function renewAhead(services: Services, byPeriod: Map<string, RecentRead>, key: string, known: RecentRead, decisionId: string, period: PeriodCode): void {
  known.refreshing = true;
  const readAt = performance.now();
  services.reviews.locks(decisionId, period).then(
    (entries) => {
      // A lock decided meanwhile through this process (forgetLocks) dropped the older read: this one may predate it.
      if (byPeriod.get(key) === known) byPeriod.set(key, { entries: Promise.resolve(entries), readAt });
    },
    () => {
      known.refreshing = false;
    },
  );
}

/** Called once a lock decision is stored: this process's next submission reads it afresh. */
export function forgetLocks(services: Services, decisionId: string, period: PeriodCode): void {
  recentLocks.get(services.reviews)?.delete(`${decisionId}~${period}`);
}

/**
 * Refuses (423 period_locked) anything an agency sends for a locked period; nothing is stored. `recentMs`: a lock
 * read this recent may answer (the submission path, see lockSettleMs); otherwise it is read now.
 */
export async function requirePeriodOpen(
  services: Services,
  decision: { id: string; number: string },
  period: PeriodCode,
  agency: { id: string; name: string },
  options: { recentMs?: number } = {},
): Promise<void> {
  const state = await lockStateFor(services, decision.id, period, agency.id, options);
  if (!state.locked) return;
  const when = state.at ? ` từ ${vietnamTimeText(state.at)}` : "";
  const why = state.reason ? ` Lý do: ${state.reason.replace(/[.。]?$/, ".")}` : "";
  throw new DomainError(
    "period_locked",
    `Kỳ báo cáo ${lowerFirst(periodLabel(period))} của văn bản ${decision.number} đã khóa${when} đối với ${agency.name}: không nhận thêm số liệu, tệp hay minh chứng.${why} Liên hệ cơ quan thường trực của tỉnh nếu cần mở khóa.`,
    { period, agencyId: agency.id, lockedAt: state.at, source: state.source },
  );
}

/** "Quý IV/2025" inside a sentence: "quý IV/2025" (only the first letter; the numeral stays upper case). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}
