import { importDraftSchema, type ImportDraft, type ImportProblem } from "../draft";
import { appendixEnd, appendixNumeral, cellsOf, draftOf, splitLines } from "./hueLines";
import { readPlanHeader } from "./hueHeader";
import { readMilestoneAppendix } from "./milestoneTable";
import { readTaskAppendix, TASK_APPENDIX_PART } from "./taskTable";

/**
 * The Huế plan 106/KH-UBND as converted from PDF: the plan's body, "PHỤ LỤC I" (tasks, one section per lead agency)
 * and "PHỤ LỤC II" (targets by milestone, one table per level of government, one section per agency), in one draft.
 * The body is read only for the header; the appendices are read line by line and every line is placed or reported.
 */
export function importHuePlan(text: string): ImportDraft {
  const lines = splitLines(text);
  const tasksAt = lines.findIndex((line) => appendixNumeral(line) === "I");
  const targetsAt = lines.findIndex((line) => appendixNumeral(line) === "II");
  const header = readPlanHeader(lines.slice(0, tasksAt >= 0 ? tasksAt : targetsAt >= 0 ? targetsAt : lines.length));
  const missing: ImportProblem[] = [];
  for (const [at, name] of [
    [tasksAt, "PHỤ LỤC I"],
    [targetsAt, "PHỤ LỤC II"],
  ] as const) {
    if (at < 0) {
      missing.push({ code: "missing_appendix", severity: "error", message: `Không tìm thấy dòng "${name}": kế hoạch cần cả phụ lục nhiệm vụ (I) và phụ lục chỉ tiêu theo mốc (II).` });
    }
  }
  const reads = [];
  if (tasksAt >= 0) reads.push(readTaskAppendix(cellsOf(lines, tasksAt, appendixEnd(lines, tasksAt)), TASK_APPENDIX_PART));
  if (targetsAt >= 0) reads.push(readMilestoneAppendix(cellsOf(lines, targetsAt, appendixEnd(lines, targetsAt))));
  const draft = draftOf("milestone_table", header, reads);
  return importDraftSchema.parse({ ...draft, problems: [...missing, ...draft.problems] });
}
