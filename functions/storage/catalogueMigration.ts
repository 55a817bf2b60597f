import type { ContainerClient } from "@azure/storage-blob";
import * as z from "zod";
import { catalogueSchema } from "../../shared/catalogue/model";
import { isBlobNotFound, isPreconditionFailed } from "./blobClient";
import { readJsonBlob, writeVersioned } from "./catalogueBlobIo";
import { INDICATORS_BLOB, LEGACY_CURRENT_BLOB, indicatorsVersionBlob, provinceBlob, provinceVersionBlob } from "./catalogueLayout";
import { splitCatalogue, storedIndicatorsSchema, storedProvinceCatalogueSchema } from "./cataloguePartitions";

/** The single catalogue blob of earlier releases: the whole catalogue, replaced on every import. */
export const storedCatalogueSchema = z.object({
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  reason: z.string(),
  catalogue: catalogueSchema,
});
export type StoredCatalogue = z.infer<typeof storedCatalogueSchema>;

/**
 * Splits the single catalogue of a deployment that ran an earlier release into its pieces, once. Every piece starts at
 * the single catalogue's version, so a submission that recorded "catalogue version 12" still finds what it answered:
 * in the old history up to 12, in its province's own history from 12 on. The old blob and its history stay untouched.
 * Several instances starting together may all run this: each write only creates a blob that does not exist yet, and
 * the indicators blob, written last, marks the split as done.
 */
export async function splitSingleCatalogue(container: ContainerClient): Promise<"split" | "nothing to split"> {
  let legacy: StoredCatalogue;
  try {
    legacy = storedCatalogueSchema.parse((await readJsonBlob(container, LEGACY_CURRENT_BLOB)).json);
  } catch (error) {
    if (isBlobNotFound(error)) return "nothing to split";
    throw error;
  }
  const pieces = splitCatalogue(legacy.catalogue);
  const meta = { version: legacy.version, updatedAt: legacy.updatedAt, updatedBy: legacy.updatedBy, reason: `Tách theo tỉnh từ danh mục chung phiên bản ${legacy.version}` };
  await Promise.all(
    [...pieces.provinces.values()].map((content) => {
      const stored = storedProvinceCatalogueSchema.parse({ ...meta, ...content });
      return createOnce(container, provinceBlob(content.province), provinceVersionBlob(content.province, meta.version, meta.updatedAt), JSON.stringify(stored));
    }),
  );
  const indicators = storedIndicatorsSchema.parse({ ...meta, ...pieces.shared });
  await createOnce(container, INDICATORS_BLOB, indicatorsVersionBlob(meta.version, meta.updatedAt), JSON.stringify(indicators));
  return "split";
}

async function createOnce(container: ContainerClient, currentName: string, historyName: string, body: string): Promise<void> {
  try {
    await writeVersioned(container, currentName, historyName, body, undefined);
  } catch (error) {
    // Another instance split first (or this one crashed after this piece): the piece is there, from the same blob.
    if (!isPreconditionFailed(error)) throw error;
  }
}
