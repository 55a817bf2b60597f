import { describe, it, expect } from "vitest";
import {
  agencyIdSchema,
  assignmentIdSchema,
  decisionIdSchema,
  indicatorCodeSchema,
  provinceCodeSchema,
} from "../../shared/model";

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.error?.issues[0]?.message;
}

describe("identifiers", () => {
  it("accepts the slugs the catalogue issues", () => {
    expect(agencyIdSchema.parse("so-khoa-hoc-va-cong-nghe")).toBe("so-khoa-hoc-va-cong-nghe");
    expect(provinceCodeSchema.parse("phu-tho")).toBe("phu-tho");
    expect(decisionIdSchema.parse("phu-tho-1521-qd-ubnd")).toBe("phu-tho-1521-qd-ubnd");
    expect(indicatorCodeSchema.parse("CDS-001")).toBe("CDS-001");
    expect(indicatorCodeSchema.parse("CQS.1_2")).toBe("CQS.1_2");
    expect(assignmentIdSchema.parse("phu-tho-1521-qd-ubnd.so-tai-chinh.3")).toBe("phu-tho-1521-qd-ubnd.so-tai-chinh.3");
  });

  it.each(["Sở Tài chính", "so_tai_chinh", "So-Tai-Chinh", "-so-tai-chinh", "", "so tai chinh", "a".repeat(65)])(
    "rejects agency id %j and says how to write one",
    (id) => {
      const result = agencyIdSchema.safeParse(id);
      expect(result.success).toBe(false);
      expect(firstMessage(result)).toBe(
        "Mã cơ quan chỉ gồm chữ thường không dấu, số và dấu gạch ngang, tối đa 64 ký tự (ví dụ so-tai-chinh).",
      );
    },
  );

  it("names the kind of id in the message", () => {
    expect(firstMessage(provinceCodeSchema.safeParse("Phú Thọ"))).toMatch(/^Mã tỉnh, thành phố .*phu-tho/);
    expect(firstMessage(decisionIdSchema.safeParse("1521/QĐ-UBND"))).toMatch(/^Mã văn bản /);
    expect(firstMessage(agencyIdSchema.safeParse(42))).toBe("Mã cơ quan phải là chuỗi ký tự.");
  });

  it.each(["cds-001", "CDS 001", "Đ-01", "-CDS", "C".repeat(33)])("rejects indicator code %j", (code) => {
    const result = indicatorCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(firstMessage(result)).toMatch(/^Mã chỉ tiêu chỉ gồm chữ in hoa không dấu/);
  });

  it("rejects an assignment id with spaces", () => {
    expect(firstMessage(assignmentIdSchema.safeParse("so tai chinh 3"))).toMatch(/không có khoảng trắng/);
  });
});
