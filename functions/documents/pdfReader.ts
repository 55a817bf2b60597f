import type { DocumentBlock } from "./blocks";
import { SourceError } from "./sourceError";

export async function readPdf(_data: Uint8Array, name: string): Promise<DocumentBlock[]> {
  throw new SourceError(`Tệp PDF "${name}": chưa đọc được.`, "pdf_unreadable");
}
