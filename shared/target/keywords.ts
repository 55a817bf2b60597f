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
 * Words that make a threshold vague; matched on the word with its diacritics (so "hạ tầng" is not "tăng"),
 * or folded when the text was typed without diacritics.
 */
export const VAGUE_WORDS: readonly string[] = [
  "khoảng",
  "phấn đấu",
  "cơ bản",
  "gần",
  "xấp xỉ",
  "dự kiến",
  "tăng",
  "giảm",
  "ước",
  "tương đương",
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
  ["cham nhat", true],
  ["truoc ngay", true],
  ["truoc", true],
  ["den ngay", true],
  ["den", true],
  ["trong", true],
  ["vao", true],
  ["ngay", true],
]);

export const START_LEADS: PhraseTable<true> = table<true>([
  ["bat dau tu", true],
  ["bat dau", true],
  ["trien khai tu", true],
  ["tu", true],
]);
