import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as z from "zod";
import { KpiApiClient } from "../shared/api/client";
import { auditAnswerSchema, lockAnswerSchema, versionViewSchema } from "../shared/api/review";
import { REVIEW_STATE_LABELS } from "../shared/model/review";
import { aggregateSchema } from "../shared/report/aggregate";
import { periodAssignmentsSchema } from "../shared/report/periodAssignments";
import { submissionReceiptSchema } from "../shared/report/receipt";

/**
 * Walks the province's evaluation cycle against a running `npm start` with its demo keys, step by step, printing
 * what each side sees: submit with evidence → the province's verdict → return with a row comment → the agency reads
 * it → resubmit → approve → lock → a further submission refused → the audit trail → the aggregate → unlock. Uses a
 * period of its own (2025-Q2 by default) and unlocks it at the end, so the demo stays usable.
 */

const optionsSchema = z.object({
  server: z.url({ error: "KPI_SERVER phải là địa chỉ http(s) đầy đủ." }).default("http://127.0.0.1:7071"),
  period: z.string().regex(/^\d{4}-Q[1-4]$/, { error: "KPI_PERIOD phải có dạng 2025-Q2." }).default("2025-Q2"),
  keysFile: z.string().default(resolve(".data", "demo-keys.json")),
});
const keysSchema = z.object({ province: z.string(), agency: z.string(), viewer: z.string() });

const DECISION = "phu-tho-1521-qd-ubnd";
const AGENCY = "so-tai-chinh";

const options = optionsSchema.parse({ server: process.env.KPI_SERVER, period: process.env.KPI_PERIOD, keysFile: process.env.KPI_DEMO_KEYS });
const keys = keysSchema.parse(JSON.parse(await readFile(options.keysFile, "utf8")));
const province = new KpiApiClient({ baseUrl: options.server, key: keys.province });
const agency = new KpiApiClient({ baseUrl: options.server, key: keys.agency });
const periodPath = `decisions/${DECISION}/periods/${options.period}`;
const agencyPath = `${periodPath}/agencies/${AGENCY}`;
let step = 0;

function say(line: string): void {
  step += 1;
  console.log(`${String(step).padStart(2)}. ${line}`);
}

async function expectStatus(client: KpiApiClient, method: string, path: string, body: unknown, status: number, extra: Record<string, string> = {}): Promise<unknown> {
  const response = await client.raw(method, path, { json: body, headers: extra });
  const answer: unknown = await response.json().catch(() => undefined);
  if (response.status !== status) {
    throw new Error(`${method} ${path}: mong đợi ${status}, nhận ${response.status}: ${JSON.stringify(answer).slice(0, 400)}`);
  }
  return answer;
}

const run = Date.now().toString(36);
const assignments = await agency.request("GET", `${periodPath}/assignments`, periodAssignmentsSchema);
const [first, second] = assignments.assignments;
if (!first || !second) throw new Error("Sở Tài chính cần ít nhất hai chỉ tiêu trong văn bản mẫu.");

const receipt = await agency.request("POST", `${periodPath}/submissions`, submissionReceiptSchema, {
  idempotencyKey: `cycle-${run}-1`,
  json: {
    agencyId: AGENCY,
    values: [
      { assignmentId: first.assignmentId, actual: "Đang hoàn thiện", evidence: [{ documentNumber: "45/KH-STC", issuedOn: `${options.period.slice(0, 4)}-03-03`, summary: "Kế hoạch chuyển đổi số của Sở" }] },
      { assignmentId: second.assignmentId, actual: 0.5 },
    ],
  },
});
say(`Cơ quan nộp phiên bản ${receipt.version} (kèm minh chứng); thiếu ${receipt.missing.length} chỉ tiêu; dòng 1: ${receipt.verdicts[0]!.label}.`);

const verdictPath = `${agencyPath}/versions/${receipt.version}/verdicts`;
await expectStatus(agency, "PUT", verdictPath, { verdicts: [{ assignmentId: first.assignmentId, verdict: "met", reason: "Tự đánh giá" }] }, 403);
say("Khóa của cơ quan không tự đánh giá được: 403.");
const judged = versionViewSchema.parse(
  await expectStatus(province, "PUT", verdictPath, { verdicts: [{ assignmentId: first.assignmentId, verdict: "not_met", reason: "Kế hoạch chưa ban hành trong kỳ" }] }, 200),
);
say(`Tỉnh đánh giá dòng 1: ${judged.values[0]!.final.explanation}`);

await province.request("POST", `${agencyPath}/versions/${receipt.version}/return`, versionViewSchema, {
  json: { comment: "Đề nghị bổ sung số liệu", rows: [{ assignmentId: second.assignmentId, comment: "Tỷ lệ chưa khớp báo cáo quý" }] },
});
const returned = await agency.request("GET", `${agencyPath}/versions/${receipt.version}`, versionViewSchema);
say(`Cơ quan đọc: «${REVIEW_STATE_LABELS[returned.review.state]}», «${returned.review.comment}», dòng 2: «${returned.values[1]!.comment}», minh chứng: ${returned.values[0]!.evidence?.[0]?.documentNumber}, lý do: «${returned.values[0]!.person?.reason}».`);

const again = await agency.request("POST", `${periodPath}/submissions`, submissionReceiptSchema, {
  idempotencyKey: `cycle-${run}-2`,
  json: { agencyId: AGENCY, carryForward: true, values: [{ assignmentId: second.assignmentId, actual: 0.8 }] },
});
say(`Cơ quan nộp lại: phiên bản ${again.version}, ${again.verdicts.length} giá trị (giữ lại giá trị cũ cho chỉ tiêu không gửi).`);

const approved = await province.request("POST", `${agencyPath}/versions/${again.version}/approve`, versionViewSchema, { json: { comment: "Đồng ý" } });
say(`Tỉnh duyệt phiên bản ${again.version}: ${REVIEW_STATE_LABELS[approved.review.state]}.`);

await province.request("POST", `${periodPath}/lock`, lockAnswerSchema, { json: { reason: "Hết hạn nhận báo cáo" } });
const refused = (await expectStatus(agency, "POST", `${periodPath}/submissions`, { agencyId: AGENCY, values: [{ assignmentId: second.assignmentId, actual: 0.9 }] }, 423, {
  "idempotency-key": `cycle-${run}-3`,
})) as { code: string; message: string };
say(`Khóa kỳ; nộp thêm bị từ chối: ${refused.code} — ${refused.message}`);

const audit = await province.request("GET", `${periodPath}/audit?agency=${AGENCY}`, auditAnswerSchema);
say(`Nhật ký: ${audit.events.map((event) => event.action).join(", ")}.`);

const aggregate = await province.request("GET", `${periodPath}/aggregate`, aggregateSchema);
const mine = aggregate.agencies.find((candidate) => candidate.id === AGENCY);
say(`Tổng hợp: Sở Tài chính ${mine?.reviewState ? REVIEW_STATE_LABELS[mine.reviewState] : "?"}, phiên bản ${mine?.version}, đạt ${mine?.metCount}/${mine?.assignedCount}.`);

await expectStatus(province, "POST", `${periodPath}/unlock`, {}, 400);
await province.request("POST", `${periodPath}/unlock`, lockAnswerSchema, { json: { reason: "Mở lại sau khi chạy thử chu trình" } });
say("Mở khóa không có lý do: 400; có lý do: mở lại kỳ.");
