import { foldDiacritics, normalizeText } from "../text/normalize";

/**
 * The comparison key of an indicator text: what stays when the differences that do not change the meaning are
 * removed — diacritics and case (OCR and typing), "tỉ lệ"/"tỷ lệ", punctuation, spacing and PDF line breaks.
 */
export function indicatorKey(text: string): string {
  return foldDiacritics(normalizeText(text))
    .replace(/\bti le\b/g, "ty le")
    .replace(/\bty le\b/g, "ty le")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Words of a key, for similarity: "ty le van ban di" → {"ty", "le", "van", "ban", "di"}. */
export function keyWords(key: string): string[] {
  return key.split(" ").filter((word) => word !== "");
}
