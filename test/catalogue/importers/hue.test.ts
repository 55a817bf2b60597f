import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importHuePlan } from "../../../shared/catalogue/importers/hue";
import { importDraftSchema } from "../../../shared/catalogue/draft";
import { parseTarget } from "../../../shared/target/parse";

const HUE = readFileSync(new URL("../../fixtures/seeds/002_0e8855a91181c30a.txt", import.meta.url), "utf8");
const LINES = HUE.split("\n");

describe("Huế plan 106/KH-UBND: both appendices in one draft", () => {
  const draft = importHuePlan(HUE);

  it("reads the plan's header", () => {
    expect(draft.header).toEqual({
      number: "106/KH-UBND",
      date: "2025-03-04",
      province: "Huế",
      issuer: "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ",
      year: 2025,
      title: "Kế hoạch 106/KH-UBND nâng cao chỉ số dịch vụ công trực tuyến trên địa bàn thành phố Huế năm 2025",
    });
  });

  it("is a valid draft with the tasks first, then the two target tables", () => {
    expect(importDraftSchema.safeParse(draft).success).toBe(true);
    const parts = draft.sections.map((section) => section.part);
    expect(parts.filter((part) => part === "Phụ lục I")).toHaveLength(9);
    expect(parts.filter((part) => part === "1. Cấp Sở")).toHaveLength(13);
    expect(parts.filter((part) => part === "2. Cấp huyện")).toHaveLength(9);
    expect(parts.indexOf("1. Cấp Sở")).toBe(9);
    const rows = draft.sections.flatMap((section) => section.rows);
    expect(rows).toHaveLength(24 + 22 * 4);
  });

  it("reports only warnings: the two repeated dates, the empty coordinating cell, the joined line, the cut-off task", () => {
    expect(draft.problems.map((problem) => [problem.severity, problem.code, problem.source?.line])).toEqual([
      ["warning", "empty_cell", 247],
      ["warning", "joined_cell_lines", 254],
      ["warning", "missing_cell", 257],
      ["warning", "duplicate_milestone_date", 273],
      ["warning", "duplicate_milestone_date", 477],
    ]);
    for (const problem of draft.problems) expect(problem.message).toMatch(new RegExp(`^Dòng ${problem.source!.line}: `));
  });

  it("places every line of the appendices: PHỤ LỤC I (line 101) up to the site's footer (line 610)", () => {
    const firstAppendixLine = LINES.indexOf("PHỤ LỤC I") + 1;
    const footerLine = LINES.findIndex((line) => line.startsWith("Nguồn tra cứu")) + 1;
    expect([firstAppendixLine, footerLine]).toEqual([101, 610]);
    const nonBlank = LINES.slice(firstAppendixLine - 1, footerLine - 1).filter((line) => line.trim() !== "").length;
    expect(draft.stats).toEqual({ linesRead: nonBlank, linesPlaced: nonBlank, linesSkipped: 0 });
    expect(nonBlank).toBe(508);
  });

  it("gives targets the grammar reads without errors, milestones included", () => {
    const texts = draft.sections.flatMap((section) => section.rows.flatMap((row) => [row.targetText, ...(row.milestones ?? []).map((milestone) => milestone.targetText)]));
    expect(texts).toHaveLength(24 + 22 * 4 * 4);
    for (const text of texts) {
      const parsed = parseTarget(text);
      expect(parsed.ok, text).toBe(true);
    }
    // Only the cut-off task has no target: a person must complete it.
    const manual = texts.filter((text) => {
      const parsed = parseTarget(text);
      return parsed.ok && parsed.target.kind === "manual";
    });
    expect(manual).toEqual([""]);
  });

  it("keeps the same agency apart in each appendix: Sở Tài chính leads tasks and has milestone targets", () => {
    const finance = draft.sections.filter((section) => section.heading === "Sở Tài chính");
    expect(finance.map((section) => [section.part, section.rows.length])).toEqual([
      ["Phụ lục I", 2],
      ["1. Cấp Sở", 4],
    ]);
  });

  it("reports a plan without its target appendix", () => {
    const cut = importHuePlan(LINES.slice(0, 259).join("\n"));
    expect(cut.problems.filter((problem) => problem.severity === "error")).toEqual([
      {
        code: "missing_appendix",
        severity: "error",
        message: 'Không tìm thấy dòng "PHỤ LỤC II": kế hoạch cần cả phụ lục nhiệm vụ (I) và phụ lục chỉ tiêu theo mốc (II).',
      },
    ]);
    expect(cut.sections.flatMap((section) => section.rows)).toHaveLength(24);
  });
});
