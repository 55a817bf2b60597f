import type { SubmissionValue } from "../model/submissionValue";
import type { ReceiptWorkbook } from "./receipt";

export type WorkbookMismatch = ReceiptWorkbook["mismatches"][number];

/**
 * Compares the values read from an uploaded workbook with the values submitted for the same version. A difference
 * is reported to the officer and the province, never resolved silently: the workbook may have been edited after
 * submitting, or the submission made from another copy.
 */
export function crossCheckWorkbook(
  workbookValues: readonly SubmissionValue[],
  submitted: readonly SubmissionValue[],
  codeOf: (assignmentId: string) => string = (id) => id,
): WorkbookMismatch[] {
  const inWorkbook = new Map(workbookValues.map((value) => [value.assignmentId, value]));
  const mismatches: WorkbookMismatch[] = [];
  for (const value of submitted) {
    const found = inWorkbook.get(value.assignmentId);
    const code = codeOf(value.assignmentId);
    if (!found) {
      if (!isBlank(value.actual)) {
        mismatches.push({ assignmentId: value.assignmentId, field: "missing_in_workbook", message: `Chỉ tiêu ${code}: đã nộp số liệu nhưng tệp không có dòng này.` });
      }
      continue;
    }
    inWorkbook.delete(value.assignmentId);
    for (const field of ["actual", "numerator", "denominator"] as const) {
      if (!sameValue(found[field], value[field])) {
        mismatches.push({
          assignmentId: value.assignmentId,
          field,
          message: `Chỉ tiêu ${code}: ${FIELD_NAMES[field]} trong tệp là ${shown(found[field])}, số liệu đã nộp là ${shown(value[field])}.`,
        });
      }
    }
  }
  for (const [assignmentId, value] of inWorkbook) {
    if (isBlank(value.actual)) continue;
    mismatches.push({
      assignmentId,
      field: "missing_in_submission",
      message: `Chỉ tiêu ${codeOf(assignmentId)}: tệp có số liệu ${shown(value.actual)} nhưng lần nộp không có.`,
    });
  }
  return mismatches;
}

const FIELD_NAMES = { actual: "kết quả", numerator: "tử số", denominator: "mẫu số" } as const;

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function sameValue(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === "string" && typeof b === "string") return a.trim().normalize("NFC") === b.trim().normalize("NFC");
  return a === b;
}

function shown(value: unknown): string {
  if (isBlank(value)) return "(trống)";
  return typeof value === "string" ? `"${value}"` : String(value);
}
