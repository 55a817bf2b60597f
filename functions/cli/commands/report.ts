import { rename, writeFile } from "node:fs/promises";
import * as z from "zod";
import { KpiApiError } from "../../../shared/api/client";
import { decisionIdSchema } from "../../../shared/model/ids";
import { periodCodeSchema } from "../../../shared/period/period";
import { openApi, printRefusal, provinceOfDecision } from "../apiConnection";
import { defineCommand, readArgs, usageError } from "../args";
import { serverOptions, SERVER_OPTIONS } from "../serverOptions";
import type { CliIo } from "../io";

export const REPORT_COMMAND = defineCommand({
  command: "report",
  synopsis: "--decision <mã văn bản> --period <kỳ> [--format xlsx|docx] [--out tệp] [--server URL --key KHÓA]",
  summary: "Tải báo cáo tổng hợp của tỉnh (xlsx) hoặc dự thảo báo cáo gửi UBND tỉnh (docx) cho một văn bản và một kỳ.",
  options: {
    decision: { type: "string", value: "mã văn bản", description: "Văn bản giao chỉ tiêu, ví dụ phu-tho-1521-qd-ubnd", required: true },
    period: { type: "string", value: "kỳ", description: "Kỳ báo cáo, ví dụ 2025-Q4", required: true },
    format: { type: "string", value: "xlsx|docx", description: "xlsx: bảng tổng hợp (mặc định); docx: dự thảo báo cáo theo Nghị định 30/2020/NĐ-CP" },
    out: { type: "string", value: "tệp", description: "Tệp ghi ra (mặc định tong-hop-<văn bản>-<kỳ>.xlsx hoặc bao-cao-<văn bản>-<kỳ>.docx)" },
    ...SERVER_OPTIONS,
  },
  examples: [
    "kpi report --decision phu-tho-1521-qd-ubnd --period 2025-Q4 --out tong-hop.xlsx",
    "kpi report --decision phu-tho-1521-qd-ubnd --period 2025-Q4 --format docx",
  ],
});

const optionsSchema = z.object({
  decision: decisionIdSchema,
  period: periodCodeSchema,
  format: z.enum(["xlsx", "docx"], { error: "Định dạng là xlsx (bảng tổng hợp) hoặc docx (dự thảo báo cáo)." }).default("xlsx"),
  out: z.string().min(1).optional(),
});

/** What each format downloads and how it is named and announced. */
const FORMATS = {
  xlsx: { path: "report.xlsx", fileName: "tong-hop", done: "Đã ghi báo cáo tổng hợp" },
  docx: { path: "report.docx", fileName: "bao-cao", done: "Đã ghi dự thảo báo cáo" },
} as const;

/** `kpi report --decision … --period … [--format docx] [--out tệp] [--server URL --key KHÓA]`: the consolidated xlsx or the draft docx. */
export async function runReport(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(REPORT_COMMAND, args, io);
  if (!parsed) return 0;
  const options = optionsSchema.safeParse(parsed.values);
  if (!options.success) {
    const issue = options.error.issues[0]!;
    throw usageError(REPORT_COMMAND, `--${String(issue.path[0] ?? "decision")}: ${issue.message}`);
  }
  const { server, key } = serverOptions(REPORT_COMMAND, parsed.values);
  const { decision, period, format } = options.data;
  const chosen = FORMATS[format];
  const out = options.data.out ?? `${chosen.fileName}-${decision}-${period}.${format}`;
  const api = await openApi({ server, key, province: () => provinceOfDecision(decision) });
  try {
    const report = await api.answerOrRefusal(api.client.blob("GET", `/decisions/${decision}/periods/${period}/${chosen.path}`));
    if (report instanceof KpiApiError) return printRefusal(io, "Không lập được báo cáo", report);
    const bytes = Buffer.from(await report.arrayBuffer());
    // Written beside the target then renamed: an interrupted download never leaves half a file under the name.
    await writeFile(`${out}.tmp`, bytes);
    await rename(`${out}.tmp`, out);
    io.out(`${chosen.done} ${out} (${Math.round(bytes.byteLength / 1024)} KB).`);
    return 0;
  } finally {
    await api.close();
  }
}
