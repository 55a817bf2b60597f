import fc from "fast-check";
import type { CalendarPoint, Comparator, Target } from "../../shared/target/schema";
import { calendarPointEnd } from "../../shared/period/calendar";
import { isoDateToExcelSerial } from "../../shared/period/excelDate";

/**
 * fast-check generators for the target grammar and for what Excel cells hold. Structured targets stay inside what
 * a decision writes (units, actions and subjects from the seeds), so that their canonical text is a target too.
 */

export const comparator: fc.Arbitrary<Comparator> = fc.constantFrom("gte", "gt", "lte", "lt");

/** Thresholds as decisions write them (whole numbers, two decimals) and any double in range. */
function threshold(max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: 0, max }),
    fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100),
    fc.double({ min: 0, max, noNaN: true }),
  );
}

const COUNT_UNITS = ["doanh nghiệp", "lượt cán bộ", "danh mục", "trang", "lượt sử dụng các dịch vụ khác nhau", "hồ sơ"];
const FREQUENCY_UNITS = ["lần", "tin, bài", "cuộc", "bản tin"];
const ACTIONS = ["Giới thiệu", "Cập nhật", "Tổ chức", "Đào tạo"];
const SUBJECTS = ["dữ liệu", "hồ sơ hộ tịch", "cơ sở dữ liệu đất đai"];
const DOCUMENT_SUBJECTS = ["chuyển đổi số", "phát triển hạ tầng số", "danh mục cơ sở dữ liệu dùng chung"];
const ISSUERS = ["UBND tỉnh", "HĐND tỉnh", "Chủ tịch UBND tỉnh"];

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Copies an object without its undefined fields: targets never carry `unit: undefined`. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export const calendarPoint: fc.Arbitrary<CalendarPoint> = fc.oneof(
  fc.record({ precision: fc.constant("year" as const), year: fc.integer({ min: 1990, max: 2100 }) }),
  fc.record({ precision: fc.constant("half" as const), year: fc.integer({ min: 1990, max: 2100 }), half: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ precision: fc.constant("quarter" as const), year: fc.integer({ min: 1990, max: 2100 }), quarter: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ precision: fc.constant("month" as const), year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) }),
  fc
    .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
    .map((date) => ({ precision: "day" as const, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() })),
);

export const percentTarget = fc
  .record({
    comparator,
    value: threshold(100),
    qualifier: optional(fc.integer({ min: 1, max: 4 }).map((level) => `Mức ${level}`)),
    base: optional(fc.constantFrom("tổng chi ngân sách", "số xã")),
  })
  .map((fields): Target => defined({ kind: "percent", ...fields }));

export const countTarget = fc
  .record({
    comparator,
    value: threshold(1_000_000),
    unit: optional(fc.constantFrom(...COUNT_UNITS)),
    action: optional(fc.constantFrom(...ACTIONS)),
  })
  // An action needs a unit to be told from free text ("Giới thiệu ≥ 5" alone is read as free text).
  .map((fields): Target => defined({ kind: "count", ...fields, action: fields.unit ? fields.action : undefined }));

export const frequencyTarget = fc
  .record({
    comparator,
    value: threshold(10_000),
    unit: fc.constantFrom(...FREQUENCY_UNITS),
    per: fc.constantFrom("year", "half", "quarter", "month", "week", "day") as fc.Arbitrary<"year" | "half" | "quarter" | "month" | "week" | "day">,
    action: optional(fc.constantFrom(...ACTIONS)),
  })
  .map((fields): Target => defined({ kind: "frequency", ...fields }));

export const deadlineTarget: fc.Arbitrary<Target> = fc.oneof(
  fc.record({ due: calendarPoint }).map(({ due }): Target => ({ kind: "deadline", mode: "start", due })),
  fc
    .record({ due: calendarPoint, share: optional(threshold(100)), subject: optional(fc.constantFrom(...SUBJECTS)) })
    .map(({ due, share, subject }): Target =>
      defined({ kind: "deadline", mode: "complete", due, share, subject: share === undefined ? undefined : subject }),
    ),
);

export const recurringTarget = fc
  .constantFrom("yearly", "half_yearly", "quarterly", "monthly", "continuous" as const)
  .map((cadence): Target => ({ kind: "recurring", cadence: cadence as "yearly" }));

export const documentTarget = fc
  .record({
    documentType: fc.constantFrom("nghi_quyet", "quyet_dinh", "ke_hoach", "de_an", "chi_thi", "van_ban") as fc.Arbitrary<"de_an">,
    subject: optional(fc.constantFrom(...DOCUMENT_SUBJECTS)),
    issuer: optional(fc.constantFrom(...ISSUERS)),
  })
  .map((fields): Target => defined({ kind: "document", ...fields }));

export const gradeTarget = fc.constantFrom("A", "B", "C", "D", "E", "F").map((grade): Target => ({ kind: "grade", grade }));
export const rankTarget = fc.integer({ min: 1, max: 100 }).map((top): Target => ({ kind: "rank", top }));

export const manualTarget = fc
  .record({
    reason: fc.constantFrom("empty", "free_text", "multiple_thresholds", "vague") as fc.Arbitrary<"vague">,
    text: fc.constantFrom("", "Thực hiện theo lộ trình của Bộ LD-TB&XH", "Khoảng 90%", "Tối thiểu 90%, tối đa 95%"),
  })
  .map((fields): Target => ({ kind: "manual", ...fields }));

/** Targets a rule can judge. */
export const judgeableTarget: fc.Arbitrary<Target> = fc.oneof(
  percentTarget,
  countTarget,
  frequencyTarget,
  deadlineTarget,
  recurringTarget,
  documentTarget,
  gradeTarget,
  rankTarget,
);

export const anyTarget: fc.Arbitrary<Target> = fc.oneof(judgeableTarget, manualTarget);

// ---------------------------------------------------------------------------------------------------------------
// Cell values
// ---------------------------------------------------------------------------------------------------------------

/** What a cell holds as Excel hands it over: a number (percentages as fractions, dates as serials), a flag, nothing. */
export type ExcelCell = number | boolean | null;

/**
 * Values just around a target's threshold, where a wrong comparison shows. Percentages are fractions whatever the
 * unit column says: that is how a cell holds them.
 */
export function boundaryActuals(target: Target): number[] {
  const scale = 1 / 100;
  const near = (value: number, step: number) => [value - step, value, value + step];
  switch (target.kind) {
    case "percent":
      return [...near(target.value * scale, 1e-12), ...near(target.value * scale, 0.001), target.value];
    case "count":
    case "frequency":
      return [...near(target.value, 1e-12), ...near(target.value, 0.5), ...near(target.value, 1)];
    case "deadline": {
      const due = isoDateToExcelSerial(calendarPointEnd(target.due));
      const share = target.share === undefined ? [] : near(target.share * scale, 1e-12);
      return [...near(due, 1), ...share];
    }
    case "rank":
      return near(target.top, 1);
    default:
      return [];
  }
}

const commonNumbers = fc.constantFrom(0, 1, -1, 0.5, 0.9, 0.899, 0.95, 0.57, 1.5, 2, 9, 90, 100, 101, 240, 1e6, 19999, 20000, 44742, 2958465, 2958466, -0);

export const excelNumber: fc.Arbitrary<number> = fc.oneof(
  commonNumbers,
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.double({ min: 0, max: 1e7, noNaN: true }),
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.integer({ min: 20_000, max: 80_000 }),
);

export const excelCell: fc.Arbitrary<ExcelCell> = fc.oneof(
  { weight: 6, arbitrary: excelNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A target with cell values that include its own boundaries. */
export function targetWithCells(targets: fc.Arbitrary<Target>): fc.Arbitrary<{ target: Target; cells: ExcelCell[] }> {
  return targets.chain((target) =>
    fc.array(excelCell, { minLength: 1, maxLength: 6 }).map((cells) => ({ target, cells: [...cells, ...boundaryActuals(target)] })),
  );
}

export const isoDate: fc.Arbitrary<string> = fc
  .date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Anything a caller may pass as an actual value, including what Excel never gives. */
export const anyActual: fc.Arbitrary<unknown> = fc.oneof(
  excelCell,
  fc.constantFrom(NaN, Infinity, -Infinity, undefined, "", "  ", "90%", "90,5%", "0,9", "52,9", "abc", "Hoàn thành", "Chưa hoàn thành", "30/6/2025", "A", "hạng b", "-5", "1.2.3", "100.000"),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.double(),
  fc.object(),
  fc.array(fc.integer()),
  fc.date(),
);

// ---------------------------------------------------------------------------------------------------------------
// Target texts
// ---------------------------------------------------------------------------------------------------------------

const FRAGMENTS = [
  // comparators, symbols and words
  "≥", ">", "<", "≤", "=", ">=", "<=", "=>", "⩾", "tối thiểu", "Tối đa", "ít nhất", "không thấp hơn", "không dưới", "không vượt quá",
  "không quá", "trên", "dưới", "hơn", "vượt", "từ", "trở lên", "trở xuống", "đạt", "đạt tỷ lệ",
  // numbers, Vietnamese and not
  "90", "52,9", "100.000", "1.2.3", "05", "0", "150", "1", "6", "13", "2022", "2025", "0,5", "1.234,5", "99,99", "-5",
  // units, periods, keywords
  "%", "lần", "/", "năm", "quý", "tháng", "6 tháng", "tuần", "mỗi", "hằng", "Hoàn thành", "trong", "Quý", "II", "IV", "V", "Bắt đầu từ",
  "Mức 4", "Xếp hạng", "A", "G", "top", "Top", "Nghị quyết", "Đề án", "Kế hoạch", "của", "HĐND tỉnh", "khoảng", "phấn đấu", "tăng",
  "Hàng năm", "Thường xuyên", "tin, bài", "doanh nghiệp", "dữ liệu", "Cập nhật", "Giới thiệu", "ngày", "30/6/2025", "31/2/2025",
  "Thực hiện theo lộ trình", "cấp xã", "tổng chi ngân sách",
  // LaTeX and punctuation
  "$", "\\geq", "\\ge", "\\%", "\\le", "\\text{", "}", ",", ".", ";", "-", "(", ")",
];
const SEPARATORS = [" ", "", "  ", "\u00a0", "\t", "\n", "\u200b"];

/** Strings built from pieces of the grammar: mostly near-misses, some real targets, in any case and form. */
export const grammarText: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS), fc.constantFrom("as is", "upper", "nfd")), { maxLength: 8 })
  .map((parts) =>
    parts
      .map(([fragment, separator, form]) => (form === "upper" ? fragment.toUpperCase() : form === "nfd" ? fragment.normalize("NFD") : fragment) + separator)
      .join(""),
  );

/** Any string: ASCII-ish, full Unicode graphemes, any code point (unpaired surrogates included), grammar fragments. */
export const anyText: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }), grammarText);
