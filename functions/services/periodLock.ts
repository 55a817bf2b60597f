import { lockStateOf, type LockState } from "../../shared/model/lock";
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

export async function lockStateFor(services: Services, decisionId: string, period: PeriodCode, agencyId: string): Promise<LockState> {
  const entries = await services.reviews.locks(decisionId, period);
  return lockStateOf(entries, agencyId, services.now().toISOString(), automaticLockAt(services, period));
}

/** Refuses (423 period_locked) anything an agency sends for a locked period; nothing is stored. */
export async function requirePeriodOpen(
  services: Services,
  decision: { id: string; number: string },
  period: PeriodCode,
  agency: { id: string; name: string },
): Promise<void> {
  const state = await lockStateFor(services, decision.id, period, agency.id);
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
