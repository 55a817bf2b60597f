import { describe, expect, it } from "vitest";
import { memoizeFirst } from "../../shared/memo/memoizeFirst";

describe("memoizeFirst", () => {
  it("computes each of the first keys once, and keys beyond the limit every time, with the same results", () => {
    const computed: string[] = [];
    const shout = memoizeFirst(2, (key) => {
      computed.push(key);
      return key.toUpperCase();
    });
    expect(["quý", "năm", "quý", "tháng", "năm", "tháng"].map(shout)).toEqual(["QUÝ", "NĂM", "QUÝ", "THÁNG", "NĂM", "THÁNG"]);
    expect(computed).toEqual(["quý", "năm", "tháng", "tháng"]);
  });

  it("keeps nothing for a key whose computation throws", () => {
    let calls = 0;
    const failing = memoizeFirst(4, () => {
      calls += 1;
      throw new RangeError("không hợp lệ");
    });
    expect(() => failing("x")).toThrow(RangeError);
    expect(() => failing("x")).toThrow(RangeError);
    expect(calls).toBe(2);
  });
});
