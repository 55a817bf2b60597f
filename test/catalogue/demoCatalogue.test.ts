import { describe, expect, it } from "vitest";
import { buildDemoCatalogue } from "../../functions/catalogue/demoCatalogue";
import { DEMO_CATALOGUE_PATH, loadCatalogue } from "../../functions/catalogue/catalogueFile";
import { catalogueListing } from "../../functions/cli/commands/catalogue";

describe("shipped demo catalogue", () => {
  it("is exactly what the importers make of the three seed decisions today", async () => {
    const committed = await loadCatalogue(DEMO_CATALOGUE_PATH);
    const { catalogue, reports } = await buildDemoCatalogue();
    expect(reports.flatMap((report) => report.problems).filter((problem) => problem.severity === "error")).toEqual([]);
    // Re-run `kpi demo-catalogue` and review the diff when an importer changes on purpose.
    expect(catalogue).toEqual(committed);
  });

  it("holds the three decisions with every row of every section", async () => {
    const catalogue = await loadCatalogue(DEMO_CATALOGUE_PATH);
    const rowsOf = (decisionId: string) => catalogue.assignments.filter((assignment) => assignment.decisionId === decisionId).length;
    expect(catalogue.decisions.map((decision) => [decision.id, decision.number, decision.year])).toEqual([
      ["phu-tho-1521-qd-ubnd", "1521/QĐ-UBND", 2025],
      ["hue-106-kh-ubnd", "106/KH-UBND", 2025],
      ["vinh-phuc-488-qd-ct", "488/QĐ-CT", 2022],
    ]);
    expect(rowsOf("phu-tho-1521-qd-ubnd")).toBe(130);
    expect(rowsOf("vinh-phuc-488-qd-ct")).toBe(372);
    expect(rowsOf("hue-106-kh-ubnd")).toBe(112);
  });

  it("keeps Huế's milestone targets by date", async () => {
    const catalogue = await loadCatalogue(DEMO_CATALOGUE_PATH);
    const trade = catalogue.assignments.filter((assignment) => assignment.decisionId === "hue-106-kh-ubnd" && assignment.agencyId === "so-cong-thuong" && assignment.milestones.length > 0);
    expect(trade).toHaveLength(4);
    // Each milestone's target is read at import, like the main target.
    const above95 = { kind: "percent", comparator: "gt", value: 95 };
    expect(trade[0]!.milestones).toEqual([
      { due: "2025-03-31", targetText: ">95%", target: above95 },
      { due: "2025-06-30", targetText: ">95%", target: above95 },
      { due: "2025-12-31", targetText: ">95%", target: above95 },
    ]);
  });

  it("makes the signed-outgoing-documents indicator one entry assigned to every Phú Thọ agency that has it", async () => {
    const catalogue = await loadCatalogue(DEMO_CATALOGUE_PATH);
    const entry = catalogueListing(catalogue, "phu-tho-1521-qd-ubnd").find((listed) =>
      listed.name.startsWith("Tỷ lệ văn bản đi trên Hệ thống Quản lý văn bản và điều hành được ký số theo đúng quy định"),
    );
    expect(entry?.assignments).toHaveLength(16);
    expect(entry?.assignments.map((assigned) => assigned.agency)).toContain("UBND các xã, phường");
    expect(new Set(entry?.assignments.map((assigned) => assigned.targetText))).toEqual(new Set(["100%"]));
  });
});
