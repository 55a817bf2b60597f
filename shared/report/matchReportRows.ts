import { resolveAgencyName, slugOf } from "../catalogue/agencyNames";
import { SAME_INDICATOR_SIMILARITY, UNCERTAIN_SIMILARITY } from "../catalogue/build";
import type { ImportDraft } from "../catalogue/draft";
import { indicatorKey } from "../catalogue/indicatorKey";
import { keySimilarity } from "../catalogue/similarity";
import type { SubmissionValue } from "../model/submissionValue";
import { extractEmbeddedTarget } from "../target/embedded";
import { normalizeText } from "../text/normalize";
import { readReportedResult } from "../verdict/reportedResult";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { judgePeriodValue } from "./judgeValue";
import type { PeriodAssignment, PeriodAssignments } from "./periodAssignments";
import type { ReportRow } from "./resultsReport";

/**
 * A results report's rows set against one agency's assignments for a period, with the catalogue's own matcher: the
 * normalised indicator key, then word-pair similarity (≥ 0,9 the same indicator, 0,6–0,9 a person confirms).
 */

export interface ReportLine {
  text: string;
  leadAgency: string;
  resultText?: string;
  line?: number;
}

/** The rows of a results-report draft in the order of the file (the reader groups them by lead agency). */
export function reportLinesOf(draft: ImportDraft): ReportLine[] {
  const rows = draft.sections.flatMap((section) =>
    section.rows.map((row) => ({
      text: row.text,
      leadAgency: row.leadAgency ?? section.heading,
      ...(row.resultText !== undefined ? { resultText: row.resultText } : {}),
      ...(row.source?.line !== undefined ? { line: row.source.line } : {}),
    })),
  );
  return rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Whether a lead-agency cell names the agency: "Sở Tài chính", "SỞ TÀI CHÍNH", "UBND xã Hạ Hòa" for "Xã Hạ Hòa", or
 * exactly the name the caller says stands for it in this report (`alias`).
 */
export function leadIsAgency(lead: string, view: PeriodAssignments, alias?: string): boolean {
  if (alias !== undefined && slugOf(alias) !== "" && slugOf(alias) === slugOf(lead)) return true;
  const resolved = resolveAgencyName(lead);
  // "UBND xã Hạ Hòa" is "Xã Hạ Hòa"; "Sở Tài chính tỉnh Phú Thọ" is "Sở Tài chính".
  const bare = (slug: string) => slug.replace(/^ubnd-/, "").replace(/-tinh-[a-z0-9-]+$/, "");
  const names = new Set([view.agency.id, slugOf(view.agency.name)].map(bare));
  if (names.has(bare(resolved.id)) || names.has(bare(slugOf(resolved.name)))) return true;
  // "UBND các xã, phường" leads rows every commune reports on.
  return view.assignments.some((assignment) => assignment.viaGroupId !== undefined && assignment.viaGroupId === resolved.id);
}

/** The indicator without a target written into it: "Tỷ lệ … đạt tối thiểu 90%" → "Tỷ lệ …". */
function keysOf(text: string): string[] {
  const keys = [indicatorKey(text)];
  const embedded = extractEmbeddedTarget(text);
  if (embedded.found) {
    const normalized = normalizeText(text);
    keys.push(indicatorKey(normalized.slice(0, embedded.offset) + normalized.slice(embedded.offset + embedded.length)));
  }
  return keys.filter((key) => key !== "");
}

function similarity(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  for (const left of a) for (const right of b) best = Math.max(best, keySimilarity(left, right));
  return best;
}

const showShare = (value: number) => formatVietnameseNumber(Math.round(value * 100) / 100);

export function matchReportRows(lines: readonly ReportLine[], view: PeriodAssignments, alias?: string): ReportRow[] {
  const candidates = view.assignments.map((assignment) => ({ assignment, keys: keysOf(assignment.text) }));
  const rows: ReportRow[] = lines.map((line, index) => {
    const base = {
      row: index + 1,
      ...(line.line !== undefined ? { line: line.line } : {}),
      text: line.text,
      leadAgency: line.leadAgency,
      ...(line.resultText ? { reportedText: line.resultText } : {}),
    };
    if (!leadIsAgency(line.leadAgency, view, alias)) {
      return { ...base, status: "other_agency", reason: `Chỉ tiêu do ${line.leadAgency} chủ trì, không phải ${view.agency.name}.` };
    }
    const keys = keysOf(line.text);
    const scored = candidates
      .map((candidate) => ({ assignment: candidate.assignment, score: similarity(keys, candidate.keys) }))
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (!best || best.score < UNCERTAIN_SIMILARITY) {
      return { ...base, status: "unmatched", reason: `Không có chỉ tiêu nào được giao cho ${view.agency.name} trong kỳ giống nội dung này.` };
    }
    const found = { ...base, ...assignmentFields(best.assignment), similarity: best.score };
    const runnerUp = scored[1];
    if (best.score >= SAME_INDICATOR_SIMILARITY && !(runnerUp && runnerUp.score >= SAME_INDICATOR_SIMILARITY)) {
      return { ...found, status: "matched" };
    }
    const reason =
      best.score >= SAME_INDICATOR_SIMILARITY
        ? "Nội dung giống nhiều chỉ tiêu được giao: cần chọn đúng chỉ tiêu."
        : `Nội dung chỉ giống chỉ tiêu được giao (độ giống ${showShare(best.score)}): cần xác nhận đúng là chỉ tiêu này.`;
    return { ...found, status: "uncertain", reason };
  });
  return rows.map((row) => (row.status === "matched" ? demoteShared(row, rows) : row)).map((row) => withValue(row, view));
}

function assignmentFields(assignment: PeriodAssignment) {
  return {
    assignmentId: assignment.assignmentId,
    indicatorCode: assignment.indicatorCode,
    assignmentText: assignment.text,
    targetText: assignment.targetText,
  };
}

/** Two rows reporting one assignment: neither value is taken without a person choosing. */
function demoteShared(row: ReportRow, rows: readonly ReportRow[]): ReportRow {
  const others = rows.filter((other) => other !== row && other.assignmentId === row.assignmentId && other.status === "matched");
  if (others.length === 0) return row;
  return { ...row, status: "uncertain", reason: `Dòng ${others.map((other) => other.row).join(", ")} cũng báo cáo chỉ tiêu này: cần chọn một dòng.` };
}

function withValue(row: ReportRow, view: PeriodAssignments): ReportRow {
  const assignment = view.assignments.find((candidate) => candidate.assignmentId === row.assignmentId);
  if (!assignment) return row;
  const value = valueOfReportedResult(assignment, row.reportedText);
  const verdict = judgePeriodValue(assignment, value, view.period, view.decision.year);
  return {
    ...row,
    value: {
      actual: value.actual,
      ...(value.evidence ? { evidence: value.evidence } : {}),
      verdict: verdict.verdict,
      label: verdict.label,
      explanation: verdict.explanation,
    },
  };
}

/**
 * The submitted value of a report row: what the product reads from the result, the result as written beside it. A
 * result no rule can read keeps its text as the value; the judge then asks a person (see readReportedResult).
 */
export function valueOfReportedResult(assignment: PeriodAssignment, reportedText: string | undefined): SubmissionValue {
  const text = reportedText === undefined ? "" : normalizeText(reportedText);
  if (text === "") return { assignmentId: assignment.assignmentId, actual: null };
  const reading = readReportedResult(assignment.target, text, assignment.unit);
  const kept = text.slice(0, 2000);
  if (reading.kind === "value") {
    return {
      assignmentId: assignment.assignmentId,
      actual: typeof reading.actual === "string" ? reading.actual.slice(0, 2000) : reading.actual,
      reportedText: kept,
      ...(reading.evidence ? { evidence: reading.evidence } : {}),
    };
  }
  return { assignmentId: assignment.assignmentId, actual: kept, reportedText: kept };
}
