import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readSourceBytes } from "../../functions/catalogue/readSource";
import type { ImportDraft } from "../../shared/catalogue/draft";
import { specFromLayoutText } from "../../scripts/documentFixtures/fromLayoutText";
import { writeDocx } from "../../scripts/documentFixtures/writeDocx";
import { writePdf } from "../../scripts/documentFixtures/writePdf";

/**
 * Any layout written as text reads the same once laid out as a Word table and as a printed PDF: the generator and
 * the readers agree on paragraphs, header rows, merged section rows and wrapped cells.
 */
const INLINE = [
  "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ",
  "Số: 77/QĐ-UBND",
  "Phú Thọ, ngày 05 tháng 01 năm 2026",
  "QUYẾT ĐỊNH",
  "Về việc giao chỉ tiêu chuyển đổi số năm 2026",
  "PHỤ LỤC",
  "STT\tNội dung chỉ tiêu\tChỉ tiêu\tĐơn vị tính\tGhi chú",
  "1. Sở Tài chính",
  "1\tTỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh\tTối thiểu 90%\t%\t",
  "2\tSố cuộc họp trực tuyến do Sở chủ trì\t≥ 12\tcuộc/năm\tBáo cáo hằng quý",
  "2. Sở Y tế",
  "1\tTỷ lệ bệnh viện triển khai bệnh án điện tử\t100%\t%\tTheo lộ trình của Bộ Y tế",
].join("\n");

function content(draft: ImportDraft) {
  return draft.sections.map(({ source: _section, rows, ...section }) => ({ ...section, rows: rows.map(({ source: _row, ...row }) => row) }));
}

async function layouts(): Promise<Array<[string, string]>> {
  const folder = "test/fixtures/layouts";
  const files = existsSync(folder) ? (await readdir(folder)).filter((file) => file.endsWith(".txt")).sort() : [];
  return [["inline", INLINE], ...(await Promise.all(files.map(async (file): Promise<[string, string]> => [file, await readFile(`${folder}/${file}`, "utf8")])))];
}

/**
 * The layout with its table's body written `copies` times: a table over several pages, its header drawn again at the
 * top of each and rows cut by the page breaks.
 */
function overPages(text: string, copies: number): string {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== "");
  const header = lines.findIndex((line) => /^(STT|TT)\t/.test(line));
  let body = header + 1;
  while (lines[body]?.startsWith("\t")) body += 1;
  return [...lines.slice(0, body), ...Array.from({ length: copies }, () => lines.slice(body)).flat()].join("\n");
}

async function expectSameReading(name: string, text: string): Promise<ImportDraft> {
  const fromText = await readSourceBytes(Buffer.from(text), `${name}.txt`);
  const spec = specFromLayoutText(name, text);
  for (const [extension, bytes] of [
    ["docx", await writeDocx(spec)],
    ["pdf", Buffer.from(await writePdf(spec))],
  ] as const) {
    const fromDocument = await readSourceBytes(bytes, `${name}.${extension}`);
    expect(fromDocument.kind).toBe(extension);
    expect(fromDocument.format).toBe(fromText.format);
    expect(content(fromDocument.draft)).toEqual(content(fromText.draft));
  }
  return fromText.draft;
}

describe("layouts written as text, laid out as documents", async () => {
  it.each(await layouts())("%s reads the same from .docx and .pdf", async (name, text) => {
    const fromText = await expectSameReading(name, text);
    if (name === "inline") {
      expect(content(fromText).map((section) => [section.heading, section.rows.length])).toEqual([
        ["Sở Tài chính", 2],
        ["Sở Y tế", 1],
      ]);
    }
  });

  // Layouts with one table (a draft decision's small table per agency would only repeat its agencies).
  const oneTable = (await layouts()).filter(([name, text]) => name !== "inline" && text.split(/\r\n|\r|\n/).filter((line) => /^(STT|TT)\t/.test(line)).length === 1);
  it.each(oneTable)("%s over several pages reads the same from .docx and .pdf", async (name, text) => {
    const draft = await expectSameReading(name, overPages(text, 4));
    expect(draft.sections.flatMap((section) => section.rows).length).toBeGreaterThan(20);
  });
});
