import { parseTarget } from "../../../shared/target/parse";
import { explainParse } from "../../../shared/target/explain";
import { formatTarget } from "../../../shared/target/format";
import { TARGET_KIND_LABELS } from "../../../shared/target/kindLabels";
import { defineCommand, readArgs } from "../args";
import type { CliIo } from "../io";

export const EXPLAIN_COMMAND = defineCommand({
  command: "explain",
  synopsis: '"<chỉ tiêu>" […] [--unit %] [--json]',
  summary: "Giải thích cách phần mềm hiểu một chỉ tiêu như văn bản viết.",
  options: {
    unit: { type: "string", value: "đơn vị", description: 'Đơn vị ghi ở cột riêng, ví dụ "%"' },
    json: { type: "boolean", description: "In kết quả dạng JSON" },
  },
  positionals: { min: 1, max: 100, missing: 'Thiếu chỉ tiêu. Ví dụ: kpi explain "Tối thiểu 90%"' },
  examples: ['kpi explain "Mức 4 ≥ 80%"', 'kpi explain "≥ 70" --unit %'],
});

/** `kpi explain "<chỉ tiêu>" [--unit %] [--json]`: how the target reads, for checking a decision's wording. */
export async function runExplain(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(EXPLAIN_COMMAND, args, io);
  if (!parsed) return 0;
  const { unit, json } = parsed.values;
  let failures = 0;
  for (const text of parsed.positionals) {
    const reading = parseTarget(text, unit ? { unit } : {});
    if (!reading.ok) failures += 1;
    if (json) {
      io.out(JSON.stringify({ text, ...reading, explanation: explainParse(reading) }));
      continue;
    }
    io.out(`Chỉ tiêu: ${text}`);
    if (reading.ok) {
      io.out(`Loại: ${TARGET_KIND_LABELS[reading.target.kind]}`);
      io.out(`Viết chuẩn: ${formatTarget(reading.target)}`);
    }
    io.out(explainParse(reading));
  }
  return failures > 0 ? 1 : 0;
}
