import { LevelFormat, PageBreak, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from "docx";
import { describe, expect, it } from "vitest";
import { blocksToTabText } from "../../functions/documents/blocks";
import { readDocx } from "../../functions/documents/docxReader";
import { lines, wordFile } from "./wordFiles";

function row(cells: string[], options: { header?: boolean } = {}): TableRow {
  return new TableRow({ tableHeader: options.header ?? false, children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
}

const HEADER = ["STT", "Nội dung", "Chỉ tiêu"];

describe("reading a Word decision", () => {
  it("keeps paragraphs and tables in order, a merged cell's value once where it was written", async () => {
    const table = new Table({
      rows: [
        row(HEADER, { header: true }),
        new TableRow({ children: [new TableCell({ columnSpan: 3, children: [new Paragraph("1. SỞ TÀI CHÍNH")] })] }),
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph("1")] }),
            new TableCell({ children: [new Paragraph("Tỷ lệ hồ sơ trực tuyến"), new Paragraph("toàn trình")] }),
            new TableCell({ verticalMerge: VerticalMergeType.RESTART, children: [new Paragraph("100%")] }),
          ],
        }),
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph("2")] }),
            new TableCell({ children: [new Paragraph("Tỷ lệ văn bản ký số")] }),
            new TableCell({ verticalMerge: VerticalMergeType.CONTINUE, children: [new Paragraph("")] }),
          ],
        }),
      ],
    });
    const blocks = readDocx(await wordFile([...lines("PHỤ LỤC", ""), table]), "a.docx");
    expect(blocks).toEqual([
      { kind: "paragraph", text: "PHỤ LỤC" },
      {
        kind: "table",
        rows: [HEADER, ["1. SỞ TÀI CHÍNH", "", ""], ["1", "Tỷ lệ hồ sơ trực tuyến\ntoàn trình", "100%"], ["2", "Tỷ lệ văn bản ký số", ""]],
      },
    ]);
    // What the text importers read: the merged heading as a line of its own, a cell's paragraphs joined by a space.
    expect(blocksToTabText(blocks)).toBe("PHỤ LỤC\nSTT\tNội dung\tChỉ tiêu\n1. SỞ TÀI CHÍNH\n1\tTỷ lệ hồ sơ trực tuyến toàn trình\t100%\n2\tTỷ lệ văn bản ký số\t");
  });

  it("drops header rows typed again further down and joins a table continued after a page break", async () => {
    const first = new Table({ rows: [row(HEADER, { header: true }), row(["1", "Chỉ tiêu một", "90%"]), row(HEADER), row(["2", "Chỉ tiêu hai", "95%"])] });
    const continued = new Table({ rows: [row(HEADER), row(["3", "Chỉ tiêu ba", "100%"])] });
    const other = new Table({ rows: [row(["TT", "Nhiệm vụ", "Thời gian"]), row(["1", "Ban hành quy chế", "Quý II/2025"])] });
    const blocks = readDocx(await wordFile([first, new Paragraph({ children: [new PageBreak()] }), continued, ...lines("2. Cấp huyện"), other]), "b.docx");
    expect(blocks).toEqual([
      { kind: "table", rows: [HEADER, ["1", "Chỉ tiêu một", "90%"], ["2", "Chỉ tiêu hai", "95%"], ["3", "Chỉ tiêu ba", "100%"]] },
      { kind: "paragraph", text: "2. Cấp huyện" },
      { kind: "table", rows: [["TT", "Nhiệm vụ", "Thời gian"], ["1", "Ban hành quy chế", "Quý II/2025"]] },
    ]);
  });

  it("writes out Word's automatic numbering (Roman, decimal, letters; levels reset under a new parent)", async () => {
    const numbering = {
      config: [
        {
          reference: "muc",
          levels: [
            { level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1." },
            { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2" },
            { level: 2, format: LevelFormat.LOWER_LETTER, text: "%3)" },
          ],
        },
      ],
    };
    const numbered = (text: string, level: number) => new Paragraph({ text, numbering: { reference: "muc", level } });
    const blocks = readDocx(
      await wordFile(
        [
          numbered("HẠ TẦNG SỐ", 0),
          numbered("Mạng truyền số liệu", 1),
          numbered("Cấp tỉnh", 2),
          numbered("Cấp xã", 2),
          numbered("Điện toán đám mây", 1),
          numbered("DỮ LIỆU SỐ", 0),
          numbered("Cơ sở dữ liệu dân cư", 1),
        ],
        numbering,
      ),
      "c.docx",
    );
    expect(blocks.map((block) => (block.kind === "paragraph" ? block.text : ""))).toEqual([
      "I. HẠ TẦNG SỐ",
      "I.1 Mạng truyền số liệu",
      "a) Cấp tỉnh",
      "b) Cấp xã",
      "I.2 Điện toán đám mây",
      "II. DỮ LIỆU SỐ",
      "II.1 Cơ sở dữ liệu dân cư",
    ]);
  });

  it("refuses a damaged Word file with a clear message", async () => {
    const word = await wordFile(lines("x"));
    const broken = Buffer.from(word);
    broken.fill(0x41, 200, 2000);
    expect(() => readDocx(broken, "hong.docx")).toThrow(/hong\.docx/);
  });
});

describe("agency headings written as table rows", () => {
  it("reads '1 | SỞ TÀI CHÍNH' in capitals as a section, an ordinary-case row with an empty target as a row", async () => {
    const table = new Table({
      rows: [row(HEADER, { header: true }), row(["1", "SỞ TÀI CHÍNH", ""]), row(["1", "Tỷ lệ hồ sơ trực tuyến", "100%"]), row(["2", "Tỷ lệ văn bản ký số", ""])],
    });
    const text = blocksToTabText(readDocx(await wordFile([table]), "d.docx"));
    expect(text.split("\n")).toEqual(["STT\tNội dung\tChỉ tiêu", "1. SỞ TÀI CHÍNH", "1\tTỷ lệ hồ sơ trực tuyến\t100%", "2\tTỷ lệ văn bản ký số\t"]);
  });
});

describe("text set side by side", () => {
  it("reads a two-column heading table column by column, as the header reader expects", async () => {
    const heading = new Table({
      rows: [
        new TableRow({
          children: [
            new TableCell({ children: lines("ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ", "Số: 1521/QĐ-UBND") }),
            new TableCell({ children: lines("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Phú Thọ, ngày 24 tháng 10 năm 2025") }),
          ],
        }),
      ],
    });
    const blocks = readDocx(await wordFile([heading, ...lines("QUYẾT ĐỊNH")]), "e.docx");
    expect(blocks.map((block) => (block.kind === "paragraph" ? block.text : "[bảng]"))).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH PHÚ THỌ",
      "Số: 1521/QĐ-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Phú Thọ, ngày 24 tháng 10 năm 2025",
      "QUYẾT ĐỊNH",
    ]);
  });
});
