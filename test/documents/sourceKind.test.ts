import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSourceBytes, SourceError } from "../../functions/catalogue/readSource";
import { detectSourceKind } from "../../functions/documents/sourceKind";
import { buildZip } from "../support/zipFixtures";
import { lines, wordFile } from "./wordFiles";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SourceError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return undefined;
}

describe("the kind of a file comes from its bytes", () => {
  it("tells Word from Excel by what the zip holds, whatever the name says", async () => {
    const word = await wordFile(lines("PHỤ LỤC"));
    expect(detectSourceKind(word, "phu-luc.xlsx")).toBe("docx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Phụ lục").getCell("A1").value = "STT";
    const excel = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(detectSourceKind(excel, "phu-luc.docx")).toBe("xlsx");
  });

  it("recognises a PDF and plain UTF-8 text", async () => {
    expect(detectSourceKind(await readFile("test/fixtures/documents/scanned.pdf"), "a.txt")).toBe("pdf");
    expect(detectSourceKind(Buffer.from("STT\tNội dung\tChỉ tiêu\n1\tTỷ lệ\t100%"), "a.pdf")).toBe("text");
  });

  it("refuses a zip that is neither Word nor Excel, with a stable code", () => {
    const zip = buildZip([{ name: "ppt/presentation.xml", data: Buffer.from("<p/>") }]);
    expect(codeOf(() => detectSourceKind(zip, "trinh-chieu.pptx"))).toMatch(/^unknown_zip_content: .*không phải tệp Word \.docx hay Excel \.xlsx/);
  });

  it("refuses binary junk (an old .doc, random bytes) instead of reading it as text", () => {
    const oldWord = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);
    expect(codeOf(() => detectSourceKind(oldWord, "qd.doc"))).toMatch(/^binary_content: .*\.docx/);
    expect(codeOf(() => detectSourceKind(Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x41]), "x.txt"))).toMatch(/^binary_content/);
  });

  it("refuses a zip bomb from its declared sizes, before inflating anything", () => {
    const bomb = buildZip([
      { name: "word/document.xml", data: Buffer.from("<w:document/>") },
      { name: "word/media/image1.png", data: new Uint8Array(1024), declaredSize: 1_500_000_000 },
    ]);
    expect(codeOf(() => detectSourceKind(bomb, "bom.docx"))).toMatch(/^zip_too_large: .*quá lớn/);
  });

  it("reads a .docx through the layout chosen by the person (the layout only: the kind stays Word)", async () => {
    const word = await wordFile(lines("STT\tNội dung\tChỉ tiêu", "1. Sở Tài chính"));
    const read = await readSourceBytes(word, "bang.docx", "table-text");
    expect(read.kind).toBe("docx");
    expect(read.layout).toBe("Tệp Word; bố cục: bảng chỉ tiêu (STT, nội dung, chỉ tiêu), không có phần đầu quyết định (theo lựa chọn của người nhập)");
    await expect(readSourceBytes(word, "bang.docx", "xlsx")).rejects.toMatchObject({ code: "format_not_for_kind" });
  });
});
