import type { HeaderColumn } from "./columnMeaning";

/**
 * The header of a multi-year plan table, recognised by what its columns mean (see columnMeaning): STT | Chỉ tiêu |
 * Đơn vị tính | Kế hoạch năm 2024 | Thực hiện năm 2024 | Kế hoạch năm 2025 | Định hướng đến năm 2030 | Cơ quan theo
 * dõi, or the same as "ĐVT", "KH 2025", "Ước TH 2024", "Năm 2025" over "Kế hoạch | Ước thực hiện".
 */

export interface MultiYearLayout {
  /** Column index of each cell kind; `plans` and `results` by year. */
  order?: number;
  text?: number;
  unit?: number;
  monitoring?: number;
  lead?: number;
  note?: number;
  direction?: number;
  plans: Map<number, number>;
  results: Map<number, number>;
  /** Header cells whose content this importer does not read, with their column index. */
  unknown: Array<{ column: number; name: string }>;
  width: number;
}

/** A header names STT and the indicator column; undefined for any other row. */
export function readMultiYearHeader(columns: readonly HeaderColumn[], width: number): MultiYearLayout | undefined {
  const layout: MultiYearLayout = { plans: new Map(), results: new Map(), unknown: [], width };
  for (const { column, name, meaning } of columns) {
    const kind = meaning?.kind;
    if (meaning && (meaning.kind === "plan" || meaning.kind === "result") && meaning.year !== undefined) {
      const byYear = meaning.kind === "plan" ? layout.plans : layout.results;
      if (!byYear.has(meaning.year)) {
        byYear.set(meaning.year, column);
        continue;
      }
    } else if (
      (kind === "order" || kind === "text" || kind === "unit" || kind === "monitoring" || kind === "lead" || kind === "note" || kind === "direction") &&
      layout[kind] === undefined
    ) {
      layout[kind] = column;
      continue;
    }
    layout.unknown.push({ column, name });
  }
  // "Cơ quan chủ trì" is the agency that follows the indicator when no column says "theo dõi".
  if (layout.monitoring === undefined && layout.lead !== undefined) {
    layout.monitoring = layout.lead;
    delete layout.lead;
  }
  return layout.order !== undefined && layout.text !== undefined ? layout : undefined;
}
