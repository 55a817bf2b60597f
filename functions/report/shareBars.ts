import type ExcelJS from "exceljs";

/**
 * A data bar behind each share, on a fixed 0–100% scale so a half-met indicator draws half a bar whatever the others
 * score; the number stays readable on top of the bar.
 */
export function shareBars(sheet: ExcelJS.Worksheet, ref: string): void {
  sheet.addConditionalFormatting({
    ref,
    rules: [
      {
        type: "dataBar",
        priority: 1,
        cfvo: [
          { type: "num", value: 0 },
          { type: "num", value: 1 },
        ],
        color: { argb: "FF63BE7B" },
        gradient: false,
      } as unknown as ExcelJS.DataBarRuleType,
    ],
  });
}
