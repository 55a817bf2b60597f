import type { HttpResponse as AzureHttpResponse, HttpResponseInit } from "@azure/functions";
import { HttpResponse } from "../http/azureRuntime";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
}

/** Statuses a fetch Response carries without a body, as Azure's HttpResponse treats them. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * What a handler's answer puts on the wire, as Azure's HttpResponse would write it: the status (200 when absent),
 * the headers with lower-case names, `jsonBody` serialised with "application/json" unless a content type is set,
 * a string body as UTF-8 text/plain, bytes as given, no body for 204/205/304. The common answers (JSON, bytes, text)
 * are written directly; anything else (streams, blobs, cookies, a Headers object, an HttpResponse) goes through
 * Azure's class, so it behaves exactly as before.
 */
export async function answerOf(result: HttpResponseInit | AzureHttpResponse): Promise<Answer> {
  return directAnswer(result) ?? (await answerThroughAzure(result));
}

function directAnswer(result: HttpResponseInit | AzureHttpResponse): Answer | undefined {
  if (result instanceof HttpResponse || result.cookies?.length || result.enableContentNegotiation) return undefined;
  const status = result.status ?? 200;
  if (!Number.isInteger(status) || status < 200 || status > 599) return undefined;
  const headers = plainHeaders(result.headers);
  if (!headers) return undefined;
  if (NULL_BODY_STATUSES.has(status)) return { status, headers, bytes: Buffer.alloc(0) };
  if (result.jsonBody !== undefined && result.jsonBody !== null) {
    const text = JSON.stringify(result.jsonBody) as string | undefined;
    if (text === undefined) return undefined;
    headers["content-type"] ??= "application/json";
    return { status, headers, bytes: Buffer.from(text) };
  }
  const body = result.body;
  if (body === undefined || body === null) return { status, headers, bytes: Buffer.alloc(0) };
  if (typeof body === "string") {
    headers["content-type"] ??= "text/plain;charset=UTF-8";
    return { status, headers, bytes: Buffer.from(body) };
  }
  if (body instanceof Uint8Array) return { status, headers, bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
  return undefined;
}

/** Headers given as a record, with lower-case names and values trimmed as fetch's Headers does; else undefined. */
function plainHeaders(given: HttpResponseInit["headers"]): Record<string, string> | undefined {
  const headers: Record<string, string> = Object.create(null);
  if (given === undefined) return headers;
  if (typeof given !== "object" || given === null || Array.isArray(given) || given instanceof Headers) return undefined;
  for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
    const lower = name.toLowerCase();
    if (lower in headers || typeof value !== "string" || /[\r\n\0]/.test(value)) return undefined;
    headers[lower] = value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
  }
  return headers;
}

async function answerThroughAzure(result: HttpResponseInit | AzureHttpResponse): Promise<Answer> {
  const response = result instanceof HttpResponse ? result : new HttpResponse(result);
  const bytes = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status ?? 200, headers, bytes };
}
