import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTarget } from "../../shared/target/parse";
import { goldenLine } from "../support/goldenReading";
import { readCorpus } from "../support/corpusCases";
import { distinctTexts, hueCompletionTimes, hueMilestoneTargets, phuThoTargets, readSeed, vinhPhucTargets } from "../support/seedTargets";

/**
 * Golden readings: every target text of the corpus, of the seeds and of the forms list below, one line each. A change
 * of the grammar that changes a reading fails here with a readable diff; if the new reading is right, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run test/target/golden.test.ts` and review the diff of the .txt files.
 */
const GOLDEN_DIRECTORY = join(import.meta.dirname, "golden");

/** Forms real documents use that the corpus and seeds may not show. */
const FORMS = [
  // framing and lead-in words
  "phấn đấu đạt 65%", "Phấn đấu 90% cơ sở giáo dục", "mục tiêu năm 2026 là 45%", "theo kế hoạch 92%", "kế hoạch năm 2025 là 92%",
  "chỉ tiêu năm 2025 là 80%", "tiếp tục duy trì 98%", "duy trì ở mức 95%", "bảo đảm 100% hồ sơ", "thực hiện 100% hồ sơ", "số hóa 95% hồ sơ",
  "nâng lên 80%", "tăng lên 60%", "có 90% doanh nghiệp", "là 75%", "ở mức 70%", "đạt được 85%", "Dự kiến đạt 50%",
  // years and deadlines beside thresholds
  "Đạt 100% trước 30/6/2025", "đạt 100% vào năm 2025", "Đến năm 2026, 80% hồ sơ", "95% đến năm 2030", "đạt 90% chậm nhất ngày 31/12/2025",
  "≥ 90% trong quý III/2025", "90% trong 6 tháng đầu năm 2025", "80% đến hết năm 2025",
  // deadlines in every date form
  "31/12/2025", "31-12-2025", "31.12.2025", "ngày 31 tháng 12 năm 2025", "trước ngày 31/12/2025", "chậm nhất 31/12/2025", "đến hết năm 2025",
  "trong tháng 9 năm 2026", "6 tháng đầu năm 2025", "quý III/2025", "Hoàn thành trước 30/6", "hoàn thành trong năm 2025", "cuối năm 2025",
  // ranks
  "Top 10", "top 20 cả nước", "nhóm 10 tỉnh, thành phố dẫn đầu", "1 trong 20 địa phương dẫn đầu", "một trong 5 tỉnh đứng đầu", "đứng thứ 12",
  "xếp hạng 15/34", "nằm trong nhóm các tỉnh dẫn đầu", "thuộc nhóm Top 10 và nhóm 5 tỉnh dẫn đầu khu vực",
  // ratios and decimals
  "0,7/1.000 dân", "trên 1,5 doanh nghiệp/1.000 dân", "128 thuê bao trên 100 dân", "95/100 người trưởng thành", "≥ 2,5 lần/năm",
  // ranges
  "từ 50% đến 70%", "15 - 20%", "15% - 20% GRDP", "từ 10 đến 20 doanh nghiệp",
  // several thresholds
  "50% (năm 2025) và 80% (năm 2030)", "năm 2025 đạt 30%; năm 2030 đạt 50%", "Tối thiểu 90%, tối đa 95%", "cấp tỉnh 90%, cấp xã 80%",
  // vague, relative, money and unclear
  "khoảng 80%", "gần 90%", "có thể đạt 50%", "tăng dần", "nhóm các tỉnh dẫn đầu", "giảm 20%", "giảm tối thiểu 20%", "tăng 10% so với năm 2024",
  "2.300 tỷ đồng", "15 chỉ tiêu", "đạt 96…", "=B2*100", "= 5%", "Tỷ lệ 150%", "Quý V/2025",
  // numbers that are days, months, cadences or places gained, never counts
  "Trước ngày 15 hàng tháng", "Tháng 12 hằng năm", "Định kỳ 6 tháng/lần", "Cải thiện ít nhất 3 bậc", "tăng 10 bậc so với năm 2023",
  // more sentences of plans
  "Năm 2025: 60%; Năm 2026: 80%", "Giảm tỷ lệ hồ sơ trễ hạn xuống dưới 2%", "Không quá 3 ngày làm việc", "Triển khai tại 100% xã, phường",
  "Mỗi xã có ít nhất 1 tổ công nghệ số cộng đồng", "Nằm trong nhóm 3 địa phương dẫn đầu khu vực Tây Nguyên", "Xếp thứ 10 trở lên",
  "95% (tăng 5% so với năm 2024)", "Kinh tế số chiếm 20% GRDP, tăng 5% mỗi năm",
  // words that turn a threshold around
  "không vượt 5%", "chưa đến 5%", "Hạ xuống 5%", "chỉ còn 5%", "từ 90% trở xuống", "tăng 10 - 20%",
  // a date is a deadline when the words say so, never when it is a baseline
  "Bằng hoặc cao hơn năm 2024", "Tối thiểu bằng năm 2024", "Thời gian thực hiện: Quý III/2025",
  "Hoàn thành việc kết nối, chia sẻ dữ liệu với Cổng DVC quốc gia trước 30/9/2025",
  "Quý I/2025: 30%; Quý II/2025: 50%; Quý III/2025: 70%; Quý IV/2025: 100%", "Đến ngày 30/6/2025 đạt 50%, đến ngày 31/12/2025 đạt 100%",
  // a year set apart as one
  "Chỉ tiêu 2025: 80%", "≥ 80% (2025)", "80% (2025) và 90% (2026)", "Tối thiểu 70% (năm 2024: 65%)",
  // "nhóm" beside a percentage names a group of people or things, not a ranking
  "100% nhóm hộ nghèo được hỗ trợ", "nằm trong nhóm 10 tỉnh có tỷ lệ 90%",
];

function check(name: string, lines: readonly string[]): void {
  const path = join(GOLDEN_DIRECTORY, `${name}.txt`);
  const text = `${lines.join("\n")}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) writeFileSync(path, text);
  expect(text).toBe(readFileSync(path, "utf8"));
}

const unique = (texts: readonly string[]) => [...new Set(texts.filter((text) => text.trim() !== ""))];

describe("golden readings", () => {
  it("of the development corpus", () => {
    const lines = readCorpus()
      .filter((row) => row.target !== "")
      .map((row) => `${row.id} ${goldenLine(row.target, parseTarget(row.target))}`);
    check("corpus", lines);
  });

  it("of the three seed decisions", () => {
    const texts = unique([
      ...distinctTexts(phuThoTargets(readSeed("phuTho"))),
      ...distinctTexts(vinhPhucTargets(readSeed("vinhPhuc"))),
      ...distinctTexts(hueMilestoneTargets(readSeed("hue"))),
      ...distinctTexts(hueCompletionTimes(readSeed("hue"))),
    ]);
    check("seeds", texts.map((text) => goldenLine(text, parseTarget(text))));
  });

  it("of the forms real documents use", () => {
    check("forms", unique(FORMS).map((text) => goldenLine(text, parseTarget(text, text === "Hoàn thành trước 30/6" ? { year: 2025 } : {}))));
  });
});
