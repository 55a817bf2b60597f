import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import * as z from "zod";
import { KpiApiError } from "../../../shared/api/client";
import { agencyIdSchema, decisionIdSchema } from "../../../shared/model/ids";
import { periodCodeSchema } from "../../../shared/period/period";
import { submissionReceiptSchema } from "../../../shared/report/receipt";
import {
  REPORT_ROW_STATUS_LABELS,
  reportRowStatusSchema,
  resultsReportPreviewSchema,
  type ReportRow,
  type ResultsReportConfirm,
  type ResultsReportPreview,
} from "../../../shared/report/resultsReport";
import { openApi, printRefusal, provinceOfDecision } from "../apiConnection";
import { defineCommand, readArgs, usageError } from "../args";
import { CliError, type CliIo } from "../io";
import { printReceipt } from "../receiptText";

const optionsSchema = z.object({
  decision: decisionIdSchema,
  period: periodCodeSchema,
  agency: agencyIdSchema,
  lead: z.string().trim().min(1).max(200).optional(),
  "dry-run": z.boolean().optional(),
  "confirm-all": z.boolean().optional(),
  server: z.url({ error: "--server phải là địa chỉ, ví dụ http://127.0.0.1:7071" }).optional(),
  key: z.string().optional(),
  json: z.boolean().optional(),
});

const INGEST_REPORT_COMMAND = defineCommand({
  command: "ingest-report",
  synopsis: "<tệp> --decision mã --period kỳ --agency mã [--dry-run] [--confirm-all] [--lead \"tên\"] [--server URL --key KHÓA]",
  summary:
    "Nhận báo cáo kết quả của một cơ quan (Word, PDF hoặc văn bản) làm báo cáo của kỳ: đối chiếu từng dòng với chỉ tiêu được giao, " +
    "giữ nguyên kết quả như cơ quan viết. Dòng chỉ giống một chỉ tiêu chỉ được nhận khi có --confirm-all.",
  options: {
    decision: { type: "string", value: "mã văn bản", description: "Văn bản giao chỉ tiêu", required: true },
    period: { type: "string", value: "kỳ", description: "Kỳ báo cáo, ví dụ 2025-Q4", required: true },
    agency: { type: "string", value: "mã cơ quan", description: "Cơ quan gửi báo cáo", required: true },
    lead: { type: "string", value: "tên", description: "Tên cơ quan chủ trì như báo cáo viết, khi khác tên đã đăng ký" },
    "dry-run": { type: "boolean", description: "Chỉ xem trước, không nộp" },
    "confirm-all": { type: "boolean", description: "Nhận các chỉ tiêu được đề xuất cho dòng cần xác nhận" },
    json: { type: "boolean", description: "In kết quả dạng JSON" },
    server: { type: "string", value: "URL", description: "Máy chủ (không có: làm việc thẳng với kho lưu trữ)" },
    key: { type: "string", value: "khóa", description: "Khóa của tỉnh (chỉ dùng cùng --server)" },
  },
  positionals: { min: 1, max: 1, missing: "Thiếu tệp báo cáo kết quả." },
  examples: ["kpi ingest-report bao-cao-ket-qua.docx --decision phu-tho-1521-qd-ubnd --period 2025-Q4 --agency so-tai-chinh --dry-run"],
});

/**
 * `kpi ingest-report <tệp> --decision … --period … --agency … [--dry-run] [--confirm-all] [--lead "tên trong báo cáo"]`:
 * an agency's results report (Word, PDF or text) read, matched to its assignments and — unless a dry run — stored as
 * its submission. Rows only similar to an assignment are taken only with --confirm-all; otherwise they are listed and
 * nothing is stored.
 */
export async function runIngestReport(args: string[], io: CliIo): Promise<number> {
  const read = readArgs(INGEST_REPORT_COMMAND, args, io);
  if (!read) return 0;
  const { values, positionals } = read;
  const path = positionals[0]!;
  if (values.key && !(values.server || process.env.KPI_SERVER)) {
    throw usageError(INGEST_REPORT_COMMAND, "--key chỉ dùng cùng --server: không có --server, lệnh làm việc thẳng với kho lưu trữ và không cần khóa.");
  }
  const parsed = optionsSchema.safeParse({ ...values, server: values.server ?? process.env.KPI_SERVER, key: values.key ?? process.env.KPI_KEY });
  if (!parsed.success) throw usageError(INGEST_REPORT_COMMAND, parsed.error.issues.map((issue) => issue.message).join(" "));
  const options = parsed.data;
  const bytes = await readFile(path).catch(() => {
    throw new CliError(`Không đọc được tệp "${path}".`);
  });

  const api = await openApi({ server: options.server, key: options.key, province: () => provinceOfDecision(options.decision) });
  const route = `/decisions/${options.decision}/periods/${options.period}/agencies/${options.agency}/results-report`;
  const lead = options.lead ? `&agency=${encodeURIComponent(options.lead)}` : "";
  try {
    const preview = await api.answerOrRefusal(
      api.client.request("POST", `${route}?dryRun=true&name=${encodeURIComponent(basename(path))}${lead}`, resultsReportPreviewSchema, {
        body: new Uint8Array(bytes),
        headers: { "content-type": "application/octet-stream" },
      }),
    );
    if (preview instanceof KpiApiError) return printRefusal(io, REFUSED, preview);
    if (options.json && options["dry-run"]) {
      io.out(JSON.stringify(preview, null, 2));
      return 0;
    }
    printPreview(io, preview);
    if (options["dry-run"]) return 0;

    const uncertain = preview.rows.filter((row) => row.status === "uncertain");
    if (uncertain.length > 0 && !options["confirm-all"]) {
      io.err(`Chưa nộp: ${uncertain.length} dòng cần xác nhận (dòng ${uncertain.map((row) => row.row).join(", ")}).`);
      io.err("Kiểm tra các dòng trên rồi chạy lại với --confirm-all để nhận các chỉ tiêu được đề xuất, hoặc sửa tên chỉ tiêu trong báo cáo.");
      return 1;
    }
    const confirm: ResultsReportConfirm = {
      file: preview.file.sha256,
      confirm: uncertain.map((row) => ({ row: row.row, assignmentId: row.assignmentId! })),
    };
    const receipt = await api.answerOrRefusal(
      api.client.request("POST", `${route}${lead ? `?${lead.slice(1)}` : ""}`, submissionReceiptSchema, { json: confirm }),
    );
    if (receipt instanceof KpiApiError) return printRefusal(io, REFUSED, receipt);
    if (options.json) {
      io.out(JSON.stringify(receipt, null, 2));
      return 0;
    }
    printReceipt(io, receipt, "Báo cáo này");
    return 0;
  } finally {
    await api.close();
  }
}

const REFUSED = "Không xử lý được báo cáo kết quả";

function printPreview(io: CliIo, preview: ResultsReportPreview): void {
  io.out(`Báo cáo kết quả «${preview.file.name}» (${preview.rows.length} dòng) của ${preview.agencyId}, kỳ ${preview.period}:`);
  for (const status of reportRowStatusSchema.options) {
    const rows = preview.rows.filter((row) => row.status === status);
    if (rows.length === 0) continue;
    io.out(`${REPORT_ROW_STATUS_LABELS[status]} (${rows.length}):`);
    for (const row of rows) io.out(`  ${describeRow(row)}`);
  }
  if (preview.missing.length > 0) {
    io.out(`Chỉ tiêu được giao chưa có trong báo cáo (${preview.missing.length}):`);
    for (const item of preview.missing) io.out(`  ${item.indicatorCode} «${item.text}»`);
  }
  for (const problem of preview.problems) io.out(`Lưu ý: ${problem.message}`);
}

function describeRow(row: ReportRow): string {
  const where = `Dòng ${row.row}${row.line ? ` (dòng ${row.line} của tệp)` : ""}`;
  const result = row.reportedText ? `kết quả «${row.reportedText}»` : "chưa ghi kết quả";
  const value = row.value ? ` → ${row.value.explanation.startsWith(row.value.label) ? row.value.explanation : `${row.value.label}: ${row.value.explanation}`}` : "";
  switch (row.status) {
    case "matched":
      return `${where} → ${row.indicatorCode} «${row.assignmentText}» (giao: ${row.targetText}) | ${result}${value}`;
    case "uncertain":
      return `${where} «${row.text}» có thể là ${row.indicatorCode} «${row.assignmentText}» (${row.reason ?? "cần xác nhận"}) | ${result}${value}`;
    case "unmatched":
      return `${where} «${row.text}» | ${result}`;
    case "other_agency":
      return `${where} «${row.text}» — chủ trì: ${row.leadAgency}`;
  }
}
