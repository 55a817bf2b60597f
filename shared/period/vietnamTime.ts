/**
 * Instants as an officer in Vietnam reads them, whatever zone the server or the PC runs in. Vietnam has kept UTC+7
 * without daylight saving since 1975, so a fixed offset is exact and no time zone database is needed.
 */

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

interface VietnamClock {
  /** "2025-12-20": the calendar day in Vietnam. */
  isoDay: string;
  day: string;
  month: string;
  year: number;
  hour: string;
  minute: string;
}

function vietnamClock(iso: string): VietnamClock | undefined {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return undefined;
  const local = new Date(instant + VIETNAM_OFFSET_MS);
  const two = (value: number) => String(value).padStart(2, "0");
  return {
    isoDay: local.toISOString().slice(0, 10),
    day: two(local.getUTCDate()),
    month: two(local.getUTCMonth() + 1),
    year: local.getUTCFullYear(),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
  };
}

/** The day in Vietnam an instant falls on ("2025-12-20"), or undefined for text that is not an instant. */
export function vietnamDay(iso: string): string | undefined {
  return vietnamClock(iso)?.isoDay;
}

/** "20/12/2025 14:05", for a table cell; text that is not an instant is given back as it is. */
export function vietnamTimeCell(iso: string): string {
  const clock = vietnamClock(iso);
  return clock ? `${clock.day}/${clock.month}/${clock.year} ${clock.hour}:${clock.minute}` : iso;
}

/** "14:05 ngày 20/12/2025 (giờ Việt Nam)", for a sentence; the zone note can be left off where a heading says it. */
export function vietnamTimeText(iso: string, options: { zoneNote?: boolean } = {}): string {
  const clock = vietnamClock(iso);
  if (!clock) return iso;
  const text = `${clock.hour}:${clock.minute} ngày ${clock.day}/${clock.month}/${clock.year}`;
  return options.zoneNote === false ? text : `${text} (giờ Việt Nam)`;
}
