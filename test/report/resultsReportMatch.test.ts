import { describe, expect, it } from "vitest";
import demo from "../../functions/data/demo-catalogue.json";
import { CatalogueLookup } from "../../shared/catalogue/lookup";
import { catalogueSchema } from "../../shared/catalogue/model";
import { importResultsReport } from "../../shared/catalogue/importers/resultsReport";
import { buildPeriodAssignments } from "../../shared/report/buildPeriodAssignments";
import { valuesOfConfirmedReport } from "../../shared/report/confirmReport";
import { leadIsAgency, matchReportRows, reportLinesOf, type ReportLine } from "../../shared/report/matchReportRows";

const lookup = new CatalogueLookup(catalogueSchema.parse(demo));
const decision = lookup.decisions.get("phu-tho-1521-qd-ubnd")!;
const view = buildPeriodAssignments({ lookup, catalogueVersion: 1, decision, agency: lookup.agency("phu-tho", "so-tai-chinh")!, period: "2025-Q4" });
const byOrder = (order: string) => view.assignments.find((assignment) => assignment.order === order)!;

const line = (text: string, resultText = "95%", leadAgency = "Sở Tài chính"): ReportLine => ({ text, leadAgency, resultText });

describe("matching a results report's rows to the agency's assignments", () => {
  it("takes the normalised text as the same indicator and a target written into it as no difference", () => {
    const rows = matchReportRows(
      [
        line("TỶ LỆ THANH TOÁN TRỰC TUYẾN TRONG GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"),
        line("Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử đạt 100%", "100%"),
      ],
      view,
    );
    expect(rows.map((row) => [row.status, row.assignmentId])).toEqual([
      ["matched", byOrder("2").assignmentId],
      ["matched", byOrder("5").assignmentId],
    ]);
  });

  it("recognises the lead agency however it is written, or by the name the province says stands for it", () => {
    expect(leadIsAgency("SỞ TÀI CHÍNH", view)).toBe(true);
    expect(leadIsAgency("Sở Tài chính tỉnh Phú Thọ", view)).toBe(true);
    expect(leadIsAgency("Sở Y tế", view)).toBe(false);
    expect(leadIsAgency("STC", view)).toBe(false);
    expect(leadIsAgency("STC", view, "stc")).toBe(true);
    const rows = matchReportRows([line(byOrder("2").text, "70%", "STC")], view, "STC");
    expect(rows[0]).toMatchObject({ status: "matched", value: { actual: 0.7, verdict: "met" } });
  });

  it("asks a person when two rows claim one assignment", () => {
    const rows = matchReportRows([line(byOrder("2").text, "70%"), line(byOrder("2").text.toUpperCase(), "60%")], view);
    expect(rows.map((row) => row.status)).toEqual(["uncertain", "uncertain"]);
    expect(rows[0]!.reason).toContain("Dòng 2");
  });

  it("keeps the rows in the file's order across lead agencies", () => {
    const draft = importResultsReport(
      [
        "TT\tChỉ tiêu\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả thực hiện",
        `1\t${byOrder("2").text}\tSở Tài chính\t\t70%`,
        "2\tTỷ lệ các bệnh viện công lập được triển khai bệnh án điện tử\tSở Y tế\t\t100%",
        `3\t${byOrder("6").text}\tSở Tài chính\t\tĐạt`,
      ].join("\n"),
    );
    const rows = matchReportRows(reportLinesOf(draft), view);
    expect(rows.map((row) => [row.row, row.line, row.status])).toEqual([
      [1, 2, "matched"],
      [2, 3, "other_agency"],
      [3, 4, "matched"],
    ]);
    expect(rows[2]!.value).toMatchObject({ verdict: "needs_review", explanation: "Cơ quan tự đánh giá «Đạt», không có số liệu để đối chiếu" });
  });
});

describe("confirming a preview", () => {
  const rows = matchReportRows(
    [
      line(byOrder("2").text, "70%"),
      line("Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận giải quyết TTHC", "75%"),
      line("Số lượng cán bộ được tập huấn kỹ năng số", "250 lượt"),
      line("Tỷ lệ các bệnh viện công lập được triển khai bệnh án điện tử", "100%", "Sở Y tế"),
    ],
    view,
  );

  it("matches as the preview said: matched, to confirm, unmatched, another agency", () => {
    expect(rows.map((row) => row.status)).toEqual(["matched", "uncertain", "unmatched", "other_agency"]);
  });

  it("takes matched rows and confirmed rows, with the result as written", () => {
    const outcome = valuesOfConfirmedReport(rows, view, { confirm: [{ row: 2, assignmentId: byOrder("3").assignmentId }], skip: [] });
    expect(outcome).toEqual({
      ok: true,
      rows: [
        { row: 1, assignmentId: byOrder("2").assignmentId },
        { row: 2, assignmentId: byOrder("3").assignmentId },
      ],
      values: [
        { assignmentId: byOrder("2").assignmentId, actual: 0.7, reportedText: "70%" },
        { assignmentId: byOrder("3").assignmentId, actual: 0.75, reportedText: "75%" },
      ],
    });
  });

  it("lets a person assign an unmatched row and skip an uncertain one", () => {
    const outcome = valuesOfConfirmedReport(rows, view, { confirm: [{ row: 3, assignmentId: byOrder("4").assignmentId }], skip: [2] });
    expect(outcome.ok && outcome.values.map((value) => [value.assignmentId, value.actual, value.reportedText])).toEqual([
      [byOrder("2").assignmentId, 0.7, "70%"],
      // "250 lượt" against a percentage: kept as written, and the judge asks a person.
      [byOrder("4").assignmentId, "250 lượt", "250 lượt"],
    ]);
  });

  it.each([
    ["an uncertain row left undecided", { confirm: [], skip: [] }, "unconfirmed", "Dòng 2 cần xác nhận"],
    ["a row led by another agency", { confirm: [{ row: 4, assignmentId: byOrder("1").assignmentId }], skip: [2] }, "invalid", "Sở Y tế chủ trì"],
    ["an assignment of another agency", { confirm: [{ row: 2, assignmentId: "phu-tho-1521-qd-ubnd.so-y-te.1" }], skip: [] }, "invalid", "không được giao"],
    ["a row that does not exist", { confirm: [], skip: [2, 9] }, "invalid", "không có dòng 9"],
    ["two rows for one assignment", { confirm: [{ row: 2, assignmentId: byOrder("2").assignmentId }], skip: [] }, "invalid", "cùng báo cáo chỉ tiêu"],
    ["nothing left to submit", { confirm: [], skip: [1, 2] }, "invalid", "Không có dòng nào"],
  ])("refuses %s", (_name, choices, kind, message) => {
    const outcome = valuesOfConfirmedReport(rows, view, choices);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatchObject({ kind });
    expect(outcome.problems[0]!.message).toContain(message);
  });
});
