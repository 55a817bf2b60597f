import { describe, expect, it } from "vitest";
import { receiptLines, receiptOps } from "../../../addin/report/planReceipt";
import { vietnamTimeText } from "../../../shared/period/vietnamTime";
import { planReportTable } from "../../../addin/report/planReportTable";
import { parseRange, rangeAddress, runs } from "../../../shared/sheet/address";
import { VERDICT_COLOURS } from "../../../shared/sheet/palette";
import { demoView, sampleAggregate, sampleReceipt } from "./fixtures";

describe("receipt block", () => {
  it("shows the submission time in Vietnam time, across midnight", () => {
    expect(vietnamTimeText("2025-12-19T18:30:00Z")).toBe("01:30 ngày 20/12/2025 (giờ Việt Nam)");
    expect(vietnamTimeText("không phải ngày")).toBe("không phải ngày");
  });

  it("says a replayed submission made no new version, and places verdicts by the binding", () => {
    const view = demoView();
    const receipt = { ...sampleReceipt(view), replayed: true };
    expect(receiptLines(receipt)[1]).toEqual(["Phiên bản", "2 (đã nộp trước đó, không tạo phiên bản mới)"]);
    const binding = planReportTable(view, undefined, { verdictMode: "kpi", functionNamespace: "KPI" }).binding;
    // The province's verdicts go in column N, right of the evidence, from the header row down.
    const column = receiptOps(receipt, binding).find((op) => op.op === "cells" && op.range.startsWith("N5"));
    expect(column).toMatchObject({ range: `N5:N${5 + view.assignments.length}` });
    // The block sits beside the title lines, in J:K.
    expect(receiptOps(receipt, binding)[0]).toMatchObject({ op: "cells", range: "J1:K4" });
  });

  it("writes the province's verdict carried onto an unchanged value, not the rule's it overruled", () => {
    const view = demoView();
    const receipt = sampleReceipt(view);
    const overruled = receipt.verdicts[0]!;
    overruled.final = { verdict: "not_met", label: "Không đạt", explanation: "Không đạt (đánh giá của Sở KH&CN, phiên bản 1: …)", decidedBy: "person", override: true };
    const binding = planReportTable(view, undefined, { verdictMode: "kpi", functionNamespace: "KPI" }).binding;
    const ops = receiptOps(receipt, binding);
    const column = ops.find((op) => op.op === "cells" && op.range.startsWith("N5"));
    if (column?.op !== "cells") throw new Error("no verdict column");
    const row = binding.assignmentIds.indexOf(overruled.assignmentId);
    const cells = column.cells;
    expect(cells[row + 1]![0]).toEqual({ text: "Không đạt" });
    const sheetRow = parseRange(column.range).firstRow + 1 + row;
    const fill = ops.find((op) => {
      if (op.op !== "style" || !("fill" in op.style) || !op.range.startsWith("N")) return false;
      const range = parseRange(op.range);
      return range.firstRow <= sheetRow && sheetRow <= range.lastRow;
    });
    expect(fill).toMatchObject({ style: { fill: VERDICT_COLOURS.not_met } });
  });
});

describe("sheet operation helpers", () => {
  it("parses and prints ranges and groups runs", () => {
    expect(parseRange("A4:I204")).toEqual({ firstRow: 4, firstColumn: 0, lastRow: 204, lastColumn: 8 });
    expect(parseRange("C:C")).toMatchObject({ firstRow: 1, firstColumn: 2, lastColumn: 2 });
    expect(rangeAddress(5, 9, 5, 9)).toBe("J5");
    expect(runs(["a", "a", undefined, "b", "b", "a"], (x: string | undefined) => x)).toEqual([
      { key: "a", first: 0, last: 1 },
      { key: "b", first: 3, last: 4 },
      { key: "a", first: 5, last: 5 },
    ]);
  });
});
