import type { BlobServiceClient, ContainerClient } from "@azure/storage-blob";
import { setTimeout as sleep } from "node:timers/promises";
import type * as z from "zod";
import { CatalogueLookup } from "../../shared/catalogue/lookup";
import { catalogueSchema, type Catalogue } from "../../shared/catalogue/model";
import { ensureContainer, isPreconditionFailed } from "./blobClient";
import { readJsonBlob, writeVersioned } from "./catalogueBlobIo";
import { CURRENT_PREFIX, INDICATORS_BLOB, indicatorsVersionBlob, provinceBlob, provinceOfBlob, provinceVersionBlob } from "./catalogueLayout";
import { splitSingleCatalogue } from "./catalogueMigration";
import {
  assembleCatalogue,
  emptyProvince,
  provinceContentOf,
  samePiece,
  sharedContentOf,
  splitCatalogue,
  storedIndicatorsSchema,
  storedProvinceCatalogueSchema,
  type ProvinceContent,
  type SharedContent,
  type StoredIndicators,
  type StoredProvinceCatalogue,
} from "./cataloguePartitions";

export { storedCatalogueSchema, type StoredCatalogue } from "./catalogueMigration";
export { storedIndicatorsSchema, storedProvinceCatalogueSchema } from "./cataloguePartitions";

/**
 * The canonical catalogue, stored in pieces (see catalogueLayout.ts): the national indicator definitions in one blob,
 * each province's decisions, assignments, agencies and groups in a blob of its own. Each piece is replaced under its
 * own ETag and keeps every version, so Phú Thọ's import neither waits for nor rewrites Huế's catalogue, and two
 * officers of one province importing at once still cannot lose each other's decision.
 *
 * Versions are counted per piece. A province's version is what its submissions record as their catalogue version:
 * the catalogue the agency answered is that province's piece at that version. `version` on a snapshot is the sum of
 * all pieces' versions — it grows with every change anywhere, which is all a national "has it changed" needs.
 *
 * Reads are served from memory for a few seconds; after that one listing of the current blobs tells which pieces
 * changed, and only those are downloaded again.
 */

export interface CatalogueSnapshot {
  /** Sum of every piece's version: grows with each change anywhere in the country. */
  version: number;
  updatedAt: string;
  catalogue: Catalogue;
  lookup: CatalogueLookup;
  /** The version of one province's catalogue, 0 before its first decision or agency. */
  versionOf(province: string): number;
}

export interface CatalogueUpdateMeta {
  updatedBy: string;
  reason: string;
  /**
   * The province the change is about: the change sees the indicators and that province's catalogue only, may change
   * nothing else, and the answer's version is the province's. Without it the change sees the whole country.
   */
  province?: string;
}

export class CatalogueConflictError extends Error {}

interface CachedPiece<T> {
  etag: string | undefined;
  stored: T;
}

const MAX_UPDATE_ATTEMPTS = 6;

export class CatalogueStore {
  private indicators?: CachedPiece<StoredIndicators>;
  private readonly provinces = new Map<string, CachedPiece<StoredProvinceCatalogue>>();
  private snapshot?: { value: CatalogueSnapshot; readAt: number };
  private reading?: Promise<CatalogueSnapshot>;
  private splitDone?: Promise<void>;
  private container?: ContainerClient;

  constructor(
    private readonly service: BlobServiceClient,
    private readonly containerName: string,
    private readonly cacheMs = 5000,
  ) {}

  /** Creates the container and, on a deployment of an earlier release, splits its single catalogue blob. */
  async init(): Promise<void> {
    this.container = await ensureContainer(this.service, this.containerName);
    await this.splitLegacyOnce();
  }

  private blobs(): ContainerClient {
    return (this.container ??= this.service.getContainerClient(this.containerName));
  }

  private splitLegacyOnce(): Promise<void> {
    this.splitDone ??= (async () => {
      const marker = this.blobs().getBlockBlobClient(INDICATORS_BLOB);
      if (!(await marker.exists())) await splitSingleCatalogue(this.blobs());
    })().catch((error: unknown) => {
      this.splitDone = undefined;
      throw error;
    });
    return this.splitDone;
  }

  /**
   * The catalogue as listed at most `cacheMs` ago. Past half that time the snapshot is renewed in the background while
   * it still answers: a request that found it expired would hold back every request arriving meanwhile until the
   * listing answers, and they would then all go on at once.
   */
  async current(): Promise<CatalogueSnapshot> {
    const known = this.snapshot;
    const age = known ? Date.now() - known.readAt : Infinity;
    if (known && age < this.cacheMs) {
      // A failed renewal leaves the snapshot answering for the rest of its time; the first request after that reads
      // afresh and hears of the failure.
      if (age >= this.cacheMs / 2 && !this.reading) this.readFresh().catch(() => {});
      return known.value;
    }
    return this.readFresh();
  }

  /** Concurrent requests after the cache expired share one listing instead of each sending their own. */
  private readFresh(): Promise<CatalogueSnapshot> {
    this.reading ??= this.refresh().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async refresh(): Promise<CatalogueSnapshot> {
    // What the listing shows is the catalogue as of its start or later: its time is counted from there.
    const startedAt = Date.now();
    await this.splitLegacyOnce();
    const listed: Array<{ name: string; etag: string | undefined }> = [];
    for await (const blob of this.blobs().listBlobsFlat({ prefix: CURRENT_PREFIX })) listed.push({ name: blob.name, etag: blob.properties.etag });
    let changed = !this.snapshot;
    await Promise.all(
      listed.map(async ({ name, etag }) => {
        if (name === INDICATORS_BLOB) {
          if (this.indicators && sameEtag(this.indicators.etag, etag)) return;
          const read = await readJsonBlob(this.blobs(), name);
          const stored = parseStored(storedIndicatorsSchema, read.json, name);
          // A listing started before this process saved a newer version (see update) must not bring the older one back.
          if (this.indicators && this.indicators.stored.version > stored.version) return;
          this.indicators = { etag: read.etag, stored };
          changed = true;
          return;
        }
        const province = provinceOfBlob(name);
        if (!province || sameEtag(this.provinces.get(province)?.etag, etag)) return;
        const read = await readJsonBlob(this.blobs(), name);
        const stored = parseStored(storedProvinceCatalogueSchema, read.json, name);
        if (stored.province !== province) throw new Error(`Catalogue blob ${name} holds the catalogue of ${stored.province}`);
        if ((this.provinces.get(province)?.stored.version ?? 0) > stored.version) return;
        this.provinces.set(province, { etag: read.etag, stored });
        changed = true;
      }),
    );
    if (changed || !this.snapshot) this.snapshot = { value: this.assemble(), readAt: startedAt };
    else this.snapshot = { value: this.snapshot.value, readAt: startedAt };
    return this.snapshot.value;
  }

  private assemble(): CatalogueSnapshot {
    const provinces = [...this.provinces.values()].map((piece) => piece.stored);
    const catalogue = assembleCatalogue(this.indicators?.stored, provinces.map(provinceContentOf));
    const versions = new Map(provinces.map((stored) => [stored.province, stored.version]));
    const pieces = [...provinces, ...(this.indicators ? [this.indicators.stored] : [])];
    return {
      version: pieces.reduce((sum, piece) => sum + piece.version, 0),
      updatedAt: pieces.map((piece) => piece.updatedAt).reduce((latest, at) => (at > latest ? at : latest), ""),
      catalogue,
      lookup: new CatalogueLookup(catalogue),
      versionOf: (province) => versions.get(province) ?? 0,
    };
  }

  /**
   * Applies a change to the latest catalogue and saves each piece it changed as that piece's next version; a change
   * that changes nothing saves nothing. The change runs again on the newer catalogue when another writer got to one
   * of its pieces first, so it must be a function of the catalogue it is given. Nothing is saved when the change
   * throws or gives a catalogue that is not valid.
   */
  async update<T>(
    change: (catalogue: Catalogue) => { catalogue: Catalogue; result: T },
    meta: CatalogueUpdateMeta,
  ): Promise<{ version: number; result: T }> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt += 1) {
      await this.readFresh();
      // The pieces as this attempt read them: their ETags guard the writes, whatever else this process writes meanwhile.
      const baseShared = this.indicators;
      const baseProvinces = new Map(this.provinces);
      const shared = sharedContentOf(baseShared?.stored);
      const inScope: ProvinceContent[] = meta.province
        ? [baseProvinces.has(meta.province) ? provinceContentOf(baseProvinces.get(meta.province)!.stored) : emptyProvince(meta.province)]
        : [...baseProvinces.values()].map((piece) => provinceContentOf(piece.stored));
      const { catalogue, result } = change(assembleCatalogue(shared, inScope));
      const next = splitCatalogue(catalogueSchema.parse(catalogue));
      if (meta.province) {
        const strays = [...next.provinces.keys()].filter((province) => province !== meta.province);
        if (strays.length > 0) throw new Error(`A change to the catalogue of ${meta.province} touched ${strays.join(", ")}`);
      }
      const saved = { updatedBy: meta.updatedBy, reason: meta.reason, updatedAt: new Date().toISOString() };
      try {
        // Indicators first: an assignment must never point at an indicator that is not stored yet.
        await this.saveShared(baseShared, next.shared, saved);
        // Provinces in the scope that the change emptied are saved empty, not left with their old content.
        const provinces = new Set([...inScope.map((content) => content.province), ...next.provinces.keys()]);
        await Promise.all(
          [...provinces].map((province) => this.saveProvince(province, baseProvinces.get(province), next.provinces.get(province) ?? emptyProvince(province), saved)),
        );
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
        // Whoever won wrote a piece this change read; the listing on the next attempt brings it in.
        await sleep(20 + Math.random() * 80 * (attempt + 1));
        continue;
      }
      this.snapshot = { value: this.assemble(), readAt: Date.now() };
      return { version: meta.province ? this.snapshot.value.versionOf(meta.province) : this.snapshot.value.version, result };
    }
    throw new CatalogueConflictError("Danh mục đang được người khác cập nhật; hãy thử lại sau ít phút.");
  }

  private async saveShared(base: CachedPiece<StoredIndicators> | undefined, after: SharedContent, meta: SaveMeta): Promise<void> {
    if (samePiece(sharedContentOf(base?.stored), after)) return;
    const stored = storedIndicatorsSchema.parse({ ...after, ...meta, version: (base?.stored.version ?? 0) + 1 });
    const etag = await writeVersioned(this.blobs(), INDICATORS_BLOB, indicatorsVersionBlob(stored.version, stored.updatedAt), JSON.stringify(stored), base?.etag);
    this.indicators = { etag, stored };
  }

  private async saveProvince(province: string, base: CachedPiece<StoredProvinceCatalogue> | undefined, after: ProvinceContent, meta: SaveMeta): Promise<void> {
    if (base ? samePiece(provinceContentOf(base.stored), after) : after.agencies.length + after.groups.length + after.decisions.length === 0) return;
    const stored = storedProvinceCatalogueSchema.parse({ ...after, ...meta, version: (base?.stored.version ?? 0) + 1 });
    const etag = await writeVersioned(this.blobs(), provinceBlob(province), provinceVersionBlob(province, stored.version, stored.updatedAt), JSON.stringify(stored), base?.etag);
    this.provinces.set(province, { etag, stored });
  }
}

interface SaveMeta {
  updatedBy: string;
  reason: string;
  updatedAt: string;
}

/** A listing gives ETags bare (0x8D…), a download or upload quoted ("0x8D…"): the same blob version either way. */
function sameEtag(known: string | undefined, listed: string | undefined): boolean {
  const bare = (etag: string | undefined) => etag?.replace(/^(W\/)?"(.*)"$/, "$2");
  return known !== undefined && bare(known) === bare(listed);
}

/** A piece that does not validate stops the read: serving part of a province's catalogue would be worse. */
function parseStored<S extends z.ZodType>(schema: S, json: unknown, name: string): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`Catalogue blob ${name} is not a valid catalogue piece: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`);
}
