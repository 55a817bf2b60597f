import { parseDateText } from "../../period/excelDate";
import { foldDiacritics, normalizeText } from "../../text/normalize";
import type { DraftDecisionHeader } from "../draft";
import { titleCase } from "../../text/titleCase";
import { isDocumentNumber } from "./pdfHeader";

/**
 * The header of a plan converted from a legal-document site, as Huế 106/KH-UBND is: the site's title on the first
 * line, then the document's own heading — "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HUẾ", "Số: 106/KH-UBND",
 * "Huế, ngày 04 tháng 03 năm 2025". The site's label block ("Số hiệu", "Ngày ban hành") is the fallback.
 */
export function readPlanHeader(lines: readonly string[]): DraftDecisionHeader {
  const text = lines.map((line) => normalizeText(line));
  const header: DraftDecisionHeader = {};
  const title = text.find((line) => line !== "");
  if (title) header.title = title;

  const number = [firstMatch(text, /^Số\s*:\s*(\S+)$/u), labelValue(text, "so hieu")].find(isDocumentNumber);
  if (number) header.number = number;

  const dated = text.map((line) => /^([^,]+),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(line)).find(Boolean);
  const date = dated ? parseDateText(`${dated[2]}/${dated[3]}/${dated[4]}`) : parseDateText(labelValue(text, "ngay ban hanh") ?? "");
  if (date) header.date = date;

  // The province is the issuer's second line ("THÀNH PHỐ HUẾ", "TỈNH PHÚ THỌ"); the place of the date line is a
  // town, the same as the province only for a city.
  const issuerAt = text.findIndex((line) => foldDiacritics(line) === "uy ban nhan dan");
  const issuerPlace = issuerAt >= 0 ? text[issuerAt + 1] : undefined;
  const place = issuerPlace ? /^(?:TỈNH|THÀNH PHỐ)\s+(.+)$/u.exec(issuerPlace)?.[1] : undefined;
  if (issuerPlace && place) header.issuer = `${text[issuerAt]} ${issuerPlace}`;
  const province = place ? titleCase(place) : dated?.[1]?.trim();
  if (province) header.province = province;

  const year = /năm (\d{4})$/u.exec(title ?? "")?.[1] ?? date?.slice(0, 4);
  if (year) header.year = Number(year);
  return header;
}

function firstMatch(lines: readonly string[], pattern: RegExp): string | undefined {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** The site's label block: a label line ("Số hiệu") and its value on the next non-blank line. */
function labelValue(lines: readonly string[], label: string): string | undefined {
  const at = lines.findIndex((line) => foldDiacritics(line) === label);
  if (at < 0) return undefined;
  return lines.slice(at + 1).find((line) => line !== "");
}
