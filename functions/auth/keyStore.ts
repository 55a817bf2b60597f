import { randomBytes, timingSafeEqual } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { LRUCache } from "lru-cache";
import * as z from "zod";
import { sha256Hex } from "../storage/submissionKeys";
import { isNotFound } from "../storage/tableClient";
import { principalSchema, roleSchema, type Principal, type TokenVerifier } from "./principal";

/**
 * Bearer keys "kpi_<province>.<id>_<secret>". Only a hash of the secret is stored, so a copy of the table does not let
 * anyone in; the key names its row (partition = province, row = id) so it is found without scanning, and the
 * comparison takes the same time whatever the secret.
 *
 * Keys issued before the table was partitioned by province ("kpi_<id>_<secret>", all in partition "key") keep
 * working: on first use the row is copied to its province's partition and the old row becomes a pointer to it.
 */

/** The partition every key lived in before keys were partitioned by province. */
const LEGACY_PARTITION = "key";
/** More keys than one server sees in a revocation delay's time; the least recently used ones are read again. */
const KEY_CACHE_ENTRIES = 10_000;
const TOKEN_PATTERN = /^kpi_(?:([a-z0-9-]{1,64})\.)?([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
const KEY_ID_PATTERN = /^(?:([a-z0-9-]{1,64})\.)?([a-f0-9]{16})$/;

export const storedKeySchema = z.object({
  partitionKey: z.string(),
  rowKey: z.string(),
  role: roleSchema,
  province: z.string(),
  agencyId: z.string().optional(),
  label: z.string(),
  secretHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});
export type StoredKey = z.infer<typeof storedKeySchema>;

/** What is left in the legacy partition once a key has moved to its province. */
const movedKeySchema = z.object({ movedTo: z.string() });

export interface KeySummary {
  /** "phu-tho.9d98e0ced7cd15e0": what `kpi key revoke` takes. */
  keyId: string;
  role: Principal["role"];
  province: string;
  agencyId?: string;
  label: string;
  createdAt: string;
  revokedAt?: string;
}

interface KeyAddress {
  province?: string;
  id: string;
}

export class KeyStore implements TokenVerifier {
  /**
   * Bounded: a stream of well-formed random keys must not grow memory. Only keys that exist are remembered, so
   * made-up ids cannot push real ones out; a made-up id costs a table read each time, as it would without a cache.
   */
  private readonly keyCache = new LRUCache<string, StoredKey>({ max: KEY_CACHE_ENTRIES });
  private readonly keyReads = new Map<string, Promise<StoredKey | undefined>>();

  /** `cacheMs` trades a few seconds of revocation delay for one table read less per request. */
  constructor(
    private readonly table: TableClient,
    private readonly cacheMs = 0,
  ) {}

  async issue(input: { role: Principal["role"]; province: string; agencyId?: string; label: string }): Promise<{ token: string; key: KeySummary }> {
    const id = randomBytes(8).toString("hex");
    const secret = randomBytes(32).toString("base64url");
    const keyId = `${input.province}.${id}`;
    const principal = principalSchema.parse({ ...input, subject: `key:${keyId}` });
    const createdAt = new Date().toISOString();
    await this.table.createEntity({
      partitionKey: principal.province,
      rowKey: id,
      role: principal.role,
      province: principal.province,
      ...(principal.agencyId ? { agencyId: principal.agencyId } : {}),
      label: principal.label,
      secretHash: sha256Hex(secret),
      createdAt,
    });
    return {
      token: `kpi_${keyId}_${secret}`,
      key: { keyId, role: principal.role, province: principal.province, agencyId: principal.agencyId, label: principal.label, createdAt },
    };
  }

  /** `keyId` as listed ("phu-tho.9d98e0ced7cd15e0"), or the bare id of a key issued before partitioning. */
  async revoke(keyId: string): Promise<boolean> {
    const match = KEY_ID_PATTERN.exec(keyId);
    if (!match) return false;
    const stored = await this.read({ ...(match[1] ? { province: match[1] } : {}), id: match[2]! });
    if (!stored) return false;
    if (!stored.revokedAt) {
      await this.table.updateEntity({ partitionKey: stored.partitionKey, rowKey: stored.rowKey, revokedAt: new Date().toISOString() }, "Merge");
    }
    this.keyCache.clear();
    return true;
  }

  /** One key as listed, by the id `kpi key list` shows; undefined when there is no such key. */
  async find(keyId: string): Promise<KeySummary | undefined> {
    const match = KEY_ID_PATTERN.exec(keyId);
    if (!match) return undefined;
    const stored = await this.read({ ...(match[1] ? { province: match[1] } : {}), id: match[2]! });
    return stored ? summaryOf(stored) : undefined;
  }

  async list(): Promise<KeySummary[]> {
    const keys: KeySummary[] = [];
    for await (const entity of this.table.listEntities()) {
      if (movedKeySchema.safeParse(entity).success) continue;
      keys.push(summaryOf(storedKeySchema.parse(entity)));
    }
    return keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async verify(bearerToken: string): Promise<Principal | undefined> {
    const match = TOKEN_PATTERN.exec(bearerToken);
    if (!match) return undefined;
    const [, province, id, secret] = match as unknown as [string, string | undefined, string, string];
    const stored = await this.cachedKey({ ...(province ? { province } : {}), id });
    if (!stored || stored.revokedAt) return undefined;
    const given = Buffer.from(sha256Hex(secret), "hex");
    const expected = Buffer.from(stored.secretHash, "hex");
    if (!timingSafeEqual(given, expected)) return undefined;
    return principalSchema.parse({
      role: stored.role,
      province: stored.province,
      ...(stored.agencyId ? { agencyId: stored.agencyId } : {}),
      subject: `key:${keyIdOf(stored)}`,
      label: stored.label,
    });
  }

  private async cachedKey(address: KeyAddress): Promise<StoredKey | undefined> {
    if (this.cacheMs <= 0) return this.read(address);
    const cacheKey = `${address.province ?? ""}.${address.id}`;
    const hit = this.keyCache.get(cacheKey);
    if (hit) return hit;
    // Requests that arrive together with a key not cached (50 officers of a province submitting as it expires) share
    // one read instead of each making its own.
    const pending = this.keyReads.get(cacheKey);
    if (pending) return pending;
    const reading = this.read(address).finally(() => this.keyReads.delete(cacheKey));
    this.keyReads.set(cacheKey, reading);
    const stored = await reading;
    if (stored) this.keyCache.set(cacheKey, stored, { ttl: this.cacheMs });
    return stored;
  }

  private async read(address: KeyAddress): Promise<StoredKey | undefined> {
    if (address.province) {
      const found = await this.entity(address.province, address.id);
      // A key of this format is only ever written to its province's partition.
      return found && found.province === address.province ? storedKeySchema.parse(found) : undefined;
    }
    return this.readLegacy(address.id);
  }

  /** A key issued before partitioning: follow its pointer, or move it now and leave one. */
  private async readLegacy(id: string): Promise<StoredKey | undefined> {
    const legacy = await this.entity(LEGACY_PARTITION, id);
    if (!legacy) return undefined;
    const moved = movedKeySchema.safeParse(legacy);
    if (moved.success) {
      const found = await this.entity(moved.data.movedTo, id);
      return found ? storedKeySchema.parse(found) : undefined;
    }
    const stored = storedKeySchema.parse(legacy);
    const { partitionKey: _old, rowKey: _row, ...properties } = stored;
    // Upsert, not create: two first uses at once both write the same copy.
    await this.table.upsertEntity({ partitionKey: stored.province, rowKey: id, ...properties }, "Replace");
    await this.table.upsertEntity({ partitionKey: LEGACY_PARTITION, rowKey: id, movedTo: stored.province }, "Replace");
    return { ...stored, partitionKey: stored.province };
  }

  private async entity(partitionKey: string, rowKey: string): Promise<Record<string, unknown> | undefined> {
    try {
      return await this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

function keyIdOf(stored: StoredKey): string {
  return `${stored.province}.${stored.rowKey}`;
}

function summaryOf(stored: StoredKey): KeySummary {
  return {
    keyId: keyIdOf(stored),
    role: stored.role,
    province: stored.province,
    ...(stored.agencyId ? { agencyId: stored.agencyId } : {}),
    label: stored.label,
    createdAt: stored.createdAt,
    ...(stored.revokedAt ? { revokedAt: stored.revokedAt } : {}),
  };
}
