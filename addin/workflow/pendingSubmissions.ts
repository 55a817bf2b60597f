import * as z from "zod";

/**
 * A submission that was sent but not confirmed (offline, timeout, server error). Its idempotency key is remembered
 * with a fingerprint of what was sent, so that pressing "Nộp báo cáo" again with the same values retries the same
 * request — the server then stores it once even if the first attempt did arrive — while changed values get a new key.
 */

const pendingSchema = z.object({
  idempotencyKey: z.string().min(8).max(128),
  fingerprint: z.string(),
  firstTriedAt: z.string(),
});
export type PendingSubmission = z.infer<typeof pendingSchema>;

type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const storageKey = (decisionId: string, period: string, agencyId: string) => `kpi.pending.${decisionId}.${period}.${agencyId}`;

export class PendingSubmissions {
  constructor(
    private readonly storage: KeyValueStore = globalThis.localStorage,
    private readonly newKey: () => string = () => globalThis.crypto.randomUUID(),
  ) {}

  /** The key to send `body` with: the pending one when the same body is being retried, else a fresh one. */
  keyFor(scope: Scope, body: string): { idempotencyKey: string; retry: boolean } {
    const fingerprint = fingerprintOf(body);
    const pending = this.read(scope);
    if (pending && pending.fingerprint === fingerprint) return { idempotencyKey: pending.idempotencyKey, retry: true };
    return { idempotencyKey: this.newKey(), retry: false };
  }

  /** Called before sending: if the answer is lost, the next attempt finds the key here. */
  remember(scope: Scope, body: string, idempotencyKey: string, now: Date = new Date()): void {
    const existing = this.read(scope);
    const entry: PendingSubmission = {
      idempotencyKey,
      fingerprint: fingerprintOf(body),
      firstTriedAt: existing?.idempotencyKey === idempotencyKey ? existing.firstTriedAt : now.toISOString(),
    };
    this.storage.setItem(storageKey(scope.decisionId, scope.period, scope.agencyId), JSON.stringify(entry));
  }

  /** Called once the server confirmed the submission. */
  settle(scope: Scope): void {
    this.storage.removeItem(storageKey(scope.decisionId, scope.period, scope.agencyId));
  }

  read(scope: Scope): PendingSubmission | undefined {
    try {
      const raw = this.storage.getItem(storageKey(scope.decisionId, scope.period, scope.agencyId));
      const parsed = raw ? pendingSchema.safeParse(JSON.parse(raw)) : undefined;
      return parsed?.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}

export interface Scope {
  decisionId: string;
  period: string;
  agencyId: string;
}

/** FNV-1a over the UTF-16 code units, twice with different seeds: enough to tell two bodies apart, not a secret. */
export function fingerprintOf(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}:${text.length}`;
}
