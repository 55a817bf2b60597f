import type { z } from "zod";
import type { AgencyChoices } from "../../shared/catalogue/agencyChoices";
import { retryWhenBusy } from "../../shared/net/retryWhenBusy";
import type { Sheet } from "../../shared/catalogue/importers/sheetRows";
import { aggregateSchema, type Aggregate } from "../../shared/report/aggregate";
import { periodAssignmentsSchema, type PeriodAssignments } from "../../shared/report/periodAssignments";
import { submissionReceiptSchema, type SubmissionReceipt, type SubmissionRequest, type VersionSummary } from "../../shared/report/receipt";
import type { Connection } from "../connection/connectionSettings";
import {
  apiErrorBodySchema,
  decisionsSchema,
  importResultSchema,
  meSchema,
  versionsSchema,
  workbookReceiptSchema,
  type DecisionChoice,
  type ImportResult,
  type Me,
  type WorkbookReceipt,
} from "./responses";

/**
 * The KPI server as the task pane talks to it. Every failure is a KpiRequestError with a stable code and a message
 * an officer can act on; "offline" and "timeout" mean the request may not have arrived, so the pane keeps what was
 * typed and a retry reuses the same idempotency key.
 */
export class KpiRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "KpiRequestError";
  }

  /** The request may never have reached the server, or its answer was lost: safe to retry as it was. */
  get retryable(): boolean {
    return this.code === "offline" || this.code === "timeout" || this.code === "storage_unavailable" || (this.status ?? 0) >= 500;
  }
}

export interface KpiClientOptions {
  fetch?: typeof fetch;
  /** Per request; uploads get four times as long. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export class KpiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(
    private readonly connection: Connection,
    options: KpiClientOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  me(): Promise<Me> {
    return this.json("GET", "me", meSchema);
  }

  async decisions(): Promise<DecisionChoice[]> {
    return (await this.json("GET", "decisions", decisionsSchema)).decisions;
  }

  assignments(decisionId: string, period: string, agencyId?: string): Promise<PeriodAssignments> {
    const query = agencyId ? `?agency=${encodeURIComponent(agencyId)}` : "";
    return this.json("GET", `${periodPath(decisionId, period)}/assignments${query}`, periodAssignmentsSchema);
  }

  /** Sent again with the same idempotency key while the server says it is busy (bounded): stored once either way. */
  submit(decisionId: string, period: string, body: SubmissionRequest, idempotencyKey: string): Promise<SubmissionReceipt> {
    return retryWhenBusy(
      () =>
        this.json("POST", `${periodPath(decisionId, period)}/submissions`, submissionReceiptSchema, {
          body: JSON.stringify(body),
          headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
        }),
      (error) => error instanceof KpiRequestError && error.code === "busy",
    );
  }

  uploadWorkbook(decisionId: string, period: string, agencyId: string, version: number, bytes: Uint8Array): Promise<WorkbookReceipt> {
    return this.json("PUT", `${agencyPath(decisionId, period, agencyId)}/versions/${version}/workbook`, workbookReceiptSchema, {
      body: bytes as BodyInit,
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      timeoutMs: this.timeoutMs * 4,
    });
  }

  async versions(decisionId: string, period: string, agencyId: string): Promise<VersionSummary[]> {
    return (await this.json("GET", `${agencyPath(decisionId, period, agencyId)}/versions`, versionsSchema)).versions;
  }

  aggregate(decisionId: string, period: string): Promise<Aggregate> {
    return this.json("GET", `${periodPath(decisionId, period)}/aggregate`, aggregateSchema);
  }

  async consolidatedReport(decisionId: string, period: string): Promise<Blob> {
    const response = await this.send("GET", `${periodPath(decisionId, period)}/report.xlsx`, { timeoutMs: this.timeoutMs * 4 });
    try {
      return await response.blob();
    } catch {
      throw new KpiRequestError("timeout", "Tải báo cáo tổng hợp bị gián đoạn. Hãy thử lại.");
    }
  }

  /** A decision laid out in sheets (the catalogue's xlsx layout), checked only (`dryRun`) or added to the catalogue. */
  importDecision(
    sheets: Sheet[],
    options: { dryRun: boolean; number?: string; year?: number; date?: string; agencyChoices?: AgencyChoices },
  ): Promise<ImportResult> {
    const query = new URLSearchParams({ format: "sheets", name: sheets[0]?.name ?? "bang-tinh", dryRun: String(options.dryRun) });
    if (options.agencyChoices && Object.keys(options.agencyChoices).length > 0) query.set("agencyChoices", JSON.stringify(options.agencyChoices));
    if (options.number) query.set("number", options.number);
    if (options.year) query.set("year", String(options.year));
    if (options.date) query.set("date", options.date);
    return this.json("POST", `catalogue/import?${query}`, importResultSchema, {
      body: JSON.stringify({ sheets }),
      headers: { "content-type": "application/json" },
    });
  }

  private async json<S extends z.ZodType>(method: string, path: string, schema: S, init: RequestOptions = {}): Promise<z.infer<S>> {
    const response = await this.send(method, path, init);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new KpiRequestError("bad_response", "Máy chủ trả lời không đúng định dạng (không phải JSON). Kiểm tra lại địa chỉ máy chủ.", response.status);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new KpiRequestError("bad_response", "Máy chủ trả lời không đúng định dạng mong đợi: có thể phiên bản máy chủ và add-in không khớp.", response.status);
    }
    return parsed.data;
  }

  private async send(method: string, path: string, init: RequestOptions): Promise<Response> {
    const url = `${this.connection.serverUrl.replace(/\/+$/, "")}/api/${path}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: { authorization: `Bearer ${this.connection.key}`, ...init.headers },
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal: timeoutSignal(init.timeoutMs ?? this.timeoutMs),
      });
    } catch (error) {
      if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
        throw new KpiRequestError("timeout", "Máy chủ KPI không trả lời kịp. Dữ liệu trong bảng vẫn được giữ nguyên; hãy thử lại sau ít phút.");
      }
      throw new KpiRequestError(
        "offline",
        "Không kết nối được máy chủ KPI (mất mạng hoặc máy chủ đang dừng). Dữ liệu trong bảng vẫn được giữ nguyên; hãy thử lại khi có kết nối.",
      );
    }
    if (response.ok) return response;
    const body = apiErrorBodySchema.safeParse(await response.json().catch(() => undefined));
    if (body.success) throw new KpiRequestError(body.data.code, body.data.message, response.status, body.data.details);
    throw new KpiRequestError(
      response.status >= 500 ? "server_error" : "http_error",
      response.status >= 500
        ? `Máy chủ KPI đang gặp sự cố (mã ${response.status}). Dữ liệu trong bảng vẫn được giữ nguyên; hãy thử lại sau.`
        : `Máy chủ từ chối yêu cầu (mã ${response.status}).`,
      response.status,
    );
  }
}

interface RequestOptions {
  body?: BodyInit;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** AbortSignal.timeout where the webview has it (older Excel for Mac webviews do not), else the same by hand. */
function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === "function") return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException("Hết thời gian chờ", "TimeoutError")), ms);
  return controller.signal;
}

function periodPath(decisionId: string, period: string): string {
  return `decisions/${encodeURIComponent(decisionId)}/periods/${encodeURIComponent(period)}`;
}

function agencyPath(decisionId: string, period: string, agencyId: string): string {
  return `${periodPath(decisionId, period)}/agencies/${encodeURIComponent(agencyId)}`;
}

/** A message for anything thrown: the pane never shows "[object Object]" nor swallows an error. */
export function messageOf(error: unknown): string {
  if (error instanceof KpiRequestError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return "Đã có lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận hỗ trợ.";
}
