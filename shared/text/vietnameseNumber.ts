/**
 * Numbers as Vietnamese documents write them: a decimal comma and a thousands dot ("52,9", "100.000",
 * "1.234,5"). English forms that cannot be read otherwise ("1,234,567", "95.5") are accepted too.
 */

export type NumberReading = { ok: true; value: number } | { ok: false; message: string };

const DIGITS_AND_SEPARATORS = /^\d+(?:[.,]\d+)*$/;

export function readVietnameseNumber(raw: string): NumberReading {
  const text = raw.trim();
  if (!DIGITS_AND_SEPARATORS.test(text)) {
    return { ok: false, message: `"${raw}" không phải là số.` };
  }
  const groups = text.split(/[.,]/);
  const separators = text.replace(/\d/g, "");
  if (separators.length === 0) return { ok: true, value: Number(text) };

  const tail = groups.slice(1);
  const allThousands = tail.every((group) => group.length === 3);
  const dots = [...separators].filter((c) => c === ".").length;
  const commas = separators.length - dots;

  // "100.000", "1.000.000": dots between groups of three digits.
  if (commas === 0 && allThousands) return { ok: true, value: Number(groups.join("")) };
  // "95.5": a single dot that cannot be a thousands dot is a decimal point.
  if (commas === 0 && dots === 1) return { ok: true, value: Number(text) };
  // "52,9", "0,95": a single comma is the decimal comma.
  if (dots === 0 && commas === 1) return { ok: true, value: Number(text.replace(",", ".")) };
  // "1,234,567": several commas between groups of three digits.
  if (dots === 0 && allThousands) return { ok: true, value: Number(groups.join("")) };
  // "1.234,5": thousands dots then one decimal comma.
  const lastComma = text.lastIndexOf(",");
  if (commas === 1 && separators.endsWith(",")) {
    const integerGroups = text.slice(0, lastComma).split(".");
    if (integerGroups.slice(1).every((group) => group.length === 3)) {
      return { ok: true, value: Number(integerGroups.join("") + "." + text.slice(lastComma + 1)) };
    }
  }
  return {
    ok: false,
    message: `Không đọc được số "${raw}": dùng dấu phẩy cho phần thập phân và dấu chấm ngăn cách hàng nghìn (ví dụ 52,9 hoặc 100.000).`,
  };
}

/** 52.9 → "52,9", 100000 → "100.000": how an officer expects to read a number. Round-trips through readVietnameseNumber. */
export function formatVietnameseNumber(value: number): string {
  const negative = value < 0;
  const [integerPart = "0", fractionPart] = plainDecimal(Math.abs(value)).split(".");
  const withDots = integerPart.length > 3 ? integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : integerPart;
  return (negative ? "-" : "") + withDots + (fractionPart ? "," + fractionPart : "");
}

/**
 * The shortest exact decimal text of a number, never in exponent form: the digits JavaScript prints, with the
 * exponent spelled out as zeros ("1.2345e-7" → "0.00000012345"), so the text reads back to the same number.
 */
function plainDecimal(value: number): string {
  const text = String(value);
  if (!text.includes("e")) return text;
  const exponential = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exponential) return text;
  const digits = exponential[1]! + (exponential[2] ?? "");
  const exponent = Number(exponential[3]);
  if (exponent < 0) return "0." + "0".repeat(-exponent - 1) + digits;
  return digits.padEnd(exponent + 1, "0");
}
