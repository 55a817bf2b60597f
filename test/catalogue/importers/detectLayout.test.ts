import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLayout } from "../../../shared/catalogue/importers/detectLayout";
import { readSource } from "../../../functions/catalogue/readSource";

const text = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");
const row = (...cells: string[]) => cells.join("\t");

const FILES: ReadonlyArray<readonly [string, string, string]> = [
  ["seeds/000_631dd23ab7c0a6ab.txt", "pdf-text", 'Văn bản quyết định hoặc kế hoạch chuyển sang chữ (có dòng "Số: 1521/QĐ-UBND")'],
  ["seeds/002_0e8855a91181c30a.txt", "plan", 'Kế hoạch có phụ lục nhiệm vụ (PHỤ LỤC I) và bảng chỉ tiêu theo mốc, mỗi ô một dòng (có cột "Chỉ tiêu đến 31/3/2025")'],
  ["seeds/003_4c92e75b607b6c87.txt", "pdf-text", 'Văn bản chuyển sang chữ có phụ lục (có dòng "Phụ lục:")'],
  ["layouts/ke-hoach-nhieu-nam.txt", "multi-year", "Bảng kế hoạch nhiều năm (có cột ĐVT, KH 2024, Ước TH 2024, KH 2025, Định hướng 2030)"],
  ["layouts/bao-cao-ket-qua-pdf.txt", "results-report", "Báo cáo kết quả thực hiện (có cột Cơ quan chủ trì, Cơ quan phối hợp, Kết quả thực hiện năm 2024)"],
  ["layouts/chi-tieu-theo-moc-hai-cap.txt", "milestone-table", "Bảng chỉ tiêu theo mốc, mỗi hàng một chỉ tiêu (có cột Chỉ tiêu giao năm 2025 Quý I, Chỉ tiêu giao năm 2025 Quý II, Chỉ tiêu giao năm 2025 Quý III, Chỉ tiêu giao năm 2025 Quý IV)"],
  ["layouts/du-thao-chua-so.txt", "pdf-text", 'Văn bản quyết định hoặc kế hoạch chuyển sang chữ (có dòng "Số: /QĐ-UBND")'],
];

describe("layout detection from the content, with a reason", () => {
  it.each(FILES)("%s → %s", (path, format, reason) => {
    expect(detectLayout(text(path))).toEqual({ format, reason });
  });

  it("imports every fixture and seed with the layout it picks, without errors; the fixtures with every line placed", async () => {
    for (const [path, format] of FILES) {
      const { format: chosen, draft } = await readSource(`test/fixtures/${path}`);
      expect(chosen, path).toBe(format);
      expect(draft.problems.filter((problem) => problem.severity === "error"), path).toEqual([]);
      if (path.startsWith("layouts/")) expect(draft.stats?.linesSkipped, path).toBe(0);
    }
  });

  it("recognises the seed layouts' wording in tables pasted from Word", () => {
    const multiYear = row("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Thực hiện năm 2024", "Kế hoạch năm 2025", "Định hướng đến năm 2030", "Cơ quan theo dõi/chủ trì");
    expect(detectLayout(multiYear)).toEqual({
      format: "multi-year",
      reason: "Bảng kế hoạch nhiều năm (có cột Đơn vị tính, Kế hoạch năm 2024, Thực hiện năm 2024, Kế hoạch năm 2025, Định hướng đến năm 2030)",
    });
    const results = row("TT", "Chỉ tiêu", "Đơn vị chủ trì", "Ước thực hiện năm 2024");
    expect(detectLayout(results).format).toBe("results-report");
    const twoRows = [row("STT", "Nội dung", "ĐVT", "Năm 2024", "", "Năm 2025"), row("", "", "", "Kế hoạch", "Ước TH", "Kế hoạch")].join("\n");
    expect(detectLayout(twoRows)).toEqual({ format: "multi-year", reason: "Bảng kế hoạch nhiều năm (có cột ĐVT, Kế hoạch Năm 2024, Ước TH Năm 2024, Kế hoạch Năm 2025)" });
  });

  it("reads an assignment table as pasted text, saying so", () => {
    const pasted = [row("STT", "Nội dung", "Chỉ tiêu"), "1. Sở Y tế", row("1", "Tỷ lệ hồ sơ trực tuyến", "Tối thiểu 60%")].join("\n");
    expect(detectLayout(pasted).format).toBe("table-text");
  });
});

describe("layout detection: Huế's appendix as a Word table", () => {
  it("recognises one agency per row with indicator names over their milestone columns", () => {
    const text = [
      ["STT", "Đơn vị", "Hồ sơ nộp trực tuyến", "", "Thanh toán trực tuyến trên cổng DVCQG", ""].join("\t"),
      ["", "", "Chỉ tiêu đến 30/6/2025", "Chỉ tiêu đến 31/12/2025", "Chỉ tiêu đến 30/6/2025", "Chỉ tiêu đến 31/12/2025"].join("\t"),
      ["1", "Sở Y tế", ">50%", ">75%", "20%", "30%"].join("\t"),
    ].join("\n");
    expect(detectLayout(text)).toEqual({
      format: "milestone-table",
      reason: "Bảng chỉ tiêu theo mốc, mỗi hàng một đơn vị (chỉ tiêu Hồ sơ nộp trực tuyến, Thanh toán trực tuyến trên cổng DVCQG; cột Chỉ tiêu đến 30/6/2025, Chỉ tiêu đến 31/12/2025)",
    });
  });
});
