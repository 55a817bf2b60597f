/**
 * A "Cơ quan phối hợp" cell: agencies separated by ";", line breaks, or commas before the next agency's kind
 * ("Sở Tài chính, Sở Nội vụ"). Commas inside a name stay: "Sở Văn hóa, Thể thao và Du lịch", "các xã, phường".
 */

const AGENCY_STARTS = [
  "Sở",
  "Ban",
  "Văn phòng",
  "Thanh tra",
  "Công an",
  "Cục",
  "Chi cục",
  "Bảo hiểm",
  "Ngân hàng",
  "Kho bạc",
  "UBND",
  "Ủy ban",
  "Uỷ ban",
  "Đài",
  "Báo",
  "Trung tâm",
  "Hội",
  "Liên đoàn",
  "Tỉnh đoàn",
  "Bộ Chỉ huy",
  "Viễn thông",
  "Các",
];

const BEFORE_AGENCY = new RegExp(`\\s*,\\s*(?=(?:${AGENCY_STARTS.join("|")})(?![\\p{L}\\p{M}]))`, "u");

export function splitAgencies(cell: string): string[] {
  return cell
    .split(/\s*[;\n]\s*/u)
    .flatMap((part) => part.split(BEFORE_AGENCY))
    .map((name) => name.replace(/^[-+•]\s*/u, "").replace(/[\s.,;]+$/u, "").trim())
    .filter((name) => name !== "");
}
