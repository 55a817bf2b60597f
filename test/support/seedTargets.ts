import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Target expressions taken from the three seed decisions, one small extractor per layout. The extractors know the
 * layout of each document (where the target column is), never the grammar: they hand over the text as written,
 * and the tests decide what it must mean.
 */

/** The seed copies kept in the repository (byte-identical to the shared originals; a test checks it). */
export const SEED_DIRECTORY = fileURLToPath(new URL("../fixtures/seeds/", import.meta.url));
/** The shared, read-only originals beside the repository, when this checkout has them. */
export const SHARED_SEED_DIRECTORY = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

export const SEED_FILES = {
  phuTho: "000_631dd23ab7c0a6ab.txt",
  hue: "002_0e8855a91181c30a.txt",
  vinhPhuc: "003_4c92e75b607b6c87.txt",
} as const;

export type SeedName = keyof typeof SEED_FILES;

export function readSeed(name: SeedName, directory = SEED_DIRECTORY): string {
  return readFileSync(directory + SEED_FILES[name], "utf8");
}

export function sharedSeedsAvailable(): boolean {
  return existsSync(SHARED_SEED_DIRECTORY + SEED_FILES.phuTho);
}

/** One target cell as the document writes it, with where it was found (1-based line of its row). */
export interface SeedTarget {
  text: string;
  line: number;
  /** The section (agency) the row belongs to, or the column heading for milestone tables. */
  section: string;
  /** The row's number (STT) as written. */
  order: string;
}

const lines = (document: string): string[] => document.split("\n");
const squeeze = (text: string): string => text.replace(/\s+/g, " ").trim();

// ---------------------------------------------------------------------------------------------------------------
// Vĩnh Phúc 2022: tab-separated rows "STT \t Nội dung nhiệm vụ \t Chỉ tiêu" under headings "N. SỞ …"; the header
// row repeats after page breaks. The target is the last cell, possibly empty.
// ---------------------------------------------------------------------------------------------------------------

const VINH_PHUC_HEADING = /^\d+\.\s+\S/;

export function vinhPhucTargets(document: string): SeedTarget[] {
  const found: SeedTarget[] = [];
  let section = "";
  lines(document).forEach((line, index) => {
    if (VINH_PHUC_HEADING.test(line)) section = squeeze(line);
    const cells = line.split("\t");
    if (cells.length !== 3 || !/^\d+$/.test(cells[0]!.trim())) return;
    found.push({ text: cells[2]!.trim(), line: index + 1, section, order: cells[0]!.trim() });
  });
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Phú Thọ 2025: the appendix (after "PHỤ LỤC") has sections "N. Agency", each a table "STT | Nội dung … | Giao kết
// quả thực hiện" flattened to lines. A row starts with its number (alone or followed by the indicator text); the
// target cell is the end of the row, on the same line ("… Tối thiểu 90%"), on lines of its own after a blank line,
// or broken over several lines ("Tối thiểu 1% \n tổng chi ngân \n\n sách").
// The target cell starts with "Tối thiểu", a percentage, or a document type followed by "của" (the issuer), or is
// "Đề án"; it is short (under 40 characters). The earliest such start whose rest is that short is the cell.
// ---------------------------------------------------------------------------------------------------------------

const PHU_THO_HEADING = /^\s*(\d{1,2})\.\s+(\S.*)$/;
const PHU_THO_ROW = /^\s*(\d{1,2})(?:\s+(.*))?$/;
const PHU_THO_TABLE_HEADER = /^\s*STT Nội dung chỉ tiêu/;
const TARGET_CELL_LEADS = [/Tối thiểu/g, /\d[\d.,]*\s*%/g, /(?:Nghị quyết|Quyết định|Kế hoạch) của/g, /Đề án$/g];
const MAX_TARGET_CELL = 40;

interface Row {
  section: string;
  order: string;
  line: number;
  parts: string[];
}

export function phuThoRows(document: string): Row[] {
  const all = lines(document);
  const appendix = all.findIndex((line) => line.trim() === "PHỤ LỤC");
  const rows: Row[] = [];
  let section = "";
  let skipNext = false;
  for (let index = appendix + 1; index < all.length; index += 1) {
    const line = all[index]!;
    if (skipNext) {
      skipNext = false;
      if (line.trim() === "thực hiện") continue;
    }
    if (PHU_THO_TABLE_HEADER.test(line)) {
      skipNext = true;
      continue;
    }
    const heading = PHU_THO_HEADING.exec(line);
    if (heading) {
      section = squeeze(heading[2]!);
      continue;
    }
    const row = PHU_THO_ROW.exec(line);
    if (row && section) {
      rows.push({ section, order: row[1]!, line: index + 1, parts: row[2] ? [row[2]] : [] });
      continue;
    }
    if (line.trim() !== "") rows[rows.length - 1]?.parts.push(line);
  }
  return rows;
}

/** The target cell at the end of a row's text, or undefined when no lead starts a short enough tail. */
export function trailingTargetCell(rowText: string): string | undefined {
  const text = squeeze(rowText);
  let start: number | undefined;
  for (const lead of TARGET_CELL_LEADS) {
    for (const match of text.matchAll(lead)) {
      const at = match.index;
      if (text.length - at <= MAX_TARGET_CELL && (start === undefined || at < start)) start = at;
    }
  }
  return start === undefined ? undefined : text.slice(start);
}

export function phuThoTargets(document: string): SeedTarget[] {
  return phuThoRows(document).map((row) => ({
    text: trailingTargetCell(row.parts.join(" ")) ?? "",
    line: row.line,
    section: row.section,
    order: row.order,
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Huế 2025, appendix II: one cell per line. Each table has a title ("1. Cấp Sở"), column headings including twelve
// "Chỉ tiêu đến DD/MM/YYYY" milestones, then per agency its number, its name and twelve milestone cells (">95%",
// "30%", "0%").
// ---------------------------------------------------------------------------------------------------------------

const MILESTONE_HEADING = /^Chỉ tiêu đến (\d{1,2}\/\d{1,2}\/\d{4})$/;
/** A milestone cell: a percentage, maybe with a comparator; anything else on its own line is a name or a heading. */
const MILESTONE_CELL = /^[<>≥≤]?\s*\d[\d.,]*\s*%$/;

export interface MilestoneRow {
  agency: string;
  line: number;
  order: string;
  cells: SeedTarget[];
}

export interface MilestoneTable {
  title: string;
  milestones: string[];
  rows: MilestoneRow[];
}

export function hueMilestoneTables(document: string): MilestoneTable[] {
  const all = lines(document).map((line) => line.trim());
  const start = all.indexOf("PHỤ LỤC II");
  const tables: MilestoneTable[] = [];
  for (let index = start + 1; index < all.length; index += 1) {
    const line = all[index]!;
    const table = tables[tables.length - 1];
    if (/^\d+\.\s+\S/.test(line)) {
      tables.push({ title: line, milestones: [], rows: [] });
      continue;
    }
    const milestone = MILESTONE_HEADING.exec(line);
    if (milestone && table) {
      table.milestones.push(milestone[1]!);
      continue;
    }
    if (/^\d+$/.test(line) && table && index + 1 < all.length) {
      table.rows.push({ agency: all[index + 1]!, line: index + 1, order: line, cells: [] });
      index += 1;
      continue;
    }
    const row = table?.rows[table.rows.length - 1];
    if (MILESTONE_CELL.test(line) && row && table) {
      const column = table.milestones[row.cells.length] ?? "?";
      row.cells.push({ text: line, line: index + 1, section: `đến ${column}`, order: row.order });
    }
  }
  return tables;
}

export function hueMilestoneTargets(document: string): SeedTarget[] {
  return hueMilestoneTables(document).flatMap((table) => table.rows.flatMap((row) => row.cells));
}

// ---------------------------------------------------------------------------------------------------------------
// Huế 2025, appendix I: one cell per line; rows "TT | Tên nhiệm vụ | Chủ trì | Phối hợp | Thời gian hoàn thành | Ghi
// chú" under Roman-numbered groups. Coordinators may take several lines and notes are optional, so the time cell is
// found by how it begins: with a period word (Quý, Tháng, Năm, Hàng/Hằng, Thường xuyên, Định kỳ), which agency
// names and notes never do. One row (VII.5) gives no time at all.
// ---------------------------------------------------------------------------------------------------------------

const TIME_CELL = /^(?:Quý|Quí|Tháng|Năm|Hàng|Hằng|Thường xuyên|Định kỳ)(?=\s|$)/u;

export interface TaskRow {
  group: string;
  order: string;
  line: number;
  cells: string[];
}

export function hueTaskRows(document: string): TaskRow[] {
  const all = lines(document).map((line) => line.trim());
  const start = all.indexOf("PHỤ LỤC I");
  const end = all.indexOf("PHỤ LỤC II");
  const rows: TaskRow[] = [];
  let group = "";
  for (let index = start + 1; index < end; index += 1) {
    const line = all[index]!;
    if (/^[IVX]+$/.test(line)) {
      group = line;
      continue;
    }
    if (/^\d+$/.test(line) && group) {
      rows.push({ group, order: line, line: index + 1, cells: [] });
      continue;
    }
    if (line !== "") rows[rows.length - 1]?.cells.push(line);
  }
  return rows;
}

export function hueCompletionTimes(document: string): SeedTarget[] {
  return hueTaskRows(document).flatMap((row) =>
    row.cells
      .filter((cell) => TIME_CELL.test(cell))
      .map((cell) => ({ text: cell, line: row.line, section: row.group, order: row.order })),
  );
}

/** Distinct texts, whitespace squeezed, in first-seen order. */
export function distinctTexts(targets: readonly SeedTarget[]): string[] {
  return [...new Set(targets.map((target) => squeeze(target.text)))];
}
