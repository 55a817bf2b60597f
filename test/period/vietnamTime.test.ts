import { describe, expect, it } from "vitest";
import { vietnamDay, vietnamTimeCell, vietnamTimeText } from "../../shared/period/vietnamTime";

describe("Vietnam time", () => {
  it("reads an instant on Vietnam's clock whatever zone it is written in, across midnight", () => {
    expect(vietnamDay("2025-12-20T16:59:59Z")).toBe("2025-12-20");
    expect(vietnamDay("2025-12-20T17:00:00Z")).toBe("2025-12-21");
    expect(vietnamDay("2025-12-21T00:00:00+07:00")).toBe("2025-12-21");
    expect(vietnamTimeCell("2025-12-22T03:00:00Z")).toBe("22/12/2025 10:00");
    expect(vietnamTimeText("2025-12-19T18:30:00Z", { zoneNote: false })).toBe("01:30 ngày 20/12/2025");
  });

  it("gives back text that is not an instant as it is", () => {
    expect(vietnamDay("hôm qua")).toBeUndefined();
    expect(vietnamTimeCell("hôm qua")).toBe("hôm qua");
    expect(vietnamTimeText("hôm qua")).toBe("hôm qua");
  });
});
