/**
 * Text clean-up shared by the target grammar and the catalogue: what PDF conversion, Word and Excel leave behind.
 */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\r\n\f\v]/g;

/** LaTeX leftovers from PDF conversion: "$>95\%$", "$\geq 30\%$". */
const LATEX_REPLACEMENTS: ReadonlyArray<[RegExp, string]> = [
  [/\\geq?(?![a-z])/g, "≥"],
  [/\\leq?(?![a-z])/g, "≤"],
  [/\\gt(?![a-z])/g, ">"],
  [/\\lt(?![a-z])/g, "<"],
  [/\\%/g, "%"],
  [/\\,/g, " "],
  [/\\text\{([^}]*)\}/g, "$1"],
  [/\\mathrm\{([^}]*)\}/g, "$1"],
  [/\$/g, " "],
];

/** Two-character comparators people type when the keyboard has no ≥. */
const ASCII_COMPARATORS: ReadonlyArray<[RegExp, string]> = [
  [/>\s*=|=\s*>/g, "≥"],
  [/<\s*=|=\s*</g, "≤"],
  [/⩾/g, "≥"],
  [/⩽/g, "≤"],
  [/＞/g, ">"],
  [/＜/g, "<"],
  [/％/g, "%"],
];

/** NFC, one kind of space, no invisible characters, no LaTeX, single spaces, trimmed. */
export function normalizeText(text: string): string {
  let result = text.normalize("NFC").replace(INVISIBLE, "").replace(ODD_SPACES, " ");
  for (const [pattern, replacement] of LATEX_REPLACEMENTS) result = result.replace(pattern, replacement);
  for (const [pattern, replacement] of ASCII_COMPARATORS) result = result.replace(pattern, replacement);
  return result
    // Full-width digits from East Asian input methods: "９０％" is 90%.
    .replace(/[\uFF10-\uFF19]/g, (digit) => String(digit.charCodeAt(0) - 0xff10))
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Lower case without diacritics ("Tối thiểu" → "toi thieu"): the key for tolerant keyword matching. */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}
