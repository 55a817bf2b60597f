import { columnLetter, parseRange, rangeAddress } from "../../shared/sheet/address";
import { cellInput } from "../../shared/sheet/cell";
import { PALETTE } from "../../shared/sheet/palette";
import type { SheetOp } from "../../shared/sheet/plan";
import { CENTIMETRES_PER_INCH, footerLiteral, POINTS_PER_INCH, type PrintSetup } from "../../shared/sheet/print";
import type { CellStyle } from "../../shared/sheet/style";

/**
 * The Office.js interpreter of sheet plans: queues every operation on the worksheet proxy without syncing, so the
 * caller syncs once for the whole plan. Enumerations are passed as their string values, so this needs no Excel global.
 */

/** Excel's column width unit is the point; a width in characters is about 7 pixels each plus 5 of padding. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** A day as a formula, read the same in every locale (a typed "01/02/2025" is not). */
const dateFormula = (isoDay: string) => `=DATE(${isoDay.slice(0, 4)},${Number(isoDay.slice(5, 7))},${Number(isoDay.slice(8, 10))})`;

const points = (centimetres: number) => Math.round((centimetres / CENTIMETRES_PER_INCH) * POINTS_PER_INCH * 100) / 100;

export function applyOps(sheet: Excel.Worksheet, ops: readonly SheetOp[], supports: (version: string) => boolean): void {
  // Data validation came with ExcelApi 1.8, frozen panes with 1.7, conditional formats with 1.6, page layout with
  // 1.9: older Excel gets the table without them rather than an error.
  const validation = supports("1.8");
  const freezing = supports("1.7");
  const conditional = supports("1.6");
  const pageLayout = supports("1.9");
  // A series read from two separate columns needs setXAxisValues (ExcelApi 1.7); older Excel gets no chart.
  const seriesColumns = supports("1.7");
  for (const op of ops) {
    switch (op.op) {
      case "clear": {
        const range = sheet.getRange(op.range);
        range.clear("All");
        range.unmerge();
        if (validation) range.dataValidation.clear();
        if (conditional) range.conditionalFormats.clearAll();
        break;
      }
      case "cells": {
        const range = sheet.getRange(op.range);
        // The format first: a cell formatted as text keeps "=…", "1.10" or "3/4" exactly as written.
        range.numberFormat = op.numberFormats;
        range.formulas = op.cells.map((row) => row.map(cellInput));
        break;
      }
      case "style":
        applyStyle(sheet.getRange(op.range), op.range, op.style);
        break;
      case "merge":
        sheet.getRange(op.range).merge(false);
        break;
      case "validate": {
        if (!validation) break;
        const range = sheet.getRange(op.range);
        range.dataValidation.clear();
        const { rule } = op;
        range.dataValidation.rule =
          rule.kind === "decimal"
            ? {
                decimal:
                  rule.max === undefined
                    ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" }
                    : { formula1: rule.min, formula2: rule.max, operator: "Between" },
              }
            : { date: { formula1: dateFormula(rule.from), formula2: dateFormula(rule.to), operator: "Between" } };
        range.dataValidation.ignoreBlanks = true;
        range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: op.title, message: op.message };
        if (op.prompt) range.dataValidation.prompt = { showPrompt: true, title: op.title, message: op.prompt };
        break;
      }
      case "input":
        break;
      case "columnWidth": {
        const letter = columnLetter(op.column);
        sheet.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(op.characters);
        break;
      }
      case "rowHeight":
        sheet.getRange(`${op.row}:${op.row}`).format.rowHeight = op.points;
        break;
      case "freeze":
        if (!freezing) break;
        if (op.columns > 0) sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress(1, 0, op.rows, op.columns - 1)));
        else sheet.freezePanes.freezeRows(op.rows);
        break;
      case "textFill": {
        if (!conditional) break;
        const format = sheet.getRange(op.range).conditionalFormats.add("ContainsText");
        format.textComparison.format.fill.color = op.fill;
        format.textComparison.rule = { operator: "BeginsWith", text: op.text };
        break;
      }
      case "dataBar": {
        if (!conditional) break;
        const format = sheet.getRange(op.range).conditionalFormats.add("DataBar");
        format.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
        format.dataBar.upperBoundRule = { type: "Number", formula: "1" };
        format.dataBar.positiveFormat.fillColor = op.colour;
        // A solid bar: a gradient fades to white at its end and prints as a bar shorter than the share.
        format.dataBar.positiveFormat.gradientFill = false;
        break;
      }
      case "chart": {
        const request = op.chart;
        if (request.series && !seriesColumns) break;
        const kind = request.kind === "barClustered" ? "BarClustered" : "ColumnClustered";
        // A chart may read another sheet of the workbook (a sheet of its own for the chart).
        const from = request.sourceSheet ? sheet.context.workbook.worksheets.getItem(request.sourceSheet) : sheet;
        let chart: Excel.Chart;
        if (request.series) {
          chart = sheet.charts.add(kind, from.getRange(request.series.values), "Columns");
          const series = chart.series.getItemAt(0);
          series.setXAxisValues(from.getRange(request.series.categories));
          series.name = request.series.name;
        } else {
          chart = sheet.charts.add(kind, from.getRange(request.source!), "Columns");
        }
        chart.title.text = request.title;
        chart.legend.visible = false;
        chart.setPosition(request.topLeft, request.bottomRight);
        if (request.percentAxis) {
          chart.axes.valueAxis.minimum = 0;
          chart.axes.valueAxis.maximum = 1;
        }
        break;
      }
      case "print":
        if (pageLayout) applyPrint(sheet, op.setup);
        break;
    }
  }
}

function applyPrint(sheet: Excel.Worksheet, setup: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  if (setup.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: setup.onePage ? 1 : 0 };
  layout.topMargin = points(setup.margins.top);
  layout.bottomMargin = points(setup.margins.bottom);
  layout.leftMargin = points(setup.margins.left);
  layout.rightMargin = points(setup.margins.right);
  layout.headerMargin = points(setup.margins.header);
  layout.footerMargin = points(setup.margins.footer);
  if (setup.centerHorizontally) layout.centerHorizontally = true;
  if (setup.titleRows) layout.setPrintTitleRows(`$${setup.titleRows.first}:$${setup.titleRows.last}`);
  if (setup.titleColumns) layout.setPrintTitleColumns(`$${columnLetter(setup.titleColumns.first)}:$${columnLetter(setup.titleColumns.last)}`);
  const footers = layout.headersFooters.defaultForAllPages;
  if (setup.footer) footers.centerFooter = setup.footer;
  if (setup.footerLeft !== undefined) footers.leftFooter = footerLiteral(setup.footerLeft);
  if (setup.footerRight !== undefined) footers.rightFooter = setup.footerRight;
}

function applyStyle(range: Excel.Range, address: string, style: CellStyle): void {
  const format = range.format;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontName !== undefined) format.font.name = style.fontName;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.verticalAlignment !== undefined) format.verticalAlignment = style.verticalAlignment;
  if (style.horizontalAlignment !== undefined) format.horizontalAlignment = style.horizontalAlignment;
  if (style.borders) {
    const box = parseRange(address);
    const edges: Array<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical"> = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    // Inside edges of a single row or column do not exist, and Excel rejects them.
    if (box.lastRow > box.firstRow) edges.push("InsideHorizontal");
    if (box.lastColumn > box.firstColumn) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = PALETTE.border;
    }
  }
}
