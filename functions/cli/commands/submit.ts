import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { agencyIdSchema, decisionIdSchema } from "../../../shared/model/ids";
import { periodCodeSchema } from "../../../shared/period/period";
import { submissionReceiptSchema } from "../../../shared/report/receipt";
import { VERDICT_LABELS } from "../../../shared/verdict/labels";
import type { VerdictCode } from "../../../shared/verdict/schema";
import { readFormBinding } from "../../workbook/reportForm";
import { openApi, provinceOfDecision } from "../apiConnection";
import { CliError, type CliIo } from "../io";

const optionsSchema = z.object({
  decision: decisionIdSchema.optional(),
  period: periodCodeSchema.optional(),
  agency: agencyIdSchema.optional(),
  server: z.url({ error: "--server phải là địa chỉ, ví dụ http://127.0.0.1:7071" }).optional(),
  key: z.string().optional(),
  json: z.boolean().optional(),
});

/**
 * `kpi submit <bao-cao.xlsx> [--agency …] [--period …] [--decision …] [--server URL --key KHÓA]`: a report form
 * filled without the add-in, submitted as a new version. Decision, period and agency come from the form itself
 * when it was downloaded from the system; flags name them for any other workbook.
 */
export async function runSubmit(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      decision: { type: "string" },
      period: { type: "string" },
      agency: { type: "string" },
      server: { type: "string" },
      key: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const options = optionsSchema.safeParse({ ...values, server: values.server ?? process.env.KPI_SERVER, key: values.key ?? process.env.KPI_KEY });
  if (!options.success) throw new CliError(options.error.issues.map((issue) => issue.message).join(" "), 2);
  const [path] = positionals;
  if (!path) throw new CliError("Thiếu tệp báo cáo. Ví dụ: kpi submit bao-cao.xlsx --agency so-tai-chinh --period 2025-Q4", 2);
  const bytes = await readFile(path).catch(() => {
    throw new CliError(`Không đọc được tệp "${path}".`);
  });
  const binding = await readFormBinding(bytes);
  const decision = options.data.decision ?? binding?.decisionId;
  const period = options.data.period ?? binding?.period;
  const agency = options.data.agency ?? binding?.agencyId;
  if (!decision || !period || !agency) {
    throw new CliError("Tệp không mang thông tin văn bản, kỳ và cơ quan: hãy thêm --decision, --period và --agency.", 2);
  }

  const api = await openApi({ server: options.data.server, key: options.data.key, province: () => provinceOfDecision(decision) });
  try {
    io.err(`Đang nộp ${path} (${Math.round(bytes.byteLength / 1024)} KB) cho ${agency}, kỳ ${period}…`);
    const response = await api.fetch(`/decisions/${decision}/periods/${period}/agencies/${agency}/workbook-ingest`, {
      method: "POST",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: new Uint8Array(bytes),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      io.err(`Không nộp được (${response.status}): ${body.message ?? "lỗi không rõ"}`);
      for (const problem of (body.details?.problems ?? []) as Array<{ message: string }>) io.err(`  - ${problem.message}`);
      return 1;
    }
    const receipt = submissionReceiptSchema.parse(body);
    if (options.data.json) {
      io.out(JSON.stringify(receipt, null, 2));
      return 0;
    }
    const counts = Object.entries(receipt.counts)
      .map(([code, count]) => `${VERDICT_LABELS[code as VerdictCode]}: ${count}`)
      .join(", ");
    io.out(`${receipt.replayed ? "Tệp này đã được nộp trước đó" : "Đã nộp"}: số biên nhận ${receipt.id}, phiên bản ${receipt.version}, lúc ${receipt.submittedAt}${receipt.late ? " (nộp muộn)" : ""}.`);
    io.out(`Kết quả đánh giá: ${counts}.`);
    return 0;
  } finally {
    await api.close();
  }
}
