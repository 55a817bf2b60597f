import type { Comparator, DocumentType, PeriodUnit, RecurringTarget } from "./schema";

/**
 * Keyword tables, as folded words (lower case, no diacritics), longest phrase first within each table so that
 * "không vượt quá" wins over "không quá" and "vượt".
 */

type PhraseTable<T> = ReadonlyArray<readonly [readonly string[], T]>;

const words = (phrase: string): string[] => phrase.split(" ");

function table<T>(entries: ReadonlyArray<readonly [string, T]>): PhraseTable<T> {
  return entries
    .map(([phrase, value]) => [words(phrase), value] as const)
    .sort((a, b) => b[0].length - a[0].length);
}

/** Comparators written in words before the number. "đạt" and "từ" are handled by the parser. */
export const COMPARATOR_WORDS: PhraseTable<Comparator> = table<Comparator>([
  ["khong vuot qua", "lte"],
  ["khong cao hon", "lte"],
  ["khong lon hon", "lte"],
  ["khong nho hon", "gte"],
  ["khong vuot", "lte"],
  ["khong hon", "lte"],
  ["khong tren", "lte"],
  ["khong den", "lt"],
  ["chua den", "lt"],
  ["chua toi", "lt"],
  ["khong thap hon", "gte"],
  ["khong it hon", "gte"],
  ["khong nhieu hon", "lte"],
  ["khong duoi", "gte"],
  ["khong qua", "lte"],
  ["toi thieu", "gte"],
  ["it nhat", "gte"],
  ["toi da", "lte"],
  ["nhieu nhat", "lte"],
  ["cao hon", "gt"],
  ["lon hon", "gt"],
  ["nhieu hon", "gt"],
  ["thap hon", "lt"],
  ["nho hon", "lt"],
  ["it hon", "lt"],
  ["tren", "gt"],
  ["hon", "gt"],
  ["vuot", "gt"],
  ["duoi", "lt"],
]);

/** "từ X% trở lên" / "X% trở xuống": comparators written after the number. */
export const TRAILING_COMPARATOR_WORDS: PhraseTable<Comparator> = table<Comparator>([
  ["tro len", "gte"],
  ["tro xuong", "lte"],
]);

/** Words that may stand between "đạt" and the comparator or the number: "đạt tỷ lệ tối thiểu 60%". */
export const ACHIEVE_FILLERS: PhraseTable<true> = table<true>([
  ["ty le", true],
  ["ti le", true],
  ["muc", true],
  ["duoc", true],
]);

/**
 * Words that make a threshold an estimate, not a rule; matched on the word with its diacritics (so "hạ tầng" is not
 * "tăng"), or folded when the text was typed without diacritics. "phấn đấu" (strive) and "dự kiến" (planned) are how
 * plans state nearly every target: they are framing, not vagueness.
 */
export const VAGUE_WORDS: readonly string[] = [
  "khoảng",
  "gần",
  "xấp xỉ",
  "cơ bản",
  "có thể",
  "tăng dần",
  "giảm dần",
  "từng bước",
  "bình quân",
  "trung bình",
  "ước",
  "ước tính",
];

export const PER_UNIT_WORDS: PhraseTable<PeriodUnit> = table<PeriodUnit>([
  ["6 thang", "half"],
  ["hoc ky", "half"],
  ["nam", "year"],
  ["quy", "quarter"],
  ["qui", "quarter"],
  ["thang", "month"],
  ["tuan", "week"],
  ["ngay", "day"],
]);

export const RECURRING_PHRASES: PhraseTable<RecurringTarget["cadence"]> = table<RecurringTarget["cadence"]>([
  ["dinh ky hang nam", "yearly"],
  ["dinh ky hang quy", "quarterly"],
  ["dinh ky hang thang", "monthly"],
  ["dinh ky 6 thang", "half_yearly"],
  ["hang nam", "yearly"],
  ["hang quy", "quarterly"],
  ["hang thang", "monthly"],
  ["thuong xuyen", "continuous"],
  ["lien tuc", "continuous"],
]);

export const DOCUMENT_TYPES: PhraseTable<DocumentType> = table<DocumentType>([
  ["nghi quyet", "nghi_quyet"],
  ["quyet dinh", "quyet_dinh"],
  ["ke hoach", "ke_hoach"],
  ["de an", "de_an"],
  ["chi thi", "chi_thi"],
  ["van ban", "van_ban"],
]);

export const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
  nghi_quyet: "Nghị quyết",
  quyet_dinh: "Quyết định",
  ke_hoach: "Kế hoạch",
  de_an: "Đề án",
  chi_thi: "Chỉ thị",
  van_ban: "Văn bản",
};

/** Verbs that may lead a document target and do not change it: "Tham mưu ban hành Kế hoạch …". */
export const DOCUMENT_LEADS: PhraseTable<true> = table<true>([
  ["tham muu ban hanh", true],
  ["trinh ban hanh", true],
  ["ban hanh", true],
  ["xay dung", true],
]);

export const GRADE_LEADS: PhraseTable<true> = table<true>([
  ["xep hang", true],
  ["xep loai", true],
  ["loai", true],
  ["hang", true],
]);

export const RANK_LEADS: PhraseTable<true> = table<true>([
  ["xep hang", true],
  ["nam trong", true],
  ["thuoc", true],
  ["trong", true],
]);

/** Roman numerals as folded words, beyond IV so that "Quý V/2025" is reported as a wrong quarter rather than missed. */
export const ROMAN_NUMERALS: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
};

/** Words that lead a deadline: "Hoàn thành trong năm 2022", "Trước 30/6/2025", "Chậm nhất quý II/2025". */
export const COMPLETION_LEADS: PhraseTable<true> = table<true>([["hoan thanh", true]]);

export const DEADLINE_PREPOSITIONS: PhraseTable<true> = table<true>([
  ["cham nhat vao", true],
  ["cham nhat la", true],
  ["den het", true],
  ["den cuoi", true],
  ["truoc cuoi", true],
  ["vao cuoi", true],
  ["cuoi", true],
  ["het", true],
  ["toi", true],
  ["cham nhat", true],
  ["truoc ngay", true],
  ["truoc", true],
  ["den ngay", true],
  ["den", true],
  ["trong", true],
  ["vao", true],
]);

/** "từ ngày 1/6/2022", "kể từ tháng 6/2022": a point from which something applies, not a deadline. */
export const START_PREPOSITIONS: PhraseTable<true> = table<true>([
  ["bat dau tu", true],
  ["ke tu", true],
  ["tu", true],
]);

/**
 * Words that make a number a position in a ranking: "vào Top 20", "nhóm 25 tỉnh dẫn đầu", "1 trong 5 địa phương",
 * "đứng thứ 9". Any of them sends the text to the rank reader, which never reads a count.
 */
export const RANK_WORDS: readonly string[] = [
  "top",
  "nhom",
  "dan dau",
  "dung dau",
  "di dau",
  "tot nhat",
  "xep hang",
  "xep thu",
  "dung thu",
  "vi tri thu",
  "thu hang",
  "hang thu",
  "mot trong",
  "1 trong",
];

/** Words after a number that name money, not an indicator's quantity: budgets go to a person. */
export const MONEY_UNITS: readonly string[] = ["ty dong", "ti dong", "trieu dong", "nghin dong", "ngan dong", "dong", "ty", "ti", "trieu", "usd", "vnd"];

/** Counts of targets ("15 chỉ tiêu", "22 mục tiêu") describe a plan, they are not a threshold for one indicator. */
export const AGGREGATE_UNITS: readonly string[] = ["chi tieu", "muc tieu"];

/**
 * Words that make a threshold a change relative to a baseline the text does not give: "giảm 20%", "tăng thêm 10%",
 * "… so với năm 2024". Matched with their diacritics ("giảm", not "giám sát"). With an explicit comparator ("giảm
 * tối thiểu 20%") the comparator is read and the change is the value reported.
 */
export const RELATIVE_WORDS: readonly string[] = ["so với", "tăng thêm", "tăng", "giảm", "gấp", "xuống", "hạ xuống", "chỉ còn"];

/** "tăng lên 50%", "nâng lên 95%": a level to reach, not a change by that much. */
export const LEVEL_PHRASES: readonly string[] = ["tăng lên", "nâng lên", "trở xuống"];

/**
 * Qualifiers before a number that make it a label, not a threshold: "mức độ 4", "cấp 3", "Đề án 06", "4G".
 */
export const LABEL_LEADS: readonly string[] = [
  "muc do",
  "muc",
  "cap",
  "khoa",
  "lan thu",
  "giai doan",
  "de an",
  "nghi quyet",
  "quyet dinh",
  "chi thi",
  "thong tu",
  "nghi dinh",
  "dieu",
  "khoan",
  "phu luc",
  "tieu chi",
];

/** Words a ratio's population base is written with: "/1.000 dân", "trên 100 dân", "95/100 người trưởng thành". */
export const POPULATION_WORDS: readonly string[] = ["dan", "nguoi", "ho", "hoc sinh", "doanh nghiep", "thue bao"];

export const START_LEADS: PhraseTable<true> = table<true>([
  ["bat dau tu", true],
  ["bat dau", true],
  ["trien khai tu", true],
  ["tu", true],
]);
