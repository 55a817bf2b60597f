import { z } from "zod";

/**
 * A text an officer reads or typed (names, titles, notes). Text copied from PDF and Excel mixes composed and decomposed
 * diacritics ("ệ" as one or two code points): NFC makes the same name compare equal; trimming drops the stray spaces
 * of copied cells.
 */
export function officerText(what: string, max = 300) {
  return z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .trim()
    .normalize("NFC")
    .min(1, { error: `${what} không được để trống.` })
    .max(max, { error: `${what} dài quá ${max} ký tự.` });
}

/**
 * A text kept exactly as the document writes it (a target cell, an order number): it is shown back to the officer and
 * re-parsed, so nothing is trimmed or recomposed.
 */
export function asWritten(what: string, max = 2000) {
  return z.string({ error: `${what} phải là chuỗi ký tự.` }).max(max, { error: `${what} dài quá ${max} ký tự.` });
}
