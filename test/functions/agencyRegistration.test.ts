import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMUNES } from "../../functions/local/demoData";
import { startStack, type TestStack } from "../support/stack";

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

async function registerJson(agencies: Array<{ name: string; id?: string }>) {
  return stack.call("/agencies", { key: stack.keys.province, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ agencies }) });
}

async function registerXlsx(names: string[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Danh sách");
  sheet.addRow(["Danh sách xã, phường của tỉnh Phú Thọ"]);
  sheet.addRow(["STT", "Tên cơ quan"]);
  names.forEach((name, index) => sheet.addRow([index + 1, name]));
  return stack.call("/agencies", {
    key: stack.keys.province,
    method: "POST",
    headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    body: new Uint8Array(await workbook.xlsx.writeBuffer()),
  });
}

async function agencyIds(): Promise<string[]> {
  const body = (await (await stack.call("/agencies", { key: stack.keys.province })).json()) as { agencies: Array<{ id: string }> };
  return body.agencies.map((agency) => agency.id);
}

const demoIds = DEMO_COMMUNES.map((commune) => commune.id);

describe("agencies registered once", () => {
  it("adds nothing when the demo communes are registered again as JSON, and says which it matched", async () => {
    const before = await agencyIds();
    const response = await registerJson(DEMO_COMMUNES.map((commune) => ({ name: commune.name })));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.added).toEqual([]);
    expect(body.close).toEqual([]);
    expect(body.matched.map((row: { id: string }) => row.id)).toEqual(demoIds);
    expect(body.matched[0]).toEqual({ row: 1, id: "phuong-viet-tri", name: "UBND phường Việt Trì" });
    expect(await agencyIds()).toEqual(before);
  });

  it("adds nothing when they come again as an xlsx list written differently (no UBND, other case, spacing)", async () => {
    const before = await agencyIds();
    const written = ["Phường Việt Trì", "PHƯỜNG PHÚ THỌ", "Ủy ban nhân dân xã Hạ Hòa", "xã  thanh sơn", "UBND Xã Tam Nông"];
    const response = await registerXlsx(written);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.added).toEqual([]);
    expect(body.matched.map((row: { id: string; row: number }) => [row.row, row.id])).toEqual(demoIds.map((id, index) => [index + 3, id]));
    expect(await agencyIds()).toEqual(before);
  });

  it("adds a new commune under the one id scheme, then matches it however it is written", async () => {
    const first = await (await registerJson([{ name: "UBND xã Thanh Ba" }])).json();
    expect(first.added).toEqual([{ row: 1, id: "xa-thanh-ba", name: "UBND xã Thanh Ba" }]);
    const again = await (await registerXlsx(["Xã Thanh Ba"])).json();
    expect(again.added).toEqual([]);
    expect(again.matched).toEqual([{ row: 3, id: "xa-thanh-ba", name: "UBND xã Thanh Ba" }]);
  });

  it("lists a name that only resembles a registered agency for a person to confirm, and does not add it", async () => {
    const before = await agencyIds();
    const body = await (await registerJson([{ name: "Tam Nông" }, { name: "Sở Y Tế (cũ)" }])).json();
    expect(body.added).toEqual([]);
    expect(body.close.map((row: { name: string; candidates: Array<{ id: string }> }) => [row.name, row.candidates[0]?.id])).toEqual([
      ["Tam Nông", "xa-tam-nong"],
      ["Sở Y Tế (cũ)", "so-y-te"],
    ]);
    expect(await agencyIds()).toEqual(before);
  });

  it("finds an agency by an id of the old scheme", async () => {
    const response = await stack.call("/decisions/phu-tho-1521-qd-ubnd/periods/2025-Q4/assignments?agency=ubnd-xa-ha-hoa", { key: stack.keys.province });
    expect(response.status).toBe(200);
    expect((await response.json()).agency.id).toBe("xa-ha-hoa");
  });
});
