/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, "-").replace(/^'+|'+$/g, "").trim() || "Trang";
  for (let attempt = 1; ; attempt += 1) {
    const suffix = attempt === 1 ? "" : ` (${attempt})`;
    const name = clean.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLocaleLowerCase("vi"))) {
      taken.add(name.toLocaleLowerCase("vi"));
      return name;
    }
  }
}

/**
 * A name uniqueSheetName can finish: composed so "Sở" counts as two characters and not three, and free of what exceljs
 * or Excel reject after truncation (control and astral characters, which a cut could split, and a trailing quote).
 */
export function sheetNameOf(name: string): string {
  const clean = name
    .normalize("NFC")
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .replace(/[\uD800-\uDFFF]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 31)
    .replace(/^[\s']+|[\s']+$/g, "");
  return clean || "Cơ quan";
}
