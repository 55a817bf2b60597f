/**
 * Why an uploaded workbook is refused: a stable code for programs and the Vietnamese sentence an officer reads. The
 * HTTP edge maps every code to 422 (functions/http/apiError.ts); the CLI prints the message.
 */
export type WorkbookRejectionCode =
  | "not_xlsx"
  | "zip_bomb"
  | "too_many_entries"
  | "macro_enabled"
  | "external_links"
  | "embedded_objects"
  | "no_worksheet"
  | "sheet_too_large";

export class WorkbookRejectedError extends Error {
  constructor(
    readonly code: WorkbookRejectionCode,
    message: string,
  ) {
    super(message);
  }
}

export const WORKBOOK_MESSAGES = {
  unreadable: "Không đọc được tệp Excel: tệp bị hỏng hoặc không đúng định dạng .xlsx.",
  macroEnabled:
    "Tệp có macro (VBA hoặc trang macro). Hệ thống không nhận tệp có macro: hãy lưu lại dưới dạng Excel Workbook (.xlsx) không macro rồi gửi lại.",
  externalLinks:
    "Tệp có liên kết tới tệp hoặc nguồn dữ liệu bên ngoài. Hãy bỏ liên kết (Dữ liệu → Sửa liên kết → Ngắt liên kết) rồi gửi lại.",
  embeddedObjects: "Tệp có đối tượng nhúng (OLE) hoặc điều khiển ActiveX. Hãy xóa các đối tượng này rồi gửi lại.",
  noWorksheet: "Tệp không có trang tính nào: đây không phải một bảng tính Excel.",
} as const;
