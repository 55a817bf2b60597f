import { describe, expect, it } from "vitest";
import { unreportedOf, unreportedSentence, valuesForCarryForward } from "../../../addin/workflow/unreported";
import type { PeriodAssignments } from "../../../shared/report/periodAssignments";

const view = {
  assignments: [
    { assignmentId: "a1", indicatorCode: "CT01", text: "Tỷ lệ hồ sơ trực tuyến" },
    { assignmentId: "a2", indicatorCode: "CT02", text: "Ban hành kế hoạch chuyển đổi số" },
    { assignmentId: "a3", indicatorCode: "CT03", text: "Số cuộc họp trực tuyến" },
  ],
} as unknown as PeriodAssignments;

describe("a partial report, said before it is sent", () => {
  it("names the rows left empty and the rows missing from the table", () => {
    const values = [
      { assignmentId: "a1", actual: 0.95, numerator: 19, denominator: 20 },
      { assignmentId: "a2", actual: null },
    ];
    const unreported = unreportedOf(view, values);
    expect(unreported.map((item) => item.indicatorCode)).toEqual(["CT02", "CT03"]);
    expect(unreportedSentence(unreported)).toBe("Còn 2 chỉ tiêu chưa có số liệu: CT02 (Ban hành kế hoạch chuyển đổi số), CT03 (Số cuộc họp trực tuyến).");
    expect(unreportedSentence(unreported, 1)).toBe("Còn 2 chỉ tiêu chưa có số liệu: CT02 (Ban hành kế hoạch chuyển đổi số) và 1 chỉ tiêu khác.");
  });

  it("leaves the empty rows out when the previous version's values are kept, so the server copies them", () => {
    const values = [
      { assignmentId: "a1", actual: null, numerator: 3, denominator: 4 },
      { assignmentId: "a2", actual: null },
      { assignmentId: "a3", actual: 0 },
    ];
    expect(valuesForCarryForward(values).map((value) => value.assignmentId)).toEqual(["a1", "a3"]);
  });
});
