import { slugOf } from "../../../shared/catalogue/agencyNames";
import { titleCase } from "../../../shared/text/titleCase";

/** The province as the report names it: "tỉnh" or "thành phố" (Huế is a city under the centre) and its name. */
export interface ProvinceName {
  level: "tỉnh" | "thành phố";
  /** "Phú Thọ", with its diacritics. */
  name: string;
}

const NAMED = /(tỉnh|thành phố)\s+(\p{L}+(?:\s+\p{L}+){0,3})/giu;

/**
 * Found in the decision's own words ("… trên địa bàn tỉnh Phú Thọ", "ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC") and accepted only
 * when it spells the decision's province code, so a neighbouring province named in the title is never taken. Without
 * such a phrase the code itself is shown in title case: plain, but never a wrong name.
 */
export function provinceNameOf(provinceCode: string, texts: ReadonlyArray<string | undefined>): ProvinceName {
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.normalize("NFC").matchAll(NAMED)) {
      const level = match[1]!.toLocaleLowerCase("vi") as ProvinceName["level"];
      const words = match[2]!.split(/\s+/);
      // "tỉnh Phú Thọ năm 2025": the name is the longest run of words whose slug is the code.
      for (let count = words.length; count > 0; count -= 1) {
        const candidate = words.slice(0, count).join(" ");
        if (slugOf(candidate) === provinceCode) return { level, name: isUpper(candidate) ? titleCase(candidate) : candidate };
      }
    }
  }
  return { level: "tỉnh", name: titleCase(provinceCode.replace(/-/g, " ")) };
}

function isUpper(text: string): boolean {
  return text === text.toLocaleUpperCase("vi");
}
