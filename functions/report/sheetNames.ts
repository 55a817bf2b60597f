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
