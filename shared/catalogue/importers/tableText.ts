import type { ImportDraft } from "../draft";
import { draftFromRead } from "./appendixDraft";
import { sourceLines } from "./sourceLines";
import { readTable } from "./tableReader";
import { tableRecords } from "./tableRecords";

/**
 * A table copied from Word, Excel or a web page and pasted as text: tab-separated rows, agency sections on rows of
 * their own ("1. Sở Tài chính", or any single cell), header rows mapping columns by name ("STT", "Nội dung",
 * "Chỉ tiêu", optionally "Đơn vị tính", "Cơ quan chủ trì", "Cơ quan phối hợp", "Ghi chú"), group headings on rows
 * whose STT is not a number. A pasted table carries no decision header: the person importing supplies it.
 */
export function importTableText(text: string): ImportDraft {
  const records = tableRecords(sourceLines(text), { quotedCells: true });
  return draftFromRead("table_text", {}, readTable(records, { numberedSectionsOnly: false }));
}
