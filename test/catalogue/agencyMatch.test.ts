import { describe, expect, it } from "vitest";
import { matchAgency } from "../../shared/catalogue/agencyMatch";
import { agencyIdOf, agencyNameKey, resolveAgencyName } from "../../shared/catalogue/agencyNames";
import { buildCatalogue } from "../../shared/catalogue/build";
import { CatalogueLookup } from "../../shared/catalogue/lookup";
import type { Agency, Catalogue } from "../../shared/catalogue/model";

const commune = (id: string, name: string): Agency => ({ id, name, kind: "ubnd_cap_xa", province: "phu-tho" });
const registered: Agency[] = [
  commune("xa-tam-nong", "UBND xã Tam Nông"),
  commune("xa-thanh-son", "UBND xã Thanh Sơn"),
  { id: "so-y-te", name: "Sở Y tế", kind: "so_ban_nganh", province: "phu-tho" },
];

describe("one id scheme for agencies", () => {
  it("drops UBND / Ủy ban nhân dân and keeps the kind word", () => {
    expect(agencyIdOf("UBND xã Hạ Hòa")).toBe("xa-ha-hoa");
    expect(agencyIdOf("Ủy ban nhân dân xã Hạ Hòa")).toBe("xa-ha-hoa");
    expect(agencyIdOf("Xã Hạ Hòa")).toBe("xa-ha-hoa");
    expect(resolveAgencyName("Ủy ban nhân dân huyện A Lưới")).toMatchObject({ id: "huyen-a-luoi", name: "UBND huyện A Lưới", kind: "ubnd_cap_huyen" });
    expect(agencyIdOf("Văn phòng UBND tỉnh")).toBe("van-phong-ubnd-tinh");
    expect(resolveAgencyName("UBND các xã, phường")).toMatchObject({ id: "ubnd-cac-xa-phuong", group: { memberKind: "ubnd_cap_xa" } });
  });

  it("resolves ids of the old scheme and of the new one to the same agency", () => {
    const old: Catalogue = { indicators: [], agencies: [commune("ubnd-xa-thanh-ba", "UBND xã Thanh Ba")], groups: [], decisions: [], assignments: [], uncertainMatches: [] };
    expect(new CatalogueLookup(old).agency("phu-tho", "xa-thanh-ba")?.id).toBe("ubnd-xa-thanh-ba");
    const current: Catalogue = { ...old, agencies: [commune("xa-thanh-ba", "UBND xã Thanh Ba")] };
    expect(new CatalogueLookup(current).agency("phu-tho", "ubnd-xa-thanh-ba")?.id).toBe("xa-thanh-ba");
    expect(new CatalogueLookup(current).agency("phu-tho", "xa-thanh-son")).toBeUndefined();
  });
});

describe("matching a name to the registered agencies", () => {
  it("matches the same name however it is written", () => {
    expect(agencyNameKey("  UBND   Xã TAM NÔNG ")).toBe(agencyNameKey("xã Tam Nông"));
    expect(matchAgency("Ủy ban nhân dân xã Tam Nông", registered)).toMatchObject({ kind: "matched", agency: { id: "xa-tam-nong" } });
  });

  it("offers a name that only resembles one, and never a commune of another name", () => {
    expect(matchAgency("Sở Y Tế (cũ)", registered)).toMatchObject({ kind: "close", candidates: [{ id: "so-y-te" }] });
    expect(matchAgency("Tam Nông", registered)).toMatchObject({ kind: "close", candidates: [{ id: "xa-tam-nong" }] });
    expect(matchAgency("Xã Thanh Ba", registered)).toEqual({ kind: "new" });
    expect(matchAgency("Sở Tài chính", registered)).toEqual({ kind: "new" });
  });

  it("reuses, within one decision, an agency its own earlier section created", () => {
    const draft = {
      format: "table_text" as const,
      header: {},
      problems: [],
      sections: ["Sở Du lịch", "SỞ DU LỊCH"].map((heading, index) => ({ order: String(index + 1), heading, rows: [{ order: "1", text: "Tỷ lệ số hóa hồ sơ", targetText: "100%" }] })),
    };
    const decision = { id: "hue-1-kh", number: "1/KH", date: "2025-01-01", province: "hue", year: 2025, title: "Kế hoạch" };
    const { catalogue, reports } = buildCatalogue([{ draft, decision }]);
    expect(catalogue.agencies.map((agency) => agency.id)).toEqual(["so-du-lich"]);
    expect(reports[0]!.agencies.created).toEqual([{ heading: "Sở Du lịch", id: "so-du-lich", name: "Sở Du lịch" }]);
  });

  it("never creates a second agency of a registered name, even when asked to create one", () => {
    const existing: Catalogue = { indicators: [], agencies: registered, groups: [], decisions: [], assignments: [], uncertainMatches: [] };
    const draft = {
      format: "table_text" as const,
      header: {},
      problems: [],
      sections: [{ order: "1", heading: "UBND XÃ TAM NÔNG", rows: [{ order: "1", text: "Tỷ lệ số hóa hồ sơ", targetText: "100%" }] }],
    };
    const decision = { id: "phu-tho-2-qd", number: "2/QĐ", date: "2026-01-01", province: "phu-tho", year: 2026, title: "Quyết định" };
    const { catalogue, reports } = buildCatalogue([{ draft, decision, agencyChoices: { "UBND XÃ TAM NÔNG": { create: true } } }], existing);
    expect(catalogue.agencies).toHaveLength(registered.length);
    expect(reports[0]!.agencies.matched.map((agency) => agency.id)).toEqual(["xa-tam-nong"]);
    expect(catalogue.assignments[0]!.agencyId).toBe("xa-tam-nong");
  });
});
