import { parseDateText } from "../../period/excelDate";
import type { DraftDecisionHeader } from "../draft";
import { folded, type SourceLine } from "./sourceLines";
import { titleCase } from "../../text/titleCase";

/**
 * The header of a decision converted from PDF, from its opening lines: "ỦY BAN NHÂN DÂN" / "TỈNH PHÚ THỌ",
 * "Số: 1521/QĐ-UBND", "Phú Thọ, ngày 24 tháng 10 năm 2025", "QUYẾT ĐỊNH" / "Về việc …", "CHỦ TỊCH ỦY BAN NHÂN DÂN
 * TỈNH …". What the opening lost in conversion (Vĩnh Phúc's has no number or date) comes from the appendix's
 * "(Ban hành kèm theo Quyết định số: 488/QĐ-CT ngày 14/3/2022 …)" and its title ("… NĂM 2022").
 */
export function readDecisionHeader(body: readonly SourceLine[], appendixTitle: readonly SourceLine[]): DraftDecisionHeader {
  const opening = body.map(({ text }) => plain(text)).filter((text) => text !== "");
  const titleLines = appendixTitle.map(({ text }) => plain(text)).filter((text) => text !== "");
  const issuedWith = titleLines.join(" ");
  const header: DraftDecisionHeader = {};

  const number = [firstMatch(opening, /^Số\s*:\s*([^\s,;]+)/u), /kèm theo\s+(?:Quyết định|Kế hoạch)\s+số\s*:?\s*([^\s,;)]+)/iu.exec(issuedWith)?.[1]].find(isDocumentNumber);
  if (number) header.number = number;

  const dated = opening.map((text) => /^([^,]+),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(text)).find(Boolean);
  const date = dated
    ? parseDateText(`${dated[2]}/${dated[3]}/${dated[4]}`)
    : parseDateText(/kèm theo.*?\bngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/iu.exec(issuedWith)?.[1] ?? "");
  if (date) header.date = date;

  const issuer = opening.find((text) => /^chu tich uy ban nhan dan\b/.test(folded(text)));
  if (issuer) header.issuer = issuer;
  const province = provinceOf(opening, issuer, dated?.[1]);
  if (province) header.province = province;

  const title = titleOf(opening);
  if (title) header.title = title;
  const year = yearIn(title) ?? yearIn(titleLines.filter((text) => !/kèm theo/iu.test(text)).join(" ")) ?? (date ? Number(date.slice(0, 4)) : undefined);
  if (year) header.year = year;
  return header;
}

/**
 * "1521/QĐ-UBND"; a draft's blank "Số:      /QĐ-UBND" leaves "/QĐ-UBND", which is no number: the person importing
 * gives it (see blankHeaderFields).
 */
export function isDocumentNumber(text: string | undefined): text is string {
  return text !== undefined && /^[^/\s]*\d[^/\s]*\//u.test(text);
}

/** Markdown left by some converters ("**488/QĐ-CT**") and runs of spaces removed; otherwise as written. */
function plain(text: string): string {
  return text.replace(/\*\*/g, "").replace(/\s+/g, " ").trim();
}

function firstMatch(lines: readonly string[], pattern: RegExp): string | undefined {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * "TỈNH PHÚ THỌ" under "ỦY BAN NHÂN DÂN", or the end of "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC"; written as the
 * place of the date line ("Phú Thọ, ngày …") when that is the same name, otherwise in title case.
 */
function provinceOf(lines: readonly string[], issuer: string | undefined, place: string | undefined): string | undefined {
  const under = lines.findIndex((text) => folded(text) === "uy ban nhan dan");
  const named = [under >= 0 ? lines[under + 1] : undefined, issuer]
    .map((text) => (text ? /(?:^|\s)(?:TỈNH|THÀNH PHỐ)\s+(.+)$/u.exec(text)?.[1] : undefined))
    .find(Boolean);
  if (!named) return place?.trim();
  if (place && folded(place) === folded(named)) return place.trim();
  return titleCase(named);
}

/** The lines after "QUYẾT ĐỊNH" (or "KẾ HOẠCH", "BÁO CÁO") up to the issuer, the first "Căn cứ" or "Điều 1": "Về việc giao …". */
function titleOf(lines: readonly string[]): string | undefined {
  const kind = lines.findIndex((text) => /^(quyet dinh|ke hoach|bao cao)$/.test(folded(text)));
  if (kind < 0) return undefined;
  const parts: string[] = [];
  for (const text of lines.slice(kind + 1)) {
    // The title is in sentence case; the issuer below it ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …") is in capitals.
    const capitals = /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
    if (capitals || /^(can cu|dieu \d+)\b/.test(folded(text)) || text.endsWith(":")) break;
    parts.push(text);
  }
  return parts.length > 0 ? parts.join(" ") : undefined;
}

/** "… chuyển đổi số năm 2025 cho …" → 2025; a horizon ("đến năm 2030") is not the year the targets are for. */
function yearIn(text: string | undefined): number | undefined {
  if (!text) return undefined;
  for (const match of folded(text).matchAll(/(\S+\s+)?nam (\d{4})\b/g)) {
    if (match[1]?.trim() !== "den") return Number(match[2]);
  }
  return undefined;
}
