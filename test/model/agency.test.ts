import { describe, it, expect } from "vitest";
import { agencyGroupSchema, agencySchema } from "../../shared/model";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("agency", () => {
  it("normalises a name copied from a PDF: stray spaces and decomposed diacritics", () => {
    const decomposed = "Sở Y tế".normalize("NFD");
    const agency = agencySchema.parse({ id: "so-y-te", name: `  ${decomposed} `, kind: "so_ban_nganh", province: "phu-tho" });
    expect(agency.name).toBe("Sở Y tế");
    expect(agency.name).toBe("Sở Y tế".normalize("NFC"));
  });

  it("accepts a centrally-run branch with a short name", () => {
    const agency = agencySchema.parse({ id: "cong-an-tinh", name: "Công an tỉnh", shortName: "CA tỉnh", kind: "nganh_doc", province: "phu-tho" });
    expect(agency.kind).toBe("nganh_doc");
  });

  it("rejects a blank name, an unknown kind and a self-parent in Vietnamese", () => {
    const result = agencySchema.safeParse({ id: "so-y-te", name: "   ", kind: "department", province: "phu-tho", parentId: "so-y-te" });
    expect(result.success).toBe(false);
    expect(messages(result)).toContain("Tên cơ quan không được để trống.");
    expect(messages(result)).toContain("Loại cơ quan phải là một trong: so_ban_nganh, nganh_doc, ubnd_cap_huyen, ubnd_cap_xa, khac.");
    const selfParent = agencySchema.safeParse({ id: "so-y-te", name: "Sở Y tế", kind: "so_ban_nganh", province: "phu-tho", parentId: "so-y-te" });
    expect(messages(selfParent)).toEqual(["Cơ quan không thể là cơ quan cấp trên của chính nó."]);
  });

  it("rejects a name longer than 300 characters", () => {
    const result = agencySchema.safeParse({ id: "x", name: "Sở ".repeat(101), kind: "khac", province: "phu-tho" });
    expect(messages(result)).toEqual(["Tên cơ quan dài quá 300 ký tự."]);
  });
});

describe("agency group", () => {
  it("takes every commune and ward by kind", () => {
    const group = agencyGroupSchema.parse({ id: "ubnd-cac-xa-phuong", name: "UBND các xã, phường", province: "phu-tho", memberKind: "ubnd_cap_xa" });
    expect(group.memberKind).toBe("ubnd_cap_xa");
  });

  it("takes an explicit list of members", () => {
    const group = agencyGroupSchema.parse({ id: "khoi-noi-chinh", name: "Khối nội chính", province: "phu-tho", members: ["cong-an-tinh", "thanh-tra-tinh"] });
    expect(group.members).toEqual(["cong-an-tinh", "thanh-tra-tinh"]);
  });

  it("needs exactly one way to find its members", () => {
    const neither = agencyGroupSchema.safeParse({ id: "g", name: "Nhóm", province: "phu-tho" });
    const both = agencyGroupSchema.safeParse({ id: "g", name: "Nhóm", province: "phu-tho", memberKind: "ubnd_cap_xa", members: ["xa-a"] });
    for (const result of [neither, both]) {
      expect(result.success).toBe(false);
      expect(messages(result)[0]).toMatch(/^Nhóm cơ quan cần đúng một cách xác định thành viên/);
    }
  });

  it("rejects a member listed twice", () => {
    const result = agencyGroupSchema.safeParse({ id: "g", name: "Nhóm", province: "phu-tho", members: ["xa-a", "xa-b", "xa-a"] });
    expect(messages(result)).toEqual(['Cơ quan "xa-a" có tên hai lần trong nhóm.']);
    expect(result.error?.issues[0]?.path).toEqual(["members", 2]);
  });
});
