import { parseTarget } from "../../target/parse";
import { folded } from "./sourceLines";

/**
 * Where the target starts in a row of a PDF-converted table whose columns were not kept apart: the conversion
 * writes the target cell's first line at the end of the text line beside it ("… thủ tục hành chính Tối thiểu 90%")
 * or on a line of its own, and the rest of a wrapped target cell on the following short lines ("Tối thiểu 200" /
 * "tin, bài/ năm"). So the target is a tail of the row: it starts on some line, at the start of a target phrase,
 * only short lines follow it, and the target grammar reads all of it as a rule.
 */

/** One non-blank line of a row, trimmed; the first without its STT. */
export interface RowPiece {
  line: number;
  text: string;
}

export interface SplitRow {
  text: string;
  targetText: string;
}

/** The target column is narrow: its lines, and the part of a text line it shares, are never longer than this. */
const TARGET_LINE_MAX = 25;

/** Folded words a target phrase starts with: comparators, completion, documents, grades, cadences, qualifiers. */
const KEYWORD_LEADS: readonly string[] = [
  "toi thieu",
  "toi da",
  "it nhat",
  "khong duoi",
  "khong qua",
  "khong vuot qua",
  "khong thap hon",
  "khong it hon",
  "tren",
  "duoi",
  "dat",
  "tu",
  "hoan thanh",
  "bat dau",
  "xep hang",
  "xep loai",
  "muc",
  "hang nam",
  "hang quy",
  "hang thang",
  "thuong xuyen",
  "dinh ky",
  "quy",
  "thang",
  "truoc",
  "cham nhat",
  "nghi quyet",
  "quyet dinh",
  "ke hoach",
  "de an",
  "chi thi",
  "van ban",
];

/** "90%", ">95%", "≥ 80%", "$>95\%$": a target may also start with a number or a comparator sign. */
const SIGN_LEAD = /^[\d$<>≥≤⩾⩽=]/u;

interface Candidate {
  piece: number;
  offset: number;
  keyword: boolean;
}

/**
 * The row's text and target, or undefined when no tail of the row reads as a target (then a person must say what
 * the target is: never guess one).
 */
export function splitTarget(pieces: readonly RowPiece[]): SplitRow | undefined {
  const candidates: Candidate[] = [];
  for (let piece = 0; piece < pieces.length; piece += 1) {
    if (!pieces.slice(piece + 1).every(({ text }) => text.length <= TARGET_LINE_MAX)) continue;
    for (const offset of wordStarts(pieces[piece]!.text)) {
      const lead = leadOf(pieces, piece, offset);
      if (lead !== undefined) candidates.push({ piece, offset, keyword: lead === "keyword" });
    }
  }
  // A keyword starts a target more surely than a number: "… đến năm 2030 Kế hoạch của UBND tỉnh" ends with a
  // document, not with "2030 Kế hoạch…" counted in plans.
  const ordered = [...candidates.filter((c) => c.keyword), ...candidates.filter((c) => !c.keyword)];
  for (const candidate of ordered) {
    const split = splitAt(pieces, candidate);
    const parsed = parseTarget(split.targetText, { cellFormsOnly: true });
    if (parsed.ok && parsed.target.kind !== "manual") return split;
  }
  return undefined;
}

function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(/\S+/gu)) starts.push(match.index);
  return starts;
}

function leadOf(pieces: readonly RowPiece[], piece: number, offset: number): "keyword" | "sign" | undefined {
  const line = pieces[piece]!.text;
  const head = line.slice(0, offset);
  const tail = line.slice(offset).trim();
  if (tail.length > TARGET_LINE_MAX) return undefined;
  const textBefore = [...pieces.slice(0, piece).map(({ text }) => text), head].join(" ");
  if (!/\p{L}/u.test(textBefore)) return undefined;
  // Mid-line, the target cell's first word is capitalised ("Tối thiểu"), unlike the words of the text it follows.
  if (offset > 0 && !/^[\p{Lu}\d$<>≥≤⩾⩽=]/u.test(tail)) return undefined;
  if (SIGN_LEAD.test(tail)) return "sign";
  const words = folded(tail);
  return KEYWORD_LEADS.some((lead) => words === lead || words.startsWith(`${lead} `)) ? "keyword" : undefined;
}

function splitAt(pieces: readonly RowPiece[], { piece, offset }: Candidate): SplitRow {
  const line = pieces[piece]!.text;
  const text = [...pieces.slice(0, piece).map(({ text }) => text), line.slice(0, offset).trim()].filter((part) => part !== "").join(" ");
  const targetText = [line.slice(offset).trim(), ...pieces.slice(piece + 1).map(({ text }) => text)].filter((part) => part !== "").join(" ");
  return { text, targetText };
}
