import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { detectEvidenceKind, EvidenceFileRejectedError } from "../../functions/documents/evidenceKind";

async function xlsxEntries(): Promise<Record<string, Uint8Array>> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Số liệu").getCell("A1").value = 1;
  return unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

function refusal(bytes: Uint8Array): { code: string; message: string } {
  try {
    detectEvidenceKind(bytes, "minh-chung");
  } catch (error) {
    if (error instanceof EvidenceFileRejectedError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("accepted");
}

describe("telling an evidence file's kind from its bytes", () => {
  it("knows an Excel package by its workbook part whatever it is called", async () => {
    expect(detectEvidenceKind(zipSync(await xlsxEntries()), "anh.png")).toBe("xlsx");
  });

  it("refuses an Excel package with a VBA project, and a Word package declared macro-enabled", async () => {
    const excel = await xlsxEntries();
    excel["xl/vbaProject.bin"] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]);
    expect(refusal(zipSync(excel)).code).toBe("macro_enabled");

    const word = {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      ),
      "word/document.xml": strToU8("<w:document/>"),
    };
    expect(refusal(zipSync(word))).toMatchObject({ code: "macro_enabled" });
  });

  it("refuses a zip that is neither Word nor Excel, or claims to be both, or is broken", async () => {
    expect(refusal(zipSync({ "readme.txt": strToU8("xin chào") })).code).toBe("evidence_file_invalid");
    const both = await xlsxEntries();
    both["word/document.xml"] = strToU8("<w:document/>");
    expect(refusal(zipSync(both)).code).toBe("evidence_file_invalid");
    const broken = zipSync(await xlsxEntries()).subarray(0, 200);
    expect(refusal(broken).code).toBe("evidence_file_invalid");
  });

  it("refuses text, and a PDF signature that is not at the start", () => {
    expect(refusal(strToU8("Quyết định số 12/QĐ-UBND")).code).toBe("evidence_file_invalid");
    expect(refusal(strToU8("junk %PDF-1.7")).message).toContain("không phải PDF, Word, Excel hay ảnh");
  });
});
