import { describe, expect, it } from "vitest";
import { approveRequestOf, EMPTY_DRAFT, needsAgencyAttention, needsAttention, returnRequestOf, verdictsRequestOf, type Drafts } from "../../../addin/review/reviewDrafts";
import type { PersonVerdict } from "../../../shared/model/review";

const person: PersonVerdict = { assignmentId: "a2", verdict: "met", reason: "Đã xem văn bản", by: "k1", byLabel: "Sở KH&CN", at: "2025-12-20T07:00:00.000Z" };
const values = [{ assignmentId: "a1" }, { assignmentId: "a2", person }, { assignmentId: "a3" }];
const nameOf = (id: string) => `Chỉ tiêu ${id.toUpperCase()}`;

describe("the province's drafts as the contract's requests", () => {
  it("refuses a verdict without a reason and names the row", () => {
    const drafts: Drafts = { a1: { choice: "met", reason: "  ", comment: "" }, a3: { choice: "not_met", reason: "Chưa có văn bản", comment: "" } };
    expect(verdictsRequestOf(drafts, values, nameOf)).toEqual({ ok: false, problems: ["Chỉ tiêu A1: chưa ghi lý do đánh giá."] });
  });

  it("sends verdicts with their reasons, withdraws only a verdict that exists, and sends nothing for untouched rows", () => {
    const drafts: Drafts = {
      a1: { choice: "not_met", reason: " Chưa ban hành ", comment: "Bổ sung số hiệu" },
      a2: { choice: "clear", reason: "", comment: "" },
      a3: { choice: "clear", reason: "", comment: "" },
    };
    expect(verdictsRequestOf(drafts, values, nameOf)).toEqual({
      ok: true,
      value: { verdicts: [{ assignmentId: "a1", verdict: "not_met", reason: "Chưa ban hành" }, { assignmentId: "a2", verdict: null }] },
    });
    expect(verdictsRequestOf({ a1: { choice: "keep", reason: "x", comment: "y" } }, values, nameOf)).toBeUndefined();
  });

  it("asks for the overall comment of a return and sends only the rows commented", () => {
    const drafts: Drafts = { a1: { choice: "keep", reason: "", comment: "Thiếu mẫu số" }, a2: { choice: "keep", reason: "", comment: " " } };
    expect(returnRequestOf(" ", drafts)).toEqual({ ok: false, problems: ["Cần ghi nhận xét chung để cơ quan biết phải sửa gì."] });
    expect(returnRequestOf("Sửa dòng CT01", drafts)).toEqual({ ok: true, value: { comment: "Sửa dòng CT01", rows: [{ assignmentId: "a1", comment: "Thiếu mẫu số" }] } });
  });

  it("approves with or without a comment", () => {
    expect(approveRequestOf("")).toEqual({ ok: true, value: {} });
    expect(approveRequestOf("Đạt yêu cầu")).toEqual({ ok: true, value: { comment: "Đạt yêu cầu" } });
  });
});

describe("the rows the province has to look at", () => {
  const plain = { verdict: "met" as const };
  it("keeps a rule's plain verdict out and brings in what a person must see or has said", () => {
    expect(needsAttention(plain, undefined)).toBe(false);
    expect(needsAttention({ verdict: "not_met" }, EMPTY_DRAFT)).toBe(false);
    expect(needsAttention(undefined, undefined)).toBe(true);
    expect(needsAttention({ verdict: "needs_review" }, undefined)).toBe(true);
    expect(needsAttention({ verdict: "needs_review", person }, undefined)).toBe(true);
    expect(needsAttention({ verdict: "met", flags: [{ code: "evidence_missing", message: "…" }] }, undefined)).toBe(true);
    expect(needsAttention({ verdict: "met", comment: "Sửa" }, undefined)).toBe(true);
    expect(needsAttention(plain, { ...EMPTY_DRAFT, comment: "Kiểm tra lại" })).toBe(true);
    expect(needsAttention(plain, { ...EMPTY_DRAFT, choice: "not_met" })).toBe(true);
  });
});

describe("the rows the agency has to look at", () => {
  it("brings in rows without a value, judged by the province, flagged or commented on a return", () => {
    expect(needsAgencyAttention({}, undefined)).toBe(false);
    expect(needsAgencyAttention(undefined, undefined)).toBe(true);
    expect(needsAgencyAttention({ person }, undefined)).toBe(true);
    expect(needsAgencyAttention({ flags: [{ code: "evidence_missing", message: "…" }] }, undefined)).toBe(true);
    expect(needsAgencyAttention({}, "Kiểm tra lại tử số")).toBe(true);
  });
});
