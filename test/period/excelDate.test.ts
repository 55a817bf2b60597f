import { describe, it, expect } from "vitest";
import { excelSerialToIsoDate, isoDateToExcelSerial, parseDateText } from "../../shared/period/excelDate";

describe("Excel serial dates (1900 system)", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45658, "2025-01-01"],
    [45747, "2025-03-31"],
    // 45838 is 30/6, not 1/7: the day a Huế milestone falls due.
    [45838, "2025-06-30"],
    [45839, "2025-07-01"],
    [45657, "2024-12-31"],
    [45351, "2024-02-29"],
  ])("serial %i is %s and back", (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso);
    expect(isoDateToExcelSerial(iso)).toBe(serial);
  });

  it("gives no date for Excel's fictitious 29/2/1900 (serial 60)", () => {
    expect(excelSerialToIsoDate(60)).toBeUndefined();
  });

  it("ignores the time of day in a serial", () => {
    expect(excelSerialToIsoDate(45838.75)).toBe("2025-06-30");
  });

  it("gives no date for serials outside Excel's range", () => {
    for (const serial of [0, -1, 2_958_466, Number.NaN, Number.POSITIVE_INFINITY]) expect(excelSerialToIsoDate(serial)).toBeUndefined();
    expect(excelSerialToIsoDate(2_958_465)).toBe("9999-12-31");
  });

  it("round-trips every day across the 1900 leap-day boundary and into 2030", () => {
    for (const serial of [...Array.from({ length: 200 }, (_, i) => i + 1), 45000, 47000, 47848]) {
      if (serial === 60) continue;
      const iso = excelSerialToIsoDate(serial);
      expect(iso).toBeDefined();
      expect(isoDateToExcelSerial(iso!)).toBe(serial);
    }
  });
});

describe("dates as officers write them", () => {
  it.each([
    ["30/6/2025", "2025-06-30"],
    ["30/06/2025", "2025-06-30"],
    ["30-06-2025", "2025-06-30"],
    ["2025-06-30", "2025-06-30"],
    ["ngày 30/6/2025", "2025-06-30"],
    ["Ngày 31/3/2025", "2025-03-31"],
    ["30 tháng 6 năm 2025", "2025-06-30"],
    ["24 tháng 10 năm 2025", "2025-10-24"],
    ["29/2/2024", "2024-02-29"],
    ["  31/12/2025 ", "2025-12-31"],
  ])("%j is %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each(["31/2/2025", "29/2/2025", "31/4/2025", "0/6/2025", "30/13/2025", "2025-02-30", "Quý II/2025", "30/6", "", "hôm nay"])(
    "%j is not a date",
    (text) => {
      expect(parseDateText(text)).toBeUndefined();
    },
  );
});
