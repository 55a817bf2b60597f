import { excelSerialToIsoDate } from "../period/excelDate";
import { formatIsoDateVi } from "../period/isoDate";

/**
 * Number formats as Excel codes. Excel and LibreOffice show "#,##0" and "0.0%" with the reader's separators, so a
 * Vietnamese locale sees 100.000 and 52,9%; the preview, which has no locale, shows the same through displayNumber.
 */
export const GENERAL_FORMAT = "General";
/** Text: typed "1.10", "3/4" or "=…" stays exactly as written. */
export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "dd/mm/yyyy";
export const DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
/** Counts with thousands grouped. */
export const COUNT_FORMAT = "#,##0";

/** A share shown as a percentage with `decimals` digits after the comma: 0 → "0%", 1 → "0.0%". */
export function percentFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}
export const PERCENT_FORMAT = percentFormat(1);

/**
 * The format of a result judged against a percent target: as many decimals as the target writes (92,5% → 1), and at
 * least one, so a result just under a whole target (64,6% against 65%) never shows as meeting it.
 */
export function percentFormatForTarget(targetPoints: number | undefined): string {
  const written = targetPoints === undefined ? "" : (String(targetPoints).split(".")[1] ?? "");
  return percentFormat(Math.min(4, Math.max(1, written.length)));
}

/** The digits after the comma of a percent format, or undefined when the format is no percent. */
export function percentDecimals(format: string): number | undefined {
  const match = /^0(?:\.(0+))?%$/.exec(format);
  return match ? (match[1]?.length ?? 0) : undefined;
}

/** "100.000", "52,9": Vietnamese separators. */
export function groupVietnamese(value: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(Math.round(value * 1e10) / 1e10) : value.toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const sign = whole!.startsWith("-") ? "-" : "";
  const digits = whole!.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${digits}${fraction ? `,${fraction}` : ""}`;
}

/** How a number shows in a cell of `format`, as a Vietnamese Excel shows it. */
export function displayNumber(value: number, format: string): string {
  if (format === DATE_FORMAT || format === DATE_TIME_FORMAT) {
    const iso = excelSerialToIsoDate(Math.floor(value));
    if (!iso) return String(value);
    if (format === DATE_FORMAT) return formatIsoDateVi(iso);
    const minutes = Math.round((value - Math.floor(value)) * 24 * 60);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    return `${formatIsoDateVi(iso)} ${time}`;
  }
  const decimals = percentDecimals(format);
  if (decimals !== undefined) return `${groupVietnamese(value * 100, decimals)}%`;
  if (format === COUNT_FORMAT) return groupVietnamese(value, 0);
  return String(Math.round(value * 1e10) / 1e10).replace(".", ",");
}
