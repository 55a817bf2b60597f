import { rename, writeFile } from "node:fs/promises";
import { z } from "zod";
import { KpiApiError } from "../../../shared/api/client";
import { decisionIdSchema } from "../../../shared/model/ids";
import { periodCodeSchema } from "../../../shared/period/period";
import { openApi, printRefusal, provinceOfDecision } from "../apiConnection";
import { defineCommand, readArgs, usageError } from "../args";
import { serverOptions, SERVER_OPTIONS } from "../serverOptions";
import type { CliIo } from "../io";

export const REPORT_COMMAND = defineCommand({
  command: "report",
  synopsis: "--decision <mã văn bản> --period <kỳ> [--out tong-hop.xlsx] [--server URL --key KHÓA]",
  summary: "Tải báo cáo tổng hợp của tỉnh (xlsx) cho một văn bản và một kỳ.",
  options: {
    decision: { type: "string", value: "mã văn bản", description: "Văn bản giao chỉ tiêu, ví dụ phu-tho-1521-qd-ubnd", required: true },
    period: { type: "string", value: "kỳ", description: "Kỳ báo cáo, ví dụ 2025-Q4", required: true },
    out: { type: "string", value: "tệp.xlsx", description: "Tệp ghi ra (mặc định tong-hop-<văn bản>-<kỳ>.xlsx)" },
    ...SERVER_OPTIONS,
  },
  examples: ["kpi report --decision phu-tho-1521-qd-ubnd --period 2025-Q4 --out tong-hop.xlsx"],
});

const optionsSchema = z.object({
  decision: decisionIdSchema,
  period: periodCodeSchema,
  out: z.string().min(1).optional(),
});

/** `kpi report --decision … --period … --out tong-hop.xlsx [--server URL --key KHÓA]`: the consolidated xlsx. */
export async function runReport(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(REPORT_COMMAND, args, io);
  if (!parsed) return 0;
  const options = optionsSchema.safeParse(parsed.values);
  if (!options.success) {
    const issue = options.error.issues[0]!;
    throw usageError(REPORT_COMMAND, `--${String(issue.path[0] ?? "decision")}: ${issue.message}`);
  }
  const { server, key } = serverOptions(REPORT_COMMAND, parsed.values);
  const { decision, period } = options.data;
  const out = options.data.out ?? `tong-hop-${decision}-${period}.xlsx`;
  const api = await openApi({ server, key, province: () => provinceOfDecision(decision) });
  try {
    const report = await api.answerOrRefusal(api.client.blob("GET", `/decisions/${decision}/periods/${period}/report.xlsx`));
    if (report instanceof KpiApiError) return printRefusal(io, "Không lập được báo cáo", report);
    const bytes = Buffer.from(await report.arrayBuffer());
    // Written beside the target then renamed: an interrupted download never leaves half a workbook under the name.
    await writeFile(`${out}.tmp`, bytes);
    await rename(`${out}.tmp`, out);
    io.out(`Đã ghi báo cáo tổng hợp ${out} (${Math.round(bytes.byteLength / 1024)} KB).`);
    return 0;
  } finally {
    await api.close();
  }
}
