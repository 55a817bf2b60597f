import * as z from "zod";
import { parseTarget } from "../../../shared/target/parse";
import { explainParse } from "../../../shared/target/explain";
import { extractEmbeddedTarget } from "../../../shared/target/embedded";
import { evaluate } from "../../../shared/verdict/evaluate";
import type { Target } from "../../../shared/target/schema";
import { defineCommand, readArgs } from "../args";
import type { CliIo } from "../io";

export const EVAL_COMMAND = defineCommand({
  command: "eval",
  synopsis: "< yeu-cau.jsonl",
  summary:
    'Đọc từ đầu vào chuẩn mỗi dòng một yêu cầu JSON {"target": "Tối thiểu 90%", "actual": 0.9, "asOf"?, "unit"?, "indicator"?} và in mỗi dòng một kết quả đánh giá.',
  options: {},
  examples: [`echo '{"target":"Tối thiểu 90%","actual":0.9}' | kpi eval`],
});

/** One line of `kpi eval` input. */
export const evalRequestSchema = z.object({
  target: z.string({ error: "Thiếu \"target\" (chỉ tiêu dạng văn bản)." }),
  actual: z.union([z.number(), z.string(), z.boolean(), z.null()], {
    error: "\"actual\" phải là số, văn bản, true/false hoặc null.",
  }),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "\"asOf\" phải có dạng YYYY-MM-DD." })
    .optional(),
  unit: z.string().optional(),
  indicator: z.string().optional(),
});
export type EvalRequest = z.infer<typeof evalRequestSchema>;

export async function runEval(args: string[], io: CliIo): Promise<number> {
  if (!readArgs(EVAL_COMMAND, args, io)) return 0;
  let lineNumber = 0;
  let failures = 0;
  for await (const line of io.lines()) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    const reply = evalLine(line, lineNumber);
    if (reply.verdict === "error") failures += 1;
    io.out(JSON.stringify(reply));
  }
  return failures > 0 ? 1 : 0;
}

export function evalLine(line: string, lineNumber: number): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { line: lineNumber, verdict: "error", message: `Dòng ${lineNumber} không phải là JSON hợp lệ.` };
  }
  const request = evalRequestSchema.safeParse(json);
  if (!request.success) {
    const message = request.error.issues.map((issue) => issue.message).join(" ");
    return { line: lineNumber, verdict: "error", message: `Dòng ${lineNumber}: ${message}` };
  }
  const target = resolveTarget(request.data);
  const options = {
    ...(request.data.asOf ? { asOf: request.data.asOf } : {}),
    ...(request.data.unit ? { unit: request.data.unit } : {}),
  };
  const verdict = evaluate(target.target, request.data.actual, options);
  if (target.unreadable && verdict.verdict === "needs_review") {
    // A target written wrongly is still a target: a person judges it, told what the grammar could not read.
    return { line: lineNumber, kind: target.target.kind, ...verdict, explanation: `Cần đánh giá: ${target.unreadable}` };
  }
  return { line: lineNumber, kind: target.target.kind, ...verdict };
}

/**
 * An empty target with an indicator text uses the target written inside the indicator. A text the grammar cannot
 * read as a rule (a formula, a sentence, a typo) goes to a person, with what could not be read.
 */
function resolveTarget(request: EvalRequest): { target: Target; unreadable?: string } {
  if (request.target.trim() === "" && request.indicator) {
    const embedded = extractEmbeddedTarget(request.indicator);
    if (embedded.found) return { target: embedded.target };
  }
  const parsed = parseTarget(request.target, request.unit ? { unit: request.unit } : {});
  if (!parsed.ok) return { target: { kind: "manual", reason: "free_text", text: parsed.normalized }, unreadable: explainParse(parsed) };
  return { target: parsed.target };
}
