import * as z from "zod";
import vi from "zod/v4/locales/vi.js";

/**
 * zod's own messages (for a check nobody wrote a sentence for) in Vietnamese. zod's Vietnamese locale leaves type
 * names in English ("mong đợi string, nhận được undefined"); the commonest case, a value of the wrong type or a
 * missing one, is said here in the words an officer reads, the rest is the locale's.
 */
const TYPE_NAMES: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  int: "số nguyên",
  boolean: "đúng/sai",
  object: "đối tượng",
  array: "danh sách",
  null: "rỗng (null)",
  undefined: "trống",
  date: "ngày",
  bigint: "số nguyên lớn",
  nan: "không phải số (NaN)",
};

function typeOf(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && Number.isNaN(input)) return "nan";
  return typeof input;
}

const locale = vi().localeError;

const vietnameseErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return "Thiếu giá trị bắt buộc.";
    const expected = TYPE_NAMES[issue.expected] ?? "giá trị khác";
    const received = TYPE_NAMES[typeOf(issue.input)] ?? "giá trị khác";
    return `Phải là ${expected}, không phải ${received}.`;
  }
  return locale(issue);
};

let configured = false;

/** Called once by each entry point (functions, local host, CLI, task pane, custom functions). */
export function installVietnameseZodMessages(): void {
  if (configured) return;
  configured = true;
  z.config({ localeError: vietnameseErrors });
}
