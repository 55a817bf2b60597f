import { foldDiacritics } from "../../text/normalize";

/**
 * The header of a multi-year plan table, recognised by column names, with the years read from the names:
 * STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024 | Thực hiện năm 2024 | Kế hoạch năm 2025 | Định hướng đến năm 2030 |
 * Cơ quan theo dõi/chủ trì.
 */

export type MultiYearColumn =
  | { kind: "order" | "text" | "unit" | "monitoring" | "note" }
  | { kind: "plan" | "result" | "direction"; year: number };

const FIXED: ReadonlyArray<readonly ["order" | "text" | "unit" | "monitoring" | "note", RegExp]> = [
  ["order", /^(stt|tt)$/],
  ["text", /^(chi tieu|ten chi tieu|noi dung|noi dung chi tieu)$/],
  ["unit", /^(don vi tinh|dvt)$/],
  ["monitoring", /^(co quan|don vi) (theo doi|chu tri|theo doi\s*\/\s*chu tri|chu tri\s*\/\s*theo doi)$/],
  ["note", /^ghi chu$/],
];

const YEARLY: ReadonlyArray<readonly ["plan" | "result" | "direction", RegExp]> = [
  // "Chỉ tiêu năm 2025" names this year's target as often as "Kế hoạch năm 2025" does.
  ["plan", /^(ke hoach|chi tieu|muc tieu|chi tieu ke hoach)( nam)? (\d{4})$/],
  ["result", /^(thuc hien|ket qua|ket qua thuc hien)( nam)? (\d{4})$/],
  ["direction", /^(dinh huong|muc tieu) den( nam)? (\d{4})$/],
];

export function multiYearColumnOf(name: string): MultiYearColumn | undefined {
  const folded = foldDiacritics(name).replace(/\s+/g, " ").trim();
  for (const [kind, pattern] of FIXED) if (pattern.test(folded)) return { kind };
  for (const [kind, pattern] of YEARLY) {
    const match = pattern.exec(folded);
    if (match) return { kind, year: Number(match[3]) };
  }
  return undefined;
}

export interface MultiYearLayout {
  /** Column index of each cell kind; `plans` and `results` by year. */
  order?: number;
  text?: number;
  unit?: number;
  monitoring?: number;
  note?: number;
  direction?: number;
  plans: Map<number, number>;
  results: Map<number, number>;
  /** Header cells no rule recognised, with their column index. */
  unknown: Array<{ column: number; name: string }>;
  width: number;
}

/** A header row names STT and the indicator column; undefined for any other row. */
export function readMultiYearHeader(cells: readonly string[]): MultiYearLayout | undefined {
  const layout: MultiYearLayout = { plans: new Map(), results: new Map(), unknown: [], width: cells.length };
  cells.forEach((name, column) => {
    if (name === "") return;
    const recognised = multiYearColumnOf(name);
    if (!recognised) layout.unknown.push({ column, name });
    else if (recognised.kind === "plan") layout.plans.set(recognised.year, column);
    else if (recognised.kind === "result") layout.results.set(recognised.year, column);
    else if (layout[recognised.kind] === undefined) layout[recognised.kind] = column;
  });
  return layout.order !== undefined && layout.text !== undefined ? layout : undefined;
}
