import { readFile } from "node:fs/promises";
import type { Agency, Catalogue } from "../../shared/catalogue/model";
import { catalogueSchema } from "../../shared/catalogue/model";
import { DEMO_CATALOGUE_PATH } from "../catalogue/catalogueFile";
import type { Services } from "../services/services";

/**
 * What a fresh local system starts with: the catalogue imported from the three seed decisions, plus a few communes and
 * wards of Phú Thọ so that the decision's section "UBND các xã, phường" has agencies to report.
 */
export const DEMO_COMMUNES: readonly Agency[] = [
  { id: "phuong-viet-tri", name: "UBND phường Việt Trì", kind: "ubnd_cap_xa", province: "phu-tho" },
  { id: "phuong-phu-tho", name: "UBND phường Phú Thọ", kind: "ubnd_cap_xa", province: "phu-tho" },
  { id: "xa-ha-hoa", name: "UBND xã Hạ Hòa", kind: "ubnd_cap_xa", province: "phu-tho" },
  { id: "xa-thanh-son", name: "UBND xã Thanh Sơn", kind: "ubnd_cap_xa", province: "phu-tho" },
  { id: "xa-tam-nong", name: "UBND xã Tam Nông", kind: "ubnd_cap_xa", province: "phu-tho" },
];

export const DEMO_PROVINCE = "phu-tho";
export const DEMO_AGENCY = "so-tai-chinh";
export const DEMO_DECISION = "phu-tho-1521-qd-ubnd";

export async function demoCatalogue(): Promise<Catalogue> {
  const shipped = catalogueSchema.parse(JSON.parse(await readFile(DEMO_CATALOGUE_PATH, "utf8")));
  const known = new Set(shipped.agencies.map((agency) => `${agency.province}/${agency.id}`));
  return { ...shipped, agencies: [...shipped.agencies, ...DEMO_COMMUNES.filter((agency) => !known.has(`${agency.province}/${agency.id}`))] };
}

/** Loads the demo catalogue into an empty store; a store that already has a catalogue is left as it is. */
export async function loadDemoIfEmpty(services: Services): Promise<boolean> {
  if ((await services.catalogue.current()).version > 0) return false;
  const catalogue = await demoCatalogue();
  await services.catalogue.update(() => ({ catalogue, result: undefined }), { updatedBy: "npm start", reason: "Danh mục mẫu từ ba văn bản gốc" });
  return true;
}
