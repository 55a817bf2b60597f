import { KpiApiClient, KpiApiError } from "../../shared/api/client";
import { TARGET_BATCH_LIMIT, targetBatchResponseSchema, type TargetAnswer, type TargetQuery } from "../../shared/api/contract";

/** Sends one batch of queries and returns one answer per query, in order. */
export type TargetTransport = (queries: TargetQuery[], signal: AbortSignal) => Promise<TargetAnswer[]>;

export interface TargetBatcherOptions {
  maxBatch?: number;
  /** A cell waits at most this long; then it shows an error instead of staying #BUSY!. */
  timeoutMs?: number;
}

/**
 * KPI.TARGET cells ask for the assigned target one by one; Excel evaluates a recalculation's cells in one go, so the
 * calls made in the same turn are gathered and sent as one request (split at the server's batch limit). Answers are
 * cached while the workbook is open; a failure is not cached, so the next recalculation asks again.
 */
export class TargetBatcher {
  private pending: Array<{ query: TargetQuery; key: string; resolve: (text: string) => void; reject: (error: Error) => void }> = [];
  private readonly cache = new Map<string, Promise<string>>();
  private scheduled = false;

  constructor(
    private readonly transport: TargetTransport,
    private readonly options: TargetBatcherOptions = {},
  ) {}

  target(query: TargetQuery): Promise<string> {
    const key = `${query.agency.trim().toLowerCase()}|${query.indicatorCode.trim().toUpperCase()}|${query.period ?? ""}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<string>((resolve, reject) => {
      this.pending.push({ query, key, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setTimeout(() => void this.flush(), 0);
      }
    });
    this.cache.set(key, promise);
    promise.catch(() => this.cache.delete(key));
    return promise;
  }

  /** Forget every answer: after reconnecting to another server, or when the catalogue changed. */
  clear(): void {
    this.cache.clear();
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    const size = Math.min(this.options.maxBatch ?? TARGET_BATCH_LIMIT, TARGET_BATCH_LIMIT);
    const chunks = [];
    for (let start = 0; start < batch.length; start += size) chunks.push(batch.slice(start, start + size));
    await Promise.all(chunks.map((chunk) => this.send(chunk)));
  }

  private async send(chunk: TargetBatcher["pending"]): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 15_000);
    try {
      const answers = await this.transport(
        chunk.map((item) => item.query),
        controller.signal,
      );
      chunk.forEach((item, index) => {
        const answer = answers[index];
        if (answer?.ok) item.resolve(answer.targetText);
        else item.reject(new Error(answer ? answer.message : "Máy chủ không trả lời cho ô này."));
      });
    } catch (error) {
      const message = controller.signal.aborted
        ? "Máy chủ không trả lời kịp; tính lại (F9) để thử lại."
        : error instanceof Error && error.message
          ? error.message
          : "Không lấy được chỉ tiêu từ máy chủ.";
      for (const item of chunk) item.reject(new Error(message));
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The transport over HTTP: POST /api/targets with the officer's key, through the shared client. A cell has room for
 * one line, so "offline" says where to look rather than the pane's longer wording.
 */
export function httpTargetTransport(serverUrl: string, key: string, fetchImpl?: typeof fetch): TargetTransport {
  const api = new KpiApiClient({ baseUrl: serverUrl, key, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  return async (queries, signal) => {
    const { answers } = await api.request("POST", "targets", targetBatchResponseSchema, { json: { queries }, signal }).catch((error: unknown) => {
      if (error instanceof KpiApiError && error.code === "offline") {
        throw new KpiApiError("offline", "Không kết nối được máy chủ KPI; kiểm tra mạng hoặc địa chỉ máy chủ trong khung KPI.");
      }
      throw error;
    });
    if (answers.length !== queries.length) throw new KpiApiError("bad_response", "Máy chủ trả lời không đúng định dạng.");
    return answers;
  };
}
