import { crc32, inflateRawSync } from "node:zlib";

/**
 * The gate an uploaded workbook passes before exceljs sees it. exceljs (through JSZip) trusts the archive and inflates
 * every part into memory, so a few hundred kilobytes of crafted ZIP could take the function host down. Here the ZIP
 * structure is read by hand, nothing is trusted that the bytes do not confirm, and every part is really inflated
 * under an output cap: the cap, not the header, bounds what one upload can make the server allocate.
 */

/** What an agency may upload. A report form of a few hundred rows is well under a megabyte. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

export interface ZipGuardLimits {
  maxEntries?: number;
  maxUncompressedBytes?: number;
  /** Inflated size over compressed size: XML parts of real workbooks stay far below it, bombs far above. */
  maxRatio?: number;
}

export type ZipGuardCode = "not_xlsx" | "zip_bomb" | "too_many_entries";
export type ZipGuardResult =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; code: ZipGuardCode; message: string };

const DEFAULT_MAX_ENTRIES = 2000;
const DEFAULT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const DEFAULT_MAX_RATIO = 200;
/**
 * Small parts compress absurdly well (a few kilobytes of spaces shrink to a dozen bytes) without being any danger,
 * so the ratio is only held against parts, and totals, that inflate beyond this.
 */
const RATIO_FLOOR_BYTES = 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
/** Compound File Binary: how Excel 97-2003 files and password-protected xlsx files begin. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_MASKED_HEADERS = 0x2000;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

const REQUIRED_PARTS = ["[Content_Types].xml", "xl/workbook.xml"];

const NOT_XLSX_MESSAGE =
  "Tệp tải lên không phải tệp Excel .xlsx hợp lệ (có thể là tệp .xls, .csv, PDF hoặc tệp bị hỏng khi tải về). " +
  "Hãy mở tệp bằng Excel, chọn Lưu thành → Excel Workbook (*.xlsx) rồi tải lên lại.";
const CFB_MESSAGE =
  "Tệp tải lên là tệp Excel 97-2003 (.xls) hoặc tệp .xlsx đã đặt mật khẩu mở tệp. " +
  "Hãy bỏ mật khẩu (nếu có) và lưu lại dưới dạng Excel Workbook (*.xlsx) rồi tải lên lại.";

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  crc: number;
  localOffset: number;
}

class Rejection {
  constructor(
    readonly code: ZipGuardCode,
    readonly message: string,
  ) {}
}

export function inspectXlsx(bytes: Uint8Array, limits: ZipGuardLimits = {}): ZipGuardResult {
  const resolved = {
    maxEntries: limits.maxEntries ?? DEFAULT_MAX_ENTRIES,
    maxUncompressedBytes: limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
    maxRatio: limits.maxRatio ?? DEFAULT_MAX_RATIO,
  };
  try {
    return inspect(bytes, resolved);
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, code: error.code, message: error.message };
    // Any read past what the checks foresaw is still a malformed archive, never a server fault.
    if (error instanceof RangeError) return { ok: false, code: "not_xlsx", message: NOT_XLSX_MESSAGE };
    throw error;
  }
}

function inspect(bytes: Uint8Array, limits: Required<ZipGuardLimits>): ZipGuardResult {
  if (CFB_MAGIC.every((byte, index) => bytes[index] === byte)) throw new Rejection("not_xlsx", CFB_MESSAGE);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);

  const thisDisk = view.getUint16(eocd + 4, true);
  const directoryDisk = view.getUint16(eocd + 6, true);
  const entriesOnDisk = view.getUint16(eocd + 8, true);
  const entryCount = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  // 0xFFFF/0xFFFFFFFF mean "see the ZIP64 record": no report form needs ZIP64, and it is one more header to lie in.
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) notXlsx();
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) notXlsx();
  if (thisDisk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) notXlsx();
  if (entryCount > limits.maxEntries) {
    throw new Rejection(
      "too_many_entries",
      `Tệp có ${entryCount} thành phần nén bên trong, vượt giới hạn ${limits.maxEntries} thành phần của một tệp báo cáo. ` +
        "Hãy dùng biểu mẫu do hệ thống tạo, không chèn thêm hình ảnh hay đối tượng vào tệp.",
    );
  }
  if (directoryOffset + directorySize !== eocd) notXlsx();

  const entries = readCentralDirectory(bytes, view, directoryOffset, eocd, entryCount);
  const names = new Set(entries.map((entry) => entry.name));
  if (!REQUIRED_PARTS.every((part) => names.has(part))) notXlsx();

  // Declared sizes first: an honest archive over the budget is refused before a single byte is inflated.
  const declaredTotal = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declaredTotal > limits.maxUncompressedBytes) throw bomb(limits.maxUncompressedBytes);

  const located = entries.map((entry) => ({ entry, ...locateData(bytes, view, entry, directoryOffset) }));
  rejectOverlaps(located);

  let inflatedTotal = 0;
  let compressedTotal = 0;
  for (const { entry, dataStart, end } of located) {
    const remaining = limits.maxUncompressedBytes - inflatedTotal;
    const inflated = inflateEntry(entry, bytes.subarray(dataStart, end), remaining, limits.maxUncompressedBytes);
    if (inflated.byteLength !== entry.declaredSize) notXlsx();
    if (crc32(inflated) !== entry.crc) notXlsx();
    if (inflated.byteLength > RATIO_FLOOR_BYTES && inflated.byteLength > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      throw bomb(limits.maxUncompressedBytes);
    }
    inflatedTotal += inflated.byteLength;
    compressedTotal += entry.compressedSize;
  }
  if (inflatedTotal > RATIO_FLOOR_BYTES && inflatedTotal > limits.maxRatio * Math.max(1, compressedTotal)) {
    throw bomb(limits.maxUncompressedBytes);
  }
  return { ok: true, entries: entries.length, uncompressedBytes: inflatedTotal };
}

/**
 * The record sits in the last 22 bytes plus an optional comment of at most 64 KiB. Only a signature whose comment
 * length reaches exactly the end of the file counts, so a signature-like run inside a comment is not taken for it.
 */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - 0xffff);
  for (let offset = last; offset >= first; offset -= 1) {
    if (view.getUint32(offset, true) !== EOCD_SIGNATURE) continue;
    if (offset + EOCD_SIZE + view.getUint16(offset + 20, true) === view.byteLength) return offset;
  }
  return notXlsx();
}

function readCentralDirectory(bytes: Uint8Array, view: DataView, start: number, end: number, count: number): CentralEntry[] {
  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let offset = start;
  for (let index = 0; index < count; index += 1) {
    if (offset + CENTRAL_SIZE > end || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) notXlsx();
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const crc = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const declaredSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const diskStart = view.getUint16(offset + 34, true);
    const localOffset = view.getUint32(offset + 42, true);
    const next = offset + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > end) notXlsx();
    if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) !== 0) notXlsx();
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) notXlsx();
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localOffset === 0xffffffff || diskStart !== 0) notXlsx();
    if (method === METHOD_STORED && compressedSize !== declaredSize) notXlsx();
    const name = decodeName(bytes.subarray(offset + CENTRAL_SIZE, offset + CENTRAL_SIZE + nameLength));
    // Two parts of one name are read differently by different unzippers: what we check need not be what exceljs loads.
    if (seen.has(name)) notXlsx();
    seen.add(name);
    entries.push({ name, method, compressedSize, declaredSize, crc, localOffset });
    offset = next;
  }
  if (offset !== end) notXlsx();
  return entries;
}

/** Where an entry's data lies, checked against its local header, which is what a streaming unzipper would believe. */
function locateData(
  bytes: Uint8Array,
  view: DataView,
  entry: CentralEntry,
  directoryOffset: number,
): { start: number; dataStart: number; end: number } {
  const local = entry.localOffset;
  if (local + LOCAL_SIZE > directoryOffset || view.getUint32(local, true) !== LOCAL_SIGNATURE) notXlsx();
  const flags = view.getUint16(local + 6, true);
  const method = view.getUint16(local + 8, true);
  const nameLength = view.getUint16(local + 26, true);
  const extraLength = view.getUint16(local + 28, true);
  if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 || method !== entry.method) notXlsx();
  const dataStart = local + LOCAL_SIZE + nameLength + extraLength;
  const end = dataStart + entry.compressedSize;
  if (end > directoryOffset) notXlsx();
  if (decodeName(bytes.subarray(local + LOCAL_SIZE, local + LOCAL_SIZE + nameLength)) !== entry.name) notXlsx();
  return { start: local, dataStart, end };
}

/** Entries sharing bytes are how non-recursive bombs multiply one compressed run into many huge parts. */
function rejectOverlaps(ranges: ReadonlyArray<{ start: number; end: number }>): void {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  for (let index = 1; index < sorted.length; index += 1) {
    if (sorted[index]!.start < sorted[index - 1]!.end) notXlsx();
  }
}

function inflateEntry(entry: CentralEntry, data: Uint8Array, remaining: number, budget: number): Uint8Array {
  if (entry.method === METHOD_STORED) {
    if (data.byteLength > remaining) throw bomb(budget);
    return data;
  }
  // Capped at what the header declares as well as at the budget left: a part that inflates past its declared size
  // is lying, and stops there instead of at the budget. zlib demands a cap of at least one byte.
  const cap = Math.min(entry.declaredSize, remaining);
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    if (isOutputTooLarge(error)) throw bomb(budget);
    return notXlsx();
  }
  if (inflated.byteLength > cap) throw bomb(budget);
  return inflated;
}

function isOutputTooLarge(error: unknown): boolean {
  return error instanceof RangeError || (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE");
}

/** Names are UTF-8 in every xlsx writer worth the name; only the required ASCII names matter, so no CP437 table. */
function decodeName(raw: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(raw);
}

function bomb(budget: number): Rejection {
  return new Rejection(
    "zip_bomb",
    `Tệp bị từ chối: nội dung nén bên trong giải nén ra quá lớn so với một tệp báo cáo (vượt ${Math.round(budget / (1024 * 1024))} MB ` +
      "hoặc tỷ lệ nén bất thường). Hãy dùng biểu mẫu do hệ thống tạo và chỉ nhập số liệu vào bảng.",
  );
}

function notXlsx(): never {
  throw new Rejection("not_xlsx", NOT_XLSX_MESSAGE);
}
