import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../support/stack";
import { runKpi, storageEnvironment } from "../support/kpiProcess";

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

function kpi(args: string[]) {
  return runKpi(args, storageEnvironment(stack, { KPI_KEY: "", KPI_SERVER: "" }));
}

/** "Tìm thấy 25 mục cơ quan, 372 dòng chỉ tiêu/nhiệm vụ." and the per-section lines after it. */
function counts(stdout: string): string[] {
  return stdout.split("\n").filter((line) => line.startsWith("Tìm thấy") || /^ {2}\S.*: \d+ dòng/.test(line));
}

describe("kpi import of Word and PDF decisions", () => {
  it.each([
    ["docx", "Tệp Word"],
    ["pdf", "Tệp PDF"],
  ])("reads the Vĩnh Phúc decision from .%s, names the layout and finds what the text has", async (extension, kindName) => {
    // The test system already holds 488/QĐ-CT (demo catalogue): the preview is of the same decision under a new number.
    const text = await kpi(["import", "test/fixtures/seeds/003_4c92e75b607b6c87.txt", "--dry-run", "--number", "9488/QĐ-CT"]);
    const document = await kpi(["import", `test/fixtures/documents/003_4c92e75b607b6c87.${extension}`, "--dry-run", "--number", "9488/QĐ-CT"]);
    expect(document.code, document.stderr + document.stdout).toBe(0);
    expect(document.stdout.split("\n")[0]).toBe(`${kindName}; bố cục: quyết định giao chỉ tiêu theo cơ quan (phần đầu văn bản và phụ lục dạng bảng)`);
    expect(document.stdout).toContain("Văn bản: 9488/QĐ-CT ngày 14/3/2022 – Vĩnh Phúc");
    expect(counts(document.stdout)).toEqual(counts(text.stdout));
    expect(counts(document.stdout)[0]).toBe("Tìm thấy 25 mục cơ quan, 372 dòng chỉ tiêu/nhiệm vụ.");
  });

  it("gives the layout as a field with --json", async () => {
    const { code, stdout } = await kpi(["import", "test/fixtures/documents/002_0e8855a91181c30a.docx", "--dry-run", "--json", "--number", "9106/KH-UBND"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.kind).toBe("docx");
    expect(result.layout).toMatch(/^Tệp Word; bố cục: kế hoạch có phụ lục nhiệm vụ/);
    expect(result.draft.sections).toHaveLength(31);
  });

  it("refuses a scanned PDF, saying it needs OCR, with the stable code", async () => {
    const { code, stderr, stdout } = await kpi(["import", "test/fixtures/documents/scanned.pdf", "--dry-run"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/không có lớp chữ .*nhận dạng chữ \(OCR\).*\[pdf_needs_ocr\]/s);
  });
});
