import type { EvidenceDocument } from "../model/evidence";
import { isIsoDate, isoDateOf } from "../period/isoDate";
import type { Target } from "../target/schema";
import { applyUnitColumn } from "../target/unitColumn";
import { foldDiacritics, normalizeText } from "../text/normalize";
import { readVietnameseNumber } from "../text/vietnameseNumber";
import { unitIsPercent } from "./evaluateMeasure";

/**
 * The "Kết quả thực hiện" cell of a results report, read into the value the product judges. Reports write results
 * as prose ("Đạt 95%", "250 tin, bài", "Đã ban hành Quyết định số 12/QĐ-UBND ngày 3/3/2025", "Đạt"): a value is taken
 * only when the text says exactly one thing the target can be compared with. Anything else — a bare self-verdict
 * against a number, two figures, a share of the plan, work in progress — is a reason for a person to judge, never a
 * guessed verdict.
 */

export type ReportedReading =
  | { kind: "empty" }
  /** `actual` is what evaluate() receives: a fraction for percentages (0.95), a count, a flag or a completion date. */
  | { kind: "value"; actual: number | string | boolean; evidence?: EvidenceDocument[] }
  | { kind: "review"; reason: string };

export function readReportedResult(written: Target, reportedText: string, unit?: string): ReportedReading {
  const text = normalizeText(reportedText);
  if (text === "") return { kind: "empty" };
  const target = applyUnitColumn(written, unit);
  switch (target.kind) {
    case "percent":
      return readPercent(text, unitIsPercent(unit));
    case "deadline":
      return target.share === undefined ? readDone(text, target.mode) : readShare(text);
    case "document":
    case "recurring":
      return readDone(text, target.kind);
    case "count":
    case "frequency":
      return readQuantity(text);
    case "grade":
      return readGrade(text);
    case "rank":
      return readRank(text);
    case "range":
      return target.measure === "percent" ? readPercent(text, unitIsPercent(unit)) : readQuantity(text);
    case "ratio":
      return readQuantity(text);
    case "staged":
      // Every stage measures the same thing; which threshold applies is the judge's business.
      return readReportedResult(target.stages[0]!.target as Target, reportedText, unit);
    case "manual":
      // No rule judges these targets: the text itself is the value a person reads.
      return { kind: "value", actual: text };
  }
}

const PERCENT = /(\d+(?:[.,]\d+)*)\s*%/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
/** "Quyết định số 12/QĐ-UBND ngày 3/3/2025", "Kế hoạch 45/KH-UBND": the document that proves the work. */
const DOCUMENT_REFERENCE =
  /(?:Quyết định|Kế hoạch|Nghị quyết|Công văn|Chỉ thị|Văn bản|Đề án|Thông báo|Báo cáo|Hướng dẫn)\s+(?:số\s+)?(\d+\/[\p{L}\p{N}\-–.]+)(?:\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4}))?/giu;

/** A document cited in a result, as evidence: its number and date when written, the words themselves as the summary. */
function evidenceOfReference(match: RegExpMatchArray): EvidenceDocument {
  const [whole, number, day, month, year] = match;
  const issuedOn = year ? isoDateOf(Number(year), Number(month), Number(day)) : undefined;
  return {
    summary: whole.trim().slice(0, 1000),
    documentNumber: number!.replace(/[.]+$/, "").slice(0, 100),
    ...(issuedOn && isIsoDate(issuedOn) ? { issuedOn } : {}),
  };
}

/**
 * Words that make a figure something else than the indicator's result: a share of the plan, a change, an estimate,
 * or a bound ("trên 250"). Matched with their diacritics: folded, "tăng" would also catch "hạ tầng", "nền tảng".
 */
const RELATIVE_WORDS = /(?<!\p{L})(kế hoạch|so với|cùng kỳ|tăng|giảm|chỉ tiêu giao|dự kiến|phấn đấu|ước)(?!\p{L})/iu;
const BOUND_BEFORE_NUMBER = /(?<!\p{L})(khoảng|gần|xấp xỉ|trên|hơn|dưới|tối đa|tối thiểu|ít nhất)\s+\d/iu;

function isRelative(text: string): boolean {
  return RELATIVE_WORDS.test(text) || BOUND_BEFORE_NUMBER.test(text);
}
/** A verdict the agency gave itself, with no figure behind it. */
const SELF_VERDICTS = new Set([
  "dat",
  "khong dat",
  "chua dat",
  "dat chi tieu",
  "vuot",
  "vuot chi tieu",
  "hoan thanh",
  "da hoan thanh",
  "chua hoan thanh",
  "khong hoan thanh",
  "hoan thanh chi tieu",
  "hoan thanh vuot chi tieu",
]);

function folded(text: string): string {
  return foldDiacritics(text)
    .replace(/[.!;:,]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function review(reason: string): ReportedReading {
  return { kind: "review", reason };
}

function selfVerdictReview(text: string): ReportedReading | undefined {
  if (!SELF_VERDICTS.has(folded(text))) return undefined;
  return review(`Cơ quan tự đánh giá «${text}», không có số liệu để đối chiếu`);
}

function unreadable(text: string, expected: string): ReportedReading {
  return review(`Không đọc được ${expected} từ kết quả «${text}»: cần người đánh giá`);
}

function distinctNumbers(matches: Iterable<RegExpMatchArray>): number[] | undefined {
  const values = new Set<number>();
  for (const match of matches) {
    const reading = readVietnameseNumber(match[1] ?? match[0]);
    if (!reading.ok) return undefined;
    values.add(reading.value);
  }
  return [...values];
}

/** Dates and document numbers carry digits that are not the result: "12/QĐ-UBND ngày 3/3/2025". */
function withoutReferences(text: string): string {
  return text.replace(DOCUMENT_REFERENCE, " ").replace(DATE, " ");
}

function readPercent(text: string, pointsUnit: boolean): ReportedReading {
  const bare = withoutReferences(text);
  const percents = distinctNumbers(bare.matchAll(PERCENT));
  if (percents === undefined) return unreadable(text, "tỷ lệ");
  if (percents.length > 1) return review(`Kết quả «${text}» có nhiều tỷ lệ: chưa rõ tỷ lệ nào là kết quả của chỉ tiêu`);
  if (percents.length === 1) {
    if (isRelative(text)) {
      return review(`Kết quả «${text}» là tỷ lệ so với kế hoạch, cùng kỳ hoặc ước tính, không phải kết quả của chỉ tiêu`);
    }
    const points = percents[0]!;
    // A "%" unit column makes evaluate() read numbers as points; otherwise it reads fractions, as Excel stores them.
    return { kind: "value", actual: pointsUnit ? points : Number((points / 100).toPrecision(12)) };
  }
  const self = selfVerdictReview(text);
  if (self) return self;
  const numbers = distinctNumbers(bare.matchAll(NUMBER));
  if (pointsUnit && numbers?.length === 1 && bare.replace(NUMBER, "").trim() === "") return { kind: "value", actual: numbers[0]! };
  if (numbers?.length === 1) return review(`Kết quả «${text}» không ghi dấu %: chưa rõ là tỷ lệ hay số lượng`);
  return unreadable(text, "tỷ lệ");
}

function readQuantity(text: string): ReportedReading {
  const bare = withoutReferences(text);
  if ([...bare.matchAll(PERCENT)].length > 0) return review(`Kết quả «${text}» là tỷ lệ, còn chỉ tiêu tính bằng số lượng`);
  const self = selfVerdictReview(text);
  if (self) return self;
  const numbers = distinctNumbers(bare.matchAll(NUMBER));
  if (numbers === undefined || numbers.length === 0) return unreadable(text, "số lượng");
  if (numbers.length > 1) return review(`Kết quả «${text}» có nhiều con số: chưa rõ số nào là kết quả của chỉ tiêu`);
  if (isRelative(text)) {
    return review(`Kết quả «${text}» là số ước tính hoặc so sánh, không phải số liệu cụ thể`);
  }
  return { kind: "value", actual: numbers[0]! };
}

const NOT_DONE = /^(chua|khong hoan thanh|khong dat|khong thuc hien|khong ban hanh)\b/;
const IN_PROGRESS = /^(dang|tiep tuc|se)\b/;
/**
 * What counts as done depends on the work: a document is done when issued or approved (a draft is not), a duty when
 * carried out, a start when begun. "Đã xây dựng dự thảo" never counts.
 */
const DONE: Record<"complete" | "start" | "document" | "recurring", RegExp> = {
  document: /^(?:(?:da )?(?:hoan thanh|ban hanh|phe duyet)|dat)\b/,
  complete: /^(?:(?:da )?(?:hoan thanh|ban hanh|phe duyet)|dat)\b/,
  start: /^(?:(?:da )?(?:hoan thanh|ban hanh|phe duyet|trien khai|thuc hien|bat dau)|dat)\b/,
  recurring: /^(?:(?:da )?(?:hoan thanh|ban hanh|thuc hien|trien khai|to chuc|cap nhat)|dat)\b/,
};

function readDone(text: string, kind: "complete" | "start" | "document" | "recurring"): ReportedReading {
  const words = folded(text);
  const evidence = [...text.matchAll(DOCUMENT_REFERENCE)]
    .map(evidenceOfReference)
    .filter((item, index, all) => all.findIndex((other) => other.summary === item.summary) === index);
  if (NOT_DONE.test(words)) return { kind: "value", actual: false };
  if (IN_PROGRESS.test(words)) return review(`Kết quả «${text}» cho biết việc đang thực hiện, chưa rõ đã hoàn thành hay chưa`);
  if (/\bdu thao\b/.test(words)) return review(`Kết quả «${text}» mới là dự thảo, chưa rõ đã hoàn thành hay chưa`);
  if (!DONE[kind].test(words)) {
    return review(`Không rõ kết quả «${text}» là đã hoàn thành hay chưa: cần người đánh giá`);
  }
  if ([...withoutReferences(text).matchAll(PERCENT)].some((match) => match[1] !== "100")) {
    return review(`Kết quả «${text}» chỉ hoàn thành một phần: cần người đánh giá`);
  }
  const dates = [...new Set([...text.matchAll(DATE)].map((match) => match[0]))];
  if (dates.length > 1 && kind !== "recurring") {
    return review(`Kết quả «${text}» ghi nhiều ngày: chưa rõ ngày nào là ngày hoàn thành`);
  }
  // The one date written (the document's date) is when the work was done: a deadline can then be judged late.
  const actual = dates.length === 1 && kind !== "recurring" ? dates[0]! : true;
  return { kind: "value", actual, ...(evidence.length > 0 ? { evidence } : {}) };
}

/** "Hoàn thành 30% dữ liệu trong năm 2022": a share, or plain completion of the whole. */
function readShare(text: string): ReportedReading {
  const percent = readPercent(text, false);
  if (percent.kind === "value") return percent;
  const done = readDone(text, "complete");
  if (done.kind === "value" && (done.actual === true || done.actual === false)) return done;
  return percent;
}

function readGrade(text: string): ReportedReading {
  if (/^(?:(?:xep )?(?:hang|loai) )?[a-f]$/.test(folded(text))) return { kind: "value", actual: text };
  return selfVerdictReview(text) ?? unreadable(text, "hạng (A, B, C…)");
}

function readRank(text: string): ReportedReading {
  const numbers = distinctNumbers(withoutReferences(text).matchAll(NUMBER));
  if (numbers?.length === 1 && Number.isInteger(numbers[0]) && !text.includes("%")) return { kind: "value", actual: numbers[0]! };
  return selfVerdictReview(text) ?? unreadable(text, "thứ hạng");
}
