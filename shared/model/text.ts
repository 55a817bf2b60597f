import * as z from "zod";
import { forbiddenXmlCharacter } from "../text/xmlText";

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
    .max(max, { error: `${what} dài quá ${max} ký tự.` })
    .superRefine(refuseXmlForbidden(what));
}

/**
 * A text kept exactly as the document writes it (a target cell, an order number): it is shown back to the officer and
 * re-parsed, so nothing is trimmed or recomposed.
 */
export function asWritten(what: string, max = 2000) {
  return z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .max(max, { error: `${what} dài quá ${max} ký tự.` })
    .superRefine(refuseXmlForbidden(what));
}

/**
 * Text that will end up in an xlsx: a character XML cannot carry (a control character, U+FFFF) would make the file
 * unreadable, so it is refused here, with the field named, instead of written.
 */
export function refuseXmlForbidden(what: string) {
  return (value: string, context: z.RefinementCtx) => {
    const found = forbiddenXmlCharacter(value);
    if (found) context.addIssue({ code: "custom", message: `${what} chứa ký tự điều khiển không hợp lệ (${found}); hãy xóa ký tự đó rồi gửi lại.` });
  };
}
