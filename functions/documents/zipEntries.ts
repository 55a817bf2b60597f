import { unzipSync } from "fflate";
import { SourceError } from "./sourceError";

/**
 * The entries of an Office file (a zip), read within bounds: a decision is a few megabytes once inflated, so a zip
 * that declares more (a "zip bomb") is refused before anything is inflated. The declared sizes are checked from the
 * central directory by fflate's filter; inflating is bounded by the same budget.
 */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 128 * 1024 * 1024;
export const MAX_ENTRIES = 2000;

/** The names of the entries, without inflating any. */
export function zipEntryNames(data: Uint8Array, name: string): string[] {
  const names: string[] = [];
  unzipBounded(data, name, (entry) => {
    names.push(entry);
    return false;
  });
  return names;
}

/** The entries whose names `wanted` accepts, inflated; the whole zip's declared sizes must fit the budget. */
export function readZipEntries(data: Uint8Array, name: string, wanted: (entry: string) => boolean): Map<string, Uint8Array> {
  const files = unzipBounded(data, name, wanted);
  return new Map(Object.entries(files));
}

function unzipBounded(data: Uint8Array, name: string, wanted: (entry: string) => boolean): Record<string, Uint8Array> {
  let count = 0;
  let total = 0;
  let tooLarge: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (file) => {
        count += 1;
        total += file.originalSize;
        if (file.originalSize > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES || count > MAX_ENTRIES) {
          tooLarge ??= file.name;
          return false;
        }
        return tooLarge === undefined && wanted(file.name);
      },
    });
  } catch (error) {
    throw new SourceError(`Tệp "${name}" là tệp nén (zip) nhưng bị hỏng, không đọc được (${error instanceof Error ? error.message : String(error)}).`, "zip_unreadable");
  }
  if (tooLarge !== undefined) {
    throw new SourceError(
      `Tệp "${name}" khai báo nội dung giải nén quá lớn (mục "${tooLarge}"; tối đa ${MAX_TOTAL_BYTES / 1048576} MB, ${MAX_ENTRIES} mục): không giải nén để tránh treo máy.`,
      "zip_too_large",
    );
  }
  return files;
}
