import type { z } from "zod";
import { retryWhenBusy } from "../net/retryWhenBusy";
import { apiErrorBodySchema } from "./errors";

/**
 * The one error every client of the KPI server sees. `code` is one of the server's contract codes (shared/api/errors)
 * or, when no usable answer came, one of the client's own: "offline" (the request may never have arrived), "timeout"
 * (no answer in time), "bad_response" (an answer not in the contract), "server_error"/"http_error" (an error answer
 * without the contract's body, e.g. from a proxy). `status` is absent when no answer came at all.
 */
export class KpiApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "KpiApiError";
  }

  /** The request may never have reached the server, or its answer was lost: safe to send again as it was. */
  get retryable(): boolean {
    return this.code === "offline" || this.code === "timeout" || this.code === "storage_unavailable" || (this.status ?? 0) >= 500;
  }
}

export const CLIENT_MESSAGES = {
  offline:
    "Không kết nối được máy chủ KPI (mất mạng hoặc máy chủ đang dừng). Dữ liệu trong bảng vẫn được giữ nguyên; hãy thử lại khi có kết nối.",
  timeout: "Máy chủ KPI không trả lời kịp. Dữ liệu trong bảng vẫn được giữ nguyên; hãy thử lại sau ít phút.",
  notJson: "Máy chủ trả lời không đúng định dạng (không phải JSON). Kiểm tra lại địa chỉ máy chủ.",
  unexpected: "Máy chủ trả lời không đúng định dạng mong đợi: có thể phiên bản máy chủ và phần mềm không khớp.",
  serverError: (status: number) => `Máy chủ KPI đang gặp sự cố (mã ${status}). Dữ liệu trong bảng vẫn được giữ nguyên; hãy thử lại sau.`,
  refused: (status: number) => `Máy chủ từ chối yêu cầu (mã ${status}).`,
} as const;

export interface KpiApiClientOptions {
  /** The server's root ("http://127.0.0.1:7071"); routes are under /api. */
  baseUrl: string;
  /** The bearer key of the officer (or of the CLI's in-process host). */
  key: string;
  fetch?: typeof fetch;
  /** Per request, unless a request says otherwise. */
  timeoutMs?: number;
}

export interface KpiRequest {
  /** Sent as JSON with its content type. */
  json?: unknown;
  /** Sent as is (a file); give its content type in `headers`. */
  body?: BodyInit;
  headers?: Record<string, string>;
  /**
   * Makes the request safe to repeat: sent as Idempotency-Key, and while the server answers 503 "busy" the same
   * request goes again with the same key (bounded, shared/net/retryWhenBusy), so it is stored at most once.
   */
  idempotencyKey?: string;
  timeoutMs?: number;
  /** The caller's own cancellation (KPI.TARGET's per-recalculation deadline); its reason is thrown as is. */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The KPI server over HTTP, for the task pane (bundled for webviews: no Node API), KPI.TARGET and `kpi`. JSON
 * answers are checked against the contract's zod schemas; every failure is a KpiApiError.
 */
export class KpiApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly root: string;

  constructor(private readonly options: KpiApiClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.root = `${options.baseUrl.replace(/\/+$/, "")}/api/`;
  }

  /** A JSON answer, checked against `schema`. */
  request<S extends z.ZodType>(method: string, path: string, schema: S, request: KpiRequest = {}): Promise<z.infer<S>> {
    return this.withBusyRetry(request, () =>
      this.exchange(method, path, request, async (response) => {
        await throwUnlessOk(response);
        let body: unknown;
        try {
          body = JSON.parse(await response.text());
        } catch (error) {
          if (error instanceof SyntaxError) throw new KpiApiError("bad_response", CLIENT_MESSAGES.notJson, response.status);
          throw error;
        }
        const parsed = schema.safeParse(body);
        if (!parsed.success) throw new KpiApiError("bad_response", CLIENT_MESSAGES.unexpected, response.status);
        return parsed.data;
      }),
    );
  }

  /** A file the server sends (an xlsx). */
  blob(method: string, path: string, request: KpiRequest = {}): Promise<Blob> {
    return this.withBusyRetry(request, () =>
      this.exchange(method, path, request, async (response) => {
        await throwUnlessOk(response);
        return response.blob();
      }),
    );
  }

  /**
   * The answer whatever its status, read in full within the timeout, for callers that branch on error answers
   * themselves (the CLI prints an import's problems). Only a missing or lost answer throws.
   */
  raw(method: string, path: string, request: KpiRequest = {}): Promise<Response> {
    return this.exchange(method, path, request, async (response) => {
      const bytes = await response.arrayBuffer();
      const empty = response.status === 204 || response.status === 304;
      return new Response(empty ? null : bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
    });
  }

  private withBusyRetry<T>(request: KpiRequest, send: () => Promise<T>): Promise<T> {
    if (request.idempotencyKey === undefined) return send();
    return retryWhenBusy(send, (error) => error instanceof KpiApiError && error.code === "busy");
  }

  /** One request and the reading of its answer under one deadline, timed by hand: older webviews lack AbortSignal.timeout. */
  private async exchange<T>(method: string, path: string, request: KpiRequest, read: (response: Response) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs ?? this.timeoutMs);
    const outer = request.signal;
    const cancel = () => controller.abort();
    if (outer?.aborted) controller.abort();
    outer?.addEventListener("abort", cancel, { once: true });
    const lost = (error: unknown): unknown => {
      if (error instanceof KpiApiError) return error;
      if (timedOut) return new KpiApiError("timeout", CLIENT_MESSAGES.timeout);
      if (outer?.aborted) return outer.reason ?? error;
      return new KpiApiError("offline", CLIENT_MESSAGES.offline);
    };
    try {
      let response: Response;
      try {
        response = await this.fetchImpl(this.root + path.replace(/^\/+/, ""), {
          method,
          headers: this.headers(request),
          ...(request.json !== undefined ? { body: JSON.stringify(request.json) } : request.body !== undefined ? { body: request.body } : {}),
          signal: controller.signal,
        });
      } catch (error) {
        throw lost(error);
      }
      try {
        return await read(response);
      } catch (error) {
        throw lost(error);
      }
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", cancel);
    }
  }

  private headers(request: KpiRequest): Record<string, string> {
    return {
      authorization: `Bearer ${this.options.key}`,
      ...(request.json !== undefined ? { "content-type": "application/json" } : {}),
      ...(request.idempotencyKey !== undefined ? { "idempotency-key": request.idempotencyKey } : {}),
      ...request.headers,
    };
  }
}

/** An error answer as the contract's error: its code, Vietnamese message and details; a body outside the contract by status. */
async function throwUnlessOk(response: Response): Promise<void> {
  if (response.ok) return;
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const error = apiErrorBodySchema.safeParse(body);
  if (error.success) throw new KpiApiError(error.data.code, error.data.message, response.status, error.data.details);
  const failed = response.status >= 500;
  throw new KpiApiError(
    failed ? "server_error" : "http_error",
    failed ? CLIENT_MESSAGES.serverError(response.status) : CLIENT_MESSAGES.refused(response.status),
    response.status,
  );
}
