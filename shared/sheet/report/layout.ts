import { formatIsoDateVi } from "../../period/isoDate";
import { vietnamTimeCell } from "../../period/vietnamTime";
import { REVIEW_STATE_LABELS } from "../../model/review";
import { SUBMISSION_STATUS_LABELS, type Aggregate, type AggregateAgency, type SubmissionStatus } from "../../report/aggregate";
import { stripXmlForbidden } from "../../text/xmlText";
import { rangeAddress } from "../address";
import type { PlannedCell } from "../cell";
import { GENERAL_FORMAT } from "../formats";
import { PALETTE } from "../palette";
import { cellsOp, type SheetOp, type SheetPlan } from "../plan";
import { REPORT_MARGINS } from "../print";
import { DEFAULT_FONT_SIZE, type CellStyle } from "../style";
import { fitRowOps } from "./fitRows";
import { rowHeightFor } from "./textFit";

/** What every sheet of the consolidated report shares: title lines, header and body cells, the print setup. */

export const NOT_ASSIGNED = "—";
/** The typeface of the state's documents (Nghị định 30/2020/NĐ-CP), with every Vietnamese mark. */
export const REPORT_FONT = "Times New Roman";
export const TITLE_LINE: CellStyle = { bold: true, fontSize: 14 };
export const MUTED_LINE: CellStyle = { italic: true, fontColor: PALETTE.note };
export const STATUS_STYLES: Record<SubmissionStatus, CellStyle> = {
  on_time: {},
  late: { bold: true, fontColor: PALETTE.lateText },
  missing: { bold: true, fontColor: PALETTE.missingText },
};
const DEFAULT_COLUMN_WIDTH = 9;
/** Excel's limit for the text of one cell; longer text makes Excel repair the file. */
const MAX_CELL_TEXT = 32_767;

export interface TitleLine {
  text: string;
  style?: CellStyle;
}

export type Horizontal = NonNullable<CellStyle["horizontalAlignment"]>;

/** A sheet of the report being planned: its column widths first, then title, header, body, heights and print setup. */
export class ReportSheetPlan {
  readonly ops: SheetOp[] = [];

  constructor(
    readonly sheetName: string,
    readonly widths: readonly number[],
  ) {
    widths.forEach((characters, column) => this.ops.push({ op: "columnWidth", column, characters }));
  }

  /**
   * The title lines from A1, each merged across the table's `span` columns and wrapped there, so a long decision title
   * neither widens the printed page nor runs off it. Answers the row of the table header, one blank row below.
   */
  title(lines: readonly TitleLine[], span: number): number {
    const width = Array.from({ length: span }, (_, column) => this.widths[column] ?? DEFAULT_COLUMN_WIDTH).reduce((sum, item) => sum + item, 0);
    lines.forEach((line, index) => {
      const row = index + 1;
      const style: CellStyle = { fontName: REPORT_FONT, wrap: true, verticalAlignment: "Top", horizontalAlignment: "Left", ...line.style };
      this.ops.push(cellsOp(row, 0, [[{ text: safeText(line.text) }]]));
      this.ops.push({ op: "style", range: rangeAddress(row, 0, row, 0), style });
      if (span > 1) this.ops.push({ op: "merge", range: rangeAddress(row, 0, row, span - 1) });
      const size = style.fontSize ?? DEFAULT_FONT_SIZE;
      // A 14-point title needs a taller row or its marks above and below are cut off.
      const points = rowHeightFor([{ text: safeText(line.text), width, fontSize: size, bold: style.bold === true }]);
      this.ops.push({ op: "rowHeight", row, points: Math.max(points ?? 15, Math.ceil(size * 1.5)) });
    });
    return lines.length + 2;
  }

  /** Bold centred text on the header fill, wrapped, inside thin lines. */
  header(row: number, texts: readonly string[], firstColumn = 0): void {
    this.cells(row, firstColumn, [texts.map((text): PlannedCell => ({ text: safeText(text) }))]);
    this.style(rangeAddress(row, firstColumn, row, firstColumn + texts.length - 1), headerStyle());
  }

  /** A block of cells with a format per column (undefined: General); strings are text, safe for any reader. */
  cells(row: number, column: number, rows: PlannedCell[][], formats: ReadonlyArray<string | undefined> = []): void {
    if (rows.length === 0) return;
    this.ops.push(cellsOp(row, column, rows, (_, c) => formats[c] ?? GENERAL_FORMAT));
  }

  style(range: string, style: CellStyle): void {
    this.ops.push({ op: "style", range, style });
  }

  /** Table body: thin lines, wrapped text, the report's typeface, and each column's alignment. */
  body(firstRow: number, lastRow: number, alignments: ReadonlyArray<Horizontal | undefined>, vertical: "Top" | "Center" = "Center"): void {
    if (lastRow < firstRow) return;
    this.style(rangeAddress(firstRow, 0, lastRow, alignments.length - 1), bodyStyle(vertical));
    alignments.forEach((horizontal, column) => {
      if (horizontal) this.style(rangeAddress(firstRow, column, lastRow, column), { horizontalAlignment: horizontal });
    });
  }

  fitRows(firstRow: number, lastRow: number): void {
    this.ops.push(...fitRowOps(this.ops, firstRow, lastRow));
  }

  freeze(rows: number, columns: number): void {
    this.ops.push({ op: "freeze", rows, columns });
  }

  /** A4 landscape, as wide as one page and as many pages tall as the rows need; "Trang 2 / 5" at every foot. */
  print(titles: { rows?: [number, number]; columns?: [number, number]; onePage?: boolean }, footerLabel: string): void {
    this.ops.push({
      op: "print",
      setup: {
        paper: "A4",
        orientation: "landscape",
        fitToWidth: true,
        ...(titles.onePage ? { onePage: true } : {}),
        ...(titles.rows ? { titleRows: { first: titles.rows[0], last: titles.rows[1] } } : {}),
        ...(titles.columns ? { titleColumns: { first: titles.columns[0], last: titles.columns[1] } } : {}),
        margins: REPORT_MARGINS,
        centerHorizontally: true,
        footerLeft: safeText(footerLabel),
        footerRight: "Trang &P / &N",
      },
    });
  }

  plan(): SheetPlan {
    return { sheetName: this.sheetName, ops: this.ops };
  }
}

export function headerStyle(): CellStyle {
  return {
    fontName: REPORT_FONT,
    bold: true,
    fill: PALETTE.header,
    borders: true,
    wrap: true,
    verticalAlignment: "Center",
    horizontalAlignment: "Center",
  };
}

export function bodyStyle(vertical: "Top" | "Center" = "Center"): CellStyle {
  return { fontName: REPORT_FONT, borders: true, wrap: true, verticalAlignment: vertical };
}

/** Text Excel opens without a repair prompt; well-formed text under the limit is returned unchanged. */
export function safeText(text: string): string {
  // A lone surrogate (possible in JSON) or a control character cannot be written to XML and would corrupt the workbook.
  const wellFormed = stripXmlForbidden(text);
  return wellFormed.length <= MAX_CELL_TEXT ? wellFormed : `${wellFormed.slice(0, MAX_CELL_TEXT - 1)}…`;
}

/** A string as text, a number as a number, nothing as an empty cell. */
export function plain(value: string | number | null | undefined): PlannedCell {
  if (typeof value === "string") return { text: safeText(value) };
  return { value: value ?? null };
}

/** A submission time on Vietnam's wall clock as a date cell; text that is no instant is shown as it is. */
export function vietnamDateTime(iso: string | undefined): PlannedCell {
  if (iso === undefined) return { value: null };
  return Number.isNaN(Date.parse(iso)) ? { text: safeText(iso) } : { dateTime: new Date(Date.parse(iso)).toISOString() };
}

/** Which decision and period, the due day and when the figures were read: under the title of the summary sheets. */
export function reportContextLines(aggregate: Aggregate): TitleLine[] {
  return [
    { text: decisionLine(aggregate) },
    { text: `Kỳ báo cáo: ${aggregate.periodLabel}` },
    { text: `Hạn nộp báo cáo: ${formatIsoDateVi(aggregate.reportDueDate)}` },
    { text: `Thời điểm lập báo cáo: ${vietnamTimeLabel(aggregate.generatedAt)}`, style: MUTED_LINE },
  ];
}

export function decisionLine(aggregate: Aggregate): string {
  const { number, title } = aggregate.decision;
  return `Văn bản giao chỉ tiêu: số ${number}${title ? ` — ${title}` : ""}`;
}

/** The time followed by "(giờ Việt Nam)", which is left off when the text is not a time and is shown as given. */
export function vietnamTimeLabel(iso: string): string {
  const shown = vietnamTimeCell(iso);
  return shown === iso ? iso : `${shown} (giờ Việt Nam)`;
}

/** Whether and when the agency reported, and where the province's review of it stands once it moved past "đã nộp". */
export function statusLabel(agency: AggregateAgency): string {
  const status = SUBMISSION_STATUS_LABELS[agency.status];
  const state = agency.reviewState;
  if (!state || state === "not_submitted" || state === "submitted") return status;
  return `${status}, ${REVIEW_STATE_LABELS[state].toLowerCase()}`;
}
