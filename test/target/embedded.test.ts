import { describe, expect, it } from "vitest";
import { extractEmbeddedTarget } from "../../shared/target/embedded";
import { readSeed } from "../support/seedTargets";

/** Indicators that carry their own target: results reports and plans write "… đạt tỷ lệ tối thiểu 60%". */
describe("extractEmbeddedTarget", () => {
  it.each([
    ["Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ đạt tỷ lệ tối thiểu 60%", "gte", 60, "đạt tỷ lệ tối thiểu 60%"],
    ["Tỷ lệ thanh toán trực tuyến đạt trên 60%", "gt", 60, "đạt trên 60%"],
    ["Tỷ lệ văn bản đi được ký số đạt 100%", "gte", 100, "đạt 100%"],
    ["Tỷ lệ người từ 15 tuổi trở lên có tài khoản đạt từ 80% trở lên", "gte", 80, "đạt từ 80% trở lên"],
    ["Tỷ lệ hồ sơ giấy không vượt quá 10% tổng số hồ sơ", "lte", 10, "không vượt quá 10%"],
    ["Tỷ lệ $\\geq 30\\%$ hồ sơ được số hóa", "gte", 30, "≥ 30%"],
    ["100% hồ sơ được số hóa", "gte", 100, "100%"],
  ])("%s", (indicator, comparator, value, targetText) => {
    expect(extractEmbeddedTarget(indicator)).toMatchObject({
      found: true,
      target: { kind: "percent", comparator, value },
      targetText,
    });
  });

  it("gives where the target sits in the normalised indicator, so a form can highlight it", () => {
    const indicator = "Tỷ lệ thanh toán trực tuyến đạt trên 60%";
    const found = extractEmbeddedTarget(indicator);
    if (!found.found) throw new Error("not found");
    expect(indicator.slice(found.offset, found.offset + found.length)).toBe("đạt trên 60%");
  });

  it("\"tỷ lệ\" is the indicator's own words unless \"đạt\" comes before it", () => {
    const found = extractEmbeddedTarget("Tỷ lệ ≥ 30%");
    expect(found).toMatchObject({ found: true, targetText: "≥ 30%", target: { comparator: "gte", value: 30 } });
  });

  it("an indicator without a percentage has no embedded target", () => {
    expect(extractEmbeddedTarget("Tỷ lệ văn bản đi được ký số")).toEqual({ found: false });
    expect(extractEmbeddedTarget("Số cuộc họp về chuyển đổi số")).toEqual({ found: false });
    expect(extractEmbeddedTarget("")).toEqual({ found: false });
  });

  it("the same threshold written twice is one target; two different ones are for a person", () => {
    expect(extractEmbeddedTarget("Tỷ lệ A đạt 90%; tỷ lệ B đạt 90%")).toMatchObject({ found: true, target: { kind: "percent", value: 90 } });
    expect(extractEmbeddedTarget("Tỷ lệ A đạt 90%, tỷ lệ B đạt 80%")).toMatchObject({
      found: true,
      target: { kind: "manual", reason: "multiple_thresholds" },
      targetText: "đạt 90%, tỷ lệ B đạt 80%",
    });
  });

  it("growth and estimates are not floors: \"tăng 10%\", \"khoảng 90%\" go to a person", () => {
    expect(extractEmbeddedTarget("Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử tăng 10% so với năm 2024")).toMatchObject({
      found: true,
      target: { kind: "manual", reason: "relative_change" },
      targetText: "tăng 10%",
    });
    expect(extractEmbeddedTarget("Tỷ lệ hồ sơ trực tuyến khoảng 90%")).toMatchObject({
      target: { kind: "manual", reason: "vague" },
    });
  });

  it("\"phấn đấu đạt 90%\" is how plans state a floor", () => {
    expect(extractEmbeddedTarget("Tỷ lệ hồ sơ trực tuyến phấn đấu đạt 90%")).toMatchObject({
      target: { kind: "percent", comparator: "gte", value: 90 },
    });
  });

  it("an impossible percentage is not taken as a target", () => {
    expect(extractEmbeddedTarget("Tỷ lệ 150%")).toEqual({ found: false });
  });

  it("reads the Huế plan's aims (section I.1): \"đạt trên 75% trong năm 2025\"", () => {
    const aims = readSeed("hue")
      .split("\n")
      .find((line) => line.startsWith("b) Tỷ lệ hồ sơ dịch vụ công trực tuyến"));
    expect(aims).toBeDefined();
    expect(extractEmbeddedTarget(aims!.replace(/^b\) /, ""))).toMatchObject({
      found: true,
      target: { kind: "percent", comparator: "gt", value: 75 },
      targetText: "đạt trên 75%",
    });
  });
});
