import { rename, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { decisionIdSchema } from "../../../shared/model/ids";
import { periodCodeSchema } from "../../../shared/period/period";
import { openApi, provinceOfDecision } from "../apiConnection";
import { CliError, type CliIo } from "../io";

const optionsSchema = z.object({
  decision: decisionIdSchema,
  period: periodCodeSchema,
  out: z.string().min(1).optional(),
  server: z.url({ error: "--server phải là địa chỉ, ví dụ http://127.0.0.1:7071" }).optional(),
  key: z.string().optional(),
});

/** `kpi report --decision … --period … --out tong-hop.xlsx [--server URL --key KHÓA]`: the consolidated xlsx. */
export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { decision: { type: "string" }, period: { type: "string" }, out: { type: "string" }, server: { type: "string" }, key: { type: "string" } },
  });
  const options = optionsSchema.safeParse({ ...values, server: values.server ?? process.env.KPI_SERVER, key: values.key ?? process.env.KPI_KEY });
  if (!options.success) {
    throw new CliError(`${options.error.issues.map((issue) => `${issue.path.join(".") || "tham số"}: ${issue.message}`).join(" ")}\nVí dụ: kpi report --decision phu-tho-1521-qd-ubnd --period 2025-Q4 --out tong-hop.xlsx`, 2);
  }
  const { decision, period, server, key } = options.data;
  const out = options.data.out ?? `tong-hop-${decision}-${period}.xlsx`;
  const api = await openApi({ server, key, province: () => provinceOfDecision(decision) });
  try {
    const response = await api.fetch(`/decisions/${decision}/periods/${period}/report.xlsx`);
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      io.err(`Không lập được báo cáo (${response.status}): ${body.message ?? "lỗi không rõ"}`);
      return 1;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    // Written beside the target then renamed: an interrupted download never leaves half a workbook under the name.
    await writeFile(`${out}.tmp`, bytes);
    await rename(`${out}.tmp`, out);
    io.out(`Đã ghi báo cáo tổng hợp ${out} (${Math.round(bytes.byteLength / 1024)} KB).`);
    return 0;
  } finally {
    await api.close();
  }
}
