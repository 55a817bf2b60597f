import { foldDiacritics, normalizeText } from "../text/normalize";
import type { AgencyKind } from "./model";

/**
 * Agency headings as decisions write them — "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "SƠ Y TẾ" (OCR), "Sở Tư pháp" — turned
 * into one display name, one id and one kind, so that the same agency in two decisions is one agency.
 */

/** OCR slips seen in PDF conversions of decisions: a dropped horn on "SỞ", a stray hook on "BAN", "ĐÂN" for "DÂN". */
const OCR_FIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^SƠ(?=\s)/u, "SỞ"],
  [/^BẢN(?=\s)/u, "BAN"],
  [/(?<!\p{L})ĐÂN TỘC(?!\p{L})/u, "DÂN TỘC"],
];

/** Words that name the kind of body; the word after them starts the proper name and is capitalised. */
const BODY_WORDS = ["sở", "ban", "văn phòng", "thanh tra", "ngân hàng", "cục", "bảo hiểm xã hội", "hiệp hội", "công an", "kho bạc", "đài", "báo", "trung tâm", "liên đoàn", "hội"];
const ACRONYMS = new Set(["UBND", "HĐND", "MTTQ", "CNTT", "HCC", "DVCQG", "VNPT", "TP"]);
const ALWAYS_LOWER = new Set(["và", "các", "của", "tỉnh", "thành", "phố", "huyện", "phường", "thị", "trấn"]);

const GROUPS: ReadonlyArray<{ pattern: RegExp; name: string; id: string; memberKind: AgencyKind }> = [
  { pattern: /^ubnd cac xa(,| va)? phuong/, name: "UBND các xã, phường", id: "ubnd-cac-xa-phuong", memberKind: "ubnd_cap_xa" },
  { pattern: /^ubnd cac huyen(,| va)? (thanh pho|thi xa)/, name: "UBND các huyện, thành phố", id: "ubnd-cac-huyen-thanh-pho", memberKind: "ubnd_cap_huyen" },
  { pattern: /^cac so, ban, nganh$/, name: "Các sở, ban, ngành", id: "cac-so-ban-nganh", memberKind: "so_ban_nganh" },
  { pattern: /^ubnd cap xa/, name: "UBND các xã, phường", id: "ubnd-cac-xa-phuong", memberKind: "ubnd_cap_xa" },
  { pattern: /^ubnd cap huyen/, name: "UBND các huyện, thành phố", id: "ubnd-cac-huyen-thanh-pho", memberKind: "ubnd_cap_huyen" },
];

export interface ResolvedAgencyName {
  name: string;
  id: string;
  kind: AgencyKind;
  /** Set when the heading names every agency of a kind ("UBND các xã, phường"). */
  group?: { memberKind: AgencyKind };
  /** What was corrected, for the import report. */
  corrections: string[];
}

export function resolveAgencyName(heading: string): ResolvedAgencyName {
  const corrections: string[] = [];
  let text = normalizeText(heading).replace(/^\d+\s*[.)]\s*/, "").replace(/[:.]+$/, "").trim();
  text = text.replace(/^Ủy ban nhân dân|^Uỷ ban nhân dân|^UỶ BAN NHÂN DÂN|^ỦY BAN NHÂN DÂN/u, "UBND");
  for (const [pattern, replacement] of OCR_FIXES) {
    if (pattern.test(text)) {
      const fixed = text.replace(pattern, replacement);
      corrections.push(`"${text}" → "${fixed}"`);
      text = fixed;
    }
  }
  const folded = foldDiacritics(text);
  for (const group of GROUPS) {
    if (group.pattern.test(folded)) {
      return { name: group.name, id: group.id, kind: group.memberKind, group: { memberKind: group.memberKind }, corrections };
    }
  }
  const name = isAllCaps(text) ? sentenceCase(text) : text;
  return { name, id: agencyIdOf(name), kind: kindOf(foldDiacritics(name)), corrections };
}

/** "UBND xã Hạ Hòa", "Ủy ban nhân dân xã Hạ Hòa" and "Xã Hạ Hòa" are one commune: the people's committee is implied. */
const PEOPLES_COMMITTEE = /^(ubnd|uy ban nhan dan)\s+(?!cac\b)/;

/**
 * The one id scheme of agencies: the slug of the name without a leading "UBND"/"Ủy ban nhân dân", the kind word kept
 * ("xa-ha-hoa", "huyen-a-luoi", "so-y-te"), so that a commune registered from a list and the same commune named in a
 * decision's heading get the same id.
 */
export function agencyIdOf(name: string): string {
  return slugOf(agencyNameKey(name));
}

/**
 * What two names of one agency have in common however they are written: case, diacritics, spacing, punctuation and a
 * leading "UBND"/"Ủy ban nhân dân" do not count; the kind word does ("xã Tam Nông" is not "huyện Tam Nông").
 */
export function agencyNameKey(name: string): string {
  return foldDiacritics(normalizeText(name))
    .replace(/^\d+\s*[.)]\s*/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(PEOPLES_COMMITTEE, "");
}

/**
 * Ids issued before the one scheme ("ubnd-xa-thanh-ba") and after it ("xa-thanh-ba") name the same agency: the other
 * spelling of an id, for lookups that miss.
 */
export function otherAgencyIdSpelling(id: string): string | undefined {
  if (/^ubnd-cac-/.test(id)) return undefined;
  return id.startsWith("ubnd-") ? id.slice("ubnd-".length) : `ubnd-${id}`;
}

export function slugOf(text: string): string {
  return foldDiacritics(normalizeText(text))
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 64)
    .replace(/^-+|-+$/g, "");
}

function isAllCaps(text: string): boolean {
  return text === text.toUpperCase() && /\p{Lu}/u.test(text);
}

/** "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Sở Văn hóa, Thể thao và Du lịch": how the agencies write their own names. */
function sentenceCase(text: string): string {
  const words = text.split(" ");
  const lower = words.map((word) => word.toLocaleLowerCase("vi"));
  const result: string[] = [];
  let capitaliseNext = true;
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    const low = lower[i]!;
    const bare = word.replace(/[,–-]+$/u, "");
    if (ACRONYMS.has(bare)) {
      result.push(word);
      capitaliseNext = false;
    } else if (capitaliseNext && !ALWAYS_LOWER.has(low)) {
      result.push(low.charAt(0).toLocaleUpperCase("vi") + low.slice(1));
      capitaliseNext = false;
    } else {
      result.push(low);
    }
    const phraseSoFar = lower.slice(0, i + 1).join(" ");
    if (i + 1 < words.length && BODY_WORDS.includes(phraseSoFar)) capitaliseNext = true;
    if (low === "và" || /[,–-]$/u.test(word) || word === "–" || word === "-") capitaliseNext = true;
  }
  return result.join(" ");
}

function kindOf(folded: string): AgencyKind {
  if (/^ubnd (xa|phuong|thi tran)\b/.test(folded)) return "ubnd_cap_xa";
  if (/^ubnd (huyen|thanh pho|thi xa|quan)\b/.test(folded)) return "ubnd_cap_huyen";
  if (/^(cong an|cuc |ngan hang nha nuoc|bao hiem xa hoi|kho bac|chi cuc|thue |vien kiem sat|toa an|bo chi huy)/.test(folded)) {
    return "nganh_doc";
  }
  if (/^(so |ban |van phong|thanh tra)/.test(folded)) return "so_ban_nganh";
  return "khac";
}
