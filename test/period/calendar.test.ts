import { describe, it, expect } from "vitest";
import { calendarPointEnd, calendarPointLabel, calendarPointStart } from "../../shared/period/calendar";
import type { CalendarPoint } from "../../shared/target/schema";

describe("calendar points as days", () => {
  it.each<[CalendarPoint, string, string, string]>([
    [{ precision: "year", year: 2022 }, "2022-01-01", "2022-12-31", "năm 2022"],
    [{ precision: "half", year: 2025, half: 1 }, "2025-01-01", "2025-06-30", "6 tháng đầu năm 2025"],
    [{ precision: "half", year: 2025, half: 2 }, "2025-07-01", "2025-12-31", "6 tháng cuối năm 2025"],
    [{ precision: "quarter", year: 2025, quarter: 2 }, "2025-04-01", "2025-06-30", "quý II/2025"],
    [{ precision: "quarter", year: 2025, quarter: 3 }, "2025-07-01", "2025-09-30", "quý III/2025"],
    [{ precision: "quarter", year: 2025, quarter: 4 }, "2025-10-01", "2025-12-31", "quý IV/2025"],
    [{ precision: "month", year: 2022, month: 6 }, "2022-06-01", "2022-06-30", "tháng 6/2022"],
    [{ precision: "month", year: 2024, month: 2 }, "2024-02-01", "2024-02-29", "tháng 2/2024"],
    [{ precision: "month", year: 2023, month: 2 }, "2023-02-01", "2023-02-28", "tháng 2/2023"],
    [{ precision: "day", year: 2025, month: 6, day: 30 }, "2025-06-30", "2025-06-30", "30/6/2025"],
  ])("%o covers %s to %s, written %s", (point, start, end, label) => {
    expect(calendarPointStart(point)).toBe(start);
    expect(calendarPointEnd(point)).toBe(end);
    expect(calendarPointLabel(point)).toBe(label);
  });
});
