import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as z from "zod";
import { KpiApiError } from "../../../shared/api/client";
import { agencyIdSchema, decisionIdSchema } from "../../../shared/model/ids";
import { periodCodeSchema } from "../../../shared/period/period";
import { submissionReceiptSchema } from "../../../shared/report/receipt";
import { readFormBinding } from "../../workbook/reportForm";
import { openApi, printRefusal, provinceOfDecision } from "../apiConnection";
import { defineCommand, readArgs, usageError } from "../args";
import { CliError, type CliIo } from "../io";
import { printReceipt } from "../receiptText";
import { serverOptions, SERVER_OPTIONS } from "../serverOptions";

export const SUBMIT_COMMAND = defineCommand({
  command: "submit",
  synopsis: "<bao-cao.xlsx> [--agency …] [--period …] [--decision …] [--server URL --key KHÓA] [--json]",
  summary:
    "Nộp báo cáo điền ngoài add-in thành một phiên bản mới. Mẫu tải từ hệ thống tự mang văn bản, kỳ và cơ quan; tệp khác cần --decision, --period, --agency.",
  options: {
    decision: { type: "string", value: "mã văn bản", description: "Văn bản giao chỉ tiêu, ví dụ phu-tho-1521-qd-ubnd" },
    period: { type: "string", value: "kỳ", description: "Kỳ báo cáo, ví dụ 2025-Q4" },
    agency: { type: "string", value: "mã cơ quan", description: "Cơ quan nộp, ví dụ so-tai-chinh" },
    ...SERVER_OPTIONS,
    json: { type: "boolean", description: "In biên nhận dạng JSON" },
  },
  positionals: { min: 1, max: 1, missing: "Thiếu tệp báo cáo. Ví dụ: kpi submit bao-cao.xlsx --agency so-tai-chinh --period 2025-Q4" },
  examples: ["kpi submit bao-cao.xlsx", "kpi submit bao-cao.xlsx --server http://127.0.0.1:7071 --key $KEY_CQ"],
});

const optionsSchema = z.object({
  decision: decisionIdSchema.optional(),
  period: periodCodeSchema.optional(),
  agency: agencyIdSchema.optional(),
});

/**
 * `kpi submit <bao-cao.xlsx> [--agency …] [--period …] [--decision …] [--server URL --key KHÓA]`: a report form
 * filled without the add-in, submitted as a new version. Decision, period and agency come from the form itself
 * when it was downloaded from the system; flags name them for any other workbook.
 */
export async function runSubmit(args: string[], io: CliIo): Promise<number> {
  const parsed = readArgs(SUBMIT_COMMAND, args, io);
  if (!parsed) return 0;
  const options = optionsSchema.safeParse(parsed.values);
  if (!options.success) {
    const issue = options.error.issues[0]!;
    throw usageError(SUBMIT_COMMAND, `--${String(issue.path[0] ?? "agency")}: ${issue.message}`);
  }
  const { server, key } = serverOptions(SUBMIT_COMMAND, parsed.values);
  const path = parsed.positionals[0]!;
  const bytes = await readFile(path).catch(() => {
    throw new CliError(`Không đọc được tệp "${path}".`, 2);
  });
  const binding = await readFormBinding(bytes);
  const decision = options.data.decision ?? binding?.decisionId;
  const period = options.data.period ?? binding?.period;
  const agency = options.data.agency ?? binding?.agencyId;
  if (!decision || !period || !agency) {
    throw new CliError("Tệp không mang thông tin văn bản, kỳ và cơ quan: hãy thêm --decision, --period và --agency.", 2);
  }

  const api = await openApi({ server, key, province: () => provinceOfDecision(decision) });
  try {
    io.err(`Đang nộp ${path} (${Math.round(bytes.byteLength / 1024)} KB) cho ${agency}, kỳ ${period}…`);
    // The same file always carries the same key, so a retry (after "busy" or a lost answer) is stored only once.
    const idempotencyKey = `xlsx-${createHash("sha256").update(bytes).digest("hex")}`;
    // The shared client sends the file again with the same key while the server says it is busy.
    const receipt = await api.answerOrRefusal(
      api.client.request("POST", `/decisions/${decision}/periods/${period}/agencies/${agency}/workbook-ingest`, submissionReceiptSchema, {
        body: new Uint8Array(bytes),
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        idempotencyKey,
      }),
    );
    if (receipt instanceof KpiApiError) return printRefusal(io, "Không nộp được", receipt);
    if (parsed.values.json) {
      io.out(JSON.stringify(receipt, null, 2));
      return 0;
    }
    printReceipt(io, receipt, "Tệp này");
    return 0;
  } finally {
    await api.close();
  }
}
