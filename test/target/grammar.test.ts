import { describe, expect, it } from "vitest";
import { parseTarget } from "../../shared/target/parse";
import { explainParse, explainTarget } from "../../shared/target/explain";
import { formatTarget } from "../../shared/target/format";
import type { Target } from "../../shared/target/schema";

/** The target a text must read as; fails the test with the errors when it does not parse. */
function read(text: string, unit?: string): Target {
  const result = parseTarget(text, unit === undefined ? {} : { unit });
  if (!result.ok) throw new Error(`"${text}" gave errors: ${result.errors.map((error) => error.message).join("; ")}`);
  return result.target;
}

const percent = (comparator: "gte" | "gt" | "lte" | "lt", value: number, extra: Partial<Target> = {}) => ({
  kind: "percent",
  comparator,
  value,
  ...extra,
});

describe("comparators", () => {
  it.each<[string, "gte" | "gt" | "lte" | "lt"]>([
    ["≥ 90%", "gte"],
    ["≥90%", "gte"],
    [">= 90%", "gte"],
    ["=> 90%", "gte"],
    ["⩾ 90%", "gte"],
    ["> 90%", "gt"],
    ["＞90%", "gt"],
    ["≤ 90%", "lte"],
    ["<= 90%", "lte"],
    ["< 90%", "lt"],
    ["Tối thiểu 90%", "gte"],
    ["ít nhất 90%", "gte"],
    ["Không thấp hơn 90%", "gte"],
    ["không dưới 90%", "gte"],
    ["không ít hơn 90%", "gte"],
    ["Đạt 90%", "gte"],
    ["đạt tỷ lệ tối thiểu 90%", "gte"],
    ["từ 90% trở lên", "gte"],
    ["90% trở lên", "gte"],
    ["Tối đa 90%", "lte"],
    ["không vượt quá 90%", "lte"],
    ["không quá 90%", "lte"],
    ["90% trở xuống", "lte"],
    ["Trên 90%", "gt"],
    ["hơn 90%", "gt"],
    ["vượt 90%", "gt"],
    ["đạt trên 90%", "gt"],
    ["Dưới 90%", "lt"],
    ["nhỏ hơn 90%", "lt"],
  ])("%s reads as %s 90%%", (text, comparator) => {
    expect(read(text)).toEqual(percent(comparator, 90));
  });

  it("a bare percentage is a floor: \"100%\" means at least 100%, \"0%\" at least 0%", () => {
    expect(read("100%")).toEqual(percent("gte", 100));
    expect(read("0%")).toEqual(percent("gte", 0));
  });

  it("\"không vượt quá\" wins over \"vượt\" (the longest phrase is read first)", () => {
    expect(read("không vượt quá 5%")).toEqual(percent("lte", 5));
    expect(read("vượt 5%")).toEqual(percent("gt", 5));
  });
});

describe("text as it arrives from PDFs, Word and Excel", () => {
  it.each([
    ["$>95\\%$", percent("gt", 95)],
    ["$ > 95 \\% $", percent("gt", 95)],
    ["$\\geq 30\\%$", percent("gte", 30)],
    ["$\\ge 30\\%$", percent("gte", 30)],
    ["$\\leq 5\\%$", percent("lte", 5)],
    ["$\\text{Tối thiểu} 90\\%$", percent("gte", 90)],
    ["Mức 4 $\\geq 30\\%$", percent("gte", 30, { qualifier: "Mức 4" })],
  ])("LaTeX leftover %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it("decomposed (NFD) Vietnamese reads like composed text", () => {
    const nfd = "Tối thiểu 90%".normalize("NFD");
    expect(nfd).not.toBe("Tối thiểu 90%");
    expect(read(nfd)).toEqual(percent("gte", 90));
    expect(parseTarget(nfd).normalized).toBe("Tối thiểu 90%");
  });

  it("non-breaking, thin and doubled spaces, tabs, line breaks and zero-width characters are ordinary spaces", () => {
    expect(read("Tối\u00a0thiểu\u00a090%")).toEqual(percent("gte", 90));
    expect(read("≥\u202f90\u00a0%")).toEqual(percent("gte", 90));
    expect(read("  Tối   thiểu\t\n90%  ")).toEqual(percent("gte", 90));
    expect(read("Tối\u200b thiểu 90%")).toEqual(percent("gte", 90));
    expect(parseTarget("  Tối \u00a0 thiểu\t90%\n").normalized).toBe("Tối thiểu 90%");
  });

  it("case and diacritics do not matter for keywords", () => {
    for (const text of ["TOI THIEU 90%", "toi thieu 90%", "TỐI THIỂU 90%", "Toi Thieu 90%", "tối thiêu 90%"]) {
      expect(read(text), text).toEqual(percent("gte", 90));
    }
    expect(read("KHONG VUOT QUA 10%")).toEqual(percent("lte", 10));
    expect(read("HOAN THANH NAM 2022")).toEqual({ kind: "deadline", mode: "complete", due: { precision: "year", year: 2022 } });
  });

  it("closing punctuation after the target is not part of it", () => {
    expect(read("≥ 90%.")).toEqual(percent("gte", 90));
    expect(read("100%;")).toEqual(percent("gte", 100));
  });
});

describe("Vietnamese numbers", () => {
  it.each([
    ["≥ 52,9%", 52.9],
    ["≥ 0,5%", 0.5],
    ["≥ 99,99%", 99.99],
    ["≥ 95.5%", 95.5],
  ])("decimal comma (and an unambiguous decimal point): %s", (text, value) => {
    expect(read(text)).toEqual(percent("gte", value));
  });

  it.each([
    ["> 100.000 lượt", 100_000],
    ["≥ 1.000.000 lượt", 1_000_000],
    ["≥ 1.234,5 lượt", 1234.5],
    ["≥ 1,234,567 lượt", 1_234_567],
    ["≥ 2000 lượt", 2000],
  ])("thousands dots: %s", (text, value) => {
    expect(read(text)).toMatchObject({ kind: "count", value, unit: "lượt" });
  });

  it("zero padding: \"05 lần/năm\", \"Tối thiểu 01 lần/06 tháng\"", () => {
    expect(read("05 lần/năm")).toEqual({ kind: "frequency", comparator: "gte", value: 5, unit: "lần", per: "year" });
    expect(read("Tối thiểu 01 lần/06 tháng")).toEqual({ kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "half" });
  });
});

describe("percentages with a base or a qualifier", () => {
  it("\"Tối thiểu 1% tổng chi ngân sách\": the share is of the budget", () => {
    expect(read("Tối thiểu 1% tổng chi ngân sách")).toEqual(percent("gte", 1, { base: "tổng chi ngân sách" }));
  });

  it("\"Mức 4 ≥ 80%\": only level-4 services count", () => {
    expect(read("Mức 4 ≥ 80%")).toEqual(percent("gte", 80, { qualifier: "Mức 4" }));
    expect(read("mức 3 tối thiểu 50%")).toEqual(percent("gte", 50, { qualifier: "Mức 3" }));
  });

  it("a unit column \"%\" makes a bare number a percentage, up to 100", () => {
    expect(read("≥ 70", "%")).toEqual(percent("gte", 70));
    expect(read("≥ 70")).toEqual({ kind: "count", comparator: "gte", value: 70 });
    expect(read("≥ 70 doanh nghiệp", "%")).toMatchObject({ kind: "count", unit: "doanh nghiệp" });
    expect(read("≥ 150", "%")).toMatchObject({ kind: "count", value: 150 });
  });
});

describe("counts and frequencies", () => {
  it.each<[string, Target]>([
    ["≥ 25 doanh nghiệp", { kind: "count", comparator: "gte", value: 25, unit: "doanh nghiệp" }],
    ["250 lượt cán bộ", { kind: "count", comparator: "gte", value: 250, unit: "lượt cán bộ" }],
    ["Tối thiểu 2 danh mục", { kind: "count", comparator: "gte", value: 2, unit: "danh mục" }],
    ["Dưới 5 ngày", { kind: "count", comparator: "lt", value: 5, unit: "ngày" }],
    ["Giới thiệu tối thiểu 2000 doanh nghiệp", { kind: "count", comparator: "gte", value: 2000, unit: "doanh nghiệp", action: "Giới thiệu" }],
    ["Ban hành 01 Kế hoạch", { kind: "count", comparator: "gte", value: 1, unit: "Kế hoạch", action: "Ban hành" }],
  ])("count %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each<[string, Target]>([
    [">240 tin, bài/năm", { kind: "frequency", comparator: "gt", value: 240, unit: "tin, bài", per: "year" }],
    ["Tối thiểu 200 tin, bài/ năm", { kind: "frequency", comparator: "gte", value: 200, unit: "tin, bài", per: "year" }],
    ["≥1 lần/năm", { kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "year" }],
    ["≥ 4 cuộc/năm", { kind: "frequency", comparator: "gte", value: 4, unit: "cuộc", per: "year" }],
    ["Cập nhật tối thiểu 1 lần/quý", { kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "quarter", action: "Cập nhật" }],
    ["Tối thiểu 1 lần/tháng", { kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "month" }],
    ["2 lần/6 tháng", { kind: "frequency", comparator: "gte", value: 2, unit: "lần", per: "half" }],
    ["1 lần mỗi quý", { kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "quarter" }],
    ["≥ 2 lần/tuần", { kind: "frequency", comparator: "gte", value: 2, unit: "lần", per: "week" }],
    ["1 lần/1 năm", { kind: "frequency", comparator: "gte", value: 1, unit: "lần", per: "year" }],
    ["≥ 1,5 lần / năm", { kind: "frequency", comparator: "gte", value: 1.5, unit: "lần", per: "year" }],
  ])("frequency %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it("a comma joins two unit words but never ends the unit (\"5 lần, /năm\" is not \"lần,\")", () => {
    expect(read("≥ 5 tin, bài")).toMatchObject({ kind: "count", unit: "tin, bài" });
    const result = parseTarget("5 của, trở lên");
    expect(result.ok && result.target.kind === "count" ? result.target.unit : "").not.toMatch(/,$/);
  });
});

describe("deadlines, starts and recurring duties", () => {
  it.each<[string, Target["kind"], object]>([
    ["Hoàn thành năm 2022", "deadline", { mode: "complete", due: { precision: "year", year: 2022 } }],
    ["Hoàn thành trong năm 2022", "deadline", { mode: "complete", due: { precision: "year", year: 2022 } }],
    ["Năm 2025", "deadline", { mode: "complete", due: { precision: "year", year: 2025 } }],
    ["Quý II/2025", "deadline", { mode: "complete", due: { precision: "quarter", year: 2025, quarter: 2 } }],
    ["Quý 2/2025", "deadline", { mode: "complete", due: { precision: "quarter", year: 2025, quarter: 2 } }],
    ["quí IV năm 2025", "deadline", { mode: "complete", due: { precision: "quarter", year: 2025, quarter: 4 } }],
    ["Chậm nhất quý IV/2025", "deadline", { mode: "complete", due: { precision: "quarter", year: 2025, quarter: 4 } }],
    ["Tháng 3/2025", "deadline", { mode: "complete", due: { precision: "month", year: 2025, month: 3 } }],
    ["tháng 06/2025", "deadline", { mode: "complete", due: { precision: "month", year: 2025, month: 6 } }],
    ["30/6/2025", "deadline", { mode: "complete", due: { precision: "day", year: 2025, month: 6, day: 30 } }],
    ["Trước ngày 30/06/2025", "deadline", { mode: "complete", due: { precision: "day", year: 2025, month: 6, day: 30 } }],
    ["Hoàn thành trước ngày 30/06/2025", "deadline", { mode: "complete", due: { precision: "day", year: 2025, month: 6, day: 30 } }],
    ["6 tháng đầu năm 2025", "deadline", { mode: "complete", due: { precision: "half", year: 2025, half: 1 } }],
    ["Hoàn thành 6 tháng cuối năm 2025", "deadline", { mode: "complete", due: { precision: "half", year: 2025, half: 2 } }],
    [
      "Hoàn thành 30% dữ liệu trong năm 2022",
      "deadline",
      { mode: "complete", due: { precision: "year", year: 2022 }, share: 30, subject: "dữ liệu" },
    ],
    ["Bắt đầu từ tháng 6/2022", "deadline", { mode: "start", due: { precision: "month", year: 2022, month: 6 } }],
    ["Từ quý III/2025", "deadline", { mode: "start", due: { precision: "quarter", year: 2025, quarter: 3 } }],
    ["Hàng năm", "recurring", { cadence: "yearly" }],
    ["Hằng quý", "recurring", { cadence: "quarterly" }],
    ["hàng tháng", "recurring", { cadence: "monthly" }],
    ["Định kỳ 6 tháng", "recurring", { cadence: "half_yearly" }],
    ["Thường xuyên", "recurring", { cadence: "continuous" }],
    ["Liên tục", "recurring", { cadence: "continuous" }],
  ])("%s", (text, kind, fields) => {
    expect(read(text)).toEqual({ kind, ...fields });
  });

  it("a calendar point without its year is not guessed", () => {
    expect(read("Hoàn thành quý II")).toMatchObject({ kind: "manual", reason: "free_text" });
    expect(read("Trước 30/6")).toMatchObject({ kind: "manual" });
  });

  it("\"quý vị\" is not a quarter (no year follows), so it is no error either", () => {
    expect(parseTarget("Quý vị đại biểu")).toMatchObject({ ok: true, target: { kind: "manual" } });
  });
});

describe("documents, grades and ranks", () => {
  it.each<[string, Target]>([
    ["Nghị quyết của HĐND tỉnh", { kind: "document", documentType: "nghi_quyet", issuer: "HĐND tỉnh" }],
    ["Quyết định của UBND tỉnh", { kind: "document", documentType: "quyet_dinh", issuer: "UBND tỉnh" }],
    ["Kế hoạch của UBND tỉnh", { kind: "document", documentType: "ke_hoach", issuer: "UBND tỉnh" }],
    ["Đề án", { kind: "document", documentType: "de_an" }],
    ["Ban hành Kế hoạch chuyển đổi số", { kind: "document", documentType: "ke_hoach", subject: "chuyển đổi số" }],
    ["Tham mưu ban hành Quyết định", { kind: "document", documentType: "quyet_dinh" }],
    ["Chỉ thị của Chủ tịch UBND tỉnh", { kind: "document", documentType: "chi_thi", issuer: "Chủ tịch UBND tỉnh" }],
  ])("document %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each<[string, Target]>([
    ["Xếp hạng A", { kind: "grade", grade: "A" }],
    ["Xếp loại B", { kind: "grade", grade: "B" }],
    ["hạng c", { kind: "grade", grade: "C" }],
    ["top 10", { kind: "rank", top: 10 }],
    ["Top 5", { kind: "rank", top: 5 }],
    ["TOP 3", { kind: "rank", top: 3 }],
    ["Nằm trong top 20", { kind: "rank", top: 20 }],
  ])("standing %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it("grades beyond F and rank 0 are not rules", () => {
    expect(read("Xếp hạng G").kind).toBe("manual");
    expect(read("Top 0").kind).toBe("manual");
  });
});

describe("texts a person must judge", () => {
  it.each(["Khoảng 90%", "khoang 90%", "Gần 90%", "Xấp xỉ 90%", "Cơ bản hoàn thành", "Ước đạt 90%", "có thể đạt 90%", "tăng dần 90%"])(
    "vague: %s",
    (text) => {
      expect(read(text)).toEqual({ kind: "manual", reason: "vague", text });
    },
  );

  it("\"phấn đấu\" (strive) and \"dự kiến\" (planned) frame nearly every target of a plan: they are not vague", () => {
    expect(read("Phấn đấu đạt 90%")).toEqual(percent("gte", 90));
    expect(read("phan dau 90%")).toEqual(percent("gte", 90));
    expect(read("Dự kiến quý II/2025")).toEqual({ kind: "deadline", mode: "complete", due: { precision: "quarter", year: 2025, quarter: 2 } });
  });

  it("a change by an amount from a baseline not written is for a person; a level to reach is not a change", () => {
    expect(read("Tăng 10%")).toMatchObject({ kind: "manual", reason: "relative_change" });
    expect(read("giảm 20% so với năm 2024")).toMatchObject({ kind: "manual", reason: "relative_change" });
    expect(read("tăng lên 50%")).toEqual(percent("gte", 50));
    expect(read("tăng tối thiểu 7%")).toEqual(percent("gte", 7));
  });

  it("\"hạ tầng\" is not \"tăng\": diacritics decide when the text has them", () => {
    expect(read("Hạ tầng 90%")).toEqual({ ...percent("gte", 90) });
    expect(read("Ha tang 90%")).toMatchObject({ kind: "manual", reason: "relative_change" });
  });

  it.each(["Tối thiểu 90%, tối đa 95%", "Cấp tỉnh ≥ 90%; cấp xã ≥ 80%", "≥ 90% và ≥ 80%"])(
    "several thresholds: %s",
    (text) => {
      expect(read(text)).toMatchObject({ kind: "manual", reason: "multiple_thresholds", text });
    },
  );

  it("free text and empty cells", () => {
    expect(read("Thực hiện theo lộ trình của Bộ LD-TB&XH")).toEqual({
      kind: "manual",
      reason: "free_text",
      text: "Thực hiện theo lộ trình của Bộ LD-TB&XH",
    });
    expect(read("Hoàn thành")).toMatchObject({ kind: "manual", reason: "free_text" });
    for (const empty of ["", "   ", "\u00a0", "-", "—", "..."]) expect(read(empty), JSON.stringify(empty)).toMatchObject({ kind: "manual", reason: "empty" });
  });

  it("never guesses: every manual reading is explained as needing a person", () => {
    expect(explainTarget(read("Khoảng 90%"))).toMatch(/cần người đánh giá/);
    expect(explainTarget(read("Tối thiểu 90%, tối đa 95%"))).toMatch(/nhiều ngưỡng/);
    expect(explainTarget(read("Thực hiện theo lộ trình của Bộ LD-TB&XH"))).toMatch(/cần người đánh giá/);
  });
});

describe("errors point at the mistake, in Vietnamese", () => {
  /** The error's code and the text it points at (offsets are in the normalised text). */
  function errorAt(text: string): { code: string; at: string; message: string; hint?: string } {
    const result = parseTarget(text);
    if (result.ok) throw new Error(`"${text}" parsed as ${JSON.stringify(result.target)}`);
    const [error] = result.errors;
    return {
      code: error!.code,
      at: result.normalized.slice(error!.offset, error!.offset + error!.length),
      message: error!.message,
      ...(error!.hint ? { hint: error!.hint } : {}),
    };
  }

  it.each([
    ["= 90%", "equality_comparator", "="],
    ["$= 90\\%$", "equality_comparator", "="],
    ["≥", "missing_number", "≥"],
    ["≥ %", "missing_number", "≥"],
    ["150%", "percent_out_of_range", "150%"],
    ["Tối thiểu 100,5%", "percent_out_of_range", "100,5%"],
    ["Quý V/2025", "invalid_quarter", "Quý V"],
    ["Quý 5/2025", "invalid_quarter", "Quý 5"],
    ["Tháng 13/2025", "invalid_month", "Tháng 13"],
    ["31/2/2025", "invalid_date", "31/2/2025"],
    ["Hoàn thành trước ngày 29/2/2025", "invalid_date", "29/2/2025"],
    ["năm 20225", "invalid_year", "20225"],
    ["1.2.3%", "invalid_number", "1.2.3"],
    ["≥ 25 doanh nghiệp 1.2.3", "invalid_number", "1.2.3"],
    ["-5%", "negative_threshold", "-5"],
    ["≥ -5 lần/năm", "negative_threshold", "-5"],
    ["≥ 90% trở xuống", "conflicting_comparators", "trở xuống"],
  ])("%s → %s at \"%s\"", (text, code, at) => {
    expect(errorAt(text)).toMatchObject({ code, at });
  });

  it("messages and hints are Vietnamese and say what to write instead", () => {
    expect(errorAt("= 90%")).toMatchObject({ message: expect.stringContaining("không dùng dấu"), hint: expect.stringContaining("≥") });
    expect(errorAt("150%").message).toBe("Tỷ lệ 150% vượt quá 100%.");
    expect(errorAt("Quý V/2025")).toMatchObject({ message: "Quý phải từ I đến IV.", hint: "Ví dụ: Quý II/2025" });
    expect(errorAt("31/2/2025").message).toBe("Ngày 31/2/2025 không có thật.");
    expect(errorAt("1.2.3%").message).toMatch(/dấu phẩy cho phần thập phân/);
  });

  it("positions count in the normalised text: leading spaces and LaTeX do not shift them", () => {
    const result = parseTarget("   Tối thiểu 150%");
    expect(result).toMatchObject({ ok: false, normalized: "Tối thiểu 150%", errors: [{ offset: 10, length: 4 }] });
  });

  it("explainParse quotes the wrong part with its 1-based position", () => {
    expect(explainParse(parseTarget("Hoàn thành trước 31/2/2025"))).toBe('Lỗi tại "31/2/2025" (vị trí 18): Ngày 31/2/2025 không có thật.');
  });
});

describe("the canonical form", () => {
  it.each([
    ["Tối thiểu 90%", "≥ 90%"],
    ["$>95\\%$", "> 95%"],
    ["Mức 4 ≥ 80%", "Mức 4 ≥ 80%"],
    ["Tối thiểu 1% tổng chi ngân sách", "≥ 1% tổng chi ngân sách"],
    [">100.000 lượt sử dụng các dịch vụ khác nhau", "> 100.000 lượt sử dụng các dịch vụ khác nhau"],
    ["Tối thiểu 200 tin, bài/ năm", "≥ 200 tin, bài/năm"],
    ["Hàng năm", "Hằng năm"],
    ["Quý 2/2025", "Hoàn thành quý II/2025"],
    ["Hoàn thành 30% dữ liệu trong năm 2022", "Hoàn thành 30% dữ liệu trong năm 2022"],
    ["≥ 52,9%", "≥ 52,9%"],
  ])("%s is written %s", (text, canonical) => {
    expect(formatTarget(read(text))).toBe(canonical);
  });

  it("explanations read the target back in Vietnamese, numbers with a decimal comma", () => {
    expect(explainTarget(read("≥ 52,9%"))).toBe("Tỷ lệ tối thiểu 52,9%. Nhập kết quả dạng 0,9 hoặc 90%.");
    expect(explainTarget(read("Mức 4 ≥ 80%"))).toContain("(chỉ tính mức 4)");
    expect(explainTarget(read(">240 tin, bài/năm"))).toBe("Lớn hơn 240 tin, bài mỗi năm.");
    expect(explainTarget(read("Quý II/2025"))).toContain("quý II/2025");
  });
});
