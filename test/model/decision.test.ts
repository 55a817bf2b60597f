import { describe, it, expect } from "vitest";
import { decisionSchema } from "../../shared/model";
import { phuThoDecision } from "./phuThoFragment";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("decision", () => {
  it("accepts Phú Thọ's 1521/QĐ-UBND appendix as written", () => {
    const decision = decisionSchema.parse(phuThoDecision());
    expect(decision.sections.map((section) => section.order)).toEqual(["1", "9", "10", "10", "16"]);
    expect(decision.sections[4]?.groupId).toBe("ubnd-cac-xa-phuong");
    // The broken target cell stays as the PDF gave it: the parser, not the schema, reads it.
    expect(decision.sections[1]?.rows[0]?.targetText).toBe("Tối thiểu 1% \ntổng chi ngân \nsách");
  });

  it("accepts a plan number and Huế-style milestones on a row", () => {
    const input = phuThoDecision();
    input.number = "106/KH-UBND";
    input.sections[0]!.rows[0]!.milestones = [
      { due: "2025-03-31", targetText: ">25%" },
      { due: "2025-06-30", targetText: ">45%" },
    ];
    expect(decisionSchema.parse(input).sections[0]?.rows[0]?.milestones).toHaveLength(2);
  });

  it.each(["QĐ-UBND 1521", "1521", "Số 1521/QĐ-UBND", "/QĐ-UBND"])("rejects the number %j", (number) => {
    const result = decisionSchema.safeParse({ ...phuThoDecision(), number });
    expect(messages(result)).toEqual(["Số văn bản có dạng 1521/QĐ-UBND hoặc 106/KH-UBND."]);
  });

  it("rejects a signing date that does not exist and a year out of range", () => {
    const result = decisionSchema.safeParse({ ...phuThoDecision(), date: "2025-02-29", year: 25 });
    expect(messages(result)).toEqual([
      "Ngày không hợp lệ: cần ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-06-30).",
      "Năm thực hiện phải từ 2000 đến 2100.",
    ]);
  });

  it("rejects a section given both to an agency and to a group", () => {
    const input = phuThoDecision();
    input.sections[4]!.agencyId = "xa-a";
    const result = decisionSchema.safeParse(input);
    expect(messages(result)).toEqual(["Mỗi mục giao cho một cơ quan hoặc một nhóm cơ quan, không cho cả hai."]);
    expect(result.error?.issues[0]?.path).toEqual(["sections", 4, "groupId"]);
  });

  it("rejects a row without its indicator text, pointing at the row", () => {
    const input = phuThoDecision();
    input.sections[1]!.rows[1]!.text = "  ";
    const result = decisionSchema.safeParse(input);
    expect(messages(result)).toEqual(["Nội dung chỉ tiêu, nhiệm vụ không được để trống."]);
    expect(result.error?.issues[0]?.path).toEqual(["sections", 1, "rows", 1, "text"]);
  });

  it("rejects a blank section heading", () => {
    const input = phuThoDecision();
    input.sections[0]!.heading = " ";
    expect(messages(decisionSchema.safeParse(input))).toEqual(["Tiêu đề mục không được để trống."]);
  });
});
