import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readSource, SourceError } from "../../functions/catalogue/readSource";
import { readPdfPages } from "../../functions/documents/pdfItems";
import { readPdf } from "../../functions/documents/pdfReader";

const PHU_THO = "test/fixtures/documents/000_631dd23ab7c0a6ab.pdf";
const HUE = "test/fixtures/documents/002_0e8855a91181c30a.pdf";
const VINH_PHUC = "test/fixtures/documents/003_4c92e75b607b6c87.pdf";

describe("reading a PDF with a text layer", () => {
  it("rebuilds one table from a table printed over several pages, headers drawn on each page kept once", async () => {
    const data = await readFile(PHU_THO);
    const pages = await readPdfPages(data, "qd.pdf");
    const headersDrawn = pages.filter((page) => page.chunks.some((chunk) => chunk.text === "STT")).length;
    expect(headersDrawn).toBeGreaterThan(2);
    const tables = (await readPdf(data, "qd.pdf")).filter((block) => block.kind === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows : [];
    expect(rows.filter((row) => row[0] === "STT")).toHaveLength(1);
    expect(rows[1]).toEqual(["1. Ban Quản lý các Khu công nghiệp", "", ""]);
    // A long cell printed over three lines comes back as one.
    expect(rows).toContainEqual([
      "6",
      "Tỷ lệ văn bản, hồ sơ công việc (trừ văn bản, hồ sơ có chứa nội dung bí mật nhà nước) được thực hiện toàn trình trên Hệ thống Quản lý và điều hành",
      "Tối thiểu 90%",
    ]);
  });

  it("keeps a row split by a page break whole", async () => {
    const data = await readFile(VINH_PHUC);
    const pages = await readPdfPages(data, "qd.pdf");
    const pageOf = (start: string) => pages.find((page) => page.chunks.some((chunk) => chunk.text.startsWith(start)))?.number ?? 0;
    expect(pageOf("(email công vụ")).toBe(pageOf("Tỷ lệ công chức, viên chức trong cơ quan được gắn") + 1);
    const table = (await readPdf(data, "qd.pdf")).find((block) => block.kind === "table");
    expect(table?.kind === "table" ? table.rows : []).toContainEqual([
      "23",
      "Tỷ lệ công chức, viên chức trong cơ quan được gắn định danh số trong xử lý công việc (email công vụ, chữ ký số đối với cán bộ có thẩm quyền ký ban hành văn bản...)",
      ">95%",
    ]);
  });

  it("drops running headers and page numbers, keeps the items of a cell apart", async () => {
    const blocks = await readPdf(await readFile(HUE), "kh.pdf");
    const text = JSON.stringify(blocks);
    expect(text).not.toMatch(/Trang \d+\/\d+/);
    expect(text).not.toContain("không có giá trị pháp lý");
    expect(blocks[0]).toEqual({ kind: "paragraph", text: "Kế hoạch 106/KH-UBND nâng cao chỉ số dịch vụ công trực tuyến trên địa bàn thành phố Huế năm 2025" });
    const tasks = blocks.find((block) => block.kind === "table");
    const coordinated = tasks?.kind === "table" ? tasks.rows.find((row) => row[1]?.startsWith("Nghiên cứu, tham mưu Ủy ban nhân dân thành phố báo cáo")) : undefined;
    expect(coordinated?.slice(2, 5)).toEqual(["Sở Tài chính", "- Sở Tư pháp;\n- Văn phòng UBND thành phố;\n- Sở Khoa học và Công nghệ.", "Quý II/2025"]);
  });

  it("reads the decision's heading printed side by side column by column", async () => {
    const blocks = await readPdf(await readFile(PHU_THO), "qd.pdf");
    expect(blocks.slice(0, 7).map((block) => (block.kind === "paragraph" ? block.text : "[bảng]"))).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH PHÚ THỌ",
      "Số: 1521/QĐ-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Phú Thọ, ngày 24 tháng 10 năm 2025",
      "QUYẾT ĐỊNH",
    ]);
  });

  it("refuses a scan without text, saying it needs OCR first", async () => {
    const error = await readSource("test/fixtures/documents/scanned.pdf").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: "pdf_needs_ocr" });
    expect((error as Error).message).toMatch(/nhận dạng chữ \(OCR\)/);
  });

  it("refuses a damaged PDF with a clear message", async () => {
    const broken = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0x41)]);
    await expect(readPdf(broken, "hong.pdf")).rejects.toMatchObject({ code: "pdf_unreadable" });
  });
});
