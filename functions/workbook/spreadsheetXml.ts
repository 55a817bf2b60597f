import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { excelSerialToIsoDate, isDateFormat } from "../../shared/period/excelDate";

/**
 * The few SpreadsheetML constructs a reader of values needs, scanned with regular expressions that each advance over
 * the text once: the sheet list of workbook.xml, its relationships, shared strings, the date formats of styles.xml
 * and the cells of a worksheet. Nothing here builds a tree or an array sized by what a file claims.
 */

export interface SheetEntry {
  name: string;
  relationshipId: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character references and entities, then Excel's own `_xHHHH_` escapes of characters XML cannot carry. */
export function decodeXmlText(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(match[1]!, decodeXmlText(match[2] ?? match[3] ?? ""));
  return found;
}

export function workbookSheets(workbookXml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  for (const match of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const attrs = attributes(match[1]!);
    const relationshipId = [...attrs].find(([key]) => key === "r:id" || key.endsWith(":id"))?.[1];
    const name = attrs.get("name");
    if (name !== undefined && relationshipId) sheets.push({ name, relationshipId });
  }
  const workbookPr = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  const date1904 = workbookPr ? /^(1|true)$/i.test(attributes(workbookPr[1]!).get("date1904") ?? "") : false;
  return { sheets, date1904 };
}

/** Relationship id → package path of the worksheets a workbook part points to (targets resolved against `xl/`). */
export function worksheetTargets(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = attributes(match[1]!);
    const id = attrs.get("Id");
    const target = attrs.get("Target");
    if (!id || !target || !/\/worksheet$/.test(attrs.get("Type") ?? "") || attrs.get("TargetMode") === "External") continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : normalizePath(`xl/${target}`));
  }
  return targets;
}

function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

const TEXT_RUN = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** The text of an `<si>` or `<is>`: every run joined, phonetic guides left out. */
export function runText(xml: string): string {
  let text = "";
  for (const match of xml.replace(PHONETIC, "").matchAll(TEXT_RUN)) text += match[1] ?? "";
  return decodeXmlText(text);
}

export function sharedStringItems(xml: string): IterableIterator<RegExpMatchArray> {
  return xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g);
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style index, whether its number format shows a date (as exceljs and Excel read it). */
export function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const match of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const attrs = attributes(match[1]!);
    custom.set(Number(attrs.get("numFmtId")), attrs.get("formatCode") ?? "");
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)].map((match) => {
    const id = Number(attributes(match[1]!).get("numFmtId") ?? "0");
    const code = custom.get(id);
    return code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}


/** "B12" → { row: 12, column: 2 }; undefined for anything else. */
export function cellPosition(reference: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(reference.toUpperCase());
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** The size the `<dimension ref="A1:XFD1048576">` of a worksheet claims, or undefined when it has none. */
export function declaredDimension(sheetXml: string): { rows: number; columns: number } | undefined {
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(sheetXml.slice(0, 4096))?.[1];
  if (!ref) return undefined;
  const [first, last = first] = ref.split(":").map(cellPosition);
  if (!first || !last) return undefined;
  return { rows: Math.abs(last.row - first.row) + 1, columns: Math.abs(last.column - first.column) + 1 };
}

/** One `<row>` start or one `<c>` (self-closed or with content): the scanner's unit of work. */
export const ROW_OR_CELL = /<(?:\w+:)?row\b([^>]*?)\/?>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

export interface CellContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** A cell's value the way the shared importers take it (the same as the add-in reads it from Excel). */
export function cellValue(attrs: Map<string, string>, inner: string | undefined, context: CellContext): SheetCell {
  if (inner === undefined) return null;
  const type = attrs.get("t") ?? "n";
  if (type === "inlineStr") {
    const inline = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1];
    return inline === undefined ? null : runText(inline);
  }
  const raw = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
  if (raw === undefined) return null;
  const text = decodeXmlText(raw);
  switch (type) {
    case "s":
      return context.sharedStrings[Number(text)] ?? null;
    case "str":
      return text;
    case "b":
      return text.trim() === "1" || text.trim().toLowerCase() === "true";
    case "e":
      return { error: text };
    case "d":
      return text.slice(0, 10);
    default: {
      const number = Number(text);
      if (text.trim() === "" || !Number.isFinite(number)) return null;
      const style = Number(attrs.get("s") ?? "0");
      return context.dateStyles[style] ? (serialToIsoDate(number, context.date1904) ?? number) : number;
    }
  }
}

/** Serial 0 of the 1904 date system (Mac Excel of old) is serial 1462 of the 1900 one. */
const DATE_1904_OFFSET = 1462;

function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  return excelSerialToIsoDate(date1904 ? serial + DATE_1904_OFFSET : serial);
}
