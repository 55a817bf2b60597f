import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogueSchema, type Catalogue } from "../../shared/catalogue/model";

/** The reviewed demo catalogue shipped with the product: the three seed decisions, imported and checked. */
export const DEMO_CATALOGUE_PATH = fileURLToPath(new URL("../data/demo-catalogue.json", import.meta.url));

export async function loadCatalogue(path: string): Promise<Catalogue> {
  const text = await readFile(path, "utf8");
  return catalogueSchema.parse(JSON.parse(text));
}

/** Written to a temporary file then renamed: a crash leaves the old catalogue or the new one, never half of one. */
export async function saveCatalogue(path: string, catalogue: Catalogue): Promise<void> {
  const valid = catalogueSchema.parse(catalogue);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(valid, null, 1) + "\n");
  await rename(temporary, path);
}
