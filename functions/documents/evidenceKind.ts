import type { EvidenceFileKind } from "../../shared/model/evidence";
import { enforcePackagePolicy, CONTENT_TYPES_PART } from "../workbook/packagePolicy";
import { WorkbookRejectedError, type WorkbookRejectionCode } from "../workbook/workbookRejection";
import { inspectXlsx } from "../workbook/xlsxInspect";
import { SourceError } from "./sourceError";
import { readZipEntries, zipEntryNames } from "./zipEntries";

/**
 * What an evidence file is, told from its bytes alone: a name says nothing (a program renamed "quyet-dinh.pdf" is
 * still a program). Office files are zips and are looked into: Word keeps `word/document.xml`, Excel
 * `xl/workbook.xml`; either one refused when it carries macros, links to other files or embedded objects, the things
 * a province officer opening the file must never run.
 */

export const EVIDENCE_CONTENT_TYPES: Record<EvidenceFileKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpg: "image/jpeg",
};

/** The extensions a saved file of each kind may carry; the first is added when the name has none of them. */
export const EVIDENCE_EXTENSIONS: Record<EvidenceFileKind, readonly string[]> = {
  pdf: [".pdf"],
  docx: [".docx"],
  xlsx: [".xlsx"],
  png: [".png"],
  jpg: [".jpg", ".jpeg"],
};

export type EvidenceRejectionCode = "evidence_file_invalid" | WorkbookRejectionCode;

export class EvidenceFileRejectedError extends Error {
  constructor(
    readonly code: EvidenceRejectionCode,
    message: string,
  ) {
    super(message);
  }
}

const ALLOWED = "Minh chứng chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc ảnh PNG, JPG.";

const PACKAGE_MESSAGES: Partial<Record<WorkbookRejectionCode, string>> = {
  macro_enabled: "Tệp có macro (VBA). Hệ thống không nhận tệp có macro: hãy lưu lại dưới dạng .docx hoặc .xlsx không macro rồi gửi lại.",
  external_links: "Tệp có liên kết tới tệp hoặc nguồn dữ liệu bên ngoài. Hãy bỏ liên kết rồi gửi lại.",
  embedded_objects: "Tệp có đối tượng nhúng (OLE) hoặc điều khiển ActiveX. Hãy xóa các đối tượng này rồi gửi lại.",
};

export function detectEvidenceKind(bytes: Uint8Array, name: string): EvidenceFileKind {
  if (hasPrefix(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (hasPrefix(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (hasPrefix(bytes, [0xff, 0xd8, 0xff])) return "jpg";
  if (hasPrefix(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes, name);
  throw new EvidenceFileRejectedError("evidence_file_invalid", `Tệp "${name}" không phải PDF, Word, Excel hay ảnh. ${ALLOWED}`);
}

function officeKind(bytes: Uint8Array, name: string): "docx" | "xlsx" {
  let entries: Set<string>;
  try {
    entries = new Set(zipEntryNames(bytes, name));
  } catch (error) {
    if (error instanceof SourceError) throw new EvidenceFileRejectedError("evidence_file_invalid", `${error.message} ${ALLOWED}`);
    throw error;
  }
  const isWord = entries.has("word/document.xml");
  const isExcel = entries.has("xl/workbook.xml");
  if (isWord === isExcel || !entries.has(CONTENT_TYPES_PART)) {
    throw new EvidenceFileRejectedError("evidence_file_invalid", `Tệp "${name}" là tệp nén (zip) nhưng không phải tệp Word .docx hay Excel .xlsx. ${ALLOWED}`);
  }
  try {
    if (isExcel) {
      const inspected = inspectXlsx(bytes, {}, (part) => part === CONTENT_TYPES_PART);
      if (!inspected.ok) throw new EvidenceFileRejectedError(inspected.code, inspected.message);
      enforcePackagePolicy(inspected.names, decode(inspected.parts.get(CONTENT_TYPES_PART)));
      return "xlsx";
    }
    const parts = readZipEntries(bytes, name, (part) => part === CONTENT_TYPES_PART);
    enforcePackagePolicy([...entries], decode(parts.get(CONTENT_TYPES_PART)));
    return "docx";
  } catch (error) {
    if (error instanceof WorkbookRejectedError) throw new EvidenceFileRejectedError(error.code, PACKAGE_MESSAGES[error.code] ?? error.message);
    if (error instanceof SourceError) throw new EvidenceFileRejectedError("evidence_file_invalid", `${error.message} ${ALLOWED}`);
    throw error;
  }
}

function hasPrefix(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

function decode(part: Uint8Array | undefined): string {
  return part ? new TextDecoder().decode(part) : "";
}
