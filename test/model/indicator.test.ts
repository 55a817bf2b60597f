import { describe, it, expect } from "vitest";
import { indicatorKindOfTarget, indicatorSchema } from "../../shared/model";
import { parseTarget } from "../../shared/target/parse";

function kindOf(text: string) {
  const parsed = parseTarget(text);
  if (!parsed.ok) throw new Error(`unparsed: ${text}`);
  return indicatorKindOfTarget(parsed.target);
}

describe("indicator", () => {
  it("accepts a rate with its parts, and defaults aliases to none", () => {
    const indicator = indicatorSchema.parse({
      code: "CDS-002",
      name: "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính",
      kind: "percent",
      unit: "%",
      numerator: "Số hồ sơ trực tuyến",
      denominator: "Tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính",
    });
    expect(indicator.aliases).toEqual([]);
  });

  it("rejects an unknown kind and an empty name in Vietnamese", () => {
    const result = indicatorSchema.safeParse({ code: "CDS-002", name: "", kind: "ratio" });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Tên chỉ tiêu không được để trống.",
      "Loại chỉ tiêu phải là một trong: percent, count, frequency, deliverable, document, grade, rank, manual.",
    ]);
  });

  it("files deadlines and recurring tasks under deliverables", () => {
    expect(kindOf("Hoàn thành năm 2022")).toBe("deliverable");
    expect(kindOf("Quý II/2025")).toBe("deliverable");
    expect(kindOf("Hàng năm")).toBe("deliverable");
    expect(kindOf("Tối thiểu 90%")).toBe("percent");
    expect(kindOf("≥ 25 doanh nghiệp")).toBe("count");
    expect(kindOf(">240 tin, bài/năm")).toBe("frequency");
    expect(kindOf("Kế hoạch của UBND tỉnh")).toBe("document");
    expect(kindOf("Thực hiện theo lộ trình của Bộ LD-TB&XH")).toBe("manual");
  });
});
