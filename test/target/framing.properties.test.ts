import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTarget } from "../../shared/target/parse";
import type { Target } from "../../shared/target/schema";
import { evaluate } from "../../shared/verdict/evaluate";
import type { VerdictCode } from "../../shared/verdict/schema";

/**
 * The first rule: never a confidently wrong verdict. Framing words around a judgeable target ("phấn đấu đạt",
 * "kinh tế số chiếm", "… cơ sở giáo dục") may send it to a person but never turn "Đạt" into "Không đạt" or back; and a
 * rank target never judges a worse rank better, however it is worded.
 */
const RUNS = 3_000;

function read(text: string): Target {
  const parsed = parseTarget(text);
  return parsed.ok ? parsed.target : { kind: "manual", reason: "free_text", text };
}

function verdictOf(text: string, actual: unknown): VerdictCode {
  return evaluate(read(text), actual).verdict;
}

const flipped = (a: VerdictCode, b: VerdictCode) => (a === "met" && b === "not_met") || (a === "not_met" && b === "met");

const comparatorWords = fc.constantFrom("", "tối thiểu ", "ít nhất ", "không dưới ", "trên ", "hơn ", "tối đa ", "không quá ", "dưới ", "≥ ", "> ", "≤ ", "< ", "từ ");
const percentCore = fc
  .tuple(comparatorWords, fc.integer({ min: 0, max: 100 }), fc.constantFrom("", " trở lên"))
  .filter(([comparator, , trailing]) => trailing === "" || comparator === "" || comparator === "từ ")
  .map(([comparator, value, trailing]) => `${comparator}${value}%${trailing}`);
const countCore = fc
  .tuple(fc.constantFrom("", "tối thiểu ", "trên ", "≥ ", "ít nhất "), fc.integer({ min: 1, max: 5000 }), fc.constantFrom("doanh nghiệp", "lượt cán bộ", "tin, bài/năm", "dịch vụ", "lần/quý"))
  .map(([comparator, value, unit]) => `${comparator}${value} ${unit}`);

const leads = fc.constantFrom(
  "",
  "đạt ",
  "phấn đấu ",
  "phấn đấu đạt ",
  "mục tiêu ",
  "mục tiêu là ",
  "kế hoạch ",
  "theo kế hoạch ",
  "chỉ tiêu là ",
  "kinh tế số chiếm ",
  "có ",
  "là ",
  "ở mức ",
  "duy trì ",
  "tiếp tục duy trì ",
  "bảo đảm ",
  "đảm bảo ",
  "thực hiện ",
  "số hóa ",
  "nâng lên ",
  "Tỷ lệ hồ sơ trực tuyến đạt ",
  "Dự kiến ",
);
const subjects = fc.constantFrom("", " cơ sở giáo dục", " GRDP", " hồ sơ", " hộ gia đình", " xã, phường", " dân số có điện thoại thông minh");

describe("framing words never flip a verdict", () => {
  it("for percentages: a lead-in or a subject around the threshold gives the same verdict, or a person's", () => {
    fc.assert(
      fc.property(percentCore, leads, subjects, fc.integer({ min: 0, max: 100 }), (core, lead, subject, points) => {
        const actual = points / 100;
        const plain = verdictOf(core, actual);
        const framed = verdictOf(`${lead}${core}${subject}`, actual);
        expect(flipped(plain, framed), `"${core}" ${plain} vs "${lead}${core}${subject}" ${framed} at ${points}%`).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("for counts and frequencies", () => {
    fc.assert(
      fc.property(countCore, leads, fc.integer({ min: 0, max: 6000 }), (core, lead, actual) => {
        const plain = verdictOf(core, actual);
        const framed = verdictOf(`${lead}${core}`, actual);
        expect(flipped(plain, framed), `"${core}" ${plain} vs "${lead}${core}" ${framed} at ${actual}`).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("removing the framing from a sentence the grammar judges keeps its verdict", () => {
    fc.assert(
      fc.property(percentCore, leads, subjects, fc.integer({ min: 0, max: 100 }), (core, lead, subject, points) => {
        const framed = verdictOf(`${lead}${core}${subject}`, points / 100);
        if (framed !== "met" && framed !== "not_met") return;
        expect(verdictOf(core, points / 100)).toBe(framed);
      }),
      { numRuns: RUNS },
    );
  });
});

const rankTemplates = fc.constantFrom(
  (n: number) => `Top ${n}`,
  (n: number) => `vào Top ${n} địa phương CĐS`,
  (n: number) => `nằm trong nhóm Top ${n}`,
  (n: number) => `thuộc nhóm ${n} tỉnh, thành phố dẫn đầu`,
  (n: number) => `trở thành 1 trong ${n} địa phương dẫn đầu chuyển đổi số`,
  (n: number) => `phấn đấu thuộc ${n} địa phương đứng đầu về Chính phủ điện tử`,
  (n: number) => `Đến năm 2030, tỉnh thuộc nhóm ${n} tỉnh, thành phố dẫn đầu về CĐS`,
  (n: number) => `duy trì trong Top ${n} toàn quốc`,
  (n: number) => `đứng thứ ${n}`,
  (n: number) => `xếp hạng ${n}/34`,
);
const rankActual = fc.tuple(fc.integer({ min: 1, max: 63 }), fc.constantFrom("plain", "of63", "words")).map(([rank, form]) => ({
  rank,
  written: form === "plain" ? rank : form === "of63" ? `${rank}/63` : `xếp thứ ${rank}`,
}));

describe("rank targets, however worded", () => {
  it("are met by rank N or better and never by a worse one; a better rank is never judged worse", () => {
    fc.assert(
      fc.property(rankTemplates, fc.integer({ min: 1, max: 40 }), rankActual, rankActual, (template, n, a, b) => {
        const text = template(n);
        const verdictA = verdictOf(text, a.written);
        const verdictB = verdictOf(text, b.written);
        if (verdictA === "met") expect(a.rank, `${text} ← ${a.written}`).toBeLessThanOrEqual(n);
        if (verdictA === "not_met") expect(a.rank, `${text} ← ${a.written}`).toBeGreaterThan(n);
        if (a.rank < b.rank && verdictB === "met") expect(verdictA, `${text}: ${a.written} vs ${b.written}`).not.toBe("not_met");
      }),
      { numRuns: RUNS },
    );
  });

  it("are never read as a count of something", () => {
    fc.assert(
      fc.property(rankTemplates, fc.integer({ min: 1, max: 40 }), (template, n) => {
        expect(["rank", "manual"]).toContain(read(template(n)).kind);
      }),
      { numRuns: 500 },
    );
  });
});
