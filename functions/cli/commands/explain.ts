import { parseTarget } from "../../../shared/target/parse";
import { explainParse } from "../../../shared/target/explain";
import { formatTarget } from "../../../shared/target/format";
import { CliError, type CliIo } from "../io";

/** `kpi explain "<chỉ tiêu>" [--unit %] [--json]`: how the target reads, for checking a decision's wording. */
export async function runExplain(args: string[], io: CliIo): Promise<number> {
  const json = args.includes("--json");
  const unitAt = args.indexOf("--unit");
  const unit = unitAt >= 0 ? args[unitAt + 1] : undefined;
  const texts = args.filter((arg, i) => arg !== "--json" && arg !== "--unit" && (unitAt < 0 || i !== unitAt + 1));
  if (texts.length === 0) throw new CliError('Thiếu chỉ tiêu. Ví dụ: kpi explain "Tối thiểu 90%"', 2);
  let failures = 0;
  for (const text of texts) {
    const parsed = parseTarget(text, unit ? { unit } : {});
    if (!parsed.ok) failures += 1;
    if (json) {
      io.out(JSON.stringify({ text, ...parsed, explanation: explainParse(parsed) }));
      continue;
    }
    io.out(`Chỉ tiêu: ${text}`);
    if (parsed.ok) {
      io.out(`Loại: ${parsed.target.kind}`);
      io.out(`Viết chuẩn: ${formatTarget(parsed.target)}`);
    }
    io.out(explainParse(parsed));
  }
  return failures > 0 ? 1 : 0;
}
