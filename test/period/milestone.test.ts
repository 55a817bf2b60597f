import { describe, it, expect } from "vitest";
import { milestoneForPeriod, milestoneSchema, type Milestone } from "../../shared/period/milestone";

// Huế's plan: one indicator for one agency, with three dated targets that grow through the year.
const hue: Milestone[] = [
  { due: "2025-03-31", targetText: ">25%" },
  { due: "2025-06-30", targetText: ">45%" },
  { due: "2025-12-31", targetText: ">55%" },
];

describe("the milestone a period's report is judged against (Huế plan)", () => {
  it.each([
    ["2025-Q1", ">25%"],
    ["2025-Q2", ">45%"],
    ["2025-H1", ">45%"],
    ["2025-Q3", ">55%"],
    ["2025-Q4", ">55%"],
    ["2025-H2", ">55%"],
    ["2025", ">55%"],
    ["2025-M01", ">25%"],
    ["2025-M05", ">45%"],
    ["2025-M06", ">45%"],
    ["2025-M07", ">55%"],
  ])("%s → %s", (period, targetText) => {
    expect(milestoneForPeriod(hue, period)?.targetText).toBe(targetText);
  });

  it("does not depend on the order the milestones are listed in", () => {
    const shuffled = [hue[2]!, hue[0]!, hue[1]!];
    expect(milestoneForPeriod(shuffled, "2025-H1")?.due).toBe("2025-06-30");
    expect(milestoneForPeriod(shuffled, "2025-Q3")?.due).toBe("2025-12-31");
  });

  it("keeps the final target after the last milestone", () => {
    expect(milestoneForPeriod(hue, "2026-Q1")?.targetText).toBe(">55%");
  });

  it("takes the first milestone for a period before all of them", () => {
    expect(milestoneForPeriod(hue, "2024-Q4")?.targetText).toBe(">25%");
  });

  it("has none when the assignment has no milestones", () => {
    expect(milestoneForPeriod([], "2025-Q1")).toBeUndefined();
  });
});

describe("milestone schema", () => {
  it("keeps the target text as written", () => {
    expect(milestoneSchema.parse({ due: "2025-06-30", targetText: " ≥ 45% " }).targetText).toBe(" ≥ 45% ");
  });

  it("rejects a due date that is not a real day", () => {
    for (const due of ["2025-02-30", "30/6/2025", "2025-6-30"]) {
      const result = milestoneSchema.safeParse({ due, targetText: ">25%" });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/^Ngày không hợp lệ/);
    }
  });
});
