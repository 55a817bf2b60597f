import { SourceError } from "./sourceError";
import { zipEntryNames } from "./zipEntries";

/**
 * What kind of file arrived, from its bytes (never its name: a decision saved as "phu-luc.txt" from Word is still a
 * Word file). A zip is looked into: Word keeps `word/document.xml`, Excel `xl/workbook.xml`.
 */
export type SourceKind = "docx" | "xlsx" | "pdf" | "text";

export function detectSourceKind(data: Uint8Array, name: string): SourceKind {
  if (isZip(data)) {
    const entries = new Set(zipEntryNames(data, name));
    if (entries.has("word/document.xml")) return "docx";
    if (entries.has("xl/workbook.xml")) return "xlsx";
    throw new SourceError(
      `Tệp "${name}" là tệp nén (zip) nhưng không phải tệp Word .docx hay Excel .xlsx. Hãy gửi tệp Word (.docx), PDF, Excel (.xlsx) hoặc văn bản.`,
      "unknown_zip_content",
    );
  }
  if (startsWith(data, "%PDF-")) return "pdf";
  if (looksBinary(data)) {
    throw new SourceError(
      `Tệp "${name}" không phải văn bản đọc được (không phải Word .docx, PDF, Excel .xlsx hay văn bản UTF-8). Tệp Word cũ (.doc) cần lưu lại dưới dạng .docx.`,
      "binary_content",
    );
  }
  return "text";
}

function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

function startsWith(data: Uint8Array, magic: string): boolean {
  // A PDF may start after a few bytes of junk (some scanners write a BOM or a line first); readers accept 1 KB.
  const head = Buffer.from(data.subarray(0, 1024)).toString("latin1");
  return head.indexOf(magic) >= 0 && head.indexOf(magic) < 1024 - magic.length;
}

/** NUL bytes, or UTF-8 that does not decode: text editors and converters write neither. */
function looksBinary(data: Uint8Array): boolean {
  const sample = data.subarray(0, 64 * 1024);
  if (sample.includes(0)) return true;
  try {
    // Cut at a character boundary so a sample ending mid-character is not taken for junk.
    let end = sample.length;
    while (end > 0 && end > sample.length - 4 && (sample[end - 1]! & 0xc0) === 0x80) end -= 1;
    if (end > 0 && sample[end - 1]! >= 0xc0) end -= 1;
    new TextDecoder("utf-8", { fatal: true }).decode(sample.length < data.length ? sample.subarray(0, end) : sample);
    return false;
  } catch {
    return true;
  }
}
