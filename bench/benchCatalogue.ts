import type { Agency, AgencyGroup, Assignment, Catalogue, CatalogueDecision } from "../shared/catalogue/model";

/**
 * A national-scale catalogue for the storage benchmarks: `provinces` provinces, each with `communes` communes and one
 * decision assigning `indicators` real indicators (from the Phú Thọ decision, targets as written) to all of them.
 */
export function benchCatalogue(demo: Catalogue, provinces: number, communes: number, indicators: number): Catalogue {
  const source = demo.assignments.filter((assignment) => assignment.decisionId === "phu-tho-1521-qd-ubnd");
  const seen = new Set<string>();
  const picked = source.filter((assignment) => !seen.has(assignment.indicatorCode) && seen.add(assignment.indicatorCode)).slice(0, indicators);
  const agencies: Agency[] = [];
  const groups: AgencyGroup[] = [];
  const decisions: CatalogueDecision[] = [];
  const assignments: Assignment[] = [];
  for (let p = 1; p <= provinces; p += 1) {
    const province = `tinh-${String(p).padStart(2, "0")}`;
    for (let c = 1; c <= communes; c += 1) {
      agencies.push({ id: `xa-${String(c).padStart(3, "0")}`, name: `UBND xã số ${c}`, kind: "ubnd_cap_xa", province });
    }
    groups.push({ id: "ubnd-cac-xa-phuong", name: "UBND các xã, phường", province, memberKind: "ubnd_cap_xa" });
    const decisionId = `${province}-100-qd-ubnd`;
    decisions.push({ id: decisionId, number: "100/QĐ-UBND", date: "2025-03-01", province, year: 2025, title: "Giao chỉ tiêu chuyển đổi số năm 2025 (dữ liệu đo hiệu năng)" });
    picked.forEach((assignment, index) => {
      const { agencyId: _named, ...rest } = assignment;
      assignments.push({ ...rest, id: `${decisionId}.xa.${index + 1}`, decisionId, groupId: "ubnd-cac-xa-phuong", order: String(index + 1) });
    });
  }
  return { indicators: demo.indicators, agencies, groups, decisions, assignments, uncertainMatches: [] };
}
