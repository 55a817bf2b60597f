import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ZodError } from "zod";
import { chunkedJsonText, MAX_JSON_CHARS } from "../../functions/storage/chunkedJson";
import { ReviewStore } from "../../functions/storage/reviewStore";
import { SubmissionStore, type NewSubmission } from "../../functions/storage/submissionStore";
import { latestRowKey, partitionOf } from "../../functions/storage/submissionKeys";
import { ensureTable, tableClient } from "../../functions/storage/tableClient";
import type { JudgedValue } from "../../shared/model/submission";

/**
 * What aggregation reads back of each agency's latest version: only the parts the matrix shows, still checked as a
 * boundary, whatever else the stored row carries (workbook, evidence, results-report text, values over many chunks).
 */

const DECISION = "phu-tho-1521-qd-ubnd";
const PERIOD = "2025-Q3";
const connection = { kind: "connectionString" as const, connectionString: inject("azuriteConnection") };
const table = tableClient(connection, `t${randomBytes(5).toString("hex")}`);
const submissions = new SubmissionStore(table);
const reviews = new ReviewStore(table);

function draft(agencyId: string, values: JudgedValue[]): NewSubmission {
  return {
    decisionId: DECISION, province: "phu-tho", agencyId, period: PERIOD, submittedAt: "2025-10-02T03:00:00.000Z", submittedBy: "key-1",
    channel: "results_report", catalogueVersion: 4, reportDueDate: "2025-09-20", late: true, values, counts: { met: values.length },
  };
}

const judged = (assignmentId: string, extra: Partial<JudgedValue> = {}): JudgedValue => ({
  assignmentId, actual: 0.92, targetText: "Tối thiểu 80%", verdict: "met", label: "Đạt", explanation: "Đạt: 92% ≥ 80%", ...extra,
});

async function latestRows() {
  const rows = [];
  for await (const row of submissions.latestOfPeriod(DECISION, PERIOD)) rows.push(row);
  return rows;
}

beforeAll(async () => {
  await ensureTable(connection, table.tableName);
});

describe("latest versions read back for aggregation", () => {
  it("reads the values the matrix shows, and leaves out the workbook, evidence and the report's own words", async () => {
    const stored = await submissions.submit(
      draft("so-tai-chinh", [
        judged("a.1", { numerator: 46, denominator: 50, note: "Theo báo cáo quý", evidence: [{ summary: "Quyết định 123/QĐ-UBND" }], reportedText: "Đạt 92%" }),
        judged("a.2", { actual: "Đã ban hành", verdict: "needs_review", label: "Cần xem xét", flags: [{ code: "evidence_missing", message: "Chưa dẫn văn bản" }] }),
      ]),
      "key-a", "hash-a", (version) => `${DECISION}.${PERIOD}.so-tai-chinh.v${version}`,
    );
    if (stored.kind !== "created") throw new Error(stored.kind);
    await submissions.attachWorkbook(stored.record, { sha256: "ab".repeat(32), size: 2048, uploadedAt: "2025-10-02T03:01:00.000Z", mismatches: [], blobPath: "wb/1.xlsx" });

    const [row, ...others] = await latestRows();
    expect(others).toEqual([]);
    expect(row).toEqual({
      agencyId: "so-tai-chinh", version: 1, submittedAt: "2025-10-02T03:00:00.000Z", late: true,
      values: [
        judged("a.1", { numerator: 46, denominator: 50, note: "Theo báo cáo quý" }),
        judged("a.2", { actual: "Đã ban hành", verdict: "needs_review", label: "Cần xem xét", flags: [{ code: "evidence_missing", message: "Chưa dẫn văn bản" }] }),
      ],
    });
  });

  it("reads back whole a version whose values span many stored chunks", async () => {
    const note = "Kết quả thực hiện chi tiết của đơn vị. ".repeat(40).trim();
    const values = Array.from({ length: 150 }, (_, index) => judged(`b.${index}`, { note }));
    const entitySize = JSON.stringify(values).length;
    expect(entitySize).toBeGreaterThan(3 * 30_000);
    expect(entitySize).toBeLessThan(MAX_JSON_CHARS);
    await submissions.submit(draft("so-y-te", values), "key-b", "hash-b", (version) => `${DECISION}.${PERIOD}.so-y-te.v${version}`);

    const row = (await latestRows()).find((candidate) => candidate.agencyId === "so-y-te");
    expect(row?.values).toEqual(values);
  });

  it("refuses a stored row that no longer reads as a version instead of counting it", async () => {
    const partitionKey = partitionOf(DECISION, PERIOD);
    const entity = await table.getEntity<Record<string, unknown>>(partitionKey, latestRowKey("so-tai-chinh"));
    const tampered = chunkedJsonText(entity, "values").replace(`"verdict":"met"`, `"verdict":"gần đạt"`);
    await table.updateEntity({ partitionKey, rowKey: latestRowKey("so-tai-chinh"), values0: tampered, valuesChunks: 1 }, "Merge");

    await expect(latestRows()).rejects.toThrow(ZodError);
  });

  it("reads a period's reviews by agency and version", async () => {
    await reviews.updateReview(DECISION, PERIOD, "so-y-te", 1, (current) => ({
      ...current,
      decision: "approved",
      verdicts: [{ assignmentId: "b.0", verdict: "not_met", reason: "Chưa đủ minh chứng", by: "key-2", byLabel: "Sở KH&CN", at: "2025-10-03T00:00:00.000Z" }],
    }));
    const byAgency = await reviews.reviewsOfPeriod(DECISION, PERIOD);
    expect([...byAgency.keys()]).toEqual(["so-y-te"]);
    expect(byAgency.get("so-y-te")?.get(1)).toMatchObject({ decision: "approved", verdicts: [{ assignmentId: "b.0", verdict: "not_met" }] });
  });
});
