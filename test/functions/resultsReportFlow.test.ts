import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateSchema } from "../../shared/report/aggregate";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema } from "../../shared/report/receipt";
import { resultsReportPreviewSchema, type ResultsReportPreview } from "../../shared/report/resultsReport";
import { startStack, type TestStack } from "../support/stack";
import { agencyRows, storageSnapshot } from "../support/storageSnapshot";

/**
 * Sở Tài chính sends its "Báo cáo kết quả thực hiện" for 2025-Q4 as a text table, worded a little differently from
 * decision 1521/QĐ-UBND, with a row the decision never assigned it and a row Sở Y tế leads. The province previews,
 * confirms, and the report counts as the agency's submission.
 */

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q4";
const BASE = `/decisions/${DECISION}/periods/${PERIOD}`;
const AGENCY = `${BASE}/agencies/so-tai-chinh`;

const REPORT = [
  "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ QUÝ IV NĂM 2025",
  "TT\tChỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả thực hiện",
  "1\tTỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\tSở Tài chính\t\t1,2%",
  "2\tTỉ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính\tSỞ TÀI CHÍNH\tCác sở, ban, ngành\t70%",
  "3\tTỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận giải quyết TTHC\tSở Tài chính\t\t75%",
  "4\tTỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính của Sở\tSở Tài chính\t\t82,5 %",
  "5\tTỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện\tSở Tài chính\t\t95%",
  "6\tTỷ lệ văn bản, hồ sơ công việc (trừ văn bản, hồ sơ có chứa nội dung bí mật nhà nước) được thực hiện toàn trình trên Hệ thống Quản lý và điều hành\tSở Tài chính\t\tĐạt",
  "7\tTỷ lệ văn bản đi trên Hệ thống quản lý văn bản được ký số theo quy định\tSở Tài chính\t\t100%",
  "8\tSố lượng cán bộ được tập huấn kỹ năng số\tSở Tài chính\t\t250 lượt",
  "9\tTỷ lệ các bệnh viện công lập được triển khai bệnh án điện tử\tSở Y tế\tSở Tài chính\t100%",
].join("\n");

let stack: TestStack;
let view: PeriodAssignments;
let preview: ResultsReportPreview;

const idOf = (order: string) => view.assignments.find((assignment) => assignment.order === order)!.assignmentId;

function postReport(query: string, body: BodyInit, key = stack.keys.province, headers: Record<string, string> = {}) {
  return stack.call(`${AGENCY}/results-report${query}`, { key, method: "POST", body, headers });
}

beforeAll(async () => {
  // Before the quarter's due date (20/12/2025), so the submission is on time.
  stack = await startStack({ now: () => new Date("2025-12-15T03:00:00Z") });
  view = periodAssignmentsSchema.parse(await (await stack.call(`${BASE}/assignments?agency=so-tai-chinh`, { key: stack.keys.province })).json());
});
afterAll(() => stack?.close());

describe("an agency's results report ingested as its submission", () => {
  it("refuses an agency key: only the province ingests a report for an agency", async () => {
    const before = await storageSnapshot(stack);
    const response = await postReport("?dryRun=true&name=bao-cao.txt", REPORT, stack.keys.agency);
    expect(response.status).toBe(403);
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("refuses a file that is not a results report, with a clear error, and stores nothing", async () => {
    const before = await storageSnapshot(stack);
    const response = await postReport("?dryRun=true&name=ghi-chu.txt", "Kính gửi Sở Khoa học và Công nghệ,\nđây không phải là bảng.");
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body).toMatchObject({ code: "results_report_invalid" });
    expect(body.message).toContain("ghi-chu.txt");
    expect(body.message).toContain("Không tìm thấy dòng tiêu đề");
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("previews each row: matched, to confirm with its candidate, unmatched, led by another agency", async () => {
    const before = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const response = await postReport("?dryRun=true&name=Báo cáo quý IV.txt", REPORT);
    expect(response.status).toBe(200);
    preview = resultsReportPreviewSchema.parse(await response.json());
    const byRow = new Map(preview.rows.map((row) => [row.row, row]));
    expect(preview.rows.map((row) => row.status)).toEqual([
      "matched",
      "matched",
      "uncertain",
      "matched",
      "matched",
      "matched",
      "uncertain",
      "unmatched",
      "other_agency",
    ]);
    expect(preview.counts).toEqual({ matched: 5, uncertain: 2, unmatched: 1, other_agency: 1 });
    expect(byRow.get(3)).toMatchObject({ assignmentId: idOf("3"), targetText: "Tối thiểu 70%" });
    expect(byRow.get(3)!.reason).toContain("cần xác nhận");
    expect(byRow.get(5)).toMatchObject({ reportedText: "95%", assignmentId: idOf("6"), value: { actual: 0.95, verdict: "met" } });
    expect(byRow.get(4)).toMatchObject({ reportedText: "82,5 %", value: { actual: 0.825, verdict: "met" } });
    expect(byRow.get(6)).toMatchObject({
      reportedText: "Đạt",
      value: { actual: "Đạt", verdict: "needs_review", explanation: "Cơ quan tự đánh giá «Đạt», không có số liệu để đối chiếu" },
    });
    expect(byRow.get(8)).toMatchObject({ reportedText: "250 lượt" });
    expect(byRow.get(8)!.assignmentId).toBeUndefined();
    expect(byRow.get(9)).toMatchObject({ leadAgency: "Sở Y tế" });
    expect(byRow.get(9)!.value).toBeUndefined();
    expect(preview.file).toMatchObject({ name: "Báo cáo quý IV.txt", size: Buffer.byteLength(REPORT) });
    // Nothing submitted: only the file is kept for the confirmation.
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toEqual(before);
    const blobs = (await storageSnapshot(stack)).blobs.map((blob) => blob.split("|")[0]);
    expect(blobs).toContain(`phu-tho/${DECISION}/${PERIOD}/so-tai-chinh/results-reports/${preview.file.sha256}`);
  });

  it("refuses a confirmation that leaves an uncertain row undecided, naming it, and stores nothing", async () => {
    const before = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const response = await postReport("", JSON.stringify({ file: preview.file.sha256, confirm: [{ row: 3, assignmentId: idOf("3") }] }), undefined, {
      "content-type": "application/json",
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ code: "confirmation_required", details: { problems: [{ kind: "unconfirmed", row: 7 }] } });
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toEqual(before);
  });

  it("stores the confirmed report as version 1 with the results as written, and answers a retry with the same receipt", async () => {
    const body = JSON.stringify({ file: preview.file.sha256, confirm: [{ row: 3, assignmentId: idOf("3") }], skip: [7] });
    const headers = { "content-type": "application/json", "idempotency-key": "rr-stc-2025q4-0001" };
    const response = await postReport("", body, undefined, headers);
    expect(response.status).toBe(201);
    const receipt = submissionReceiptSchema.parse(await response.json());
    expect(receipt).toMatchObject({ version: 1, replayed: false, late: false, channel: "results_report", sourceFile: { sha256: preview.file.sha256 } });
    expect(receipt.verdicts).toHaveLength(6);
    const verdictOf = (order: string) => receipt.verdicts.find((verdict) => verdict.assignmentId === idOf(order));
    expect(verdictOf("6")).toMatchObject({ verdict: "met", reportedText: "95%" });
    expect(verdictOf("7")).toMatchObject({ verdict: "needs_review", reportedText: "Đạt" });
    expect(verdictOf("3")).toMatchObject({ verdict: "met", reportedText: "75%" });
    expect(verdictOf("8")).toBeUndefined();
    expect(receipt.counts).toEqual({ met: 5, needs_review: 1 });

    const again = await postReport("", body, undefined, headers);
    expect(again.status).toBe(200);
    expect(submissionReceiptSchema.parse(await again.json())).toMatchObject({ id: receipt.id, version: 1, replayed: true });
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toMatchObject({ versions: ["v~so-tai-chinh~000001"] });

    // The same key with other choices is a mistake, not a retry.
    const before = await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh");
    const other = await postReport("", JSON.stringify({ file: preview.file.sha256, skip: [3, 7] }), undefined, headers);
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: "idempotency_key_reused" });
    expect(await agencyRows(stack, DECISION, PERIOD, "so-tai-chinh")).toEqual(before);
  });

  it("shows the version with each result as written and the value read from it", async () => {
    const response = await stack.call(`${AGENCY}/versions/1`, { key: stack.keys.agency });
    expect(response.status).toBe(200);
    const version = await response.json();
    expect(version).toMatchObject({ channel: "results_report", sourceFile: { name: "Báo cáo quý IV.txt", sha256: preview.file.sha256 } });
    const value = (order: string) => version.values.find((item: { assignmentId: string }) => item.assignmentId === idOf(order));
    expect(version.sourceFile.blobPath).toBeUndefined();
    expect(value("6")).toMatchObject({ actual: 0.95, reportedText: "95%", verdict: "met" });
    expect(value("7")).toMatchObject({
      actual: "Đạt",
      reportedText: "Đạt",
      verdict: "needs_review",
      explanation: "Cơ quan tự đánh giá «Đạt», không có số liệu để đối chiếu",
    });
  });

  it("lists the version as read from a results report", async () => {
    const response = await stack.call(`${AGENCY}/versions`, { key: stack.keys.province });
    const list = await response.json();
    expect(list.versions).toMatchObject([{ version: 1, channel: "results_report", sourceFile: { name: "Báo cáo quý IV.txt", sha256: preview.file.sha256 } }]);
  });

  it("lets the province download the report exactly as sent", async () => {
    const response = await stack.call(`${AGENCY}/versions/1/results-report`, { key: stack.keys.province });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(Buffer.from(await response.arrayBuffer()).toString("utf8")).toBe(REPORT);
  });

  it("counts the agency as submitted on time in the aggregate, its cells carrying the verdicts", async () => {
    const response = await stack.call(`${BASE}/aggregate`, { key: stack.keys.province });
    expect(response.status).toBe(200);
    const aggregate = aggregateSchema.parse(await response.json());
    const agency = aggregate.agencies.find((candidate) => candidate.id === "so-tai-chinh")!;
    expect(agency).toMatchObject({ status: "on_time", version: 1, metCount: 5 });
    const cell = (order: string) => agency.cells.find((candidate) => candidate.assignmentId === idOf(order));
    expect(cell("6")).toMatchObject({ verdict: "met", actual: 0.95 });
    expect(cell("7")).toMatchObject({ verdict: "needs_review", label: "Cần đánh giá" });
    expect(cell("8")).toMatchObject({ verdict: "no_data" });
    expect(aggregate.completeness.onTime).toBe(1);
  });

  it("tells a caller who sends the file without dryRun how the two steps go", async () => {
    const before = await storageSnapshot(stack);
    const response = await postReport("", REPORT, undefined, { "content-type": "text/plain" });
    expect(response.status).toBe(415);
    expect((await response.json()).message).toContain("?dryRun=true");
    expect(await storageSnapshot(stack)).toEqual(before);
  });

  it("refuses to confirm a file that was never previewed for this agency", async () => {
    const response = await postReport("", JSON.stringify({ file: "0".repeat(64) }), undefined, { "content-type": "application/json" });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "not_found" });
  });
});
