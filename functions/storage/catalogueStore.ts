import type { BlobServiceClient, ContainerClient } from "@azure/storage-blob";
import * as z from "zod";
import { CatalogueLookup } from "../../shared/catalogue/lookup";
import { catalogueSchema, type Catalogue } from "../../shared/catalogue/model";
import { ensureContainer, isBlobNotFound, isPreconditionFailed, readAll } from "./blobClient";

/**
 * The canonical catalogue lives in one blob, replaced whole under an ETag condition: two province officers importing
 * at once cannot lose each other's decision, and every saved version is also kept as its own blob for the audit trail.
 * Reads are served from memory for a few seconds, because every request needs the catalogue and it changes rarely.
 */

const CURRENT_BLOB = "current.json";

export const storedCatalogueSchema = z.object({
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  reason: z.string(),
  catalogue: catalogueSchema,
});
export type StoredCatalogue = z.infer<typeof storedCatalogueSchema>;

export interface CatalogueSnapshot {
  version: number;
  updatedAt: string;
  catalogue: Catalogue;
  lookup: CatalogueLookup;
  etag?: string;
}

export class CatalogueConflictError extends Error {}

const EMPTY_CATALOGUE: Catalogue = { indicators: [], agencies: [], groups: [], decisions: [], assignments: [], uncertainMatches: [] };
const MAX_UPDATE_ATTEMPTS = 4;

export class CatalogueStore {
  private cached?: { snapshot: CatalogueSnapshot; readAt: number };
  private container?: ContainerClient;

  constructor(
    private readonly service: BlobServiceClient,
    private readonly containerName: string,
    private readonly cacheMs = 5000,
  ) {}

  async init(): Promise<void> {
    this.container = await ensureContainer(this.service, this.containerName);
  }

  private blobs(): ContainerClient {
    return (this.container ??= this.service.getContainerClient(this.containerName));
  }

  async current(): Promise<CatalogueSnapshot> {
    if (this.cached && Date.now() - this.cached.readAt < this.cacheMs) return this.cached.snapshot;
    return this.readFresh();
  }

  private async readFresh(): Promise<CatalogueSnapshot> {
    const blob = this.blobs().getBlockBlobClient(CURRENT_BLOB);
    let snapshot: CatalogueSnapshot;
    const known = this.cached?.snapshot.etag;
    try {
      // Conditional: an unchanged catalogue costs one small round trip, not a download and a parse.
      const download = await blob.download(0, undefined, known ? { conditions: { ifNoneMatch: known } } : {});
      const stored = storedCatalogueSchema.parse(JSON.parse((await readAll(download.readableStreamBody)).toString("utf8")));
      snapshot = toSnapshot(stored, download.etag);
    } catch (error) {
      if (isNotModified(error) && this.cached) {
        this.cached = { snapshot: this.cached.snapshot, readAt: Date.now() };
        return this.cached.snapshot;
      }
      if (!isBlobNotFound(error)) throw error;
      snapshot = { version: 0, updatedAt: "", catalogue: EMPTY_CATALOGUE, lookup: new CatalogueLookup(EMPTY_CATALOGUE) };
    }
    this.cached = { snapshot, readAt: Date.now() };
    return snapshot;
  }

  /**
   * Applies a change to the latest catalogue and saves it as the next version. The change runs again on the newer
   * catalogue when another writer got there first, so it must be a function of the catalogue it is given.
   */
  async update<T>(
    change: (catalogue: Catalogue) => { catalogue: Catalogue; result: T },
    meta: { updatedBy: string; reason: string },
  ): Promise<{ version: number; result: T }> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt += 1) {
      const base = await this.readFresh();
      const { catalogue, result } = change(base.catalogue);
      const stored: StoredCatalogue = {
        version: base.version + 1,
        updatedAt: new Date().toISOString(),
        updatedBy: meta.updatedBy,
        reason: meta.reason,
        catalogue: catalogueSchema.parse(catalogue),
      };
      const body = JSON.stringify(stored);
      try {
        // The history copy first: a version that became current always has its copy, a lost race leaves a spare one.
        await this.blobs()
          .getBlockBlobClient(`versions/${String(stored.version).padStart(6, "0")}-${stored.updatedAt.replace(/[:.]/g, "")}.json`)
          .upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: "application/json" } });
        const written = await this.blobs()
          .getBlockBlobClient(CURRENT_BLOB)
          .upload(body, Buffer.byteLength(body), {
            blobHTTPHeaders: { blobContentType: "application/json" },
            conditions: base.etag ? { ifMatch: base.etag } : { ifNoneMatch: "*" },
          });
        this.cached = { snapshot: toSnapshot(stored, written.etag), readAt: Date.now() };
        return { version: stored.version, result };
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
      }
    }
    throw new CatalogueConflictError("Danh mục đang được người khác cập nhật; hãy thử lại sau ít phút.");
  }
}

function toSnapshot(stored: StoredCatalogue, etag: string | undefined): CatalogueSnapshot {
  return {
    version: stored.version,
    updatedAt: stored.updatedAt,
    catalogue: stored.catalogue,
    lookup: new CatalogueLookup(stored.catalogue),
    ...(etag ? { etag } : {}),
  };
}

function isNotModified(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 304;
}
