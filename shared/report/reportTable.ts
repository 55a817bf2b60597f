import * as z from "zod";
import type { SheetCell } from "../catalogue/importers/sheetRows";
import { readEvidenceCells, EVIDENCE_COLUMNS, type EvidenceColumnKey } from "./evidenceColumns";
import { agencyIdSchema, assignmentIdSchema, decisionIdSchema, provinceCodeSchema } from "../model/ids";
import type { SubmissionValue } from "../model/submissionValue";
import { periodCodeSchema } from "../period/period";
import { foldDiacritics, normalizeText } from "../text/normalize";
import { formatVietnameseNumber } from "../text/vietnameseNumber";
import { readNumber } from "../verdict/actual";
import { columnLetter } from "../sheet/address";
import type { PeriodAssignment } from "./periodAssignments";
import { percentQuestion, readPercentCell } from "./percentCell";

/**
 * The report table an agency fills: the same columns whether the task pane wrote it into the officer's workbook or
 * the server handed it out as an offline form. Both the add-in (reading the sheet before submitting) and the server
 * (reading an uploaded workbook) turn it into submitted values here, so they find the same values and the same faults.
 */

export const REPORT_SHEET_NAME = "Báo cáo";
/** A very hidden sheet of the offline form holding its binding; the add-in keeps the binding in document settings. */
export const BINDING_SHEET_NAME = "_kpi";

export const REPORT_COLUMNS = [
  { key: "order", header: "STT", width: 6 },
  { key: "code", header: "Mã", width: 10 },
  { key: "text", header: "Chỉ tiêu", width: 48 },
  { key: "target", header: "Chỉ tiêu giao", width: 24 },
  { key: "numerator", header: "Tử số", width: 10 },
  { key: "denominator", header: "Mẫu số", width: 10 },
  { key: "actual", header: "Kết quả", width: 14 },
  { key: "verdict", header: "Đánh giá", width: 16 },
  { key: "note", header: "Ghi chú / minh chứng", width: 36 },
] as const;
export type ReportColumnKey = (typeof REPORT_COLUMNS)[number]["key"];
/** Every column a report table may carry: the nine above, and the offline form's evidence columns after them. */
export type TableColumnKey = ReportColumnKey | EvidenceColumnKey;

export function reportColumnIndex(key: ReportColumnKey): number {
  return REPORT_COLUMNS.findIndex((column) => column.key === key);
}

/** A1 column letters, from the sheet vocabulary; kept here for the readers that name cells by it. */
export { columnLetter } from "../sheet/address";

/**
 * What ties a workbook to the server's records, kept out of the officer's way (document settings in the add-in, a
 * very hidden sheet in an offline form): which decision, period and agency, and which assignment each row reports.
 */
export const reportBindingSchema = z.object({
  decisionId: decisionIdSchema,
  period: periodCodeSchema,
  province: provinceCodeSchema,
  agencyId: agencyIdSchema,
  catalogueVersion: z.number().int().nonnegative(),
  assignmentIds: z.array(assignmentIdSchema),
});
export type ReportBinding = z.infer<typeof reportBindingSchema>;

/** The binding a report table written for this period view carries, for the rows whose ids are given. */
export function reportBindingOf(
  view: { decision: { id: string; province: string }; period: string; agency: { id: string }; catalogueVersion: number },
  assignmentIds: readonly string[],
): ReportBinding {
  return reportBindingSchema.parse({
    decisionId: view.decision.id,
    period: view.period,
    province: view.decision.province,
    agencyId: view.agency.id,
    catalogueVersion: view.catalogueVersion,
    assignmentIds,
  });
}

export const reportProblemCodeSchema = z.enum([
  "no_header",
  "unknown_row",
  "duplicate_row",
  "not_a_number",
  "parts_incomplete",
  "numerator_over_denominator",
  "zero_denominator",
  "percent_out_of_range",
  /** A rate typed where its meaning is unclear (0,92 in a General cell: 92% or 0,92%?): the officer must say. */
  "ambiguous_percent",
  "formula_error",
  "text_too_long",
  /** A Ngày ban hành that is no date, or a Đường dẫn that is no web address. */
  "evidence_invalid",
  /** The workbook's binding names another decision, period or agency than the one it was sent for. */
  "other_report",
]);
export type ReportProblemCode = z.infer<typeof reportProblemCodeSchema>;

export const reportProblemSchema = z.object({
  code: reportProblemCodeSchema,
  message: z.string(),
  /** "G12": where the officer should look. */
  cell: z.string().optional(),
  assignmentId: z.string().optional(),
  /** For ambiguous_percent: the question alone ("Ô G7: 0,92 nghĩa là 92% hay 0,92%?") for the pane to ask. */
  question: z.string().optional(),
  /** For ambiguous_percent: the readings to choose from, each with the fraction the cell then holds. */
  choices: z.array(z.object({ label: z.string(), fraction: z.number() })).optional(),
});
export type ReportProblem = z.infer<typeof reportProblemSchema>;

export interface ReportReading {
  values: SubmissionValue[];
  problems: ReportProblem[];
  /** Assignments with no row in the table: the officer deleted it, or the table is older than the catalogue. */
  missing: string[];
}

/** The number format of each cell of the grid ("0.0%", "General"), where the reader could learn it. */
export type NumberFormatGrid = ReadonlyArray<ReadonlyArray<string | null | undefined>>;

export interface ReportGridOrigin {
  /** Zero-based row and column of the grid's first cell in the sheet, to name cells as the officer sees them. */
  row: number;
  column: number;
}

const HEADER_KEYS = new Map<string, TableColumnKey>([
  ...[...REPORT_COLUMNS, ...EVIDENCE_COLUMNS].map((column) => [headerKey(column.header), column.key] as const),
  // The offline form names its note column plainly once the evidence has columns of its own.
  [headerKey("Ghi chú"), "note"],
]);

function headerKey(text: string): string {
  return foldDiacritics(normalizeText(text)).replace(/\s*\/\s*/g, "/");
}

/** The row holding the report's column names (the form may carry a title above), and where each column sits. */
export function findHeaderRow(grid: readonly SheetCell[][]): { row: number; columns: Map<TableColumnKey, number> } | undefined {
  for (let row = 0; row < Math.min(grid.length, 30); row += 1) {
    const columns = new Map<TableColumnKey, number>();
    grid[row]!.forEach((cell, column) => {
      const key = typeof cell === "string" ? HEADER_KEYS.get(headerKey(cell)) : undefined;
      if (key && !columns.has(key)) columns.set(key, column);
    });
    if (columns.has("code") && columns.has("actual")) return { row, columns };
  }
  return undefined;
}

/**
 * Reads the filled rows. Rows are matched to assignments by the binding's assignment ids when the table is the one
 * the binding describes, else by indicator code (unique per agency within a decision) — so a table copied into
 * another workbook still reads. Every fault names its cell; faulty rows are left out of `values`.
 */
export function readReportRows(
  grid: readonly SheetCell[][],
  assignments: readonly PeriodAssignment[],
  options: { binding?: ReportBinding; origin?: ReportGridOrigin; numberFormats?: NumberFormatGrid } = {},
): ReportReading {
  const origin = options.origin ?? { row: 0, column: 0 };
  const header = findHeaderRow(grid);
  if (!header) {
    return {
      values: [],
      problems: [
        {
          code: "no_header",
          message: `Không tìm thấy dòng tiêu đề của bảng báo cáo (các cột "Mã" và "Kết quả"). Hãy dùng bảng do hệ thống tạo.`,
        },
      ],
      missing: assignments.map((assignment) => assignment.assignmentId),
    };
  }
  const byId = new Map(assignments.map((assignment) => [assignment.assignmentId, assignment]));
  const byCode = new Map(assignments.map((assignment) => [assignment.indicatorCode, assignment]));
  const cellName = (row: number, key: TableColumnKey) =>
    `${columnLetter(origin.column + (header.columns.get(key) ?? 0))}${origin.row + row + 1}`;
  const at = (row: number, key: TableColumnKey): SheetCell => {
    const column = header.columns.get(key);
    return column === undefined ? null : (grid[row]?.[column] ?? null);
  };
  const formatAt = (row: number, key: TableColumnKey): string | undefined => {
    const column = header.columns.get(key);
    return column === undefined ? undefined : (options.numberFormats?.[row]?.[column] ?? undefined);
  };

  const values: SubmissionValue[] = [];
  const problems: ReportProblem[] = [];
  const seen = new Set<string>();
  for (let row = header.row + 1; row < grid.length; row += 1) {
    const code = cellText(at(row, "code"));
    if (code === "") continue;
    const boundId = options.binding?.assignmentIds[row - header.row - 1];
    const bound = boundId ? byId.get(boundId) : undefined;
    const assignment = bound && bound.indicatorCode === code ? bound : byCode.get(code);
    if (!assignment) {
      problems.push({
        code: "unknown_row",
        cell: cellName(row, "code"),
        message: `Ô ${cellName(row, "code")}: mã "${code}" không có trong các chỉ tiêu được giao cho kỳ này.`,
      });
      continue;
    }
    if (seen.has(assignment.assignmentId)) {
      problems.push({
        code: "duplicate_row",
        cell: cellName(row, "code"),
        assignmentId: assignment.assignmentId,
        message: `Ô ${cellName(row, "code")}: chỉ tiêu "${code}" xuất hiện hai lần trong bảng; chỉ giữ một dòng.`,
      });
      continue;
    }
    seen.add(assignment.assignmentId);
    const rowProblems: ReportProblem[] = [];
    const value = readRow(assignment, (key) => at(row, key), (key) => cellName(row, key), rowProblems, (key) => formatAt(row, key));
    problems.push(...rowProblems);
    if (rowProblems.length === 0) values.push(value);
  }
  const missing = assignments.map((a) => a.assignmentId).filter((id) => !seen.has(id));
  return { values, problems, missing };
}

function readRow(
  assignment: PeriodAssignment,
  at: (key: TableColumnKey) => SheetCell,
  cellName: (key: TableColumnKey) => string,
  problems: ReportProblem[],
  formatAt: (key: TableColumnKey) => string | undefined,
): SubmissionValue {
  const actualFormat = formatAt("actual");
  const problem = (code: ReportProblemCode, key: TableColumnKey, message: string) =>
    problems.push({ code, cell: cellName(key), assignmentId: assignment.assignmentId, message: `Ô ${cellName(key)}: ${message}` });
  for (const key of ["numerator", "denominator", "actual", "note", ...EVIDENCE_COLUMNS.map((column) => column.key)] as const) {
    const cell = at(key);
    if (cell !== null && typeof cell === "object") problem("formula_error", key, `công thức báo lỗi ${cell.error}; hãy sửa trước khi nộp.`);
  }
  if (problems.length > 0) return { assignmentId: assignment.assignmentId, actual: null };

  const numerator = readPart(at("numerator"), "Tử số", (message) => problem("not_a_number", "numerator", message));
  const denominator = readPart(at("denominator"), "Mẫu số", (message) => problem("not_a_number", "denominator", message));
  const note = cellText(at("note"));
  if (note.length > 2000) problem("text_too_long", "note", "ghi chú dài quá 2000 ký tự.");
  const evidence = readEvidenceCells(at, formatAt, (code, key, message) => problem(code, key, message));

  let actual: SubmissionValue["actual"] = plainActual(at("actual"));
  let partsGiveRate = false;
  if (typeof actual === "string" && actual.length > 2000) problem("text_too_long", "actual", "kết quả dài quá 2000 ký tự.");
  const hasParts = numerator !== undefined || denominator !== undefined;
  // A part that is not a number was already reported on its cell; "fill both" would only repeat it.
  const partUnreadable = problems.some((found) => found.code === "not_a_number");
  if (hasParts && !partUnreadable) {
    if (numerator === undefined || denominator === undefined) {
      problem("parts_incomplete", numerator === undefined ? "numerator" : "denominator", "cần nhập cả tử số và mẫu số, hoặc để trống cả hai.");
    } else if (denominator === 0) {
      problem("zero_denominator", "denominator", "mẫu số bằng 0, không tính được tỷ lệ.");
    } else if (numerator > denominator && assignment.indicatorKind === "percent") {
      problem("numerator_over_denominator", "numerator", `tử số (${numerator}) lớn hơn mẫu số (${denominator}).`);
    } else if (assignment.indicatorKind === "percent" || actual === null) {
      // The parts are what the province re-adds across agencies, so the rate is always recomputed from them: a
      // fraction, whatever the unit column says (see percentCell).
      actual = numerator / denominator;
      partsGiveRate = true;
    }
  }
  if (assignment.indicatorKind === "percent" && problems.length === 0 && !partsGiveRate) {
    const read = readPercentCell(actual, actualFormat, assignment);
    if (read.kind === "ambiguous") {
      const question = percentQuestion(cellName("actual"), read);
      problems.push({
        code: "ambiguous_percent",
        cell: cellName("actual"),
        assignmentId: assignment.assignmentId,
        message: `${question} Hãy nhập rõ dạng phần trăm (ví dụ ${read.choices[0]!.label}) hoặc định dạng ô là phần trăm.`,
        question,
        choices: read.choices,
      });
    } else {
      actual = read.actual === null || typeof read.actual === "object" ? null : read.actual;
    }
  }
  if (assignment.indicatorKind === "percent" && problems.length === 0) checkPercent(actual, (message) => problem("percent_out_of_range", "actual", message));

  return {
    assignmentId: assignment.assignmentId,
    actual,
    ...(hasParts && numerator !== undefined && denominator !== undefined && denominator > 0 ? { numerator, denominator } : {}),
    ...(note ? { note } : {}),
    ...(evidence ? { evidence: [evidence] } : {}),
  };
}

/** A number is a fraction and "92%" is points, whatever the unit column says: this reads a workbook cell. */
function checkPercent(actual: SubmissionValue["actual"], report: (message: string) => void): void {
  const reading = readNumber(actual);
  if (reading.kind !== "number") return;
  const inPoints = reading.writtenAsPercent;
  const share = inPoints ? reading.value / 100 : reading.value;
  if (share < 0 || share > 1) {
    const shown = inPoints
      ? `${formatVietnameseNumber(reading.value)}%`
      : `${formatVietnameseNumber(reading.value)} (tức ${formatVietnameseNumber(Math.round(reading.value * 10000) / 100)}%)`;
    report(`tỷ lệ ${shown} nằm ngoài khoảng 0% đến 100%. Nhập 90% hoặc 0,9 cho chín mươi phần trăm.`);
  }
}

function readPart(cell: SheetCell, what: string, report: (message: string) => void): number | undefined {
  if (cell === null || (typeof cell === "string" && normalizeText(cell) === "")) return undefined;
  const reading = readNumber(cell);
  if (reading.kind !== "number" || reading.writtenAsPercent) {
    report(`${what} "${String(cell)}" không phải là số.`);
    return undefined;
  }
  if (reading.value < 0) {
    report(`${what} không được âm.`);
    return undefined;
  }
  return reading.value;
}

function plainActual(cell: SheetCell): SubmissionValue["actual"] {
  if (cell === null || typeof cell === "object") return null;
  if (typeof cell === "string") {
    const text = cell.trim();
    return text === "" ? null : text;
  }
  return cell;
}

function cellText(cell: SheetCell): string {
  if (cell === null || typeof cell === "object") return "";
  return String(cell).trim();
}
