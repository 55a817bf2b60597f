import type ExcelJS from "exceljs";
import { isoDateToExcelSerial } from "../../shared/period/excelDate";
import { cellAddress, eachCell, insideBox, parseRange } from "../../shared/sheet/address";
import { cellInput, vietnamWallClock, type PlannedCell } from "../../shared/sheet/cell";
import { argb, PALETTE } from "../../shared/sheet/palette";
import type { SheetOp } from "../../shared/sheet/plan";
import { columnLetter } from "../../shared/sheet/address";
import { CENTIMETRES_PER_INCH, footerLiteral, type PrintSetup } from "../../shared/sheet/print";
import type { CellStyle } from "../../shared/sheet/style";

/**
 * The exceljs interpreter of sheet plans, for the server and the CLI: the same operations the add-in sends to Excel
 * and the preview draws in memory. exceljs draws no charts; a chart request is left to the caller that can.
 */

const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };

/** A4 in the paperSize numbering of the xlsx format. */
const A4_PAPER = 9;

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: argb(PALETTE.border) } },
  left: { style: "thin", color: { argb: argb(PALETTE.border) } },
  bottom: { style: "thin", color: { argb: argb(PALETTE.border) } },
  right: { style: "thin", color: { argb: argb(PALETTE.border) } },
};

export function applySheetPlan(sheet: ExcelJS.Worksheet, ops: readonly SheetOp[]): void {
  const cell = (row: number, column: number) => sheet.getCell(row, column + 1);
  let priority = 1;
  for (const op of ops) {
    switch (op.op) {
      case "clear": {
        const box = parseRange(op.range);
        // exceljs keeps validations by cell address; its remove() leaves an entry it then writes as type "any".
        const validations = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
        for (const merge of [...sheet.model.merges]) {
          const merged = parseRange(merge);
          if (insideBox(box, merged.firstRow, merged.firstColumn) && insideBox(box, merged.lastRow, merged.lastColumn)) sheet.unMergeCells(merge);
        }
        eachCell(box, (row, column) => {
          const target = cell(row, column);
          target.value = null;
          target.style = {};
          delete validations[target.address];
        });
        break;
      }
      case "cells": {
        const box = parseRange(op.range);
        op.cells.forEach((row, r) =>
          row.forEach((planned, c) => {
            const target = cell(box.firstRow + r, box.firstColumn + c);
            target.numFmt = op.numberFormats[r]?.[c] ?? "General";
            target.value = valueOf(planned);
          }),
        );
        break;
      }
      case "style":
        eachCell(parseRange(op.range), (row, column) => applyStyle(cell(row, column), op.style));
        break;
      case "merge":
        sheet.mergeCells(op.range);
        break;
      case "validate": {
        const { rule } = op;
        const validation: ExcelJS.DataValidation =
          rule.kind === "decimal"
            ? {
                type: "decimal",
                operator: rule.max === undefined ? "greaterThanOrEqual" : "between",
                formulae: rule.max === undefined ? [rule.min] : [rule.min, rule.max],
                allowBlank: true,
              }
            : { type: "date", operator: "between", formulae: [isoDateToExcelSerial(rule.from), isoDateToExcelSerial(rule.to)], allowBlank: true };
        Object.assign(validation, {
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: op.title,
          error: op.message,
          ...(op.prompt ? { showInputMessage: true, promptTitle: op.title, prompt: op.prompt } : {}),
        });
        eachCell(parseRange(op.range), (row, column) => {
          cell(row, column).dataValidation = validation;
        });
        break;
      }
      case "input":
        break;
      case "columnWidth":
        sheet.getColumn(op.column + 1).width = op.characters;
        break;
      case "rowHeight":
        sheet.getRow(op.row).height = op.points;
        break;
      case "freeze":
        sheet.views = [{ state: "frozen", xSplit: op.columns, ySplit: op.rows, topLeftCell: cellAddress(op.rows + 1, op.columns) }];
        break;
      case "textFill": {
        const box = parseRange(op.range);
        // "Begins with" as an expression on the range's top-left cell, which every spreadsheet reads the same way.
        const text = op.text.replace(/"/g, '""');
        sheet.addConditionalFormatting({
          ref: op.range,
          rules: [
            {
              type: "expression",
              priority: priority++,
              formulae: [`LEFT(${cellAddress(box.firstRow, box.firstColumn)},${[...op.text].length})="${text}"`],
              style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(op.fill) } } },
            },
          ],
        });
        break;
      }
      case "dataBar":
        sheet.addConditionalFormatting({
          ref: op.range,
          rules: [
            {
              type: "dataBar",
              priority: priority++,
              cfvo: [
                { type: "num", value: 0 },
                { type: "num", value: 1 },
              ],
              color: { argb: argb(op.colour) },
              // A solid bar: a gradient fades to white at its end and prints as a bar shorter than the share.
              gradient: false,
            } as ExcelJS.ConditionalFormattingRule,
          ],
        });
        break;
      case "chart":
        break;
      case "print":
        applyPrint(sheet, op.setup);
        break;
    }
  }
}

function valueOf(planned: PlannedCell): ExcelJS.CellValue {
  if ("formula" in planned) return { formula: planned.formula.slice(1) } as ExcelJS.CellFormulaValue;
  // Plain strings: exceljs writes them as text, so a name starting with "=" never becomes a formula.
  if ("text" in planned) return planned.text;
  if ("value" in planned) return planned.value;
  // A date object rather than a day number: exceljs writes it to the millisecond, a float would lose the minute.
  if ("dateTime" in planned) return vietnamWallClock(planned.dateTime);
  return cellInput(planned);
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  // A cell never styled has no font of its own; starting from the workbook's default keeps a bold title in the same
  // typeface as the table instead of whatever a reader substitutes for a nameless font.
  const font: Partial<ExcelJS.Font> = { ...DEFAULT_FONT, ...cell.font };
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontName !== undefined) font.name = style.fontName;
  if ([style.bold, style.italic, style.fontColor, style.fontSize, style.fontName].some((set) => set !== undefined)) cell.font = font;
  if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.verticalAlignment !== undefined || style.horizontalAlignment !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.verticalAlignment !== undefined) alignment.vertical = style.verticalAlignment === "Top" ? "top" : "middle";
    if (style.horizontalAlignment !== undefined) alignment.horizontal = style.horizontalAlignment === "Left" ? "left" : style.horizontalAlignment === "Center" ? "center" : "right";
    cell.alignment = alignment;
  }
  if (style.borders) cell.border = BORDER;
}

function applyPrint(sheet: ExcelJS.Worksheet, setup: PrintSetup): void {
  const inches = (centimetres: number) => Math.round((centimetres / CENTIMETRES_PER_INCH) * 1000) / 1000;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4_PAPER,
    orientation: setup.orientation,
    ...(setup.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: setup.onePage ? 1 : 0 } : { fitToPage: false }),
    margins: {
      top: inches(setup.margins.top),
      bottom: inches(setup.margins.bottom),
      left: inches(setup.margins.left),
      right: inches(setup.margins.right),
      header: inches(setup.margins.header),
      footer: inches(setup.margins.footer),
    },
    ...(setup.titleRows ? { printTitlesRow: `${setup.titleRows.first}:${setup.titleRows.last}` } : {}),
    ...(setup.titleColumns ? { printTitlesColumn: `${columnLetter(setup.titleColumns.first)}:${columnLetter(setup.titleColumns.last)}` } : {}),
    ...(setup.centerHorizontally ? { horizontalCentered: true } : {}),
  };
  const footer =
    (setup.footerLeft !== undefined ? `&L${footerLiteral(setup.footerLeft)}` : "") +
    (setup.footer !== undefined ? `&C${setup.footer}` : "") +
    (setup.footerRight !== undefined ? `&R${setup.footerRight}` : "");
  if (footer) sheet.headerFooter = { ...sheet.headerFooter, oddFooter: footer };
}
