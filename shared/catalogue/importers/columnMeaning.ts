import { foldDiacritics, normalizeText } from "../../text/normalize";

/**
 * What a header cell of an appendix table means, whatever its wording: "Kế hoạch năm 2025", "KH 2025", "Chỉ tiêu năm
 * 2025" are this year's plan; "Ước TH 2024", "Kết quả thực hiện năm 2024" a result; "ĐVT" the unit. The names are
 * compared folded (no case, no diacritics, punctuation as spaces), so a cell broken over two lines or written with a
 * slash reads the same. Shared by the multi-year, results-report and milestone importers and by layout detection.
 */

export type ColumnMeaning =
  | { kind: "order" | "text" | "unit" | "lead" | "coordinating" | "monitoring" | "note" | "agency" | "deadline" | "target" }
  | { kind: "plan" | "result" | "direction"; year?: number }
  /** A target due at a date ("Chỉ tiêu đến 30/6/2025") or by the end of a quarter ("Quý II", "Quý II/2025"). */
  | { kind: "milestone"; due?: string; quarter?: 1 | 2 | 3 | 4; year?: number };

export type ColumnKind = ColumnMeaning["kind"];

/** The comparison key: folded, punctuation as spaces; slashes kept inside dates ("30/6/2025", "quy i/2025"). */
export function headerKey(name: string): string {
  return foldDiacritics(normalizeText(name))
    .replace(/(\d)\s*\/\s*(?=\d)/g, "$1/")
    .replace(/([a-z])\s*\/\s*(?=\d)/g, "$1/")
    .replace(/[^a-z0-9/]+/g, " ")
    .replace(/\/(?!\d)|(?<![a-z0-9])\//g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Fixed names, tried in order: "đơn vị tính" before "đơn vị", "giao kết quả thực hiện" before "kết quả". */
const FIXED: ReadonlyArray<readonly [Exclude<ColumnKind, "plan" | "result" | "direction" | "milestone">, RegExp]> = [
  ["order", /^(stt|tt|so tt|so thu tu)$/],
  ["unit", /^(don vi tinh|dvt)$/],
  ["monitoring", /^(co quan|don vi) theo doi( danh gia)?( chu tri)?$/],
  ["lead", /^((co quan|don vi) )?(chu tri|thuc hien)( theo doi)?$/],
  ["coordinating", /^((co quan|don vi) )?phoi hop( thuc hien)?$/],
  ["agency", /^(ten )?(don vi|co quan|dia phuong)$/],
  ["note", /^ghi chu$/],
  ["deadline", /^(thoi han|thoi gian)( hoan thanh| thuc hien)?$/],
  ["target", /^(giao ket qua( thuc hien)?|ket qua giao|chi tieu giao|muc tieu|gia tri chi tieu|ke hoach|chi tieu ke hoach)$/],
  ["text", /^(chi tieu|ten chi tieu|noi dung|noi dung chi tieu|noi dung chi tieu nhiem vu|chi tieu nhiem vu|noi dung nhiem vu|nhiem vu|ten nhiem vu)$/],
];

const YEAR = "(?: nam)? (\\d{4})";
const YEARLY: ReadonlyArray<readonly ["plan" | "result" | "direction", RegExp]> = [
  ["direction", new RegExp(`^dinh huong(?: den)?${YEAR}$`)],
  ["direction", new RegExp(`^muc tieu den${YEAR}$`)],
  ["direction", /^dinh huong$/],
  ["plan", new RegExp(`^(?:ke hoach|kh|chi tieu|chi tieu ke hoach|chi tieu giao|muc tieu)${YEAR}$`)],
  ["result", new RegExp(`^(?:ket qua|ket qua thuc hien|ket qua dat duoc|uoc thuc hien|uoc th|uoc dat|thuc hien|th)${YEAR}$`)],
  ["result", /^(?:ket qua|ket qua thuc hien|ket qua dat duoc|uoc thuc hien|uoc th|uoc dat|thuc hien)$/],
];

/** Words that may surround a milestone's date or quarter without changing what the column holds. */
const MILESTONE_FILLER = new Set(["chi", "tieu", "giao", "muc", "ke", "hoach", "kh", "den", "ngay", "het", "nam", "trong"]);

export function columnMeaning(name: string): ColumnMeaning | undefined {
  const key = headerKey(name);
  if (key === "") return undefined;
  for (const [kind, pattern] of FIXED) if (pattern.test(key)) return { kind };
  for (const [kind, pattern] of YEARLY) {
    const match = pattern.exec(key);
    if (match) return match[1] ? { kind, year: Number(match[1]) } : { kind };
  }
  return milestoneOf(key);
}

const ROMAN_QUARTER: Record<string, 1 | 2 | 3 | 4> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/** "chi tieu den 31/3/2025", "den 30/6/2025", "quy ii", "quy ii/2025", "chi tieu giao nam 2025 quy iv". */
function milestoneOf(key: string): ColumnMeaning | undefined {
  const date = /(?:^| )den (?:ngay )?(\d{1,2})\/(\d{1,2})\/(\d{4})(?: |$)/.exec(key);
  const quarter = /(?:^| )quy (iv|iii|ii|i|[1-4])(?:\/(\d{4}))?(?: |$)/.exec(key);
  if ((date ? 1 : 0) + (quarter ? 1 : 0) !== 1) return undefined;
  const match = (date ?? quarter)!;
  const rest = (key.slice(0, match.index) + " " + key.slice(match.index + match[0].length)).trim();
  const yearWord = /(?:^| )nam (\d{4})(?: |$)/.exec(rest);
  const words = (yearWord ? rest.replace(yearWord[0], " ") : rest).split(" ").filter(Boolean);
  if (!words.every((word) => MILESTONE_FILLER.has(word))) return undefined;
  if (date) {
    const [, day, month, year] = date;
    const due = isoDate(Number(year), Number(month), Number(day));
    return due ? { kind: "milestone", due } : undefined;
  }
  const year = quarter![2] ? Number(quarter![2]) : yearWord ? Number(yearWord[1]) : undefined;
  return { kind: "milestone", quarter: ROMAN_QUARTER[quarter![1]!]!, ...(year ? { year } : {}) };
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The last day of a quarter: "Quý II" of 2025 is due 2025-06-30. */
export function quarterEnd(year: number, quarter: 1 | 2 | 3 | 4): string {
  return ["", `${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][quarter]!;
}

/** One column of a header as read: its index, its name as written (rows joined with spaces), what it means. */
export interface HeaderColumn {
  column: number;
  name: string;
  meaning?: ColumnMeaning;
  /** The spanning cell a milestone column sits under when that cell names an indicator ("Hồ sơ nộp trực tuyến"). */
  group?: string;
}

/** The columns named by one header line; empty cells are not columns. */
export function headerColumns(cells: readonly string[]): HeaderColumn[] {
  return cells.flatMap((cell, column) => {
    const name = normalizeText(cell);
    if (name === "") return [];
    const meaning = columnMeaning(name);
    return [{ column, name, ...(meaning ? { meaning } : {}) }];
  });
}

/**
 * The header read on together with the next line, when that line is the header's second row or a continuation of
 * its cells: "Năm 2025" spanning "Kế hoạch | Ước thực hiện", "Chỉ tiêu giao" spanning "Quý I | … | Quý IV", or
 * "Kế hoạch" broken above "năm 2025", or an indicator's name spanning "Chỉ tiêu đến 31/3/2025 | … 30/6/2025". Every
 * filled cell of the line must combine, with the header cell above it or with the cell spanning it from the left,
 * into a name with a meaning (or be a milestone under an indicator's name); otherwise the line is not part of the
 * header and undefined is returned. A spanning cell split into several columns stops being a column of its own.
 */
export function extendHeader(header: readonly HeaderColumn[], cells: readonly string[]): HeaderColumn[] | undefined {
  const below = cells.map((cell) => normalizeText(cell));
  if (below.every((cell) => cell === "")) return undefined;
  const byColumn = new Map(header.map((column) => [column.column, column]));
  const spanned = new Set<number>();
  const result = new Map<number, HeaderColumn>(header.map((column) => [column.column, column]));
  for (const [column, cell] of below.entries()) {
    if (cell === "") continue;
    const own = byColumn.get(column);
    const span = own ?? spanningCell(header, column);
    if (!span) return undefined;
    const combined = [`${span.name} ${cell}`, `${cell} ${span.name}`]
      .map((name) => ({ name, meaning: columnMeaning(name) }))
      .find(({ meaning }) => meaning !== undefined);
    if (!own) spanned.add(span.column);
    if (combined) {
      result.set(column, { column, name: combined.name, meaning: combined.meaning! });
      continue;
    }
    // Huế's layout as a table: an indicator's name spanning its "Chỉ tiêu đến …" columns.
    const alone = columnMeaning(cell);
    if (alone?.kind !== "milestone" || span.meaning !== undefined || span.group !== undefined) return undefined;
    result.set(column, { column, name: cell, meaning: alone, group: span.name });
  }
  // "Năm 2025" itself holds no cells once its sub-columns are named.
  for (const column of spanned) if (!below[column]) result.delete(column);
  return [...result.values()].sort((a, b) => a.column - b.column);
}

/** The nearest named header cell to the left of `column` with only empty header cells in between. */
function spanningCell(header: readonly HeaderColumn[], column: number): HeaderColumn | undefined {
  let best: HeaderColumn | undefined;
  for (const candidate of header) if (candidate.column < column && (!best || candidate.column > best.column)) best = candidate;
  return best;
}

/** The first column of a kind (`kinds` in order of preference). */
export function columnOf(columns: readonly HeaderColumn[], ...kinds: ColumnKind[]): HeaderColumn | undefined {
  for (const kind of kinds) {
    const found = columns.find((column) => column.meaning?.kind === kind);
    if (found) return found;
  }
  return undefined;
}

/** A header being read, line by line: its columns so far, its widest line, and its lines as compared (headerLineKey). */
export interface PendingHeader {
  columns: HeaderColumn[];
  width: number;
  line: number;
  keys: string[];
}

/**
 * A line's cells as compared with a header's lines, to know a header repeated after a page break: spacing and
 * trailing empty cells do not count.
 */
export function headerLineKey(cells: readonly string[]): string {
  return cells
    .map((cell) => normalizeText(cell))
    .join("\t")
    .replace(/\t+$/, "");
}

/** The header with one more line, when the line continues it (a second header row, a header cell broken in two). */
export function continueHeader(pending: PendingHeader, cells: readonly string[]): PendingHeader | undefined {
  const columns = extendHeader(pending.columns, cells);
  if (!columns) return undefined;
  return { ...pending, columns, width: Math.max(pending.width, cells.length), keys: [...pending.keys, headerLineKey(cells)] };
}
