import type { SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { excelSerialToIsoDate, isDateFormat } from "../../shared/period/excelDate";

/**
 * The few SpreadsheetML constructs a reader of values needs: the sheet list of workbook.xml, its relationships, shared
 * strings, the date formats of styles.xml and the cells of a worksheet. Nothing here builds a tree or an array sized
 * by what a file claims, and every scan is linear in the text: a tag pattern never runs past the next "<" (so a
 * hostile part full of unclosed tags costs one pass, not one pass per tag), and text is cut between tags by position.
 */

/** Attribute text longer than this is no spreadsheet's: refused rather than parsed. */
const MAX_TAG_ATTRIBUTES = 8192;

/** One tag: `</x:name attrs/>`. `[^<>]*` stops at the next tag, the lookahead ends the name without backtracking. */
const TAG = /<(\/?)(?:[\w.-]+:)?([\w.-]+)(?=[\s/>])([^<>]*)>/g;

export interface Tag {
  closing: boolean;
  name: string;
  attributes: string;
  selfClosing: boolean;
  /** Where the tag starts and where the text after it starts. */
  start: number;
  end: number;
}

export class MalformedXmlError extends Error {}

export function* tags(xml: string): Generator<Tag> {
  for (const match of xml.matchAll(TAG)) {
    const attributes = match[3]!;
    if (attributes.length > MAX_TAG_ATTRIBUTES) throw new MalformedXmlError("tag too long");
    yield {
      closing: match[1] === "/",
      name: match[2]!,
      attributes,
      selfClosing: attributes.endsWith("/"),
      start: match.index,
      end: match.index + match[0].length,
    };
  }
}

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
  if (text.length > MAX_TAG_ATTRIBUTES) throw new MalformedXmlError("tag too long");
  const found = new Map<string, string>();
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found.set(match[1]!, decodeXmlText(match[2] ?? match[3] ?? ""));
  return found;
}

export function workbookSheets(workbookXml: string): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  for (const tag of tags(workbookXml)) {
    if (tag.closing || tag.name !== "sheet") continue;
    const attrs = attributes(tag.attributes);
    const relationshipId = [...attrs].find(([key]) => key === "r:id" || key.endsWith(":id"))?.[1];
    const name = attrs.get("name");
    if (name !== undefined && relationshipId) sheets.push({ name, relationshipId });
  }
  const workbookPr = /<(?:\w+:)?workbookPr\b([^<>]*)>/.exec(workbookXml);
  const date1904 = workbookPr ? /^(1|true)$/i.test(attributes(workbookPr[1]!).get("date1904") ?? "") : false;
  return { sheets, date1904 };
}

/** Relationship id → package path of the worksheets a workbook part points to (targets resolved against `xl/`). */
export function worksheetTargets(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of tags(relsXml)) {
    if (tag.closing || tag.name !== "Relationship") continue;
    const attrs = attributes(tag.attributes);
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

/**
 * The strings of sharedStrings.xml: each `<si>` is its `<t>` runs joined, phonetic guides (`<rPh>`) left out.
 * One at a time, so the caller can count them; `null` now and then, however the tags are made up, so it can give the
 * event loop a turn.
 */
export function* sharedStrings(xml: string): Generator<string | null> {
  let current: string | undefined;
  let phonetic = 0;
  let textStart = -1;
  let seen = 0;
  for (const tag of tags(xml)) {
    seen += 1;
    if (seen % PROGRESS_EVERY === 0) yield null;
    if (tag.name === "si") {
      if (tag.closing) {
        yield current ?? "";
        current = undefined;
      } else if (tag.selfClosing) yield "";
      else current = "";
    } else if (tag.name === "rPh" && !tag.selfClosing) phonetic += tag.closing ? -1 : 1;
    else if (tag.name === "t" && current !== undefined && phonetic === 0) {
      if (tag.closing && textStart >= 0) current += decodeXmlText(xml.slice(textStart, tag.start));
      textStart = tag.closing || tag.selfClosing ? -1 : tag.end;
    }
  }
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style index, whether its number format shows a date (as exceljs and Excel read it). */
export function dateStyles(stylesXml: string): boolean[] {
  const { custom, formatIds } = cellStyles(stylesXml);
  return formatIds.map((id) => {
    const code = custom.get(id);
    return code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}

/** The custom number formats of a styles part and the number format id of each cell style (`cellXfs`), in order. */
function cellStyles(stylesXml: string): { custom: Map<number, string>; formatIds: number[] } {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  for (const tag of tags(stylesXml)) {
    if (tag.name === "numFmt" && !tag.closing) {
      const attrs = attributes(tag.attributes);
      custom.set(Number(attrs.get("numFmtId")), decodeXmlText(attrs.get("formatCode") ?? ""));
    } else if (tag.name === "cellXfs") inCellXfs = !tag.closing && !tag.selfClosing;
    else if (tag.name === "xf" && inCellXfs && !tag.closing) formatIds.push(Number(attributes(tag.attributes).get("numFmtId") ?? "0"));
  }
  return { custom, formatIds };
}

/** Excel's built-in number formats that a report's cells use; any other built-in id reads as "General". */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  14: "mm-dd-yy",
  49: "@",
};

/** For each cell style index, its number format code ("0.0%", "General"): a rate cell's format says how it reads. */
export function styleFormats(stylesXml: string): string[] {
  const { custom, formatIds } = cellStyles(stylesXml);
  return formatIds.map((id) => custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General");
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
  const ref = /<(?:\w+:)?dimension\b[^<>]*\bref="([^"<>]*)"/.exec(sheetXml.slice(0, 4096))?.[1];
  if (!ref) return undefined;
  const [first, last = first] = ref.split(":").map(cellPosition);
  if (!first || !last) return undefined;
  return { rows: Math.abs(last.row - first.row) + 1, columns: Math.abs(last.column - first.column) + 1 };
}

/** Tags scanned between two reports of progress to the caller. */
const PROGRESS_EVERY = 4096;

export interface CellContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

export interface ScannedCell {
  /** The `r` attribute ("B12"), or undefined when the file leaves positions implicit. */
  reference?: string;
  value: SheetCell;
  /** The cell's style index (`s`), which names its number format. */
  style: number;
}

/**
 * The cells of a worksheet in document order, each with its value the way the shared importers take it (the same as
 * the add-in reads it from Excel). `newRow` is reported before the cells of each `<row>`.
 */
export function* worksheetCells(xml: string, context: CellContext): Generator<ScannedCell | { newRow: number | undefined } | { progress: true }> {
  let cell: { attrs: Map<string, string>; value?: string; inline?: string } | undefined;
  let textStart = -1;
  let inInline = false;
  let phonetic = 0;
  let seen = 0;
  for (const tag of tags(xml)) {
    // However the tags are made up, the caller hears back often enough to give the event loop a turn.
    seen += 1;
    if (seen % PROGRESS_EVERY === 0) yield { progress: true };
    switch (tag.name) {
      case "row":
        if (!tag.closing) {
          const number = Number(attributes(tag.attributes).get("r"));
          yield { newRow: Number.isInteger(number) && number > 0 ? number : undefined };
        }
        break;
      case "c":
        if (tag.closing) {
          if (cell) yield scanned(cell.attrs, cell.value, cell.inline, context);
          cell = undefined;
        } else if (tag.selfClosing) yield scanned(attributes(tag.attributes), undefined, undefined, context);
        else cell = { attrs: attributes(tag.attributes) };
        break;
      case "v":
        if (cell && tag.closing && textStart >= 0) cell.value = decodeXmlText(xml.slice(textStart, tag.start));
        textStart = tag.closing || tag.selfClosing ? -1 : tag.end;
        break;
      case "is":
        inInline = !tag.closing && !tag.selfClosing;
        if (cell && inInline) cell.inline = "";
        break;
      case "rPh":
        if (!tag.selfClosing) phonetic += tag.closing ? -1 : 1;
        break;
      case "t":
        if (cell && inInline && phonetic === 0 && tag.closing && textStart >= 0) cell.inline += decodeXmlText(xml.slice(textStart, tag.start));
        textStart = tag.closing || tag.selfClosing ? -1 : tag.end;
        break;
    }
  }
}

function scanned(attrs: Map<string, string>, raw: string | undefined, inline: string | undefined, context: CellContext): ScannedCell {
  const reference = attrs.get("r");
  const style = Number(attrs.get("s") ?? "0");
  return { ...(reference ? { reference } : {}), value: cellValue(attrs, raw, inline, context), style: Number.isInteger(style) && style >= 0 ? style : 0 };
}

function cellValue(attrs: Map<string, string>, text: string | undefined, inline: string | undefined, context: CellContext): SheetCell {
  const type = attrs.get("t") ?? "n";
  if (type === "inlineStr") return inline ?? null;
  if (text === undefined) return null;
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
