import { describe, expect, it } from "vitest";
import { readCitationForm, valuesWithCitations, withCitation, withoutCitation } from "../../../addin/review/evidenceDraft";
import { citationText } from "../../../addin/review/reviewText";

const form = { documentNumber: "123/QĐ-UBND", issuedOn: "20/10/2025", summary: "Kế hoạch chuyển đổi số năm 2025", url: "" };

describe("the Minh chứng form", () => {
  it("reads a citation with the date as an ISO day and words it as a register does", () => {
    const reading = readCitationForm(form);
    expect(reading).toEqual({ ok: true, citation: { documentNumber: "123/QĐ-UBND", issuedOn: "2025-10-20", summary: "Kế hoạch chuyển đổi số năm 2025" } });
    if (reading.ok) expect(citationText(reading.citation)).toBe("Số 123/QĐ-UBND ngày 20/10/2025: Kế hoạch chuyển đổi số năm 2025");
  });

  it("says in Vietnamese what is wrong: a date that does not exist, no summary, a link that is not http(s)", () => {
    expect(readCitationForm({ ...form, issuedOn: "31/02/2025" })).toEqual({ ok: false, problems: ["Ngày ban hành viết dạng ngày/tháng/năm, ví dụ 20/10/2025."] });
    expect(readCitationForm({ ...form, summary: " " })).toEqual({ ok: false, problems: ["Trích yếu minh chứng không được để trống."] });
    expect(readCitationForm({ ...form, url: "ftp://example.org/a.pdf" })).toEqual({
      ok: false,
      problems: ["Đường dẫn minh chứng phải là địa chỉ http:// hoặc https:// đầy đủ."],
    });
  });

  it("puts the citations of a row on its value, and a row emptied on purpose goes without", () => {
    const reading = readCitationForm(form);
    if (!reading.ok) throw new Error("form should read");
    const added = withCitation(new Map(), "a1", reading.citation);
    if (typeof added === "string") throw new Error(added);
    const values = [
      { assignmentId: "a1", actual: "Hoàn thành" },
      { assignmentId: "a2", actual: 5, evidence: [{ summary: "Báo cáo số 7" }] },
    ];
    expect(valuesWithCitations(values, added)).toEqual([{ assignmentId: "a1", actual: "Hoàn thành", evidence: [reading.citation] }, values[1]]);
    const emptied = withoutCitation(new Map([["a2", [{ summary: "Báo cáo số 7" }]]]), "a2", 0);
    expect(valuesWithCitations(values, emptied)[1]).toEqual({ assignmentId: "a2", actual: 5 });
  });
});
