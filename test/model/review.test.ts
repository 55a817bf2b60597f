import { describe, expect, it } from "vitest";
import { versionStates } from "../../functions/services/versionView";
import { versionReviewSchema, versionStateOf, type PersonVerdict } from "../../shared/model/review";
import { finalVerdictOf, verdictDisplay } from "../../shared/verdict/finalVerdict";

const person = (verdict: PersonVerdict["verdict"], extra: Partial<PersonVerdict> = {}): PersonVerdict => ({
  assignmentId: "phu-tho-1521-qd-ubnd.so-tai-chinh.4",
  verdict,
  reason: "Đã đối chiếu biên bản kiểm tra.",
  by: "key-1",
  byLabel: "Sở KH&CN Phú Thọ",
  at: "2025-12-10T02:00:00.000Z",
  ...extra,
});

const review = (decision?: "returned" | "approved") => versionReviewSchema.parse(decision ? { decision } : {});

describe("the state of a version", () => {
  it("is its own decision, else submitted, or resubmitted once an earlier version was decided", () => {
    expect(versionStateOf(undefined, false)).toBe("submitted");
    expect(versionStateOf(review(), true)).toBe("resubmitted");
    expect(versionStateOf(review("returned"), false)).toBe("returned");
    expect(versionStateOf(review("approved"), true)).toBe("approved");
  });

  it("of each of an agency's versions: a version after a returned one answers it, whatever came between", () => {
    const reviews = new Map([
      [2, review("returned")],
      [4, review("approved")],
    ]);
    expect([...versionStates([4, 1, 3, 2], reviews)].sort(([a], [b]) => a - b)).toEqual([
      [1, "submitted"],
      [2, "returned"],
      [3, "resubmitted"],
      [4, "approved"],
    ]);
  });
});

describe("the final verdict", () => {
  const rule = { verdict: "not_met" as const, label: "Không đạt", explanation: "Không đạt: 50% < 70%" };

  it("is the rule's when no person judged the value", () => {
    expect(finalVerdictOf(rule, undefined)).toEqual({ ...rule, decidedBy: "rule", override: false });
  });

  it("is the person's, marked an override when it contradicts a met/not_met of the rule", () => {
    const final = finalVerdictOf(rule, person("met"));
    expect(final).toMatchObject({ verdict: "met", label: "Đạt", decidedBy: "person", override: true });
    expect(final.explanation).toBe("Đạt (đánh giá của Sở KH&CN Phú Thọ: Đã đối chiếu biên bản kiểm tra.). Tự động: Không đạt: 50% < 70%");
    expect(verdictDisplay(final, person("met"))).toBe("Đạt (đánh giá của Sở KH&CN Phú Thọ: Đã đối chiếu biên bản kiểm tra.)");
  });

  it("is no override where the rule could not judge, and names the version a carried verdict was given on", () => {
    const needsReview = { verdict: "needs_review" as const, label: "Cần đánh giá", explanation: "Cần đánh giá" };
    const final = finalVerdictOf(needsReview, person("not_met", { carriedFrom: 1 }));
    expect(final).toMatchObject({ verdict: "not_met", override: false, decidedBy: "person" });
    expect(final.explanation).toContain("đánh giá của Sở KH&CN Phú Thọ, phiên bản 1:");
  });
});
