import type { DraftRow, DraftSection, ImportDraft } from "../../shared/catalogue/draft";
import { paragraph, simpleHeader, type DocumentSpec, type HeaderCell, type SpecBlock, type SpecRow } from "./spec";

/**
 * A seed decision (text converted from a real PDF) laid out again as the Word file it came from: the text before
 * the appendix's table as paragraphs, then the appendix as real tables built from what the importer read — so
 * importing the generated document must give the same sections and rows as importing the text.
 */
export function specFromSeed(name: string, text: string, format: string, draft: ImportDraft): DocumentSpec {
  const lines = text.split(/\r\n|\r|\n/);
  if (format === "plan") return { name, blocks: planBlocks(lines, draft) };
  const firstLine = draft.sections[0]?.source?.line ?? lines.length + 1;
  return { name, blocks: [...opening(lines.slice(0, firstLine - 1)), agencyTable(draft.sections)] };
}

/**
 * The text before the appendix table, its heading set side by side as decisions print it when the seed has one:
 * issuer and number on the left ("ỦY BAN NHÂN DÂN", "TỈNH PHÚ THỌ", "Số: …"), the national motto and the date line
 * on the right, up to "QUYẾT ĐỊNH" / "KẾ HOẠCH".
 */
function opening(lines: readonly string[]): SpecBlock[] {
  const kept = lines.map((line) => line.trim()).filter((line) => line !== "");
  const motto = kept.findIndex((line) => line.startsWith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  const kind = kept.findIndex((line) => /^(QUYẾT ĐỊNH|KẾ HOẠCH)$/.test(line));
  if (motto < 1 || kind < motto) return paragraphs(kept);
  const start = kept.findIndex((line) => /^(ỦY|UỶ) BAN NHÂN DÂN$/.test(line));
  if (start < 0 || start >= motto) return paragraphs(kept);
  const heading = kept.slice(start, kind).filter((line) => !/^-+$/.test(line));
  const isLeft = (line: string) => heading.indexOf(line) < heading.findIndex((text) => text.startsWith("CỘNG HÒA")) || /^Số\s*:/.test(line);
  return [
    ...paragraphs(kept.slice(0, start)),
    { kind: "columns", columns: [heading.filter(isLeft), heading.filter((line) => !isLeft(line))] },
    ...paragraphs(kept.slice(kind)),
  ];
}

function paragraphs(lines: readonly string[]): SpecBlock[] {
  return lines.map((line) => line.trim()).filter((line) => line !== "").map((line) => paragraph(line));
}

/** One table for the whole appendix, each agency a heading row merged across it (the table crosses pages). */
function agencyTable(sections: readonly DraftSection[]): SpecBlock {
  const rows = sections.flatMap((section) => section.rows);
  const optional: Array<[string, (row: DraftRow) => string | undefined]> = [
    ["Đơn vị tính", (row) => row.unit],
    ["Cơ quan chủ trì", (row) => row.leadAgency],
    ["Cơ quan phối hợp", (row) => row.coordinatingAgencies?.join("; ")],
    ["Ghi chú", (row) => row.note],
  ];
  const extra = optional.filter(([, read]) => rows.some((row) => read(row) !== undefined));
  // Headings in capitals are written as Vĩnh Phúc's Word file has them, in the STT and content cells of their own row
  // ("1 | SỞ TÀI CHÍNH"); others as one cell merged across the row.
  const width = 3 + extra.length;
  const headingRow = (section: DraftSection): SpecRow =>
    section.heading === section.heading.toLocaleUpperCase("vi")
      ? { cells: [section.order, section.heading, ...Array.from({ length: width - 2 }, () => "")] }
      : { heading: `${section.order}. ${section.heading}` };
  const body: SpecRow[] = sections.flatMap((section) => [
    headingRow(section),
    ...section.rows.map((row) => ({ cells: [row.order, row.text, row.targetText, ...extra.map(([, read]) => read(row) ?? "")] })),
  ]);
  return {
    kind: "table",
    widths: [6, 60, 20, ...extra.map(() => 16)],
    header: simpleHeader(["STT", "Nội dung chỉ tiêu, nhiệm vụ", "Chỉ tiêu", ...extra.map(([name]) => name)]),
    rows: body,
  };
}

/** Huế's plan: appendix I (tasks grouped by field, one row per task) and appendix II (targets by milestone, per level). */
function planBlocks(lines: readonly string[], draft: ImportDraft): SpecBlock[] {
  const isAppendix = (numeral: string) => (line: string) => line.trim().toUpperCase() === `PHỤ LỤC ${numeral}`;
  const tasksAt = lines.findIndex(isAppendix("I"));
  const targetsAt = lines.findIndex(isAppendix("II"));
  const taskHeaderAt = lines.findIndex((line, index) => index > tasksAt && /^S?TT$/.test(line.trim()));
  const taskSections = draft.sections.filter((section) => section.part === "Phụ lục I");
  const targetSections = draft.sections.filter((section) => section.part !== "Phụ lục I");
  const firstPartAt = lines.findIndex((line, index) => index > targetsAt && line.trim() === targetSections[0]?.part);
  return [
    ...opening(lines.slice(0, tasksAt)),
    ...paragraphs(lines.slice(tasksAt, taskHeaderAt)),
    taskTable(taskSections),
    ...paragraphs(lines.slice(targetsAt, firstPartAt)),
    ...milestoneTables(targetSections),
  ];
}

function taskTable(sections: readonly DraftSection[]): SpecBlock {
  const rows = sections.flatMap((section) => section.rows).sort((a, b) => (a.source?.line ?? 0) - (b.source?.line ?? 0));
  const body: SpecRow[] = [];
  let group: string | undefined;
  for (const row of rows) {
    if (row.group && row.group !== group) {
      group = row.group;
      const [numeral, ...title] = row.group.split(". ");
      body.push({ cells: [numeral ?? "", title.join(". "), "", "", "", ""] });
    }
    const agencies = row.coordinatingAgencies ?? [];
    const coordinating = agencies.length > 1 ? agencies.map((agency, index) => `- ${agency}${index === agencies.length - 1 ? "." : ";"}`).join("\n") : (agencies[0] ?? "");
    body.push({ cells: [row.order.split(".").at(-1) ?? row.order, row.text, row.leadAgency ?? "", coordinating, row.deadlineText ?? "", row.note ?? ""] });
  }
  return { kind: "table", widths: [6, 40, 16, 18, 10, 10], header: simpleHeader(["TT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Ghi chú"]), rows: body };
}

/** One table per level ("1. Cấp Sở"): an agency per row, a column per indicator and milestone, two header rows. */
function milestoneTables(sections: readonly DraftSection[]): SpecBlock[] {
  const parts = [...new Set(sections.map((section) => section.part ?? ""))];
  return parts.flatMap((part) => {
    const inPart = sections.filter((section) => (section.part ?? "") === part);
    const indicators = inPart[0]?.rows ?? [];
    const dates = indicators.map((row) => (row.milestones ?? []).map((milestone) => milestone.due));
    const header: HeaderCell[][] = [
      [{ text: "STT", mergeDown: true }, { text: "Đơn vị", mergeDown: true }, ...indicators.map((row, index) => ({ text: row.text, span: dates[index]!.length }))],
      [{ text: "", covered: true }, { text: "", covered: true }, ...dates.flat().map((due) => ({ text: `Chỉ tiêu đến ${shortDate(due)}` }))],
    ];
    const rows: SpecRow[] = inPart.map((section) => ({
      cells: [section.order, section.heading, ...indicators.flatMap((indicator, index) => {
        const row = section.rows.find((candidate) => candidate.text === indicator.text);
        return dates[index]!.map((due) => row?.milestones?.find((milestone) => milestone.due === due)?.targetText ?? "");
      })],
    }));
    const columns = 2 + dates.flat().length;
    return [paragraph(part, { bold: true }), { kind: "table" as const, widths: [4, 16, ...Array.from({ length: columns - 2 }, () => 6)], header, rows }];
  });
}

/** "2025-03-31" → "31/3/2025", as the plan writes its milestones. */
function shortDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${day}/${month}/${year}`;
}
