import type { SheetCell } from "../catalogue/importers/sheetRows";
import { evidenceDocumentSchema, type EvidenceDocument } from "../model/evidence";
import { excelSerialToIsoDate, isDateFormat, parseDateText } from "../period/excelDate";

/**
 * Minh chứng in a report table: one document per row, cited the way Vietnamese administrative documents are (số
 * hiệu, ngày ban hành, trích yếu) with an optional link. The offline form carries these four columns after the note;
 * a table without them (older forms, the add-in's table) reads as before.
 */
export const EVIDENCE_COLUMNS = [
  { key: "evidenceNumber", header: "Số hiệu văn bản", width: 18 },
  { key: "evidenceDate", header: "Ngày ban hành", width: 14 },
  { key: "evidenceSummary", header: "Trích yếu", width: 36 },
  { key: "evidenceUrl", header: "Đường dẫn", width: 30 },
] as const;
export type EvidenceColumnKey = (typeof EVIDENCE_COLUMNS)[number]["key"];

export const EVIDENCE_INSTRUCTION =
  "Minh chứng: ghi Số hiệu văn bản (ví dụ 123/QĐ-UBND), Ngày ban hành (dd/mm/yyyy), Trích yếu và Đường dẫn (nếu có). " +
  "Chỉ tiêu ban hành văn bản hoặc có hạn hoàn thành cần đủ số hiệu và ngày ban hành.";

type Report = (code: "evidence_invalid" | "text_too_long", key: EvidenceColumnKey, message: string) => void;

/**
 * The document a row cites, or undefined when its evidence cells are empty. A fault is reported on its own cell
 * (the caller names it) and the row is then not read.
 */
export function readEvidenceCells(
  at: (key: EvidenceColumnKey) => SheetCell,
  formatAt: (key: EvidenceColumnKey) => string | undefined,
  report: Report,
): EvidenceDocument | undefined {
  const documentNumber = text(at("evidenceNumber"));
  const summary = text(at("evidenceSummary"));
  const url = text(at("evidenceUrl"));
  const dateCell = at("evidenceDate");
  const issuedOn = readIssuedOn(dateCell, formatAt("evidenceDate"), (message) => report("evidence_invalid", "evidenceDate", message));
  const dateGiven = !(dateCell === null || (typeof dateCell === "string" && dateCell.trim() === ""));
  if (!documentNumber && !summary && !url && !dateGiven) return undefined;

  let fine = issuedOn !== null;
  if (documentNumber.length > 100) {
    report("text_too_long", "evidenceNumber", "số hiệu văn bản dài quá 100 ký tự.");
    fine = false;
  }
  if (summary.length > 1000) {
    report("text_too_long", "evidenceSummary", "trích yếu dài quá 1000 ký tự.");
    fine = false;
  }
  if (url && !evidenceDocumentSchema.shape.url.safeParse(url).success) {
    report("evidence_invalid", "evidenceUrl", `"${url}" không phải địa chỉ web: đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.`);
    fine = false;
  }
  if (!summary) {
    report("evidence_invalid", "evidenceSummary", "chưa ghi trích yếu của văn bản minh chứng (nội dung chính của văn bản).");
    fine = false;
  }
  if (!fine) return undefined;
  const parsed = evidenceDocumentSchema.safeParse({
    summary,
    ...(documentNumber ? { documentNumber } : {}),
    ...(issuedOn ? { issuedOn } : {}),
    ...(url ? { url } : {}),
  });
  if (!parsed.success) {
    report("evidence_invalid", "evidenceSummary", parsed.error.issues[0]?.message ?? "minh chứng không hợp lệ.");
    return undefined;
  }
  return parsed.data;
}

/**
 * YYYY-MM-DD from a date cell (the server's reader gives it as an ISO text; Excel in the add-in gives a serial in a
 * date format) or from a date typed as text ("3/3/2025"); undefined when empty, null after reporting a bad date.
 */
function readIssuedOn(cell: SheetCell, format: string | undefined, report: (message: string) => void): string | undefined | null {
  if (cell === null) return undefined;
  if (typeof cell === "number") {
    const iso = isDateFormat(format) ? excelSerialToIsoDate(cell) : undefined;
    if (iso) return iso;
    report(`"${cell}" không phải ngày ban hành: hãy nhập ngày dạng dd/mm/yyyy, ví dụ 03/03/2025.`);
    return null;
  }
  if (typeof cell !== "string") {
    report("ngày ban hành không hợp lệ: hãy nhập ngày dạng dd/mm/yyyy, ví dụ 03/03/2025.");
    return null;
  }
  if (cell.trim() === "") return undefined;
  const iso = parseDateText(cell.trim());
  if (iso) return iso;
  report(`"${cell.trim()}" không phải ngày có thật: hãy nhập ngày dạng dd/mm/yyyy, ví dụ 03/03/2025.`);
  return null;
}

function text(cell: SheetCell): string {
  if (cell === null || typeof cell === "object") return "";
  return String(cell).trim();
}
