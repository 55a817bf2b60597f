import { describe, it, expect } from "vitest";
import { assignmentSchema, buildAssignmentTarget, decisionSchema, type AssignmentInput } from "../../shared/model";
import { milestoneForPeriod } from "../../shared/period/milestone";
import { phuThoDecision } from "./phuThoFragment";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

function base(): AssignmentInput {
  return {
    id: "phu-tho-1521-qd-ubnd.so-tai-chinh.3",
    decisionId: "phu-tho-1521-qd-ubnd",
    agencyId: "so-tai-chinh",
    indicatorCode: "CDS-002",
    order: "3",
    targetText: "Tối thiểu 70%",
    target: { kind: "percent", comparator: "gte", value: 70 },
  };
}

describe("assignment target", () => {
  it("reads each target of the Phú Thọ fragment", () => {
    const decision = decisionSchema.parse(phuThoDecision());
    const targets = decision.sections.flatMap((section) => section.rows.map((row) => buildAssignmentTarget(row.targetText, row.unit)));
    expect(targets.every((result) => result.ok)).toBe(true);
    expect(targets[3]).toEqual({ ok: true, target: { kind: "percent", comparator: "gte", value: 1, base: "tổng chi ngân sách" } });
  });

  it("reads a bare number as a percentage when the unit column says %", () => {
    expect(buildAssignmentTarget("70", "%")).toEqual({ ok: true, target: { kind: "percent", comparator: "gte", value: 70 } });
    expect(buildAssignmentTarget("70")).toEqual({ ok: true, target: { kind: "count", comparator: "gte", value: 70 } });
  });

  it("leaves a text no rule can judge to a person, without guessing", () => {
    expect(buildAssignmentTarget("Thực hiện theo lộ trình của Bộ LD-TB&XH")).toMatchObject({ ok: true, target: { kind: "manual" } });
    expect(buildAssignmentTarget("")).toMatchObject({ ok: true, target: { kind: "manual", reason: "empty" } });
  });

  it("returns the errors of a malformed rule instead of throwing", () => {
    const result = buildAssignmentTarget(">> 95%");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toBe("Thiếu con số sau dấu so sánh.");
  });
});

describe("assignment", () => {
  it("defaults milestones and coordinating agencies to none", () => {
    const assignment = assignmentSchema.parse(base());
    expect(assignment.milestones).toEqual([]);
    expect(assignment.coordinatingAgencyIds).toEqual([]);
  });

  it("carries Huế milestones that a quarterly report is judged against", () => {
    const assignment = assignmentSchema.parse({
      ...base(),
      targetText: ">55%",
      target: { kind: "percent", comparator: "gt", value: 55 },
      milestones: [
        { due: "2025-03-31", targetText: ">25%" },
        { due: "2025-06-30", targetText: ">45%" },
        { due: "2025-12-31", targetText: ">55%" },
      ],
    });
    expect(milestoneForPeriod(assignment.milestones, "2025-Q3")?.targetText).toBe(">55%");
  });

  it("belongs to exactly one agency or one group", () => {
    const { agencyId: _omitted, ...ownerless } = base();
    const both = assignmentSchema.safeParse({ ...base(), groupId: "ubnd-cac-xa-phuong" });
    const neither = assignmentSchema.safeParse(ownerless);
    for (const result of [both, neither]) {
      expect(messages(result)).toEqual(["Mỗi chỉ tiêu được giao cho đúng một cơ quan (agencyId) hoặc một nhóm cơ quan (groupId)."]);
    }
    expect(assignmentSchema.safeParse({ ...ownerless, groupId: "ubnd-cac-xa-phuong" }).success).toBe(true);
  });

  it("rejects two milestones due the same day", () => {
    const result = assignmentSchema.safeParse({
      ...base(),
      milestones: [
        { due: "2025-06-30", targetText: ">25%" },
        { due: "2025-06-30", targetText: ">45%" },
      ],
    });
    expect(messages(result)).toEqual(["Mốc 2025-06-30 được ghi hai lần: mỗi mốc thời gian chỉ có một chỉ tiêu."]);
    expect(result.error?.issues[0]?.path).toEqual(["milestones", 1, "due"]);
  });

  it("rejects a target that is not a parsed rule", () => {
    expect(assignmentSchema.safeParse({ ...base(), target: { kind: "percent", comparator: ">=", value: 70 } }).success).toBe(false);
  });
});
