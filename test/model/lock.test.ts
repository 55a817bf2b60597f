import { describe, expect, it } from "vitest";
import { lockStateOf, type LockEntry } from "../../shared/model/lock";

const NOW = "2026-01-10T00:00:00.000Z";

function entry(at: string, locked: boolean, agencyId?: string, reason?: string): LockEntry {
  return {
    scope: agencyId ? "agency" : "all",
    ...(agencyId ? { agencyId } : {}),
    locked,
    ...(reason ? { reason } : {}),
    by: "key:phu-tho.0000000000000001",
    byLabel: "Sở KH&CN Phú Thọ",
    at,
  };
}

describe("lockStateOf: the newest decision that concerns the agency wins", () => {
  it("leaves a period without any decision open", () => {
    expect(lockStateOf([], "so-tai-chinh", NOW)).toEqual({ locked: false, source: "none" });
  });

  it("closes a period locked for all to every agency, with who, when and why", () => {
    const entries = [entry("2026-01-05T02:00:00.000Z", true, undefined, "Đã tổng hợp báo cáo quý")];
    for (const agency of ["so-tai-chinh", "so-y-te"]) {
      expect(lockStateOf(entries, agency, NOW)).toEqual({
        locked: true,
        source: "all",
        reason: "Đã tổng hợp báo cáo quý",
        byLabel: "Sở KH&CN Phú Thọ",
        at: "2026-01-05T02:00:00.000Z",
      });
    }
  });

  it("opens one agency unlocked after the lock of all, and only that agency", () => {
    const entries = [entry("2026-01-05T02:00:00.000Z", true), entry("2026-01-06T02:00:00.000Z", false, "so-tai-chinh", "Bổ sung số liệu")];
    expect(lockStateOf(entries, "so-tai-chinh", NOW)).toMatchObject({ locked: false, source: "agency", reason: "Bổ sung số liệu" });
    expect(lockStateOf(entries, "so-y-te", NOW)).toMatchObject({ locked: true, source: "all" });
  });

  it("closes that agency again when all are locked after its unlock, whatever order the entries are stored in", () => {
    const entries = [entry("2026-01-07T02:00:00.000Z", true), entry("2026-01-06T02:00:00.000Z", false, "so-tai-chinh")];
    expect(lockStateOf(entries, "so-tai-chinh", NOW)).toMatchObject({ locked: true, source: "all", at: "2026-01-07T02:00:00.000Z" });
    expect(lockStateOf([...entries].reverse(), "so-tai-chinh", NOW)).toMatchObject({ locked: true, source: "all" });
  });

  it("locks one agency alone and leaves the others open", () => {
    const entries = [entry("2026-01-05T02:00:00.000Z", true, "so-y-te")];
    expect(lockStateOf(entries, "so-y-te", NOW)).toMatchObject({ locked: true, source: "agency" });
    expect(lockStateOf(entries, "so-tai-chinh", NOW)).toEqual({ locked: false, source: "none" });
  });

  it("opens an agency locked on its own when all are unlocked later", () => {
    const entries = [entry("2026-01-05T02:00:00.000Z", true, "so-y-te"), entry("2026-01-06T02:00:00.000Z", false, undefined, "Mở lại kỳ")];
    expect(lockStateOf(entries, "so-y-te", NOW)).toMatchObject({ locked: false, source: "all" });
  });

  it("counts the automatic lock only once its moment has passed", () => {
    expect(lockStateOf([], "so-tai-chinh", NOW, "2026-01-11T00:00:00.000Z")).toEqual({ locked: false, source: "none" });
    expect(lockStateOf([], "so-tai-chinh", NOW, "2026-01-09T00:00:00.000Z")).toMatchObject({
      locked: true,
      source: "automatic",
      at: "2026-01-09T00:00:00.000Z",
    });
  });

  it("lets an unlock after the automatic lock open the period, while an unlock before it does not", () => {
    const automaticAt = "2026-01-08T00:00:00.000Z";
    const after = [entry("2026-01-09T00:00:00.000Z", false, "so-tai-chinh", "Gia hạn")];
    expect(lockStateOf(after, "so-tai-chinh", NOW, automaticAt)).toMatchObject({ locked: false, source: "agency" });
    expect(lockStateOf(after, "so-y-te", NOW, automaticAt)).toMatchObject({ locked: true, source: "automatic" });
    const before = [entry("2026-01-07T00:00:00.000Z", false)];
    expect(lockStateOf(before, "so-tai-chinh", NOW, automaticAt)).toMatchObject({ locked: true, source: "automatic" });
  });
});
