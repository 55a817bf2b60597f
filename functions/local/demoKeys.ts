import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import * as z from "zod";
import type { Services } from "../services/services";
import { DEMO_AGENCY, DEMO_PROVINCE } from "./demoData";

const demoKeysSchema = z.object({ province: z.string(), agency: z.string(), viewer: z.string() });
export type DemoKeys = z.infer<typeof demoKeysSchema>;

/**
 * One key per role for trying the system, kept in the git-ignored data folder beside Azurite's data so the same keys
 * work after a restart. Issued again when the file or the keys are gone (a wiped data folder).
 */
export async function ensureDemoKeys(services: Services, path: string): Promise<DemoKeys> {
  if (existsSync(path)) {
    const saved = demoKeysSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
    if (saved.success && (await allValid(services, saved.data))) return saved.data;
  }
  const keys: DemoKeys = {
    province: (await services.keys.issue({ role: "province", province: DEMO_PROVINCE, label: "Sở KH&CN Phú Thọ (thử nghiệm)" })).token,
    agency: (await services.keys.issue({ role: "agency", province: DEMO_PROVINCE, agencyId: DEMO_AGENCY, label: "Sở Tài chính Phú Thọ (thử nghiệm)" })).token,
    viewer: (await services.keys.issue({ role: "viewer", province: DEMO_PROVINCE, label: "Văn phòng UBND tỉnh Phú Thọ (thử nghiệm)" })).token,
  };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, JSON.stringify(keys, null, 2) + "\n", { mode: 0o600 });
  await rename(`${path}.tmp`, path);
  return keys;
}

async function allValid(services: Services, keys: DemoKeys): Promise<boolean> {
  for (const token of Object.values(keys)) if (!(await services.verifier.verify(token))) return false;
  return true;
}
