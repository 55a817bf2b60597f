import { randomBytes, timingSafeEqual } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { sha256Hex } from "../storage/submissionKeys";
import { isNotFound } from "../storage/tableClient";
import { principalSchema, roleSchema, type Principal, type TokenVerifier } from "./principal";

/**
 * Bearer keys "kpi_<id>_<secret>". Only a hash of the secret is stored, so a copy of the table does not let anyone in;
 * the id finds the row without scanning, and the comparison takes the same time whatever the secret.
 */

const PARTITION = "key";
/** More keys than one server sees in a revocation delay's time; the least recently used ones are read again. */
const KEY_CACHE_ENTRIES = 10_000;
const TOKEN_PATTERN = /^kpi_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

export const storedKeySchema = z.object({
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

export interface KeySummary {
  keyId: string;
  role: Principal["role"];
  province: string;
  agencyId?: string;
  label: string;
  createdAt: string;
  revokedAt?: string;
}

export class KeyStore implements TokenVerifier {

  /** `cacheMs` trades a few seconds of revocation delay for one table read less per request. */
  constructor(
    private readonly table: TableClient,
    private readonly cacheMs = 0,
  ) {}

  async issue(input: { role: Principal["role"]; province: string; agencyId?: string; label: string }): Promise<{ token: string; key: KeySummary }> {
    const keyId = randomBytes(8).toString("hex");
    const secret = randomBytes(32).toString("base64url");
    const principal = principalSchema.parse({ ...input, subject: `key:${keyId}` });
    const createdAt = new Date().toISOString();
    await this.table.createEntity({
      partitionKey: PARTITION,
      rowKey: keyId,
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

  async revoke(keyId: string): Promise<boolean> {
    const stored = await this.read(keyId);
    if (!stored) return false;
    if (!stored.revokedAt) {
      await this.table.updateEntity({ partitionKey: PARTITION, rowKey: keyId, revokedAt: new Date().toISOString() }, "Merge");
    }
    this.keyCache.delete(keyId);
    return true;
  }

  async list(): Promise<KeySummary[]> {
    const keys: KeySummary[] = [];
    for await (const entity of this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } })) {
      const stored = storedKeySchema.parse(entity);
      keys.push(summaryOf(stored));
    }
    return keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async verify(bearerToken: string): Promise<Principal | undefined> {
    const match = TOKEN_PATTERN.exec(bearerToken);
    if (!match) return undefined;
    const [, keyId, secret] = match as unknown as [string, string, string];
    const stored = await this.cachedKey(keyId);
    if (!stored || stored.revokedAt) return undefined;
    const given = Buffer.from(sha256Hex(secret), "hex");
    const expected = Buffer.from(stored.secretHash, "hex");
    if (!timingSafeEqual(given, expected)) return undefined;
    return principalSchema.parse({
      role: stored.role,
      province: stored.province,
      ...(stored.agencyId ? { agencyId: stored.agencyId } : {}),
      subject: `key:${keyId}`,
      label: stored.label,
    });
  }

  /**
   * Bounded: a stream of well-formed random keys must not grow memory. Only keys that exist are remembered, so
   * made-up ids cannot push real ones out; a made-up id costs a table read each time, as it would without a cache.
   */
  private readonly keyCache = new LRUCache<string, StoredKey>({ max: KEY_CACHE_ENTRIES });

  private async cachedKey(keyId: string): Promise<StoredKey | undefined> {
    if (this.cacheMs <= 0) return this.read(keyId);
    const hit = this.keyCache.get(keyId);
    if (hit) return hit;
    const stored = await this.read(keyId);
    if (stored) this.keyCache.set(keyId, stored, { ttl: this.cacheMs });
    return stored;
  }

  private async read(keyId: string): Promise<StoredKey | undefined> {
    try {
      return storedKeySchema.parse(await this.table.getEntity(PARTITION, keyId));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

function summaryOf(stored: StoredKey): KeySummary {
  return {
    keyId: stored.rowKey,
    role: stored.role,
    province: stored.province,
    ...(stored.agencyId ? { agencyId: stored.agencyId } : {}),
    label: stored.label,
    createdAt: stored.createdAt,
    ...(stored.revokedAt ? { revokedAt: stored.revokedAt } : {}),
  };
}
