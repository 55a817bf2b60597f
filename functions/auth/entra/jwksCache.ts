import { createPublicKey, type KeyObject } from "node:crypto";
import * as z from "zod";

/**
 * The tenant's signing keys, fetched from its JWKS address once and kept. Entra rolls its keys over every few weeks
 * and publishes the new one well before use, so a token naming an unknown `kid` triggers one fetch — but not more
 * than one per cooldown, or a stream of made-up kids would become a stream of outbound requests. When a fetch fails
 * the keys already held stay in use: an outage of the key endpoint must not sign everyone out.
 */

/** Thrown when no key for the token can be known because the key endpoint cannot be reached. */
export class JwksUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`JWKS unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "JwksUnavailableError";
  }
}

export interface JwksCacheOptions {
  url: string;
  /** A slow key endpoint must not hold every request; default 5 s. */
  timeoutMs?: number;
  /** Least time between two fetches caused by unknown kids; default 30 s. */
  refetchCooldownMs?: number;
  /** Keys older than this are fetched again on next use, so retired keys stop working; default 1 hour. */
  maxAgeMs?: number;
  now?: () => number;
}

const jwkSchema = z.looseObject({
  kty: z.string(),
  kid: z.string().optional(),
  use: z.string().optional(),
  alg: z.string().optional(),
  n: z.string().optional(),
  e: z.string().optional(),
});
const jwksSchema = z.object({ keys: z.array(z.unknown()).max(100) });

/** RSA keys shorter than this are refused even if published. */
const MIN_MODULUS_BITS = 2048;

export class JwksCache {
  private keys = new Map<string, KeyObject>();
  /** Last successful fetch; undefined until the first one. */
  private loadedAt: number | undefined;
  /** Last fetch, successful or not: the cooldown counts from here, so a failing endpoint is not asked on every request. */
  private attemptedAt: number | undefined;
  private lastError: unknown;
  private inFlight: Promise<void> | undefined;
  private readonly timeoutMs: number;
  private readonly refetchCooldownMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: JwksCacheOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.refetchCooldownMs = options.refetchCooldownMs ?? 30_000;
    this.maxAgeMs = options.maxAgeMs ?? 3_600_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The RS256 key published under `kid`, or undefined when the tenant does not publish it. Throws
   * JwksUnavailableError while no key set has ever been fetched: then nothing can be said about the token.
   */
  async keyFor(kid: string): Promise<KeyObject | undefined> {
    if (this.inFlight) await this.inFlight;
    else if (this.needsFetch(kid)) {
      // Concurrent callers share one fetch.
      this.inFlight = this.fetchKeys().finally(() => {
        this.inFlight = undefined;
      });
      await this.inFlight;
    }
    if (this.loadedAt === undefined) throw new JwksUnavailableError(this.lastError);
    return this.keys.get(kid);
  }

  private needsFetch(kid: string): boolean {
    const now = this.now();
    if (this.attemptedAt !== undefined && now - this.attemptedAt < this.refetchCooldownMs) return false;
    return this.loadedAt === undefined || now - this.loadedAt >= this.maxAgeMs || !this.keys.has(kid);
  }

  /** Never rejects: a failure is remembered, and the keys already held stay in use. */
  private async fetchKeys(): Promise<void> {
    try {
      const response = await fetch(this.options.url, { signal: AbortSignal.timeout(this.timeoutMs), headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const document = jwksSchema.parse(await response.json());
      this.keys = rsaSigningKeys(document.keys);
      this.loadedAt = this.now();
    } catch (error) {
      this.lastError = error;
    } finally {
      this.attemptedAt = this.now();
    }
  }
}

function rsaSigningKeys(entries: unknown[]): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of entries) {
    const jwk = jwkSchema.safeParse(entry);
    if (!jwk.success) continue;
    const { kty, kid, use, alg, n, e } = jwk.data;
    if (kty !== "RSA" || !kid || !n || !e || (use !== undefined && use !== "sig") || (alg !== undefined && alg !== "RS256")) continue;
    try {
      const key = createPublicKey({ key: { kty, n, e }, format: "jwk" });
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_MODULUS_BITS) keys.set(kid, key);
    } catch {
      // A malformed key in the set is skipped; the others stay usable.
    }
  }
  return keys;
}
