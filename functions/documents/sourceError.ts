/**
 * Why a file given to the catalogue import could not be read, for people (Vietnamese `message`) and programs
 * (stable `code`). Nothing is stored when one is thrown.
 */
export const SOURCE_ERROR_CODES = [
  "file_not_found",
  "file_too_large",
  "unknown_zip_content",
  "zip_unreadable",
  "zip_too_large",
  "binary_content",
  "docx_unreadable",
  "pdf_unreadable",
  "pdf_needs_ocr",
  "xlsx_unreadable",
  "sheets_body_invalid",
  "format_not_for_kind",
  /** A cell or sheet name holding a character no file may hold (U+FFFF, control characters). */
  "forbidden_character",
] as const;
export type SourceErrorCode = (typeof SOURCE_ERROR_CODES)[number];

export class SourceError extends Error {
  constructor(
    message: string,
    readonly code: SourceErrorCode = "binary_content",
  ) {
    super(message);
  }
}
