import { inflateRawSync } from "node:zlib";

/**
 * Checks uploaded bytes before any xlsx library sees them: a real ZIP with a workbook inside, few enough entries, and
 * no entry that inflates beyond what an agency's report could hold. Every entry is really inflated with an output
 * cap, so a header that lies about its size cannot make the server allocate more than the budget.
 */

export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

export interface XlsxLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Inflated/compressed above this for an entry of more than a megabyte reads as a bomb, not as a spreadsheet. */
  maxRatio: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxEntries: 2000, maxUncompressedBytes: 50 * 1024 * 1024, maxRatio: 200 };

export type XlsxRejection = { ok: false; code: "not_xlsx" | "zip_bomb" | "too_many_entries"; message: string };
export type XlsxInspection =
  | {
      ok: true;
      entries: number;
      uncompressedBytes: number;
      /** Every entry name, in directory order: what the package policy judges. */
      names: string[];
      /** The inflated bytes of the entries `keep` asked for, so a reader does not inflate them a second time. */
      parts: Map<string, Uint8Array>;
    }
  | XlsxRejection;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const RATIO_FLOOR_BYTES = 1024 * 1024;

const NOT_XLSX = "Tệp gửi lên không phải tệp Excel .xlsx (có thể là .xls cũ, .csv, PDF hoặc tệp bị hỏng). Hãy lưu lại dưới dạng Excel Workbook (.xlsx).";

export function inspectXlsx(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}, keep: (name: string) => boolean = () => false): XlsxInspection {
  const { maxEntries, maxUncompressedBytes, maxRatio } = { ...DEFAULT_XLSX_LIMITS, ...limits };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return reject("not_xlsx", NOT_XLSX);
  const entryCount = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) return reject("not_xlsx", NOT_XLSX);
  if (entryCount > maxEntries) {
    return reject("too_many_entries", `Tệp có ${entryCount} thành phần, nhiều hơn mức tối đa ${maxEntries} của một tệp báo cáo.`);
  }
  if (directoryOffset + directorySize > eocd) return reject("not_xlsx", NOT_XLSX);

  const names = new Set<string>();
  const parts = new Map<string, Uint8Array>();
  let offset = directoryOffset;
  let budget = maxUncompressedBytes;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) return reject("not_xlsx", NOT_XLSX);
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const declaredSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8)) return reject("not_xlsx", NOT_XLSX);
    if (declaredSize > budget) return bomb();

    const data = entryData(view, bytes, localOffset, compressedSize);
    if (!data) return reject("not_xlsx", NOT_XLSX);
    let inflated: Uint8Array;
    if (method === 0) {
      inflated = data;
    } else {
      try {
        // One byte over the budget is enough to know the entry does not fit.
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) });
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) return bomb();
        return reject("not_xlsx", NOT_XLSX);
      }
    }
    const inflatedSize = inflated.byteLength;
    if (inflatedSize > budget) return bomb();
    if (inflatedSize > RATIO_FLOOR_BYTES && inflatedSize / Math.max(1, compressedSize) > maxRatio) return bomb();
    budget -= inflatedSize;
    names.add(name);
    if (keep(name)) parts.set(name, inflated);
  }
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) return reject("not_xlsx", NOT_XLSX);
  return { ok: true, entries: entryCount, uncompressedBytes: maxUncompressedBytes - budget, names: [...names], parts };
}

function findEndOfCentralDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= earliest; offset -= 1) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

function entryData(view: DataView, bytes: Uint8Array, localOffset: number, compressedSize: number): Uint8Array | undefined {
  if (localOffset + 30 > view.byteLength || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) return undefined;
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressedSize > view.byteLength) return undefined;
  return bytes.subarray(start, start + compressedSize);
}

function bomb(): XlsxRejection {
  return reject("zip_bomb", "Tệp nén bất thường: nội dung giải nén lớn hơn nhiều so với một tệp báo cáo. Tệp không được xử lý.");
}

function reject(code: XlsxRejection["code"], message: string): XlsxRejection {
  return { ok: false, code, message };
}
