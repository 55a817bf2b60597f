import { sheetCellSchema, type Sheet, type SheetCell } from "../../shared/catalogue/importers/sheetRows";
import { formatVietnameseNumber } from "../../shared/text/vietnameseNumber";
import { CONTENT_TYPES_PART, enforcePackagePolicy } from "./packagePolicy";
import {
  cellPosition,
  dateStyles,
  declaredDimension,
  MalformedXmlError,
  sharedStrings,
  styleFormats,
  workbookSheets,
  worksheetCells,
  worksheetTargets,
  type CellContext,
} from "./spreadsheetXml";
import { inspectXlsx } from "./xlsxInspect";
import { WORKBOOK_MESSAGES, WorkbookRejectedError } from "./workbookRejection";

/**
 * The one way the server and the CLI read an xlsx into cell values. In order: the package inspection (size, entries,
 * inflate budget, encryption), the package policy (no macros, external links, OLE/ActiveX), the sheet list, each
 * sheet's claimed and actual size — all before any array is built — then the cells, in time linear in the cells
 * present, giving the event loop back every few thousand cells so one upload never stalls other requests.
 */

export interface SheetLimits {
  maxRows: number;
  maxColumns: number;
  /** Cells present in the file, all sheets together. */
  maxCells: number;
  /** Rows × columns of the grids handed to the importers, all sheets together. */
  maxGridCells: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 100_000, maxColumns: 1_000, maxCells: 1_000_000, maxGridCells: 3_000_000 };

/** Cells scanned between two yields to the event loop. */
const CHUNK = 2_000;

const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const SHARED_STRINGS = "xl/sharedStrings.xml";
const STYLES = "xl/styles.xml";
const NEEDED = new Set([CONTENT_TYPES_PART, WORKBOOK_PART, WORKBOOK_RELS, SHARED_STRINGS, STYLES]);
const isNeeded = (name: string) => NEEDED.has(name) || /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** A sheet with each cell's number format beside its value ("0.0%", "General"), as the report form's reader needs. */
export interface SheetWithFormats {
  sheet: Sheet;
  numberFormats: string[][];
}

export async function readWorkbookSheets(bytes: Uint8Array, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<Sheet[]> {
  return (await readWorkbookSheetsWithFormats(bytes, limits)).map((read) => read.sheet);
}

export async function readWorkbookSheetsWithFormats(bytes: Uint8Array, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<SheetWithFormats[]> {
  try {
    return await readChecked(bytes, limits);
  } catch (error) {
    if (error instanceof MalformedXmlError) throw new WorkbookRejectedError("not_xlsx", WORKBOOK_MESSAGES.unreadable);
    throw error;
  }
}

async function readChecked(bytes: Uint8Array, limits: SheetLimits): Promise<SheetWithFormats[]> {
  const inspected = inspectXlsx(bytes, {}, isNeeded);
  if (!inspected.ok) throw new WorkbookRejectedError(inspected.code, inspected.message);
  const text = (name: string) => {
    const part = inspected.parts.get(name);
    return part ? new TextDecoder().decode(part) : undefined;
  };
  enforcePackagePolicy(inspected.names, text(CONTENT_TYPES_PART) ?? "");

  const { sheets: listed, date1904 } = workbookSheets(text(WORKBOOK_PART) ?? "");
  const targets = worksheetTargets(text(WORKBOOK_RELS) ?? "");
  const worksheets = listed.flatMap((sheet) => {
    const path = targets.get(sheet.relationshipId);
    const xml = path === undefined ? undefined : text(path);
    return xml === undefined ? [] : [{ name: sheet.name, xml }];
  });
  if (worksheets.length === 0) throw new WorkbookRejectedError("no_worksheet", WORKBOOK_MESSAGES.noWorksheet);

  let grid = 0;
  for (const sheet of worksheets) {
    const claimed = declaredDimension(sheet.xml);
    if (claimed) grid += checkSize(sheet.name, claimed.rows, claimed.columns, grid, limits);
  }

  const context: CellContext = {
    sharedStrings: await readSharedStrings(text(SHARED_STRINGS) ?? "", limits),
    dateStyles: dateStyles(text(STYLES) ?? ""),
    date1904,
  };
  const formats = styleFormats(text(STYLES) ?? "");
  const budget = { cells: limits.maxCells, grid: limits.maxGridCells };
  const sheets: SheetWithFormats[] = [];
  for (const sheet of worksheets) sheets.push(await readSheet(sheet.name, sheet.xml, context, formats, limits, budget));
  return sheets;
}

async function readSharedStrings(xml: string, limits: SheetLimits): Promise<string[]> {
  const strings: string[] = [];
  for (const text of sharedStrings(xml)) {
    if (text === null) {
      await yieldToEventLoop();
      continue;
    }
    strings.push(text);
    if (strings.length > limits.maxCells) throw tooLarge(`Tệp có hơn ${formatVietnameseNumber(limits.maxCells)} chuỗi chữ`);
  }
  return strings;
}

interface Budget {
  cells: number;
  grid: number;
}

async function readSheet(
  name: string,
  xml: string,
  context: CellContext,
  formats: readonly string[],
  limits: SheetLimits,
  budget: Budget,
): Promise<SheetWithFormats> {
  // Cells first as a flat list, checked as they come; the grid is built only once its size is known to be sane.
  const cells: Array<{ row: number; column: number; value: SheetCell; style: number }> = [];
  let row = 0;
  let column = 0;
  let lastRow = 0;
  let lastColumn = 0;
  for (const item of worksheetCells(xml, context)) {
    if ("progress" in item) {
      await yieldToEventLoop();
      continue;
    }
    if ("newRow" in item) {
      row = item.newRow ?? row + 1;
      column = 0;
      continue;
    }
    const position = item.reference === undefined ? undefined : cellPosition(item.reference);
    if (position) ({ row, column } = position);
    else column += 1;
    if (row > limits.maxRows || column > limits.maxColumns) throw tooLargeSheet(name, Math.max(row, lastRow), Math.max(column, lastColumn), limits);
    budget.cells -= 1;
    if (budget.cells < 0) throw tooLarge(`Tệp có hơn ${formatVietnameseNumber(limits.maxCells)} ô`);
    // Checked cell by cell as it is read, between the yields, rather than as one grid at the end.
    const value = sheetCellSchema.safeParse(item.value);
    if (!value.success) throw new WorkbookRejectedError("not_xlsx", WORKBOOK_MESSAGES.unreadable);
    cells.push({ row, column, value: value.data, style: item.style });
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, column);
  }
  budget.grid -= lastRow * lastColumn;
  if (budget.grid < 0) throw tooLargeSheet(name, lastRow, lastColumn, limits);

  const rows: SheetCell[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < lastRow; r += 1) {
    rows.push(new Array<SheetCell>(lastColumn).fill(null));
    numberFormats.push(new Array<string>(lastColumn).fill("General"));
    if (r % CHUNK === CHUNK - 1) await yieldToEventLoop();
  }
  for (const cell of cells) {
    rows[cell.row - 1]![cell.column - 1] = cell.value;
    numberFormats[cell.row - 1]![cell.column - 1] = formats[cell.style] ?? "General";
  }
  return { sheet: { name, rows }, numberFormats };
}

/** The grid size a sheet adds, or a refusal when it alone or with the sheets before it is too large. */
function checkSize(name: string, rows: number, columns: number, before: number, limits: SheetLimits): number {
  if (rows > limits.maxRows || columns > limits.maxColumns || before + rows * columns > limits.maxGridCells) {
    throw tooLargeSheet(name, rows, columns, limits);
  }
  return rows * columns;
}

function tooLargeSheet(name: string, rows: number, columns: number, limits: SheetLimits): WorkbookRejectedError {
  const n = formatVietnameseNumber;
  return tooLarge(
    `Trang tính "${name}" trải trên ${n(rows)} dòng × ${n(columns)} cột (tối đa ${n(limits.maxRows)} dòng, ${n(limits.maxColumns)} cột, ` +
      `${n(limits.maxGridCells)} ô cho cả tệp)`,
  );
}

function tooLarge(what: string): WorkbookRejectedError {
  return new WorkbookRejectedError(
    "sheet_too_large",
    `${what}: quá lớn so với một tệp báo cáo. Hãy xóa các dòng, cột hoặc ô thừa (kể cả ô trống có định dạng ở xa) rồi gửi lại.`,
  );
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
