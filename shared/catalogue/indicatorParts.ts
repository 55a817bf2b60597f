import { normalizeText } from "../text/normalize";

/**
 * "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận" → numerator "hồ sơ trực tuyến", denominator "tổng số hồ
 * sơ tiếp nhận". Only "trên tổng số" and "/tổng số" split: "trên Hệ thống …" means "on the system", not "over".
 */
const SPLIT = /\s*(?:(?<!\p{L})trên|\/)\s*(?=tổng số(?!\p{L}))/iu;

export function ratioParts(indicatorText: string): { numerator: string; denominator: string } | undefined {
  const text = normalizeText(indicatorText);
  const rate = /^(?:tỷ|tỉ) lệ\s+/iu.exec(text);
  if (!rate) return undefined;
  const body = text.slice(rate[0].length);
  const split = SPLIT.exec(body);
  if (!split) return undefined;
  const numerator = body.slice(0, split.index).trim();
  const denominator = body.slice(split.index + split[0].length).trim();
  if (!numerator || !denominator) return undefined;
  return { numerator, denominator };
}
