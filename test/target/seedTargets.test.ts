import { describe, expect, it } from "vitest";
import { parseTarget } from "../../shared/target/parse";
import { formatTarget } from "../../shared/target/format";
import type { Comparator, Target } from "../../shared/target/schema";
import {
  SEED_FILES,
  SHARED_SEED_DIRECTORY,
  distinctTexts,
  hueCompletionTimes,
  hueMilestoneTables,
  hueMilestoneTargets,
  hueTaskRows,
  phuThoRows,
  phuThoTargets,
  readSeed,
  sharedSeedsAvailable,
  vinhPhucTargets,
  type SeedName,
  type SeedTarget,
} from "../support/seedTargets";

/**
 * Every target the three seed decisions write must be read: by a rule when it has one, as a matter for a person
 * otherwise, and never rejected as an error. The expected readings come from an oracle written independently of the
 * grammar (for the plain percentages and calendar points that make up most cells) and from a table of the others.
 */

const phuTho = phuThoTargets(readSeed("phuTho"));
const vinhPhuc = vinhPhucTargets(readSeed("vinhPhuc"));
const hueMilestones = hueMilestoneTargets(readSeed("hue"));
const hueTimes = hueCompletionTimes(readSeed("hue"));

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * The plain forms, read with regular expressions rather than the grammar: "[Mức N] [comparator] N%", the comparator
 * as a symbol, LaTeX (\geq) or "Tối thiểu"; a bare percentage is a floor. Also "Quý II/2025" and "Tháng 3/2025".
 */
function oracle(text: string): Target | undefined {
  const percent = /^(?:Mức (\d+)\s*)?\$?\s*(>|≥|\\geq|Tối thiểu)?\s*(\d+)\s*\\?%\s*\$?$/.exec(text);
  if (percent) {
    const comparators: Record<string, Comparator> = { ">": "gt", "≥": "gte", "\\geq": "gte", "Tối thiểu": "gte" };
    const target: Target = { kind: "percent", comparator: comparators[percent[2] ?? "≥"]!, value: Number(percent[3]) };
    if (percent[1]) target.qualifier = `Mức ${percent[1]}`;
    return target;
  }
  const quarter = /^Quý (I|II|III|IV)\/(\d{4})$/.exec(text);
  if (quarter) {
    return { kind: "deadline", mode: "complete", due: { precision: "quarter", year: Number(quarter[2]), quarter: ROMAN[quarter[1]!]! } };
  }
  const month = /^Tháng (\d{1,2})\/(\d{4})$/.exec(text);
  if (month) {
    return { kind: "deadline", mode: "complete", due: { precision: "month", year: Number(month[2]), month: Number(month[1]) } };
  }
  return undefined;
}

/** The cells the oracle does not cover, with what an officer reads in them. */
const KNOWN_READINGS: Record<string, Target> = {
  // Vĩnh Phúc
  ">240 tin, bài/năm": { kind: "frequency", comparator: "gt", value: 240, unit: "tin, bài", per: "year" },
  "≥1 lần/năm": { kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "year" },
  "Tối thiểu 1 lần/tháng": { kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "month" },
  "Tối thiểu 6 lần/năm": { kind: "frequency", comparator: "gte", value: 6, unit: "lần", per: "year" },
  "≥ 4 cuộc/năm": { kind: "frequency", comparator: "gte", value: 4, unit: "cuộc", per: "year" },
  "Cập nhật tối thiểu 1 lần/quý": { kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "quarter", action: "Cập nhật" },
  ">100.000 lượt sử dụng các dịch vụ khác nhau": {
    kind: "count",
    comparator: "gt",
    value: 100_000,
    unit: "lượt sử dụng các dịch vụ khác nhau",
  },
  ">100.000 trang": { kind: "count", comparator: "gt", value: 100_000, unit: "trang" },
  "250 lượt cán bộ": { kind: "count", comparator: "gte", value: 250, unit: "lượt cán bộ" },
  ">25 lượt cán bộ": { kind: "count", comparator: "gt", value: 25, unit: "lượt cán bộ" },
  "≥ 25 doanh nghiệp": { kind: "count", comparator: "gte", value: 25, unit: "doanh nghiệp" },
  "Giới thiệu tối thiểu 2000 doanh nghiệp": { kind: "count", comparator: "gte", value: 2000, unit: "doanh nghiệp", action: "Giới thiệu" },
  "Tối thiểu 1 danh mục": { kind: "count", comparator: "gte", value: 1, unit: "danh mục" },
  "Tối thiểu 2 danh mục": { kind: "count", comparator: "gte", value: 2, unit: "danh mục" },
  "Tối thiểu 3 danh mục": { kind: "count", comparator: "gte", value: 3, unit: "danh mục" },
  "Xếp hạng A": { kind: "grade", grade: "A" },
  "Hoàn thành năm 2022": { kind: "deadline", mode: "complete", due: { precision: "year", year: 2022 } },
  "Hoàn thành trong năm 2022": { kind: "deadline", mode: "complete", due: { precision: "year", year: 2022 } },
  "Hoàn thành 30% dữ liệu trong năm 2022": {
    kind: "deadline",
    mode: "complete",
    due: { precision: "year", year: 2022 },
    share: 30,
    subject: "dữ liệu",
  },
  "Bắt đầu từ tháng 6/2022": { kind: "deadline", mode: "start", due: { precision: "month", year: 2022, month: 6 } },
  "Thực hiện theo lộ trình của Bộ LD-TB&XH": { kind: "manual", reason: "free_text", text: "Thực hiện theo lộ trình của Bộ LD-TB&XH" },
  "": { kind: "manual", reason: "empty", text: "" },
  // Phú Thọ
  "Tối thiểu 1% tổng chi ngân sách": { kind: "percent", comparator: "gte", value: 1, base: "tổng chi ngân sách" },
  "Tối thiểu 200 tin, bài/ năm": { kind: "frequency", comparator: "gte", value: 200, unit: "tin, bài", per: "year" },
  "Nghị quyết của HĐND tỉnh": { kind: "document", documentType: "nghi_quyet", issuer: "HĐND tỉnh" },
  "Quyết định của UBND tỉnh": { kind: "document", documentType: "quyet_dinh", issuer: "UBND tỉnh" },
  "Kế hoạch của UBND tỉnh": { kind: "document", documentType: "ke_hoach", issuer: "UBND tỉnh" },
  "Đề án": { kind: "document", documentType: "de_an" },
  // Huế
  "Hàng năm": { kind: "recurring", cadence: "yearly" },
  "Thường xuyên": { kind: "recurring", cadence: "continuous" },
  "Năm 2025": { kind: "deadline", mode: "complete", due: { precision: "year", year: 2025 } },
};

function expectedReading(text: string): Target | undefined {
  return oracle(text) ?? KNOWN_READINGS[text];
}

function describeCell(cell: SeedTarget): string {
  return `dòng ${cell.line}, ${cell.section}, STT ${cell.order}: "${cell.text}"`;
}

const SEEDS: Array<[string, readonly SeedTarget[]]> = [
  ["Phú Thọ 2025 (phụ lục)", phuTho],
  ["Vĩnh Phúc 2022 (phụ lục)", vinhPhuc],
  ["Huế 2025 (phụ lục II, mốc)", hueMilestones],
  ["Huế 2025 (phụ lục I, thời gian)", hueTimes],
];

describe("the seed files", () => {
  it.runIf(sharedSeedsAvailable())("are the repository copies of the shared originals, byte for byte", () => {
    for (const name of Object.keys(SEED_FILES) as SeedName[]) {
      expect(readSeed(name), SEED_FILES[name]).toBe(readSeed(name, SHARED_SEED_DIRECTORY));
    }
  });
});

describe("extractors find every target cell of each seed layout", () => {
  it("Phú Thọ: 130 rows in 17 sections, numbered 1…n in each, every row with a target cell", () => {
    const rows = phuThoRows(readSeed("phuTho"));
    expect(rows).toHaveLength(130);
    const sections = new Map<string, string[]>();
    for (const row of rows) sections.set(row.section, [...(sections.get(row.section) ?? []), row.order]);
    // "10." is written twice (Sở Tư pháp, Thanh tra tỉnh), hence 17 sections under 16 numbers.
    expect(sections.size).toBe(17);
    for (const [section, orders] of sections) {
      expect(orders, section).toEqual(orders.map((_, i) => String(i + 1)));
    }
    expect(phuTho.filter((cell) => cell.text === "").map(describeCell)).toEqual([]);
    expect(distinctTexts(phuTho).length).toBeGreaterThanOrEqual(14);
  });

  it("Phú Thọ: cells broken over lines are joined (\"Tối thiểu 1% / tổng chi ngân / sách\", \"Nghị quyết của / HĐND tỉnh\")", () => {
    const texts = distinctTexts(phuTho);
    expect(texts).toContain("Tối thiểu 1% tổng chi ngân sách");
    expect(texts).toContain("Nghị quyết của HĐND tỉnh");
    expect(texts).toContain("Kế hoạch của UBND tỉnh");
    expect(texts).toContain("Tối thiểu 200 tin, bài/ năm");
    expect(texts).toContain("Đề án");
    const thanhTra = phuTho.filter((cell) => cell.section === "Thanh tra tỉnh").map((cell) => cell.text);
    expect(thanhTra).toEqual(["Tối thiểu 90%", "100%"]);
  });

  it("Vĩnh Phúc: 388 rows (repeated header rows skipped), one empty target cell", () => {
    expect(vinhPhuc).toHaveLength(388);
    expect(vinhPhuc.filter((cell) => cell.text === "")).toHaveLength(1);
    expect(distinctTexts(vinhPhuc).length).toBeGreaterThanOrEqual(50);
  });

  it("Huế appendix II: two tables of twelve milestones, 13 + 9 agencies with twelve cells each", () => {
    const tables = hueMilestoneTables(readSeed("hue"));
    expect(tables.map((table) => [table.title, table.rows.length])).toEqual([
      ["1. Cấp Sở", 13],
      ["2. Cấp huyện", 9],
    ]);
    for (const table of tables) {
      expect(table.milestones).toHaveLength(12);
      expect(new Set(table.milestones)).toEqual(new Set(["31/3/2025", "30/6/2025", "31/12/2025"]));
      for (const row of table.rows) expect(row.cells.length, row.agency).toBe(12);
    }
    expect(hueMilestones).toHaveLength(264);
    expect(distinctTexts(hueMilestones).length).toBeGreaterThanOrEqual(20);
  });

  it("Huế appendix I: 24 task rows, 23 with a completion time", () => {
    expect(hueTaskRows(readSeed("hue"))).toHaveLength(24);
    expect(hueTimes).toHaveLength(23);
    expect(new Set(distinctTexts(hueTimes))).toEqual(
      new Set(["Quý I/2025", "Quý II/2025", "Tháng 3/2025", "Tháng 4/2025", "Hàng năm", "Thường xuyên", "Năm 2025"]),
    );
  });
});

describe.each(SEEDS)("every target of %s", (_name, cells) => {
  const texts = distinctTexts(cells);

  it("parses without errors", () => {
    const failures = texts.flatMap((text) => {
      const result = parseTarget(text);
      return result.ok ? [] : [`"${text}": ${result.errors.map((error) => error.message).join("; ")}`];
    });
    expect(failures).toEqual([]);
  });

  it("has the reading an officer expects (oracle or known reading for every distinct text)", () => {
    for (const text of texts) {
      const expected = expectedReading(text);
      expect(expected, `no expected reading written for "${text}"`).toBeDefined();
      const result = parseTarget(text);
      expect(result.ok && result.target, text).toEqual(expected);
    }
  });

  it("is judged by a rule unless it is empty or free text (a person's verdict)", () => {
    const manual = texts.filter((text) => {
      const result = parseTarget(text);
      return result.ok && result.target.kind === "manual";
    });
    expect(manual.every((text) => text === "" || text.startsWith("Thực hiện theo lộ trình"))).toBe(true);
  });

  it("reads the same again from its canonical form and from its normalised text", () => {
    for (const text of texts) {
      const result = parseTarget(text);
      if (!result.ok || result.target.kind === "manual") continue;
      expect(parseTarget(formatTarget(result.target)), formatTarget(result.target)).toMatchObject({ ok: true, target: result.target });
      expect(parseTarget(result.normalized), result.normalized).toMatchObject({ ok: true, target: result.target });
    }
  });
});

describe("specific seed readings", () => {
  const read = (text: string) => {
    const result = parseTarget(text);
    if (!result.ok) throw new Error(`"${text}" did not parse`);
    return result.target;
  };

  it("Vĩnh Phúc writes a level qualifier, LaTeX leftovers and a frequency in the same column", () => {
    const texts = distinctTexts(vinhPhuc);
    expect(texts).toEqual(expect.arrayContaining(["Mức 4 ≥ 80%", "$>95\\%$", "Mức 4 $\\geq 30\\%$", ">240 tin, bài/năm"]));
    expect(read("Mức 4 ≥ 80%")).toEqual({ kind: "percent", comparator: "gte", value: 80, qualifier: "Mức 4" });
    expect(read("$>95\\%$")).toEqual({ kind: "percent", comparator: "gt", value: 95 });
    expect(read("Mức 4 $\\geq 30\\%$")).toEqual({ kind: "percent", comparator: "gte", value: 30, qualifier: "Mức 4" });
    expect(read(">240 tin, bài/năm")).toMatchObject({ kind: "frequency", comparator: "gt", value: 240, per: "year" });
    expect(read("Thực hiện theo lộ trình của Bộ LD-TB&XH")).toMatchObject({ kind: "manual", reason: "free_text" });
    expect(read("Hoàn thành 30% dữ liệu trong năm 2022")).toMatchObject({ kind: "deadline", share: 30 });
  });

  it("the same target cell written with and without LaTeX reads the same", () => {
    expect(read("$>95\\%$")).toEqual(read(">95%"));
    expect(read("$>95\\%$")).toEqual(read("> 95%"));
    expect(read("$\\geq 80\\%$")).toEqual(read("≥80%"));
  });

  it("Huế's \"0%\" milestone is a floor every value meets, and \">95%\" is strict", () => {
    expect(read("0%")).toEqual({ kind: "percent", comparator: "gte", value: 0 });
    expect(read(">95%")).toEqual({ kind: "percent", comparator: "gt", value: 95 });
  });
});
