import { childNamed, childrenOf, tagOf, valueAt, type XmlNode } from "./docxXml";

/**
 * A Word table as rows of cell texts on the table's grid. Merged cells yield their value once, where it was written:
 * a horizontal merge (`w:gridSpan`) puts it in its first grid column and "" in the others, a vertical one
 * (`w:vMerge`) in its first row and "" below — the importers then read a section heading merged across a row as a
 * row with one cell, and an agency merged down a column as written once. Header rows (`w:tblHeader`, which Word
 * repeats on each page) are counted so that copies of them typed again further down can be dropped.
 */
export interface WordTable {
  rows: string[][];
  headerRows: number;
  width: number;
}

export function readTable(table: XmlNode, cellText: (cell: XmlNode) => string): WordTable {
  const gridColumns = childrenOf(childNamed(table, "w:tblGrid") ?? {}).filter((node) => tagOf(node) === "w:gridCol").length;
  const rows: string[][] = [];
  let headerRows = 0;
  let headerRunOpen = true;
  for (const row of opened(childrenOf(table), "w:tr")) {
    const properties = childNamed(row, "w:trPr");
    const cells: string[] = Array.from({ length: Number(valueAt(properties, "w:gridBefore") ?? 0) }, () => "");
    for (const cell of opened(childrenOf(row), "w:tc")) {
      const cellProperties = childNamed(cell, "w:tcPr");
      const span = Math.max(1, Number(valueAt(cellProperties, "w:gridSpan") ?? 1));
      const vMerge = cellProperties ? childNamed(cellProperties, "w:vMerge") : undefined;
      const continuesAbove = vMerge !== undefined && valueAt(cellProperties, "w:vMerge") !== "restart";
      cells.push(continuesAbove ? "" : cellText(cell));
      for (let extra = 1; extra < span; extra += 1) cells.push("");
    }
    const isHeader = properties !== undefined && childNamed(properties, "w:tblHeader") !== undefined && isOn(valueAt(properties, "w:tblHeader"));
    if (isHeader && headerRunOpen) headerRows += 1;
    else headerRunOpen = false;
    rows.push(cells);
  }
  const width = Math.max(gridColumns, ...rows.map((row) => row.length));
  for (const row of rows) while (row.length < width) row.push("");
  // A table without marked header rows: its first row is its header (STT | Nội dung | Chỉ tiêu).
  return { rows, headerRows: headerRows === 0 && rows.length > 0 ? 1 : headerRows, width };
}

/**
 * The rows of a table with later copies of its header rows left out: a header typed again at the top of each page
 * (instead of marked to repeat) is not a row of the appendix.
 */
export function withoutRepeatedHeaders(table: WordTable): string[][] {
  const header = table.rows.slice(0, table.headerRows);
  const keys = new Set(header.map(rowKey));
  return [...header, ...table.rows.slice(table.headerRows).filter((row) => !keys.has(rowKey(row)))];
}

/**
 * Whether `next` continues `previous` across a page break: nothing but blank paragraphs between them, the same
 * number of columns, and either the same header repeated or no header of its own (a table split by hand).
 */
export function continues(previous: WordTable, next: WordTable): boolean {
  if (previous.width !== next.width || next.rows.length === 0) return false;
  const previousHeader = new Set(previous.rows.slice(0, previous.headerRows).map(rowKey));
  const firstRow = next.rows[0]!;
  return previousHeader.has(rowKey(firstRow)) || !looksLikeHeader(firstRow);
}

/** Joins `next` onto `previous`, its copy of the header left out. */
export function joinTables(previous: WordTable, next: WordTable): WordTable {
  const previousHeader = new Set(previous.rows.slice(0, previous.headerRows).map(rowKey));
  const rows = next.rows.filter((row, index) => !(index < Math.max(next.headerRows, 1) && previousHeader.has(rowKey(row))));
  return { ...previous, rows: [...previous.rows, ...rows] };
}

/** The `tag` children of a table or row, rows and cells wrapped in content controls (`w:sdt`) included. */
function opened(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((node) => {
    if (tagOf(node) === tag) return [node];
    if (tagOf(node) === "w:sdt") return opened(childrenOf(childNamed(node, "w:sdtContent") ?? {}), tag);
    return [];
  });
}

/** An OOXML on/off property: present without a value means on. */
function isOn(value: string | undefined): boolean {
  return value === undefined || !["0", "false", "off"].includes(value);
}

function rowKey(row: readonly string[]): string {
  return row.map((cell) => cell.replace(/\s+/g, " ").trim().toLowerCase()).join("\t");
}

/** "STT", "TT", "Số TT": the first cell of a header row in every decision seen. */
function looksLikeHeader(row: readonly string[]): boolean {
  return /^(s[oố]\s*)?tt$/i.test((row[0] ?? "").replace(/\s+/g, " ").trim());
}
