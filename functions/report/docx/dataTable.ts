import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import { HEADER_COLOUR } from "../../../shared/verdict/colours";
import { mm, run } from "./documentFrame";

/**
 * A ruled table of the report: a bold header row repeated on every page, thin black borders, fixed column widths
 * that add up to the width given, rows that never split across pages so a row is read whole.
 */

export type ColumnAlign = "left" | "centre" | "right";

export interface Column {
  header: string;
  /** Relative width; the table shares its width among its columns in these proportions. */
  weight: number;
  align?: ColumnAlign;
}

export interface Cell {
  text: string;
  bold?: boolean;
  italics?: boolean;
  /** "#C6EFCE": a verdict's fill. */
  fill?: string;
  columnSpan?: number;
  align?: ColumnAlign;
}

export interface TableSpec {
  columns: readonly Column[];
  rows: ReadonlyArray<ReadonlyArray<Cell | string>>;
  width: number;
  /** Half-points. */
  size: number;
  /** Narrow cell padding, for a matrix of many short columns. */
  compact?: boolean;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const CELL_MARGINS = { top: mm(0.6), bottom: mm(0.6), left: mm(1.2), right: mm(1.2) };
const COMPACT_MARGINS = { top: mm(0.4), bottom: mm(0.4), left: mm(0.5), right: mm(0.5) };

const ALIGNMENTS = { left: AlignmentType.LEFT, centre: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export function dataTable(spec: TableSpec): Table {
  const total = spec.columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = spec.columns.map((column) => Math.floor((column.weight / total) * spec.width));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map((column, index) =>
      cellOf({ text: column.header, bold: true, fill: HEADER_COLOUR, align: "centre" }, widths[index]!, "centre", spec),
    ),
  });
  const rows = spec.rows.map((row) => {
    let column = 0;
    const children = row.map((raw) => {
      const cell = typeof raw === "string" ? { text: raw } : raw;
      const span = cell.columnSpan ?? 1;
      const width = widths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
      const align = spec.columns[column]?.align ?? "left";
      column += span;
      return cellOf(cell, width, align, spec);
    });
    return new TableRow({ cantSplit: true, children });
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((sum, value) => sum + value, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [header, ...rows],
  });
}

function cellOf(cell: Cell, width: number, columnAlign: ColumnAlign, { size, compact }: TableSpec): TableCell {
  const lines = cell.text.split("\n");
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: compact ? COMPACT_MARGINS : CELL_MARGINS,
    ...(cell.columnSpan && cell.columnSpan > 1 ? { columnSpan: cell.columnSpan } : {}),
    ...(cell.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: cell.fill.replace("#", "") } } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: ALIGNMENTS[cell.align ?? columnAlign],
          spacing: { before: 0, after: 0, line: 264 },
          children: [run(line, { bold: cell.bold ?? false, italics: cell.italics ?? false, size })],
        }),
    ),
  });
}

/** A paragraph after a table keeps the next table or heading from running into it, as Word itself does. */
export function afterTable(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 120 }, children: [run("", { size: 12 })] });
}
