import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { importPdfText } from "../../../shared/catalogue/importers/pdfText";
import { askForHeaderFields, decisionFromHeader } from "../../../shared/catalogue/decision";
import { runImport } from "../../../functions/cli/commands/import";
import { startStack } from "../../support/stack";
import type { CliIo } from "../../../functions/cli/io";

const DRAFT_PATH = "test/fixtures/layouts/du-thao-chua-so.txt";
const DRAFT = readFileSync(new URL("../../fixtures/layouts/du-thao-chua-so.txt", import.meta.url), "utf8");

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), lines: async function* () {} };
}

describe("a draft decision with its number and date left blank", () => {
  const draft = importPdfText(DRAFT);

  it("reads the rows and says which header fields the draft leaves blank, by line", () => {
    expect(draft.header).toMatchObject({ province: "Lào Cai", year: 2025 });
    expect(draft.header.number).toBeUndefined();
    expect(draft.header.date).toBeUndefined();
    expect(draft.problems).toEqual([
      {
        code: "missing_header_field",
        severity: "warning",
        field: "number",
        message: 'Dòng 6: văn bản chưa có số ("Số: /QĐ-UBND"), có thể là bản dự thảo; hãy cho biết số văn bản khi nhập.',
        text: "Số:       /QĐ-UBND",
        source: { line: 6 },
      },
      expect.objectContaining({ code: "missing_header_field", severity: "warning", field: "date", source: { line: 11 } }),
    ]);
    expect(draft.sections.map((section) => [section.heading, section.rows.length])).toEqual([
      ["Sở Tài chính", 3],
      ["Sở Y tế", 3],
      ["UBND các xã, phường", 3],
    ]);
    expect(draft.stats).toMatchObject({ linesSkipped: 0 });
  });

  it("asks for each missing field by its flag, or by its query parameter", () => {
    const refused = decisionFromHeader(draft.header);
    expect(refused).toEqual({
      problems: [
        {
          code: "missing_header_field",
          severity: "error",
          field: "number",
          message: "Không xác định được số văn bản của văn bản: hãy ghi trong văn bản hoặc cho biết khi nhập (--number 123/QĐ-UBND).",
        },
        {
          code: "missing_header_field",
          severity: "error",
          field: "date",
          message: "Không xác định được ngày ban hành của văn bản: hãy ghi trong văn bản hoặc cho biết khi nhập (--date 2025-10-24).",
        },
      ],
    });
    const problems = "problems" in refused ? refused.problems : [];
    expect(askForHeaderFields(problems)).toBe("Văn bản chưa có số văn bản, ngày ban hành. Hãy cho biết khi nhập: --number 123/QĐ-UBND --date 2025-10-24.");
    const http = decisionFromHeader(draft.header, {}, "parameters");
    expect(askForHeaderFields("problems" in http ? http.problems : [], "parameters")).toBe(
      "Văn bản chưa có số văn bản, ngày ban hành. Hãy cho biết khi nhập: number=123/QĐ-UBND&date=2025-10-24.",
    );
    expect(decisionFromHeader(draft.header, { number: "15/QĐ-UBND", date: "2025-11-03" })).toMatchObject({
      decision: { id: "lao-cai-15-qd-ubnd", number: "15/QĐ-UBND", date: "2025-11-03", year: 2025 },
    });
  });

  it("kpi import names the flags to give, then imports once they are given", async () => {
    const stack = await startStack();
    const saved = { connection: process.env.KPI_STORAGE_CONNECTION, prefix: process.env.KPI_STORAGE_PREFIX };
    process.env.KPI_STORAGE_CONNECTION = inject("azuriteConnection");
    process.env.KPI_STORAGE_PREFIX = stack.prefix;
    try {
      const first = io();
      expect(await runImport([DRAFT_PATH, "--dry-run"], first)).toBe(1);
      expect(first.stderr[0]).toContain("Văn bản chưa có số văn bản, ngày ban hành. Hãy cho biết khi nhập: --number 123/QĐ-UBND --date 2025-10-24.");

      const second = io();
      expect(await runImport([DRAFT_PATH, "--dry-run", "--number", "15/QĐ-UBND", "--date", "2025-11-03"], second)).toBe(0);
      expect(second.stderr).toEqual([]);
      expect(second.stdout).toContain("Tìm thấy 3 mục cơ quan, 9 dòng chỉ tiêu/nhiệm vụ.");
    } finally {
      if (saved.connection === undefined) delete process.env.KPI_STORAGE_CONNECTION;
      else process.env.KPI_STORAGE_CONNECTION = saved.connection;
      if (saved.prefix === undefined) delete process.env.KPI_STORAGE_PREFIX;
      else process.env.KPI_STORAGE_PREFIX = saved.prefix;
      await stack.close();
    }
  });
});
