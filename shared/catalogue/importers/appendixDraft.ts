import { importDraftSchema, type ImportDraft, type ImportProblem } from "../draft";
import { settleSections } from "./sectionChecks";
import type { AppendixRead } from "./sourceLines";

/**
 * The draft of one read appendix: sections settled (repeats dropped, numbering checked), problems in the order of
 * the document so an officer can walk through them, and the line counts that show nothing was left out silently.
 */
export function draftFromRead(
  format: ImportDraft["format"],
  header: ImportDraft["header"],
  read: AppendixRead,
  earlier: readonly ImportProblem[] = [],
): ImportDraft {
  const settled = settleSections(read.sections);
  const problems = [...earlier, ...read.problems, ...settled.problems]
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.source?.line ?? 0) - (b.problem.source?.line ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
  if (settled.sections.length === 0 && !problems.some((problem) => problem.severity === "error")) {
    problems.push({
      code: "no_sections",
      severity: "error",
      message: `Không tìm thấy mục cơ quan nào: mỗi mục bắt đầu bằng một dòng "1. Tên cơ quan", tiếp theo là dòng tiêu đề "STT | Nội dung | Chỉ tiêu" và các dòng chỉ tiêu.`,
    });
  }
  const linesPlaced = read.linesPlaced - settled.droppedLines;
  return importDraftSchema.parse({
    format,
    header,
    sections: settled.sections,
    problems,
    stats: { linesRead: read.linesRead, linesPlaced, linesSkipped: read.linesRead - linesPlaced },
  });
}
