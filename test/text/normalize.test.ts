import { describe, expect, it } from "vitest";
import { foldDiacritics, normalizeText } from "../../shared/text/normalize";

describe("normalizeText", () => {
  it.each([
    ["NFD to NFC", "Tối thiểu".normalize("NFD"), "Tối thiểu"],
    ["non-breaking and narrow spaces", "Tối\u00a0thiểu\u202f90%", "Tối thiểu 90%"],
    ["tabs and line breaks from PDF cells", "Tối thiểu\t\n 1%\r\ntổng chi", "Tối thiểu 1% tổng chi"],
    ["zero-width characters and soft hyphens", "Tối\u200bthiểu\u00ad 90\ufeff%", "Tốithiểu 90%"],
    ["LaTeX comparators and percent", "$>95\\%$", ">95%"],
    ["LaTeX with spaces inside", "$ > 95 \\% $", "> 95 %"],
    ["LaTeX \\geq", "$\\geq 30\\%$", "≥ 30%"],
    ["LaTeX \\le", "$\\le 5\\%$", "≤ 5%"],
    ["LaTeX \\text{}", "$\\text{Mức} 4$", "Mức 4"],
    ["typed >= and <=", ">= 90% <=10%", "≥ 90% ≤10%"],
    ["full-width symbols and digits", "＞９０％", ">90%"],
    ["dashes and quotes", "Bộ LĐ–TB&XH “mới”", 'Bộ LĐ-TB&XH "mới"'],
    ["trimmed, single spaces", "   a    b   ", "a b"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("is idempotent", () => {
    for (const text of ["$>95\\%$", " Tối\u00a0thiểu  90% ", "≥\u202f1.000 lượt"]) {
      expect(normalizeText(normalizeText(text))).toBe(normalizeText(text));
    }
  });
});

describe("foldDiacritics", () => {
  it("drops tones and marks, turns đ into d and lowers the case", () => {
    expect(foldDiacritics("Tối thiểu")).toBe("toi thieu");
    expect(foldDiacritics("ĐỀ ÁN")).toBe("de an");
    expect(foldDiacritics("Hằng quý")).toBe("hang quy");
    expect(foldDiacritics("Tối thiểu".normalize("NFD"))).toBe("toi thieu");
  });
});
